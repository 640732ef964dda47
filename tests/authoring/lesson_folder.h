// The temporary lesson folder the authoring tests share: each test gets its own empty folder (named after
// the test, so tests never see each other's files), writes its lesson file into it, and the folder goes
// when the test ends.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace poolscope::app::testing {

class LessonFolderTest : public ::testing::Test {
  protected:
    // The test's own empty folder: <temp>/poolscope-<prefix>-<seed>-<test name>.
    void make_folder(const std::string& prefix) {
        const ::testing::UnitTest& unit = *::testing::UnitTest::GetInstance();
        dir_ = std::filesystem::temp_directory_path() /
               ("poolscope-" + prefix + "-" + std::to_string(unit.random_seed()) + "-" +
                unit.current_test_info()->name());
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        path_ = dir_ / "lesson.json";
    }
    void TearDown() override {
        if (!dir_.empty()) std::filesystem::remove_all(dir_);
    }
    // Writes `text` as the folder's lesson file, replacing it.
    void write_lesson(const std::string& text) { std::ofstream(path_, std::ios::binary) << text; }

    std::filesystem::path dir_;   // the test's folder
    std::filesystem::path path_;  // its lesson file, lesson.json
};

}  // namespace poolscope::app::testing
