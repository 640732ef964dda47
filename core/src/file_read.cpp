// Non-blocking, bounded reads of user-named files (see file_read.h). POSIX: Debian is the target.
#include "poolscope/file_read.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "poolscope/text_guard.h"

namespace poolscope {
namespace {

std::string kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return "is a directory, not a file";
    if (S_ISFIFO(mode)) return "is a named pipe (FIFO), not a regular file";
    if (S_ISSOCK(mode)) return "is a socket, not a regular file";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "is a device, not a regular file";
    return "is not a regular file";
}

// Closes the descriptor on every path out of read_regular_file.
struct Fd {
    int fd;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

std::optional<std::string> not_a_regular_file(const std::filesystem::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return errno == ENOENT ? std::string("does not exist")
                               : std::string("cannot be read: ") + std::strerror(errno);
    if (S_ISREG(st.st_mode)) return std::nullopt;
    return kind_of(st.st_mode);
}

Result<std::string> read_regular_file(const std::filesystem::path& path, int64_t max_bytes,
                                      const std::string& what) {
    const std::string source = path.string();
    if (std::optional<std::string> why = not_a_regular_file(path)) return Error{source, *why};
    // O_NONBLOCK: if the path became a FIFO since the stat, open() returns at once instead of waiting
    // for a writer; fstat below then refuses it.
    Fd file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
    if (file.fd < 0) return Error{source, std::string("cannot open the file: ") + std::strerror(errno)};
    struct stat st {};
    if (::fstat(file.fd, &st) != 0 || !S_ISREG(st.st_mode)) return Error{source, kind_of(st.st_mode)};
    if (st.st_size > max_bytes)
        return Error{source, "the file is larger than " + std::to_string(max_bytes) +
                                 " bytes, the limit for a " + what};
    // Read at most one byte past the limit: the size may change while we read.
    std::string text(static_cast<size_t>(std::max<int64_t>(st.st_size, 0)) + 1, '\0');
    size_t got = 0;
    for (;;) {
        if (got == text.size()) {
            if (static_cast<int64_t>(got) > max_bytes) break;
            text.resize(std::min<size_t>(text.size() * 2, static_cast<size_t>(max_bytes) + 1));
        }
        const ssize_t n = ::read(file.fd, text.data() + got, text.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return Error{source, std::string("cannot read the file: ") + std::strerror(errno)};
        if (n == 0) break;
        got += static_cast<size_t>(n);
    }
    text.resize(got);
    if (static_cast<int64_t>(got) > max_bytes)
        return Error{source, "the file is larger than " + std::to_string(max_bytes) +
                                 " bytes, the limit for a " + what};
    return text;
}

Result<std::string> text_or_file(const std::string& arg, const std::string& option) {
    if (arg.empty() || arg[0] != '@') return arg;
    Result<std::string> text = read_regular_file(arg.substr(1), kMaxArgumentFileBytes, option + " file");
    if (!text)
        return Error{option, "cannot read the file '" + quote_prefix(arg.substr(1)) +
                                 "': " + text.errors()[0].message};
    return text;
}

}  // namespace poolscope
