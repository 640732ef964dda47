// libFuzzer target for `poolscope compute`: any one line must give one JSON answer, {"id", "output"...} or
// {"id", "error"} with a short message, never a crash, a stack overflow on deep nesting, a hang or a huge
// allocation (issue 12). Seeds: fuzz/seeds/compute (the crashers of issue 12); dictionary: fuzz/compute.dict.
//   build-asan/fuzz/compute_fuzzer -dict=fuzz/compute.dict build-asan/fuzz-corpus/compute fuzz/seeds/compute
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>

#include "cli/compute_command.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    bool malformed = false;
    const std::string answer = poolscope::cli::answer_case(line, malformed);
    // The answer is one line of JSON (the id is echoed, so it may be as long as the input).
    if (answer.find('\n') != std::string::npos) std::abort();
    const nlohmann::json a = nlohmann::json::parse(answer, nullptr, false);
    if (a.is_discarded() || !a.is_object() || !a.contains("id")) std::abort();
    if (a.contains("error")) {
        // Messages quote at most a short prefix of the input; a few quotes plus the sentence stay small.
        if (!a["error"].is_string() || a["error"].get_ref<const std::string&>().size() > 4096) std::abort();
    } else if (!a.contains("output") || malformed) {
        std::abort();
    }
    return 0;
}
