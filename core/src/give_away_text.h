// Inside the core: whether a piece of lesson text shows a quiz answer (the rule of lessons/README.md,
// "Give-aways"), for find_give_aways() in lesson_give_away.cpp. A number only counts when it is written as a
// result ("= 4", "≈ 0.8889", "gives 4", "输出是 2×2"), as a division equal to it ("8 / 9"), or, for a decimal
// with at least two significant digits, anywhere; so "kernel 2" or "stride 2" never counts as the answer 2.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace poolscope::give_away {

// One answer a text must not show before the question is answered.
struct Answer {
    enum class Kind {
        kValue,    // a float result (value questions, a choice whose right option is a number)
        kDivisor,  // an integer divisor: also any division by it ("/ 9", "divided by 9", "除以 9")
        kShape,    // H_out, W_out: a pair "2×2", "(2, 2)", "[2, 2]"; one number when H = W
        kCell,     // an input cell (h, w) written as "(h, w)" or "[h, w]"
        kText,     // the right option of a choice, word for word (and none of the wrong ones beside it)
        kSizes,  // a layer's output size (network steps): the whole run "1, 16, 5, 5" / "1 × 16 × 5 × 5";
                 // two sizes count like a shape, written as a result
        kField,  // a receptive field's rows × columns: as kShape, also after "spans", "covers", "跨越"
        kCount,  // a whole number (a parameter count): as a result, or anywhere with 4+ digits ("61,706")
    };
    Kind kind = Kind::kValue;
    float value = 0.0f;               // kValue
    int64_t count = 0;                // kDivisor
    int64_t h = 0, w = 0;             // kShape, kCell
    std::string words;                // kText: the right option in the text's language
    std::vector<std::string> others;  // kText: the wrong options in that language
    std::vector<int64_t> sizes;       // kSizes
};

// The first place `text` (lesson markup allowed) shows `answer`: a short excerpt of the text around it
// ("≈ 0.8889"), or nullopt when it does not.
std::optional<std::string> find_shown(std::string_view text, const Answer& answer);

}  // namespace poolscope::give_away
