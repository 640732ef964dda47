// Reading a whole file that came from the user (a lesson, settings, --input @FILE, a picture) without ever
// blocking or running out of memory: only regular files are read (a FIFO, a device or a directory is refused
// with a clear message, before anything could block on it), and at most `max_bytes`.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "poolscope/result.h"

namespace poolscope {

// nullopt for a regular file (after symlinks); otherwise why it is not one, as a phrase such as
// "does not exist" or "is a named pipe (FIFO), not a regular file". Uses stat() only, which never blocks.
std::optional<std::string> not_a_regular_file(const std::filesystem::path& path);

// The file's bytes. Errors name the path in `field`; a file over `max_bytes` is refused with `what` (e.g.
// "lesson") in the message. The open is non-blocking and checked again on the open descriptor, so a file
// swapped for a FIFO after the first check cannot hang the read either.
Result<std::string> read_regular_file(const std::filesystem::path& path, int64_t max_bytes,
                                      const std::string& what = "file");

// A command-line value that may name a file: "@path" is the file's text, read as above (at most
// kMaxArgumentFileBytes), anything else is the text itself. Every "@FILE" option of every command reads
// through here (the window's --input/--params, `poolscope export --input`). Errors name `option`.
inline constexpr int64_t kMaxArgumentFileBytes = int64_t{16} << 20;
Result<std::string> text_or_file(const std::string& arg, const std::string& option);

}  // namespace poolscope
