// libFuzzer target for `poolscope export` (issue 28): the input is split at NUL bytes and newlines into
// arguments (--params, --input, --code, --cell, --frame, --windows, --every, --smooth, --theme, --lang ...),
// then one output is added in a folder of the fuzzer's own (options naming files or @FILE are dropped, so
// nothing outside it is ever written). Any arguments must end with exit 0, 1 or 2 and a short message, never
// a crash, a hang or a huge picture (the size limits of export_limits.h), and leave no temporary file behind.
//   build-asan/fuzz/export_fuzzer -dict=fuzz/export.dict build-asan/fuzz-corpus/export fuzz/seeds/export
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "export/export_command.h"

namespace fs = std::filesystem;

namespace {

const fs::path& folder() {
    static const fs::path dir = [] {
        fs::path d = fs::temp_directory_path() / ("poolscope_export_fuzz_" + std::to_string(getpid()));
        fs::create_directories(d);
        return d;
    }();
    return dir;
}

bool names_a_file(const std::string& word) {
    return word == "--gif" || word == "--png" || word == "--svg" || word == "--lesson" ||
           word == "--all-steps" || (!word.empty() && word[0] == '@');
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::vector<std::string> words{"poolscope", "export"};
    std::string word;
    bool skip_value = false;
    for (size_t i = 0; i <= size; ++i) {
        const char ch = i < size ? static_cast<char>(data[i]) : '\0';
        if (ch != '\0' && ch != '\n') {
            word += ch;
            continue;
        }
        if (skip_value) {
            skip_value = false;
        } else if (names_a_file(word)) {
            skip_value = word != "--all-steps" && word[0] == '-';
        } else if (!word.empty()) {
            words.push_back(word);
        }
        word.clear();
    }
    if (words.size() > 40) return 0;
    // The picture: an SVG (laid out and written like the others, without painting every pixel) or, for a
    // byte's worth of inputs, a PNG.
    const bool png = size > 0 && data[0] % 8 == 0;
    words.push_back(png ? "--png" : "--svg");
    words.push_back((folder() / (png ? "out.png" : "out.svg")).string());
    std::vector<char*> argv;
    for (std::string& w : words)
        argv.push_back(w.data());
    std::ostringstream out, err;
    const int code = poolscope::app::run_export_command(static_cast<int>(argv.size()), argv.data(), out, err);
    if (code != 0 && code != 1 && code != 2) std::abort();
    if (code != 0 && err.str().empty()) std::abort();        // a failure says why
    if (err.str().size() > 8192 && code != 2) std::abort();  // briefly (usage errors add the usage)
    for (const fs::directory_entry& e : fs::directory_iterator(folder()))
        if (e.path().filename().string().find(".tmp-") != std::string::npos) std::abort();  // no leftovers
    return 0;
}
