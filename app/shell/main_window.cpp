// The main window's frame: a full-viewport host window with the menu bar, and the slots the registered
// panels are placed in (sidebar | top / centre / bottom-left + bottom-right). The layout follows the
// window size: the timeline and bottom rows take the height their content needs, the matrices the rest;
// presentation mode folds the parameters away behind a toggle.
#include "shell/main_window.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <utility>

#include <imgui.h>

#include "i18n/i18n.h"
#include "model/lesson_player.h"
#include "model/network_model.h"
#include "panels/image_view.h"
#include "panels/panels.h"
#include "panels/row_room.h"
#include "shell/card_backdrop.h"
#include "shell/menus.h"
#include "shell/presentation_layout.h"
#include "widgets/help.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {

namespace {

// ImGui::BeginChild; straight in the main window, a card whose fill the clear paints (shell/card_backdrop.h).
bool begin_child(PanelContext& ctx, const char* id, ImVec2 size, bool border, ImGuiWindowFlags flags = 0) {
    return ctx.backdrop ? ctx.backdrop->begin_card(id, size, border, flags)
                        : ImGui::BeginChild(id, size, border, flags);
}

// Draws the panels of `slot` in a child window; returns the height their content needs (for the next frame).
// Rows that must show whole (timeline, step, output size) do not scroll: text they cut is reported as
// clipped (widgets/text_fit.h), and the rows are sized from the measured heights so nothing is cut.
float draw_slot(PanelContext& ctx, Placement slot, const char* child_id, ImVec2 size, bool scroll = true,
                bool heading = true) {
    // Zoomed matrices may be wider than the window: scroll sideways; Ctrl + wheel zooms instead of scrolling.
    ImGuiWindowFlags flags = !scroll                      ? ImGuiWindowFlags_NoScrollbar
                             : slot == Placement::kCenter ? ImGuiWindowFlags_HorizontalScrollbar
                                                          : ImGuiWindowFlags_None;
    if (ImGui::GetIO().KeyCtrl || !scroll) flags |= ImGuiWindowFlags_NoScrollWithMouse;
    begin_child(ctx, child_id, size, true, flags);
    bool first = true;
    for (const std::unique_ptr<Window>& panel : ctx.windows.all()) {
        const WindowInfo& info = panel->info();
        if (info.placement != slot) continue;
        if (!first) ImGui::Spacing(), ImGui::Spacing();
        first = false;
        ImGui::PushID(info.id);
        ctx.probe.panel_shown(info.id);
        ctx.probe.push_text_scope(info.id);
        if (heading) panel_heading(tr(info.title_key), tr(info.help_key));
        panel->draw(ctx);
        ctx.probe.pop_text_scope();
        ImGui::PopID();
    }
    const ImGuiStyle& style = ImGui::GetStyle();
    const float needed = ImGui::GetCursorPosY() - style.ItemSpacing.y + style.WindowPadding.y;
    ImGui::EndChild();
    return needed;
}

// Keeps a measured height; a change asks for one more frame so the rows settle at once.
void remember_height(MeasuredHeights& m, float& kept, float needed) {
    if (std::fabs(kept - needed) < 0.5f) return;
    kept = needed;
    m.layout_changed = true;
}

// The step panel's share of the bottom row, so that neither panel needs more height than the other:
// wrapped text keeps about the same area, so heights go as 1 / width. Kept within [0.34, 0.6] (arithmetic
// lines must not wrap word by word) and changed only by a visible amount, so the row settles at once. Lines
// that do not wrap break the area rule and could send the split back and forth between two values: going
// back to the previous split is allowed only when the row was lower there.
float balance_bottom_row(MeasuredHeights& m) {
    if (m.step_w <= 0 || m.formula_w <= 0 || m.step <= 0 || m.formula <= 0) return m.split;
    const float step_area = m.step * m.step_w, formula_area = m.formula * m.formula_w;
    const float wanted = std::clamp(step_area / (step_area + formula_area), 0.34f, 0.6f);
    if (std::fabs(wanted - m.split) <= 0.03f) return m.split;
    const float row = std::max(m.step, m.formula);
    const bool going_back = std::fabs(wanted - m.last_split) <= 0.03f;
    if (going_back && row <= m.last_row + 0.5f) return m.split;  // no lower there: stay
    const float next = going_back ? m.last_split : wanted;
    m.last_split = m.split, m.last_row = row;
    m.split = next;
    m.layout_changed = true;
    return m.split;
}

// The walkthrough's side notes fold when the bottom row, with them, would leave the matrices less than
// readable cells (`room`: the bottom row's height that still leaves them), and come back when they fit
// again. A student's own choice (the panel's toggle) stands.
void fold_notes(MeasuredHeights& m, float room) {
    if (m.notes_user || m.formula <= 0) return;
    if (!m.notes_folded && m.formula > room + 0.5f && m.formula > m.step + 0.5f) {
        m.notes_folded = true, m.layout_changed = true;
        m.notes_extra = -m.formula;  // negative: the open height, until the folded one is measured
    } else if (m.notes_folded && m.notes_extra < 0) {
        m.notes_extra = std::max(0.0f, -m.notes_extra - m.formula);  // what the notes took
    } else if (m.notes_folded && m.formula + m.notes_extra <= room - 0.5f) {
        m.notes_folded = false, m.layout_changed = true;
    }
}

// The cell the matrices fitted this frame counts for its placement once nothing moved (a frame right after a
// change still has the other placement's row heights); a first one asks for a frame that may act on it.
void keep_settled_fit(MeasuredHeights& m) {
    const float fit = std::exchange(m.last_fit, 0.0f);
    m.fit_kept = fit;
    if (m.layout_changed || fit <= 0.0f) return;
    float& seen = m.beside ? m.seen_beside : m.seen_under;
    if (seen <= 0.0f) m.layout_changed = true;
    seen = fit;
}

// The lesson player's column at the far right (none without a lesson).
void draw_lesson_column(PanelContext& ctx, Window* column, float width) {
    if (!column || width <= 0) return;
    ImGui::SameLine();
    begin_child(ctx, "##lesson", ImVec2(width, 0), true);
    column->draw(ctx);
    MeasuredHeights& m = ctx.measured;
    m.lesson_code_bottom = m.lesson_code_bottom_now;  // (the column drew its code box, or left it 0)
    m.lesson_code_bottom_now = 0.0f;
    m.lesson_visible_h = ImGui::GetWindowHeight() - ImGui::GetStyle().WindowPadding.y;
    m.lesson_w = width;
    ImGui::EndChild();
}

// With a picture open, the centre holds two tabs: the matrices and the Image view (docked there rather than
// floating over the narration). Opening a picture brings its tab forward, "As matrix" the matrices'.
void draw_center_tabs(PanelContext& ctx, ImageWindow& image, ImVec2 size, bool headings) {
    ImageView& view = image.view;
    const bool was_in_front = view.in_front;
    view.in_front = false;
    view.compact = !headings;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    begin_child(ctx, "##center_host", size, false, ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar();
    if (ImGui::BeginTabBar("##center_tabs")) {
        const ImGuiTabItemFlags matrices_flags = view.show_matrices ? ImGuiTabItemFlags_SetSelected : 0;
        const ImGuiTabItemFlags image_flags = view.bring_forward ? ImGuiTabItemFlags_SetSelected : 0;
        view.show_matrices = view.bring_forward = false;
        const float tab_h = ImGui::GetFrameHeightWithSpacing();
        const ImVec2 below(size.x, std::max(size.y - tab_h, ImGui::GetFontSize() * 4.0f));
        const std::string matrices = std::string(tr("panel.matrices")) + "###matrices_tab";
        if (ImGui::BeginTabItem(matrices.c_str(), nullptr, matrices_flags)) {
            draw_slot(ctx, Placement::kCenter, "##center", below, true, headings);
            ImGui::EndTabItem();
        }
        const std::string tab = std::string(tr(image.info().title_key)) + "###image_tab";
        bool open = true;
        if (ImGui::BeginTabItem(tab.c_str(), &open, image_flags)) {
            view.in_front = true;
            ImGui::BeginChild("##image_view", below, true);
            image.draw(ctx);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        if (!open) close_window(ctx.state.view, image.info().id);
        ImGui::EndTabBar();
    }
    ImGui::EndChild();
    if (view.in_front != was_in_front) ctx.measured.layout_changed = true;  // the rows make room for it
}

// The column's window (the lesson player), if one is registered.
Window* lesson_column(const PanelContext& ctx) {
    for (const std::unique_ptr<Window>& w : ctx.windows.all())
        if (w->info().placement == Placement::kColumn) return w.get();
    return nullptr;
}

// A workspace window shown now (the Network view on a network step, or opened from the View menu) takes the
// place of the sidebar and the matrices' rows, which have nothing to show beside it; the lesson column stays.
bool draw_workspace(PanelContext& ctx) {
    if (!network_view_shown(ctx.state.lessons.session, ctx.state.view)) return false;
    for (const std::unique_ptr<Window>& w : ctx.windows.all()) {
        if (w->info().placement != Placement::kWorkspace) continue;
        Window* column = lesson_column(ctx);
        const float lesson_w =
            column ? widen_for_code(ctx, column->width(ctx), ImGui::GetContentRegionAvail().x) : 0.0f;
        const float spacing = ImGui::GetStyle().ItemSpacing.x;
        const float width = ImGui::GetContentRegionAvail().x - (lesson_w > 0 ? lesson_w + spacing : 0.0f);
        ImGui::PushID(w->info().id);
        ctx.probe.panel_shown(w->info().id);
        begin_child(ctx, "##workspace", ImVec2(width, 0), true);
        w->draw(ctx);
        ImGui::EndChild();
        ImGui::PopID();
        draw_lesson_column(ctx, column, lesson_w);
        return true;
    }
    return false;
}

// Presentation mode: a thin button at the left edge that shows or hides the parameters column.
void draw_params_toggle(View& view, UiProbe& probe) {
    const float w = ImGui::GetFrameHeight();
    const char* label = view.params_in_presentation ? "<##params_toggle" : ">##params_toggle";
    if (ImGui::Button(label, ImVec2(w, ImGui::GetContentRegionAvail().y)))
        view.params_in_presentation = !view.params_in_presentation;
    remember_item(probe, "layout.params_toggle");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s",
                          tr(view.params_in_presentation ? "layout.hide_params" : "layout.show_params"));
    ImGui::SameLine();
}

}  // namespace

void draw_main_window(PanelContext& ctx, Shell& shell) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    const ImGuiWindowFlags flags =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
        ImGuiWindowFlags_MenuBar | ImGuiWindowFlags_NoBringToFrontOnFocus |
        ImGuiWindowFlags_NoBackground;  // the clear paints it (platform/renderer.cpp)
    ImGui::Begin("PoolScope###main", nullptr, flags);
    if (ctx.backdrop) ctx.backdrop->set_host();
    // Presentation: the timeline joins the menus' bar when it fits there on one line, and its row's height
    // goes to the cells (issue 27). Its width is the widest label the output gives, so it does not move
    // while it plays.
    View& view = ctx.state.view;
    MeasuredHeights& bar = ctx.measured;
    const bool in_bar = !network_view_shown(ctx.state.lessons.session, view) &&
                        bar.timeline_one_line_w > 0.0f && bar.timeline_one_line_w <= bar.menu_bar_room;
    if (in_bar != bar.timeline_in_bar) bar.timeline_in_bar = in_bar, bar.layout_changed = true;
    draw_menu_bar(ctx, shell);  // shell/menus.cpp
    if (in_bar) draw_timeline_in_menu_bar(ctx);
    if (draw_workspace(ctx)) {
        ctx.measured.grids.in_rows = ctx.measured.grids.in_cols = 0;  // no matrices drawn: none fitted
        ctx.probe.rows_placed(false);
        ImGui::End();
        return;
    }

    // Presentation mode is a focus layout: the parameters (and the output-size panel that explains them)
    // fold away behind a toggle, and the matrices, the step arithmetic and the narration take the screen.
    const bool show_params = !view.presentation || view.params_in_presentation;
    // Presentation folds the walkthrough with the parameters (layout.panels_shown says so; keeping a step's
    // focus panels there needs a layout that still leaves the cells their size: not yet).
    const bool show_formula = show_params;
    if (view.presentation) draw_params_toggle(view, ctx.probe);
    const float font = ImGui::GetFontSize();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float spacing = style.ItemSpacing.x;
    if (show_params) {
        const float sidebar_w = std::clamp(font * 19.0f, 220.0f, avail.x * 0.4f);
        draw_slot(ctx, Placement::kSidebar, "##sidebar", ImVec2(sidebar_w, 0));
        ImGui::SameLine();
    }

    ImGui::BeginGroup();
    Window* column = lesson_column(ctx);  // the lesson player's column, at the far right
    MeasuredHeights& measured = ctx.measured;
    const float lesson_w =
        column ? widen_for_code(ctx, column->width(ctx), ImGui::GetContentRegionAvail().x) : 0.0f;
    const float right_w = ImGui::GetContentRegionAvail().x - (lesson_w > 0 ? lesson_w + spacing : 0.0f);
    // Rows take the height their content needed last frame (a first frame guesses); the bottom row may take
    // up to 60% of the height, the matrices keep the rest. When that leaves the matrices less than readable
    // cells (panels/row_room.h), the timeline and matrices drop their headings first (F1 still explains
    // them: chrome goes before content), and if that is not enough the walkthrough's side notes fold.
    // Heights below are without those headings.
    const float top_h = in_bar ? 0.0f : measured.top > 0 ? measured.top : font * 4.6f;
    const float heading_h = ImGui::GetTextLineHeightWithSpacing() + style.ItemSpacing.y + 1.0f;
    const float headings_in = measured.compact ? 0.0f : heading_h;  // in the top and matrices heights
    // The cells each placement really gave are kept while the room and the grids stay the same.
    const float below_top = avail.y - (top_h - headings_in) - style.ItemSpacing.y;
    const GridFitInput& g = measured.grids;
    const ImVec2 screen = ImGui::GetIO().DisplaySize;  // (the rows' own widths move while they settle)
    // Another font size (presentation and back, Ctrl+Shift +/-): every height was measured in the old one,
    // and the rows settle from scratch, as they did when the window first showed this state.
    if (measured.font != font) forget_measurements(measured), measured.font = font;
    // Another lesson step has other text under or beside the grids: its cells are measured afresh too.
    const std::array<float, 7> room_key = {screen.x,
                                           screen.y,
                                           static_cast<float>(g.in_rows),
                                           static_cast<float>(g.in_cols),
                                           static_cast<float>(g.out_cols),
                                           static_cast<float>(g.channels),
                                           static_cast<float>(ctx.state.lessons.session.generation)};
    // New grids (another step, a size edit) move anyway: they start under again, to be measured there.
    if (g.in_rows > 0 && room_key != measured.seen_for) {
        if (measured.seen_for[2] > 0.0f) {
            measured.seen_under = measured.seen_beside = 0.0f;
            // The height over the grids (the legend may fold or wrap otherwise) and the bottom row's split
            // start afresh too, so a step lays out the same however it was reached.
            measured.extra_h_under = measured.extra_h_beside = 0.0f;
            measured.split = MeasuredHeights{}.split, measured.last_split = -1.0f, measured.last_row = 0.0f;
            if (measured.beside) measured.beside = false, measured.layout_changed = true;
        }
        measured.seen_for = room_key;
    }
    // Last frame's grids; the matrices panel fits them again only if it is drawn (not behind the Image
    // view, not in the Backward or MaxUnpool views), so nothing is held for a view that is not shown.
    const MeasuredHeights fitted = measured;
    measured.grids.in_rows = measured.grids.in_cols = 0;
    const float bottom_needed = std::max(measured.step, show_formula ? measured.formula : 0.0f);
    float bottom_h = std::clamp(bottom_needed > 0 ? bottom_needed : font * 10.0f, font * 5.0f,
                                std::max(font * 5.0f, avail.y * 0.6f));
    // The picture in front: the rows under it leave its panes 40 % of the height under the timeline (their
    // text scrolls), so a laptop's 650-px browser window shows the picture, not only its tools.
    ImageWindow& image = ctx.windows.get<ImageWindow>();
    if (window_open(view, image.info().id) && image.view.in_front && image.view.chrome_h > 0.0f) {
        const float tabs_h = ImGui::GetFrameHeightWithSpacing();
        const float room = below_top - tabs_h - image.view.chrome_h - below_top * 0.4f - style.ItemSpacing.y;
        bottom_h = std::max(font * 5.0f, std::min(bottom_h, room));
    }
    // A tall grid in a wide window: the rows go beside the matrices when that gives bigger cells.
    // (Not in presentation yet: its large font leaves no column wide enough beside a grid.)
    RowPlacement rows =
        place_rows(fitted, right_w, below_top, bottom_h, style.ItemSpacing.y, font, measured.beside);
    if (!show_params) rows.beside = false;
    place_text_in_matrices(ctx, fitted, bottom_h, font);
    if (rows.beside != measured.beside) measured.beside = rows.beside, measured.layout_changed = true;
    if (image.view.bring_forward) open_window(view, image.info().id);  // a picture was opened
    if (measured.beside) {
        if (measured.compact) measured.compact = false, measured.layout_changed = true;
        if (!in_bar)
            remember_height(measured, measured.top,
                            draw_slot(ctx, Placement::kTop, "##top", ImVec2(right_w, top_h), false, true));
        const float center_w = right_w - rows.side_w - spacing;
        const float center_h = ImGui::GetContentRegionAvail().y;
        if (window_open(view, image.info().id))
            draw_center_tabs(ctx, image, ImVec2(center_w, center_h), true);
        else
            draw_slot(ctx, Placement::kCenter, "##center", ImVec2(center_w, center_h), true, true);
        ImGui::SameLine();
        ImGui::BeginGroup();
        // The step on top, as tall as it needs; the walkthrough below it takes the rest (and scrolls).
        const float step_h =
            show_formula ? std::min(measured.step > 0 ? measured.step : font * 10.0f, center_h * 0.6f) : 0.0f;
        remember_height(measured, measured.step,
                        draw_slot(ctx, Placement::kBottomLeft, "##bottom_left", ImVec2(rows.side_w, step_h),
                                  !show_formula, show_params));
        if (show_formula)
            remember_height(measured, measured.formula,
                            draw_slot(ctx, Placement::kBottomRight, "##bottom_right", ImVec2(rows.side_w, 0),
                                      true, show_params));
        measured.step_w = measured.formula_w = rows.side_w;
        ImGui::EndGroup();
        ImGui::EndGroup();
        draw_lesson_column(ctx, column, lesson_w);
        keep_settled_fit(measured);
        ctx.probe.rows_placed(measured.beside);
        ImGui::End();
        return;
    }
    const float matrices_h = matrices_height_for(fitted, right_w, readable_cell(fitted, font)) - headings_in;
    const float rest = avail.y - (top_h - headings_in) - matrices_h - 2.0f * style.ItemSpacing.y;
    if (show_params) fold_notes(measured, rest);
    const bool compact = show_params && matrices_h > 0 && bottom_h > rest - 2.0f * heading_h;
    if (compact != measured.compact) measured.compact = compact, measured.layout_changed = true;
    // Focus layout: the rows need no heading on a projector (F1 explains them); their room goes to cells.
    const bool headings = show_params && !compact;
    if (!in_bar)
        remember_height(measured, measured.top,
                        draw_slot(ctx, Placement::kTop, "##top", ImVec2(right_w, top_h), false, headings));
    // Presentation with a rejected layer: the step row would only repeat the error box's reason.
    const bool no_rows = measured.text_in_matrices || (!show_params && !ctx.state.computed.plan);
    const float center_h =
        no_rows ? ImGui::GetContentRegionAvail().y  // the step text is drawn inside the matrices panel
                : std::max(font * 6.0f, ImGui::GetContentRegionAvail().y - bottom_h - style.ItemSpacing.y);
    if (window_open(view, image.info().id))
        draw_center_tabs(ctx, image, ImVec2(right_w, center_h), headings);
    else
        draw_slot(ctx, Placement::kCenter, "##center", ImVec2(right_w, center_h), true, headings);
    if (show_formula) {
        const float left_w = (right_w - spacing) * balance_bottom_row(measured);
        const float formula_w = right_w - left_w - spacing;
        remember_height(
            measured, measured.step,
            draw_slot(ctx, Placement::kBottomLeft, "##bottom_left", ImVec2(left_w, 0), false, show_params));
        ImGui::SameLine();
        remember_height(measured, measured.formula,
                        draw_slot(ctx, Placement::kBottomRight, "##bottom_right", ImVec2(formula_w, 0), false,
                                  show_params));
        measured.step_w = left_w, measured.formula_w = formula_w;
    } else if (!no_rows) {
        remember_height(
            measured, measured.step,
            draw_slot(ctx, Placement::kBottomLeft, "##bottom_left", ImVec2(right_w, 0), false, false));
    }
    ImGui::EndGroup();
    draw_lesson_column(ctx, column, lesson_w);
    keep_settled_fit(measured);
    ctx.probe.rows_placed(measured.beside);
    ImGui::End();
}

}  // namespace poolscope::app
