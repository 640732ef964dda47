// `poolscope fmt`: --check exit codes and the list of files that would change, rewriting in place, a second
// run changing nothing, and files that do not load left untouched.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/cli.h"
#include "poolscope/lesson.h"

namespace poolscope {
namespace {

namespace fs = std::filesystem;

struct FmtRun {
    int code = -1;
    std::string out, err;
};

FmtRun fmt(std::vector<std::string> args) {
    args.insert(args.begin(), {"poolscope", "fmt"});
    std::vector<char*> argv;
    for (std::string& a : args)
        argv.push_back(a.data());
    std::istringstream in;
    std::ostringstream out, err;
    FmtRun r;
    r.code = cli::run(static_cast<int>(argv.size()), argv.data(), in, out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

std::string file_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

class FmtCommand : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("poolscope-fmt-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        fs::copy_file(fs::path(POOLSCOPE_AUTHORING_FIXTURES) / "hand_formatted.json", dir_ / "hand.json");
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path dir_;
};

TEST_F(FmtCommand, CheckListsFilesThatWouldChangeAndExitsOne) {
    const std::string before = file_text(dir_ / "hand.json");
    const FmtRun r = fmt({"--check", dir_.string()});
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(r.out, (dir_ / "hand.json").string() + "\n");
    EXPECT_EQ(file_text(dir_ / "hand.json"), before);  // --check changes nothing
}

TEST_F(FmtCommand, FormatsOnceThenIsIdempotent) {
    const std::string before = file_text(dir_ / "hand.json");
    FmtRun r = fmt({(dir_ / "hand.json").string()});
    EXPECT_EQ(r.code, 0) << r.err;
    const std::string once = file_text(dir_ / "hand.json");
    EXPECT_NE(once, before);
    EXPECT_NE(once.find("  \"steps\": [\n    {\n      \"title\": {\"en\": \"Max\", \"zh\": \"最大池化\"},\n"
                        "      \"input\": [[1, 2, 3], [4, 5, 6], [7, 8, 9]],\n"),
              std::string::npos)
        << once;
    EXPECT_NE(once.find("\"x-notes\": \"这一步演示平均池化\""), std::string::npos);
    r = fmt({"--check", dir_.string()});
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out, "");
    r = fmt({dir_.string()});
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(file_text(dir_ / "hand.json"), once);
    // What fmt writes is still the same lesson.
    Result<Lesson> a = load_lesson_string(before), b = load_lesson_file(dir_ / "hand.json");
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(nlohmann::json(a->document), nlohmann::json(b->document));
    EXPECT_TRUE(check_lesson(b.value()).empty());
}

TEST_F(FmtCommand, BrokenFilesAreReportedAndLeftAlone) {
    std::ofstream(dir_ / "broken.json") << "{\"format\": \"poolscope-lesson/1\", \"steps\": [";
    const FmtRun r = fmt({"--check", dir_.string()});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("broken.json:1:"), std::string::npos) << r.err;
    EXPECT_EQ(file_text(dir_ / "broken.json"), "{\"format\": \"poolscope-lesson/1\", \"steps\": [");
    EXPECT_EQ(fmt({}).code, 2);
    EXPECT_EQ(fmt({"--bogus", dir_.string()}).code, 2);
}

}  // namespace
}  // namespace poolscope
