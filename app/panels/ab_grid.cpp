// The A/B view's grids and reason list (see ab_grid.h). Values come from the comparison's forward passes,
// the marks and sentences from compare_ab(); this file only lays them out and reports them to the probe.
#include "panels/ab_grid.h"

#include <algorithm>
#include <string>

#include <imgui.h>

#include "i18n/compare_text.h"
#include "i18n/i18n.h"
#include "model/number_text.h"
#include "widgets/palette.h"
#include "widgets/rich_text.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {
namespace {

constexpr ImU32 kOnlyFill = IM_COL32(255, 236, 196, 255);   // a cell only this side has
constexpr ImU32 kOnlyBorder = IM_COL32(214, 140, 40, 255);  //

bool in_plane(const OutputCell& cell, int64_t channel) {
    return cell.n == 0 && cell.c == channel;
}

std::string cell_list(const AbReason& reason, int64_t channel) {
    std::string text;
    for (const OutputCell& cell : reason.cells)
        if (in_plane(cell, channel))
            text += (text.empty() ? "" : ";") + std::to_string(cell.oh) + "," + std::to_string(cell.ow);
    return text;
}

// Whether the reason explains the cell pointed at in grid A (or B).
bool reason_has(const AbReason& reason, int64_t channel, AbCell cell, bool in_b) {
    if (reason.place == AbPlace::kOnlyA && in_b) return false;
    if (reason.place == AbPlace::kOnlyB && !in_b) return false;
    for (const OutputCell& c : reason.cells)
        if (in_plane(c, channel) && c.oh == cell.first && c.ow == cell.second) return true;
    return false;
}

}  // namespace

AbMarks ab_marks(const AbComparison& cmp, int64_t channel) {
    AbMarks marks;
    for (const OutputCell& c : cmp.differing)
        if (in_plane(c, channel)) marks.differing.insert({c.oh, c.ow});
    for (const OutputCell& c : cmp.only_a)
        if (in_plane(c, channel)) marks.only_a.insert({c.oh, c.ow});
    for (const OutputCell& c : cmp.only_b)
        if (in_plane(c, channel)) marks.only_b.insert({c.oh, c.ow});
    return marks;
}

float ab_cell_size(const AbComparison& cmp, float width, float height) {
    int64_t rows = 1, cols = 1;
    for (const AbSide* side : {&cmp.a, &cmp.b})
        if (side->plan)
            rows = std::max(rows, side->plan->output.h), cols = std::max(cols, side->plan->output.w);
    const float font = ImGui::GetFontSize();
    const float fit = std::min(width / static_cast<float>(cols), height / static_cast<float>(rows));
    return std::clamp(fit, font * 1.6f, font * 3.2f);  // readable, and never a poster
}

std::optional<AbCell> draw_ab_grid(PanelContext& ctx, const AbComparison& cmp, bool side_b, int64_t channel,
                                   float cell, const AbMarks& marks, const QuizHidden& hidden,
                                   const char* anchor) {
    const AbSide& side = side_b ? cmp.b : cmp.a;
    if (!side.plan) return std::nullopt;
    const Shape& out = side.plan->output;
    const ImVec2 size(static_cast<float>(out.w) * cell, static_cast<float>(out.h) * cell);
    ImGui::InvisibleButton(anchor, size);
    remember_item(ctx.probe, anchor);
    const ImVec2 origin = ImGui::GetItemRectMin();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const std::set<AbCell>& only = side_b ? marks.only_b : marks.only_a;
    const std::set<AbCell>& highlighted = side_b ? marks.highlighted_b : marks.highlighted_a;
    ImFont* font = ImGui::GetFont();
    const float inset = std::max(1.0f, cell * 0.04f);
    ctx.probe.push_text_scope(std::string(anchor) + ".values");  // layout.screen_text: the values by cell
    for (int64_t r = 0; r < out.h; ++r)
        for (int64_t c = 0; c < out.w; ++c) {
            const AbCell at{r, c};
            const ImVec2 a(origin.x + static_cast<float>(c) * cell + inset,
                           origin.y + static_cast<float>(r) * cell + inset);
            const ImVec2 b(a.x + cell - 2 * inset, a.y + cell - 2 * inset);
            const bool differs = marks.differing.count(at) > 0, alone = only.count(at) > 0;
            draw->AddRectFilled(a, b,
                                alone     ? kOnlyFill
                                : differs ? palette::kDiffersFill
                                          : palette::kCellBackground,
                                3);
            draw->AddRect(a, b, alone ? kOnlyBorder : palette::kInputBorder, 3, 0, alone ? 2.0f : 1.0f);
            if (highlighted.count(at))
                draw->AddRect(a, b, palette::kSelected, 3, 0, std::max(2.5f, cell * 0.08f));
            const bool value_hidden = hidden.hides_value(OutputCell{0, channel, r, c});
            const std::string text = value_hidden ? "?"
                                                  : cell_value_text(side.output.values.at(0, channel, r, c),
                                                                    ctx.fonts.has_symbols);
            float size_px = ImGui::GetFontSize();
            const float room = (cell - 2 * inset) * 0.88f;
            const float w = font->CalcTextSizeA(size_px, FLT_MAX, 0.0f, text.c_str()).x;
            if (w > room) size_px *= room / w;  // a long value shrinks to its cell, never spills over
            const ImVec2 t = font->CalcTextSizeA(size_px, FLT_MAX, 0.0f, text.c_str());
            ctx.probe.text_cell(r, c);
            draw->AddText(font, size_px, ImVec2((a.x + b.x - t.x) * 0.5f, (a.y + b.y - t.y) * 0.5f),
                          value_hidden ? palette::kPaddingText : palette::kText, text.c_str());
        }
    ctx.probe.pop_text_scope();
    if (!ImGui::IsItemHovered()) return std::nullopt;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const auto r = static_cast<int64_t>((mouse.y - origin.y) / cell),
               c = static_cast<int64_t>((mouse.x - origin.x) / cell);
    if (r < 0 || c < 0 || r >= out.h || c >= out.w) return std::nullopt;
    return AbCell{r, c};
}

std::vector<size_t> ab_visible_reasons(const AbComparison& cmp, const QuizHidden& hidden, int64_t channel,
                                       int& held_back) {
    std::vector<size_t> visible;
    held_back = 0;
    for (size_t i = 0; i < cmp.reasons.size(); ++i) {
        const AbReason& reason = cmp.reasons[i];
        if (cell_list(reason, channel).empty()) continue;  // about another channel only
        if (ab_reason_hidden(reason, hidden))
            ++held_back;
        else
            visible.push_back(i);
    }
    return visible;
}

std::optional<size_t> draw_ab_reasons(PanelContext& ctx, const AbComparison& cmp,
                                      const std::vector<size_t>& visible, int64_t channel,
                                      std::optional<AbCell> pointed_cell, bool pointed_in_b) {
    std::optional<size_t> hovered;
    for (size_t shown = 0; shown < visible.size(); ++shown) {
        const size_t i = visible[shown];
        const AbReason& reason = cmp.reasons[i];
        const std::string text = difference_text(reason.text, "ab.");
        const std::string cells = cell_list(reason, channel);
        const int count = static_cast<int>(std::count(cells.begin(), cells.end(), ';') + 1);
        char count_text[64];
        if (count == 1)
            std::snprintf(count_text, sizeof count_text, "%s", tr("ab.one_cell"));
        else
            std::snprintf(count_text, sizeof count_text, tr("ab.cells_fmt"), count);
        const bool marked = pointed_cell && reason_has(reason, channel, *pointed_cell, pointed_in_b);
        ImGui::BeginGroup();
        ImGui::Bullet();
        const ImVec4 color =
            marked ? ImVec4(0.16f, 0.43f, 0.90f, 1.0f) : ImGui::GetStyleColorVec4(ImGuiCol_Text);
        draw_wrapped_text(text + " " + count_text, color);
        ImGui::EndGroup();
        const std::string name = "abview.reason." + std::to_string(shown);
        remember_item(ctx.probe, name.c_str());
        ctx.probe.text_shown(name, text);
        ctx.probe.text_shown(name + ".cells", cells);
        ctx.probe.text_shown(name + ".place", reason.place == AbPlace::kBoth    ? "both"
                                              : reason.place == AbPlace::kOnlyA ? "only_a"
                                                                                : "only_b");
        if (marked) ctx.probe.text_shown(name + ".marked", "yes");
        if (ImGui::IsItemHovered()) hovered = i;
    }
    return hovered;
}

}  // namespace poolscope::app
