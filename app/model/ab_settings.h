// The A/B view's model (issue 29), without drawing: which setting B changes from A and B's value for it (or
// the two layers a lesson step's "compare" gives), and the core's comparison of both on the window's input
// (core ab_compare.h). The A/B window (panels/ab_view.cpp) keeps one and draws it.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/document.h"
#include "poolscope/ab_compare.h"
#include "poolscope/lesson.h"

namespace poolscope::app {

// The settings B can change, in the order the view lists them.
enum class AbField { kCeilMode, kCountIncludePad, kPadding, kStride, kKernel, kDilation, kMode };
std::span<const AbField> ab_fields();
// Its parameter's name as PyTorch spells it ("ceil_mode", "kernel_size", ...; "mode" for the op).
const char* ab_field_name(AbField field);

// B's value for the field it changes.
struct AbChoice {
    AbField field = AbField::kCeilMode;  //
    bool flag = true;                    // ceil_mode, count_include_pad
    Pair pair{1, 1};                     // padding (each side of an axis), stride, kernel_size, dilation
    PoolOp op = PoolOp::kAvg;            // mode
    bool operator==(const AbChoice&) const = default;
};

// Whether `field` is a setting of A's layer (count_include_pad: average pooling; dilation where the framework
// dilates that op; padding, stride, kernel and ceil_mode: windowed ops; padding not for lp_pool2d).
bool ab_field_applies(const LayerSpec& a, AbField field);
// A useful B for `field`: the other ceil_mode / count_include_pad, padding 1 (or 0 when A pads), stride 1
// (or the kernel size when A's is 1), a kernel one larger, dilation 2 (or 1), max <-> average.
AbChoice suggest_choice(const LayerSpec& a, AbField field);
// A with the choice's field set to B's value.
LayerSpec apply_choice(const LayerSpec& a, const AbChoice& choice);
// The one field (and B's value) in which `b` differs from `a`; nullopt when they differ in none or several.
std::optional<AbChoice> choice_between(const LayerSpec& a, const LayerSpec& b);

struct AbSettings {
    AbChoice choice;                    // free mode: A is the window's layer, B that with `choice`
    std::optional<StepCompare> lesson;  // a lesson step's A and B, until the student picks another setting
    std::string lesson_step;            // its path ("/steps/5"), shown with it
    bool operator==(const AbSettings&) const = default;
};

// What the view shows: both layers and the core's comparison on the window's input (or why there is none).
struct AbShown {
    LayerSpec a, b;
    std::optional<AbComparison> comparison;
    std::vector<Error> errors;  // the comparison's own error (too large); each side's are in the comparison
};
AbShown compute_ab(const Document& doc, const AbSettings& settings);

// From a lesson step's A and B to the student's own B: A becomes the window's layer and B changes the field
// the lesson's A and B differ in (to the lesson's B value, or the other way when A already has it), else
// ceil_mode.
void leave_lesson_compare(AbSettings& settings, const Document& doc);

}  // namespace poolscope::app
