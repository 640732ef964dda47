// The output-size walkthrough on screen (see size_walkthrough.h): the lines model/walkthrough_lines.h makes,
// in the window's language, each wrapped and checked for clipping.
#include "widgets/size_walkthrough.h"

#include <imgui.h>

#include "i18n/i18n.h"
#include "model/walkthrough_lines.h"
#include "widgets/fonts.h"
#include "widgets/palette.h"
#include "widgets/rich_text.h"
#include "widgets/text_fit.h"

namespace poolscope::app {
namespace {

ImVec4 role_color(WalkRole role) {
    switch (role) {
        case WalkRole::kFormula:
            return palette::kHeading;
        case WalkRole::kNote:
            return palette::kMuted;
        case WalkRole::kProblem:
            return palette::kErrorText;
        case WalkRole::kValues:
            break;
    }
    return ImGui::GetStyleColorVec4(ImGuiCol_Text);
}

WalkOptions options_for(const FontSet& fonts, bool notes) {
    return WalkOptions{current_language(), fonts.has_symbols, notes};
}

}  // namespace

void draw_walkthrough_lines(const std::vector<WalkLine>& lines, UiProbe* probe, const char* panel) {
    ImGui::PushTextWrapPos(0.0f);
    for (const WalkLine& line : lines) {
        if (line.gap_before) ImGui::Spacing();
        draw_wrapped_text(line.text, role_color(line.role));  // "1 × 2 × 2" never splits across lines
        if (probe) check_text_item(*probe, panel, line.text.c_str());
    }
    ImGui::PopTextWrapPos();
}

void draw_axes_walkthrough(const AxisShape& h, const AxisShape& w, const FontSet& fonts, UiProbe* probe,
                           const char* panel, bool notes) {
    draw_walkthrough_lines(axes_walkthrough_lines(h, w, options_for(fonts, notes)), probe, panel);
}

void draw_size_walkthrough(const Shape& in, const PoolParams& p, const PoolPlan* plan, const FontSet& fonts,
                           UiProbe* probe, const char* panel, bool notes) {
    draw_walkthrough_lines(size_walkthrough_lines(in, p, plan, options_for(fonts, notes)), probe, panel);
}

void draw_layer_walkthrough(const Shape& in, const LayerSpec& layer, const PoolPlan* plan,
                            const FontSet& fonts, UiProbe* probe, const char* panel, bool notes) {
    draw_walkthrough_lines(layer_walkthrough_lines(in, layer, plan, options_for(fonts, notes)), probe, panel);
}

}  // namespace poolscope::app
