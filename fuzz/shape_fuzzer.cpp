// libFuzzer target for `poolscope shape`'s argument parser and walkthrough: the input is split at NUL bytes
// and spaces into arguments. Any arguments must end in exit status 0, 1 or 2 with bounded output, never a
// crash, undefined behaviour (sizes past int64), a hang or memory growing with the sizes (issue 12).
//   build-asan/fuzz/shape_fuzzer -dict=fuzz/shape.dict build-asan/fuzz-corpus/shape fuzz/seeds/shape
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::vector<std::string> words{"poolscope", "shape"};
    std::string word;
    for (size_t i = 0; i <= size; ++i) {
        const char ch = i < size ? static_cast<char>(data[i]) : '\0';
        if (ch == '\0' || ch == ' ' || ch == '\n') {
            if (!word.empty() || ch == '\0') words.push_back(word);
            word.clear();
        } else {
            word += ch;
        }
    }
    if (words.size() > 64) return 0;  // argv is short in practice; keep each run cheap
    std::vector<char*> argv;
    for (std::string& w : words)
        argv.push_back(w.data());
    argv.push_back(nullptr);
    std::istringstream in;
    std::ostringstream out, err;
    const int code = poolscope::cli::run(static_cast<int>(words.size()), argv.data(), in, out, err);
    if (code < 0 || code > 2) std::abort();
    // The walkthrough and the usage text are a few KiB whatever the numbers; quoted arguments are cut.
    if (out.str().size() > 16384 || err.str().size() > 16384) std::abort();
    return 0;
}
