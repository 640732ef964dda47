// Files named by the user are read only when they are regular files: a FIFO must be refused at once (opening
// one for reading blocks until a writer comes), and nothing past the size limit is kept.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "poolscope/file_read.h"
#include "poolscope/lesson.h"

namespace poolscope {
namespace {

namespace fs = std::filesystem;

struct ReadDir {
    fs::path path;
    ReadDir() {
        path = fs::temp_directory_path() / ("poolscope_file_read_" + std::to_string(::getpid()));
        fs::create_directories(path);
    }
    ~ReadDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

TEST(FileRead, RefusesAFifoWithoutBlocking) {
    ReadDir dir;
    const fs::path fifo = dir.path / "fifo.json";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    EXPECT_EQ(not_a_regular_file(fifo), "is a named pipe (FIFO), not a regular file");
    Result<std::string> r = read_regular_file(fifo, 1024);
    ASSERT_FALSE(r);
    EXPECT_NE(r.error_text().find("named pipe"), std::string::npos) << r.error_text();
    Result<Lesson> lesson = load_lesson_file(fifo);  // `poolscope check fifo.json`, --lesson, reload
    ASSERT_FALSE(lesson);
    EXPECT_NE(lesson.error_text().find("named pipe"), std::string::npos) << lesson.error_text();
}

TEST(FileRead, DirectoriesDevicesAndMissingFiles) {
    ReadDir dir;
    EXPECT_EQ(not_a_regular_file(dir.path), "is a directory, not a file");
    EXPECT_EQ(not_a_regular_file(dir.path / "nope.json"), "does not exist");
    EXPECT_EQ(not_a_regular_file("/dev/zero"), "is a device, not a regular file");
    EXPECT_FALSE(read_regular_file("/dev/zero", 1024));
}

TEST(FileRead, ReadsUpToTheLimit) {
    ReadDir dir;
    const fs::path file = dir.path / "a.txt";
    std::ofstream(file) << "0123456789";
    Result<std::string> all = read_regular_file(file, 10);
    ASSERT_TRUE(all) << all.error_text();
    EXPECT_EQ(*all, "0123456789");
    Result<std::string> over = read_regular_file(file, 9, "lesson");
    ASSERT_FALSE(over);
    EXPECT_NE(over.error_text().find("larger than 9 bytes, the limit for a lesson"), std::string::npos);
    std::ofstream(dir.path / "empty.txt");
    Result<std::string> empty = read_regular_file(dir.path / "empty.txt", 10);
    ASSERT_TRUE(empty);
    EXPECT_EQ(*empty, "");
}

}  // namespace
}  // namespace poolscope
