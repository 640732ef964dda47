// libFuzzer target for the window's option parser (parse_app_options) and the starting state it builds
// (initial_state: --params JSON, --input matrices): the input is split at NUL bytes, spaces and newlines into
// arguments. Any arguments must give options or a short error naming the problem, never a crash, a stack
// overflow on deep --params, non-finite numbers getting through (issue 12: --zoom nan crashed ImGui) or a
// message echoing the whole input; a link (`poolscope URL`, issue 31) notes what it cannot use, briefly.
//   build-asan/fuzz/app_options_fuzzer -dict=fuzz/app_options.dict build-asan/fuzz-corpus/app_options
//   fuzz/seeds/app_options
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "model/app_options.h"

namespace {

// Errors quote at most a short prefix of a value; a few of them plus their sentences stay small.
void check_errors(const poolscope::Result<poolscope::app::AppOptions>& r) {
    if (r.errors().empty() || r.error_text().size() > 4096) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::vector<std::string> words{"poolscope"};
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
    if (words.size() > 64) return 0;
    std::vector<char*> argv;
    for (std::string& w : words)
        argv.push_back(w.data());
    argv.push_back(nullptr);
    poolscope::Result<poolscope::app::AppOptions> options =
        poolscope::app::parse_app_options(static_cast<int>(words.size()), argv.data());
    if (!options) {
        check_errors(options);
        return 0;
    }
    const poolscope::app::AppOptions& o = *options;
    // A link's notes (model/state_link.h) quote its values briefly, whatever the link held.
    for (const poolscope::app::LinkNote& note : o.link_notes)
        if (note.value.size() > 128 || note.why.size() > 4096) std::abort();
    // What reaches ImGui must be finite and in range.
    if (!std::isfinite(o.zoom) || o.zoom < 0.5f || o.zoom > 4.0f) std::abort();
    if (!std::isfinite(o.ui_scale) || o.ui_scale < 0.75f || o.ui_scale > 3.0f) std::abort();
    if (o.width < 320 || o.height < 240 || o.width > 8192 || o.height > 8192) std::abort();
    if (o.screenshot_path || o.bench_frames) return 0;  // nothing more to build for these
    poolscope::Result<poolscope::app::AppState> state = poolscope::app::initial_state(o);
    if (!state && (state.errors().empty() || state.error_text().size() > 4096)) std::abort();
    return 0;
}
