// Replacing a user's file (issue 28): the target of a symlink is replaced and the link stays, mode and owner
// are kept, read-only files and files with other hard links are refused untouched, and no temporary file is
// ever left beside the target, whether the write succeeds, fails or is abandoned. A full disk and a file-size
// limit are tested on the real process (tests/hostile/hostile_files.py).
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "poolscope/file_read.h"
#include "poolscope/file_write.h"

namespace poolscope {
namespace {

namespace fs = std::filesystem;

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("poolscope_file_write_" + std::to_string(::getpid()));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(path, ec);
    }
    size_t entries() const { return static_cast<size_t>(std::distance(fs::directory_iterator(path), {})); }
};

std::string read(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

void write(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

mode_t mode_of(const fs::path& p) {
    struct stat st {};
    ::stat(p.c_str(), &st);
    return st.st_mode & 07777;
}

TEST(FileWrite, ANewFileAndAReplacementLeaveNothingElse) {
    TempDir dir;
    const fs::path file = dir.path / "a.json";
    ASSERT_TRUE(replace_file(file, "one"));
    EXPECT_EQ(read(file), "one");
    ASSERT_TRUE(replace_file(file, "two"));
    EXPECT_EQ(read(file), "two");
    EXPECT_EQ(dir.entries(), 1u);
}

TEST(FileWrite, FollowsASymlinkToItsTarget) {
    TempDir dir;
    fs::create_directories(dir.path / "real");
    const fs::path target = dir.path / "real" / "lesson.json";
    write(target, "old");
    const fs::path link = dir.path / "link.json";
    fs::create_symlink("real/lesson.json", link);
    ASSERT_TRUE(replace_file(link, "new"));
    EXPECT_TRUE(fs::is_symlink(link));  // the link stays a link ...
    EXPECT_EQ(read(target), "new");     // ... and the lesson it points to is what changed
}

TEST(FileWrite, KeepsTheMode) {
    TempDir dir;
    const fs::path file = dir.path / "private.json";
    write(file, "old");
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
    ASSERT_TRUE(replace_file(file, "new"));
    EXPECT_EQ(mode_of(file), 0600u);
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                              fs::perms::group_write | fs::perms::others_read);
    ASSERT_TRUE(replace_file(file, "newer"));
    EXPECT_EQ(mode_of(file), 0664u);
}

TEST(FileWrite, RefusesAReadOnlyFileAndLeavesIt) {
    TempDir dir;
    const fs::path file = dir.path / "ro.json";
    write(file, "keep me");
    fs::permissions(file, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    Result<bool> r = replace_file(file, "lost?");
    ASSERT_FALSE(r);
    EXPECT_NE(r.error_text().find("is read-only (mode 0444)"), std::string::npos) << r.error_text();
    EXPECT_EQ(read(file), "keep me");
    EXPECT_EQ(dir.entries(), 1u);
}

TEST(FileWrite, RefusesAFileWithOtherHardLinks) {
    TempDir dir;
    const fs::path file = dir.path / "a.json";
    write(file, "shared");
    fs::create_hard_link(file, dir.path / "b.json");
    Result<bool> r = replace_file(file, "only one name?");
    ASSERT_FALSE(r);
    EXPECT_NE(r.error_text().find("has 2 hard links"), std::string::npos) << r.error_text();
    EXPECT_EQ(read(dir.path / "b.json"), "shared");
}

TEST(FileWrite, KeepsTheOwnerWhenRootReplacesAnotherUsersFile) {
    if (::geteuid() != 0) GTEST_SKIP() << "needs root to give the file to another user";
    TempDir dir;
    const fs::path file = dir.path / "theirs.json";
    write(file, "old");
    ASSERT_EQ(::chown(file.c_str(), 65534, 65534), 0);  // nobody:nogroup
    ASSERT_TRUE(replace_file(file, "new"));
    struct stat st {};
    ASSERT_EQ(::stat(file.c_str(), &st), 0);
    EXPECT_EQ(st.st_uid, 65534u);
    EXPECT_EQ(st.st_gid, 65534u);
}

TEST(FileWrite, RefusesADirectoryAndAFolderThatDoesNotExist) {
    TempDir dir;
    EXPECT_FALSE(replace_file(dir.path, "x"));
    Result<bool> r = replace_file(dir.path / "missing" / "a.json", "x");
    ASSERT_FALSE(r);
    EXPECT_NE(r.error_text().find("cannot create a temporary file"), std::string::npos) << r.error_text();
}

TEST(FileWrite, AbandonAndTheDestructorRemoveTheTemporaryFile) {
    TempDir dir;
    const fs::path file = dir.path / "a.gif";
    write(file, "previous export");
    {
        FileReplacement r;
        ASSERT_TRUE(r.begin(file));
        ASSERT_TRUE(r.write("half"));
        EXPECT_TRUE(fs::exists(r.temp_path()));
        EXPECT_EQ(dir.entries(), 2u);
    }  // dropped without commit: a cancelled export
    EXPECT_EQ(dir.entries(), 1u);
    EXPECT_EQ(read(file), "previous export");
}

// Killed while writing (SIGTERM, Ctrl+C): the handler removes the temporary file, then the signal ends the
// process as it would have.
TEST(FileWrite, ASignalWhileWritingRemovesTheTemporaryFile) {
    TempDir dir;
    const fs::path file = dir.path / "a.json";
    write(file, "before");
    for (int signal : {SIGTERM, SIGINT}) {
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            FileReplacement r;
            if (!r.begin(file) || !r.write("half of it")) ::_exit(3);
            ::raise(signal);
            ::_exit(4);  // not reached
        }
        int status = 0;
        ASSERT_EQ(::waitpid(child, &status, 0), child);
        EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == signal) << status;
        EXPECT_EQ(dir.entries(), 1u);
        EXPECT_EQ(read(file), "before");
    }
}

TEST(FileRead, OneReaderForAtFile) {
    TempDir dir;
    EXPECT_EQ(text_or_file("[[1, 2]]", "--input").value(), "[[1, 2]]");
    write(dir.path / "m.txt", "[[3]]");
    EXPECT_EQ(text_or_file("@" + (dir.path / "m.txt").string(), "--input").value(), "[[3]]");
    ASSERT_EQ(::mkfifo((dir.path / "fifo").c_str(), 0600), 0);
    Result<std::string> fifo = text_or_file("@" + (dir.path / "fifo").string(), "--input");
    ASSERT_FALSE(fifo);
    EXPECT_NE(fifo.error_text().find("named pipe"), std::string::npos);
    Result<std::string> zero = text_or_file("@/dev/zero", "--input");
    ASSERT_FALSE(zero);
    EXPECT_NE(zero.error_text().find("is a device"), std::string::npos) << zero.error_text();
}

}  // namespace
}  // namespace poolscope
