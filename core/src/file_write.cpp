// Replacing user files safely (see file_write.h). POSIX: Debian is the target; emscripten's file system has
// the same calls.
#include "poolscope/file_write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <optional>

namespace poolscope {
namespace {

// Temporary files in flight, where a signal handler can find them: fixed storage, no allocation, flags set
// only after the path is complete.
constexpr int kSlots = 16;
struct Slot {
    std::atomic<bool> taken{false};
    std::atomic<bool> ready{false};
    char path[4096] = {};
};
Slot g_slots[kSlots];

constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP};
struct sigaction g_previous[3];

void remove_temps_and_carry_on(int signal) {
    for (Slot& slot : g_slots)
        if (slot.ready.load()) ::unlink(slot.path);
    for (size_t i = 0; i < 3; ++i)
        if (kCleanupSignals[i] == signal) ::sigaction(signal, &g_previous[i], nullptr);
    ::raise(signal);  // delivered once this handler returns, to what was there before (by default: exit)
}

// Once per process: the handlers above (unless the signal is ignored), and SIGXFSZ ignored (unless someone
// set a handler), so that exceeding `ulimit -f` makes write() fail with EFBIG, which is reported and cleaned
// up like a full disk.
void guard_signals() {
    static std::once_flag once;
    std::call_once(once, [] {
        for (size_t i = 0; i < 3; ++i) {
            struct sigaction old {};
            if (::sigaction(kCleanupSignals[i], nullptr, &old) != 0 || old.sa_handler == SIG_IGN) continue;
            g_previous[i] = old;
            struct sigaction mine {};
            mine.sa_handler = remove_temps_and_carry_on;
            sigemptyset(&mine.sa_mask);
            mine.sa_flags = SA_RESTART;
            ::sigaction(kCleanupSignals[i], &mine, nullptr);
        }
        struct sigaction xfsz {};
        if (::sigaction(SIGXFSZ, nullptr, &xfsz) == 0 && xfsz.sa_handler == SIG_DFL) {
            xfsz.sa_handler = SIG_IGN;
            ::sigaction(SIGXFSZ, &xfsz, nullptr);
        }
    });
}

int take_slot(const std::filesystem::path& temp) {
    const std::string& text = temp.native();
    if (text.size() >= sizeof(Slot::path)) return -1;
    for (int i = 0; i < kSlots; ++i) {
        bool expected = false;
        if (!g_slots[i].taken.compare_exchange_strong(expected, true)) continue;
        std::memcpy(g_slots[i].path, text.c_str(), text.size() + 1);
        g_slots[i].ready.store(true);
        return i;
    }
    return -1;  // more replacements at once than slots: still safe, only not on a signal
}

void free_slot(int& slot) {
    if (slot < 0) return;
    g_slots[slot].ready.store(false);
    g_slots[slot].taken.store(false);
    slot = -1;
}

// The file a chain of symlinks ends at (which may not exist yet); at most 40 links, as the kernel allows.
std::filesystem::path follow_links(const std::filesystem::path& path) {
    std::filesystem::path p = path;
    for (int hop = 0; hop < 40; ++hop) {
        std::error_code ec;
        if (!std::filesystem::is_symlink(p, ec)) return p;
        const std::filesystem::path next = std::filesystem::read_symlink(p, ec);
        if (ec) return p;
        p = next.is_absolute() ? next : p.parent_path() / next;
    }
    return p;
}

std::string mode_text(mode_t mode) {
    char text[8];
    std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
    return text;
}

}  // namespace

std::optional<std::string> why_not_replaceable(const std::filesystem::path& path) {
    const std::filesystem::path target = follow_links(path);
    struct stat st {};
    if (::stat(target.c_str(), &st) != 0) {
        if (errno == ENOENT) return std::nullopt;  // a new file
        return std::string("cannot be read: ") + std::strerror(errno);
    }
    if (S_ISDIR(st.st_mode)) return std::string("is a directory, not a file");
    if (!S_ISREG(st.st_mode)) return std::string("is not a regular file (a pipe, device or socket)");
    // root may write anything: a file nobody may write is still meant to stay as it is.
    const bool writable = ::geteuid() == 0 ? (st.st_mode & 0222) != 0
                                           : ::faccessat(AT_FDCWD, target.c_str(), W_OK, AT_EACCESS) == 0;
    if (!writable)
        return "is read-only (mode " + mode_text(st.st_mode) +
               "); make it writable first if it should change";
    if (st.st_nlink > 1)
        return "has " + std::to_string(st.st_nlink) +
               " hard links: replacing it would leave the other names with the old contents";
    if (::geteuid() != 0 && st.st_uid != ::geteuid())
        return "belongs to another user (uid " + std::to_string(st.st_uid) +
               "), who would lose it: a replacement would be yours";
    return std::nullopt;
}

FileReplacement::~FileReplacement() {
    abandon();
}

Result<bool> FileReplacement::fail(const std::string& what, int error) {
    const std::string reason = error ? std::string(": ") + std::strerror(error) : std::string();
    abandon();
    return Error{asked_.string(), what + reason};
}

Result<bool> FileReplacement::begin(const std::filesystem::path& path) {
    abandon();
    guard_signals();
    asked_ = path;
    target_ = follow_links(path);
    if (std::optional<std::string> why = why_not_replaceable(target_)) return Error{path.string(), *why};
    // Same directory as the target, so the rename never crosses file systems; unique per process and call.
    static std::atomic<unsigned> counter{0};
    const std::filesystem::path dir =
        target_.has_parent_path() ? target_.parent_path() : std::filesystem::path(".");
    temp_ = dir / ("." + target_.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                   std::to_string(counter++));
    slot_ = take_slot(temp_);  // before the file exists, so a signal right after open() finds it
    fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);  // the umask applies
    if (fd_ < 0) {
        const int error = errno;
        free_slot(slot_);
        temp_.clear();
        return Error{path.string(),
                     "cannot create a temporary file in " + dir.string() + ": " + std::strerror(error)};
    }
    struct stat old {};
    if (::stat(target_.c_str(), &old) == 0) {  // keep what the file was: its mode, owner and group
        struct stat now {};
        if (::fchmod(fd_, old.st_mode & 07777) != 0)
            return fail("cannot give the new file the old mode", errno);
        if (::fstat(fd_, &now) == 0 && (now.st_uid != old.st_uid || now.st_gid != old.st_gid) &&
            ::fchown(fd_, old.st_uid, old.st_gid) != 0)
            return fail("cannot keep the file's owner and group", errno);
    }
    return true;
}

Result<bool> FileReplacement::write(std::string_view bytes) {
    if (fd_ < 0) return Error{asked_.string(), "the file is not open for writing"};
    size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd_, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return fail("cannot write the file", n < 0 ? errno : EIO);
        written += static_cast<size_t>(n);
    }
    return true;
}

Result<bool> FileReplacement::commit() {
    if (fd_ < 0) return Error{asked_.string(), "the file is not open for writing"};
    // The data must be on disk before the rename makes it the file, or a crash could leave it empty.
    if (::fsync(fd_) != 0) return fail("cannot flush the file to disk", errno);
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) return fail("cannot finish writing the file", errno);
    if (::rename(temp_.c_str(), target_.c_str()) != 0) return fail("cannot replace the file", errno);
    free_slot(slot_);
    temp_.clear();
    return true;
}

void FileReplacement::abandon() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    if (!temp_.empty()) ::unlink(temp_.c_str());
    temp_.clear();
    free_slot(slot_);
}

Result<bool> replace_file(const std::filesystem::path& path, std::string_view bytes) {
    FileReplacement file;
    if (Result<bool> opened = file.begin(path); !opened) return opened;
    if (Result<bool> written = file.write(bytes); !written) return written;
    return file.commit();
}

}  // namespace poolscope
