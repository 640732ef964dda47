// English screen words (see screen_strings.h). Same "_fmt" rule as the main tables.
#include "i18n/screen_strings.h"

namespace poolscope::app {
namespace {

constexpr TranslationEntry kScreenEnglish[] = {
    // The window position: "Window", never "Step" (lesson steps are "Step N of M").
    {"window.position_fmt", "Window %d of %d: output (%d, %d)"},
    {"window.no_output", "no output: fix the parameters"},
    {"window.no_output_reason_fmt", "No output: %s"},
    // What floor throws away, by kind (core AxisShape::unreached_input / unreached_padding).
    {"formula.floor_drops_input_fmt", "floor drops the last %d input cell(s): no full window reaches them."},
    {"formula.floor_drops_padding_fmt",
     "floor drops %d padding cell(s) at the end: no full window reaches them, and no input cell is lost."},
    {"formula.floor_drops_both_fmt",
     "floor drops the last %d input cell(s) and %d padding cell(s): no full window reaches them."},
    // Hovering a cell: the exact value the cell rounds (model/number_text.h).
    {"matrices.exact_fmt", "%s exactly (float32; the cell rounds it)"},
    // The first-start card (panels/start_card.cpp).
    {"start.title", "Welcome to PoolScope"},
    {"start.intro",
     "PoolScope shows how PyTorch's max and average pooling compute every output cell, one window at a time, "
     "with the real numbers."},
    {"start.lessons_heading", "Start with a lesson"},
    {"start.lessons_text",
     "Each lesson walks through one idea (padding, stride, ceil_mode, …) step by step. The browser lists "
     "them "
     "with what each one teaches."},
    {"start.browse", "Browse the lessons"},
    {"start.try_heading", "Or try it yourself"},
    {"start.try_fmt",
     "Click an input cell, type a number and press Enter to edit it; press %s to play the windows one by "
     "one."},
    {"start.help_fmt", "%s lists every key. The lessons are also in the File menu."},
    {"start.dismiss", "Got it"},
    // Help rows for keys the bindings table (panels/actions_table.cpp) adds to the older list.
    {"shortcut.lesson_step", "Previous or next lesson step"},
    {"shortcut.open_lesson", "Open a lesson file"},
    {"shortcut.save_lesson", "Save the lesson"},
    {"shortcut.save_lesson_as", "Save the lesson as another file"},
    {"shortcut.zoom_reset", "Matrices back to their normal size"},
};

}  // namespace

std::span<const TranslationEntry> screen_english_table() {
    return kScreenEnglish;
}

}  // namespace poolscope::app
