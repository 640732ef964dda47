// Replacing a user's file without ever losing or corrupting what was there (a saved lesson, `poolscope fmt`,
// an export): the bytes go to a temporary file beside the target, every write is checked, the data is flushed
// to disk, then the temporary file is renamed over the target. A symlink is followed (the file it points to
// is replaced, the link stays); the target's mode and owner are kept; a target that is read-only, has other
// hard links or is not a regular file is refused before anything is written. The temporary file goes away on
// every way out: an error, abandon(), the destructor, and SIGINT / SIGTERM / SIGHUP (removed, then the
// signal carries on); a file-size limit (SIGXFSZ) becomes the error "File too large" instead of a kill.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "poolscope/result.h"

namespace poolscope {

class FileReplacement {
  public:
    FileReplacement() = default;
    ~FileReplacement();  // abandons an uncommitted replacement
    FileReplacement(const FileReplacement&) = delete;
    FileReplacement& operator=(const FileReplacement&) = delete;

    // Checks the target (following symlinks) and creates the temporary file. Errors name `path`.
    Result<bool> begin(const std::filesystem::path& path);
    // The temporary file's descriptor, for writers that take one (giflib): give them a dup() of it.
    int fd() const { return fd_; }
    Result<bool> write(std::string_view bytes);
    // Flushes to disk, closes and renames over the target; the target is untouched on any error.
    Result<bool> commit();
    // Removes the temporary file; the target stays as it was.
    void abandon();

    const std::filesystem::path& target() const { return target_; }  // the symlink's end, when one
    const std::filesystem::path& temp_path() const { return temp_; }

  private:
    Result<bool> fail(const std::string& what, int error);
    std::filesystem::path asked_, target_, temp_;
    int fd_ = -1;
    int slot_ = -1;  // where the signal handlers find temp_
};

// The whole replacement in one call.
Result<bool> replace_file(const std::filesystem::path& path, std::string_view bytes);

// Why `path` may not be replaced (read-only, other hard links, not a regular file, its owner cannot be kept),
// or nullopt; a missing file may be created. Follows symlinks. Used by begin(), and to refuse early.
std::optional<std::string> why_not_replaceable(const std::filesystem::path& path);

}  // namespace poolscope
