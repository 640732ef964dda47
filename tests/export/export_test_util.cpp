#include "export_test_util.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <sstream>

#include "export/export_command.h"
#include "platform/font_files.h"

namespace poolscope::test {
namespace {

// fontconfig keeps its state until FcFini: free it after the last test so LeakSanitizer sees nothing.
class FontLookupEnvironment : public ::testing::Environment {
    void TearDown() override { app::release_font_lookup(); }
};
const ::testing::Environment* const kFontLookup =
    ::testing::AddGlobalTestEnvironment(new FontLookupEnvironment);

}  // namespace

CliRun export_cli(std::vector<std::string> args) {
    args.insert(args.begin(), {"poolscope", "export"});
    std::vector<char*> argv;
    for (std::string& a : args)
        argv.push_back(a.data());
    std::ostringstream out, err;
    const int code = app::run_export_command(static_cast<int>(argv.size()), argv.data(), out, err);
    return {code, out.str(), err.str()};
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::filesystem::path temp_dir(const std::string& prefix) {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() /
        ("poolscope-" + prefix + "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

}  // namespace poolscope::test
