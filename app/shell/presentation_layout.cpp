// Presentation mode's layout (see presentation_layout.h).
#include "shell/presentation_layout.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>

#include <imgui.h>
#include <imgui_internal.h>

#include "model/app_state.h"
#include "model/lesson_session.h"
#include "widgets/grid_fit.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {

// Presentation: a tall one-channel grid takes the whole height, and the step text (with the walkthrough
// when the step points at it) goes under its output, right of the input, when that gives cells at least 10%
// bigger than the row under the matrices (and stays while bigger), so a 10×10 padded grid on a projector
// is not drawn with small digits above a half-empty row (issue 27).
void place_text_in_matrices(PanelContext& ctx, const MeasuredHeights& fitted, float bottom_h, float font) {
    MeasuredHeights& m = ctx.measured;
    const View& view = ctx.state.view;
    const bool possible = view.presentation && !view.params_in_presentation && fitted.grids.in_rows > 0 &&
                          fitted.grids.channels == 1 && ctx.state.computed.plan.has_value() &&
                          ctx.state.gradient.pass == PassView::kForward;
    bool want = false;
    const std::array<int64_t, 4> grids = {fitted.grids.in_rows, fitted.grids.in_cols, fitted.grids.out_rows,
                                          fitted.grids.out_cols};
    if (possible && grids != m.text_for) {  // other grids (another step, a size edit): measure afresh
        m.text_for = grids;
        m.text_h = m.text_w = 0.0f;
        m.text_h_at = {};
    }
    if (possible) {
        const float spacing = ImGui::GetStyle().ItemSpacing.y;
        GridFitInput under = fitted.grids, side = fitted.grids;
        under.text_w = under.text_h = 0.0f;
        // The row's height last measured may be another step's: with the text here, the row it would take
        // is its measured area at the row's width (and a line to spare), when that is less.
        float row_h = bottom_h;
        if (m.text_in_matrices && m.text_h > 0.0f && m.text_w > 0.0f)
            row_h = std::min(row_h, m.text_h * m.text_w / std::max(fitted.grids.width, font) + font +
                                        2.0f * ImGui::GetStyle().WindowPadding.y);
        if (m.text_in_matrices)
            under.height -= row_h + spacing;
        else
            side.height += bottom_h + spacing;
        // The text column's width: from the heights measured at the widths tried (text_room), each width
        // from 13 font sizes (the arithmetic's terms keep whole on a line) to 20 predicts the cells; the best
        // is taken when it beats the current one by 3% (so the column does not hunt between two).
        auto fit_at = [&](float text_w) {
            GridFitInput s = side;
            s.text_w = text_w;
            s.text_h = text_room(m, text_w, font);
            return fit_grids(s).cell;
        };
        const float now_w = m.text_w > 0.0f ? m.text_w : font * 16.0f;
        float best_w = now_w, best_cell = fit_at(now_w);
        // Each width is measured once it is tried, so the search settles after a few tries at most.
        for (float k = 13.0f; k <= 20.0f; k += 1.0f)
            if (const float c = fit_at(font * k); c > best_cell * 1.03f) best_cell = c, best_w = font * k;
        const float cell_under = fit_grids(under).cell;
        // (Staying needs a gain too: at equal cells the row under the matrices leaves the lesson column the
        // width its code may need.)
        want = m.text_in_matrices ? best_cell > cell_under * 1.01f : best_cell > cell_under * 1.1f;
        // Left once for these grids on this step: not again (no flapping).
        if (!m.text_in_matrices && m.text_left_for == grids &&
            m.text_left_at == ctx.state.lessons.session.generation)
            want = false;
        if (want && std::fabs(best_w - m.text_w) > 0.5f) m.text_w = best_w, m.layout_changed = true;
    }
    if (m.text_in_matrices && !want && possible)
        m.text_left_for = grids, m.text_left_at = ctx.state.lessons.session.generation;
    if (want != m.text_in_matrices) m.text_in_matrices = want, m.layout_changed = true;
}

// Presentation: the lesson column widens, half a font size at a time, while its code box is cut at the
// column's bottom (issue 27: the code must show whole at 1280×720), as long as the grids beside it keep their
// cells (what they got, or the size a classroom needs if that is less: 40 px up to 10×10 and two channels,
// else 28). It keeps its width for the step (narrowing back could cut the code again: no flapping).
float widen_for_code(PanelContext& ctx, float base, float avail) {
    MeasuredHeights& m = ctx.measured;
    const View& view = ctx.state.view;
    if (!view.presentation || view.params_in_presentation || base <= 0.0f) return base;
    const std::array<float, 4> key = {static_cast<float>(ctx.state.lessons.session.step),
                                      static_cast<float>(ctx.state.lessons.session.generation), avail,
                                      ImGui::GetFontSize()};
    if (key != m.lesson_wide_for)
        m.lesson_wide_for = key, m.lesson_wide_w = 0.0f, m.lesson_code_pinned = false;
    float width = std::max(base, m.lesson_wide_w);
    const bool cut = m.lesson_code_bottom > m.lesson_visible_h + 1.0f && m.lesson_w > 0.0f;
    if (!cut || std::fabs(m.lesson_w - width) > 0.5f) return width;  // (measured at another width: wait)
    const float font = ImGui::GetFontSize();
    const GridFitInput& g = m.grids;
    float floor_cell = 0.0f;
    if (g.in_rows > 0 && m.fit_kept > 0.0f)
        floor_cell =
            std::min(m.fit_kept, g.in_rows <= 10 && g.in_cols <= 10 && g.channels <= 2 ? 40.0f : 28.0f);
    // The column's text keeps about its area: the width that would bring the code up to the fold, then
    // back half a font size at a time until the grids keep their cells (at least half a font wider).
    const float cap = avail * 0.5f;
    float wider =
        std::min(cap, std::max(width + font * 0.5f, width * m.lesson_code_bottom / m.lesson_visible_h));
    // No wider: the code is pinned under the column instead (panels/lesson_panel.cpp).
    const auto pin = [&] {
        if (!m.lesson_code_pinned) m.lesson_code_pinned = true, m.layout_changed = true;
        return width;
    };
    if (wider <= width) return pin();
    if (floor_cell > 0.0f) {  // the grids' cells at the narrower matrices
        auto cell_at = [&](float w) {
            GridFitInput room = g;
            room.width -= w - width;
            return fit_grids(room).cell;
        };
        while (wider > width + font * 0.5f && cell_at(wider) < floor_cell)
            wider = std::max(width + font * 0.5f, wider - font * 0.5f);
        if (cell_at(wider) < floor_cell) return pin();
    }
    m.lesson_wide_w = wider, m.layout_changed = true;
    return wider;
}

// Presentation's timeline, right-aligned in the menu bar (the menus' room was measured last frame).
void draw_timeline_in_menu_bar(PanelContext& ctx) {
    if (!ImGui::BeginMenuBar()) return;
    // The buttons fill the bar's height (inside its clip, a border and two pixels short of each edge).
    const ImRect bar = ImGui::GetCurrentWindow()->MenuBarRect();
    const float inset = ImGui::GetStyle().WindowBorderSize + 2.0f;
    const float pad_y = std::max(0.0f, (bar.GetHeight() - ImGui::GetFontSize()) * 0.5f - inset);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, pad_y));
    const float right = ImGui::GetWindowWidth() - 2.0f * ImGui::GetStyle().WindowPadding.x;
    // (At a fixed place: the status message before it is clipped short of it, never pushes it.)
    const float x = right - ctx.measured.timeline_one_line_w;
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetWindowPos().x + x, bar.Min.y + inset));
    for (const std::unique_ptr<Window>& panel : ctx.windows.all()) {
        const WindowInfo& info = panel->info();
        if (info.placement != Placement::kTop) continue;
        ImGui::PushID(info.id);
        ctx.probe.panel_shown(info.id);
        ctx.probe.push_text_scope(info.id);
        panel->draw(ctx);
        ctx.probe.pop_text_scope();
        ImGui::PopID();
    }
    ImGui::PopStyleVar();
    ImGui::EndMenuBar();
}

}  // namespace poolscope::app
