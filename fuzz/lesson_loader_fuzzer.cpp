// libFuzzer target for the lesson loader: any bytes must give a Lesson or errors, never a crash, hang or huge
// allocation. Loaded lessons are also checked, narrated, saved to text and reloaded (which must succeed).
//   cmake --preset asan && cmake --build --preset asan --target poolscope_fuzzers  # make test-fuzz
//   build-asan/fuzz/lesson_loader_fuzzer -dict=fuzz/lesson.dict build-asan/fuzz-corpus/lesson_loader lessons
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "poolscope/lesson.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    poolscope::Result<poolscope::Lesson> lesson = poolscope::load_lesson_string(text, "fuzz.json");
    if (!lesson) {
        if (lesson.errors().empty()) std::abort();  // a failure must say why
        return 0;
    }
    const poolscope::Lesson& l = lesson.value();
    for (const poolscope::LessonStep& step : l.steps) {
        poolscope::parse_narration(step.narration.en);
        poolscope::parse_narration(step.narration.zh);
    }
    if (l.steps.size() <= 16) poolscope::check_lesson(l);  // bounded work per step (kMaxLessonWork)
    // What we save, we must be able to load again, with the same steps.
    poolscope::Result<poolscope::Lesson> again =
        poolscope::load_lesson_string(poolscope::lesson_to_string(l), "again");
    if (!again || again->steps.size() != l.steps.size()) std::abort();
    return 0;
}
