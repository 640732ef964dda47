// libFuzzer target for `poolscope fmt` (issue 28): the input is written as a lesson file, formatted in place
// by the command itself, and then: a file fmt refused (not a lesson, duplicate keys, over the size limit once
// formatted...) is byte for byte what it was; a file it formatted loads again with the same steps, and a
// second fmt changes nothing; no temporary file is ever left behind.
//   build-asan/fuzz/fmt_fuzzer -dict=fuzz/lesson.dict build-asan/fuzz-corpus/fmt lessons
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "cli/fmt_command.h"
#include "poolscope/lesson.h"

namespace fs = std::filesystem;

namespace {

const fs::path& folder() {
    static const fs::path dir = [] {
        fs::path d = fs::temp_directory_path() / ("poolscope_fmt_fuzz_" + std::to_string(getpid()));
        fs::create_directories(d);
        return d;
    }();
    return dir;
}

std::string read(const fs::path& path) {
    std::ifstream file(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

int fmt(const fs::path& path, bool check_only) {
    std::vector<std::string> words{"poolscope", "fmt"};
    if (check_only) words.push_back("--check");
    words.push_back(path.string());
    std::vector<char*> argv;
    for (std::string& w : words)
        argv.push_back(w.data());
    std::ostringstream out, err;
    return poolscope::cli::run_fmt(static_cast<int>(argv.size()), argv.data(), out, err);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const fs::path file = folder() / "lesson.json";
    const std::string original(reinterpret_cast<const char*>(data), size);
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out << original;
    }
    const int code = fmt(file, false);
    const std::string after = read(file);
    if (code != 0 && code != 1) std::abort();
    if (code != 0 && after != original) std::abort();  // refused: untouched
    if (code == 0) {
        poolscope::Result<poolscope::Lesson> before = poolscope::load_lesson_string(original);
        poolscope::Result<poolscope::Lesson> again = poolscope::load_lesson_string(after);
        if (!before || !again || again->steps.size() != before->steps.size()) std::abort();
        if (fmt(file, true) != 0) std::abort();  // formatting is a fixed point
    }
    for (const fs::directory_entry& e : fs::directory_iterator(folder()))
        if (e.path().filename() != "lesson.json") std::abort();  // no temporary file left behind
    return 0;
}
