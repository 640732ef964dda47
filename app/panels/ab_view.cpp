// View → A/B settings (issue 29): the window's input under two settings of one layer, side by side. A is the
// window's layer and B the same with one setting changed (picked here: ceil_mode, count_include_pad, padding,
// stride, kernel, dilation or max/average), or both come from a lesson step's "compare" (the step opens this
// window). The cells whose values differ are shaded, those only one side has outlined, and each difference is
// explained by the core (compare_ab); pointing at a reason outlines its cells. Model: model/ab_settings.h.
#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>

#include <imgui.h>

#include "export/ab_slide.h"
#include "i18n/compare_text.h"
#include "i18n/error_text.h"
#include "i18n/i18n.h"
#include "model/ab_settings.h"
#include "model/lesson_session.h"
#include "model/quiz_session.h"
#include "panels/ab_grid.h"
#include "panels/file_dialog_window.h"
#include "panels/panels.h"
#include "widgets/palette.h"
#include "widgets/rich_text.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {
namespace {

const char* field_label(AbField field) {
    return field == AbField::kMode ? tr("ab.field.mode") : ab_field_name(field);
}

// An (h, w) pair as two numbers, each with − and + buttons; true when one changed. `low` is the smallest.
bool pair_input(PanelContext& ctx, Pair& pair, int64_t low) {
    bool changed = false;
    const float width = ImGui::GetFontSize() * 2.5f;
    for (int axis = 0; axis < 2; ++axis) {
        int64_t& v = axis == 0 ? pair.h : pair.w;
        const std::string name = std::string("abview.value.") + (axis == 0 ? "h" : "w");
        if (axis) ImGui::SameLine(0.0f, ImGui::GetFontSize());
        ImGui::PushID(axis);
        ImGui::TextUnformatted(axis == 0 ? "H" : "W");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(width);
        changed |= ImGui::InputScalar("##v", ImGuiDataType_S64, &v);
        remember_item(ctx.probe, name.c_str());
        ImGui::SameLine(0.0f, 2.0f);
        if (ImGui::Button("-")) --v, changed = true;
        remember_item(ctx.probe, (name + ".minus").c_str());
        ImGui::SameLine(0.0f, 2.0f);
        if (ImGui::Button("+")) ++v, changed = true;
        remember_item(ctx.probe, (name + ".plus").c_str());
        ImGui::PopID();
        v = std::clamp<int64_t>(v, low, 32);
    }
    return changed;
}

class AbWindow final : public Window {
  public:
    AbWindow()
        : Window({window_id::kAbSettings, Placement::kFloating, "ab.title", nullptr, Menu::kView,
                  "menu.ab_settings"}) {}
    void draw(PanelContext& ctx) override;

  private:
    void follow_lesson(PanelContext& ctx);
    void draw_setup(PanelContext& ctx, const LayerSpec& a);
    void draw_export(PanelContext& ctx);
    void draw_heading(PanelContext& ctx, const AbComparison& cmp, bool side_b, const QuizHidden& hidden);
    void draw_grid(PanelContext& ctx, const AbComparison& cmp, bool side_b, float cell, const AbMarks& marks,
                   const QuizHidden& hidden);

    AbSettings settings_;
    std::optional<std::pair<uint64_t, std::string>> lesson_seen_;  // session generation and step followed
    // The comparison, made again only when the document or the settings change.
    uint64_t revision_ = 0;
    std::optional<AbSettings> computed_for_;
    AbShown shown_;
    int channel_ = 0;
    // Pointing, as the last frame saw it (the grids are drawn before the reasons).
    std::optional<size_t> pointed_reason_;
    std::optional<AbCell> pointed_cell_;
    bool pointed_in_b_ = false;
};

// A lesson step with a "compare" gives A and B; leaving it for a step without one goes back to the
// student's own B, and closes the window the step opened.
void AbWindow::follow_lesson(PanelContext& ctx) {
    const LessonSession& session = ctx.state.lessons.session;
    const LessonStep* step = is_open(session) ? current_step(session) : nullptr;
    std::pair<uint64_t, std::string> seen{session.generation, step ? step->path : std::string()};
    if (lesson_seen_ == seen) return;
    lesson_seen_ = std::move(seen);
    if (step && step->compare) {
        settings_.lesson = *step->compare;
        settings_.lesson_step = step->path;
    } else if (settings_.lesson) {
        leave_lesson_compare(settings_, ctx.state.doc);
        close_window(ctx.state.view, info().id);
    }
}

// "Export slide…": what `poolscope export --ab` writes, for the two layers shown, in the UI's language; a
// picture shows every value, so not while a question is open (issue 26).
void AbWindow::draw_export(PanelContext& ctx) {
    const bool asked = quiz_hidden(ctx.state.quiz).any();
    ImGui::BeginDisabled(asked || !shown_.comparison || shown_.comparison->same_layer());
    const bool pressed = ImGui::Button(tr("ab.export"));
    ImGui::EndDisabled();
    remember_item(ctx.probe, "abview.export");
    if (asked && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s", tr("status.export_hidden_by_quiz"));
    if (!pressed) return;
    FileRequest request;
    request.purpose = FilePurpose::kExport;
    request.dir = ".";
    request.name = "ab-slide.png";
    request.extensions = ".png .svg";
    request.title_key = "ab.export_title";
    AbSlideRequest slide;
    slide.input = ctx.state.doc.input;
    slide.a = shown_.a;
    slide.b = shown_.b;
    slide.language = current_language();
    slide.cell = 64;
    slide.symbols = ctx.fonts.has_symbols;
    ask_for_file(ctx, std::move(request), "ab_export",
                 [slide](PanelContext& c, const std::filesystem::path& path) {
                     const bool svg = path.extension() == ".svg";
                     const Result<bool> done =
                         write_ab_slide(slide, svg ? ExportFormat::kSvg : ExportFormat::kPng, path);
                     char text[1200];
                     if (done)
                         std::snprintf(text, sizeof text, tr("ab.exported_fmt"), path.string().c_str());
                     else
                         std::snprintf(text, sizeof text, tr("export.failed_fmt"), done.error_text().c_str());
                     set_status(c.state.interaction, text, !done);
                 });
}

void AbWindow::draw_setup(PanelContext& ctx, const LayerSpec& a) {
    if (settings_.lesson) {
        const std::string& path = settings_.lesson_step;  // "/steps/5": the player counts from 1
        const int number = std::atoi(path.substr(path.rfind('/') + 1).c_str()) + 1;
        ImGui::TextColored(palette::kMuted, tr("ab.from_lesson_fmt"), number);
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("ab.own_b"))) leave_lesson_compare(settings_, ctx.state.doc);
        remember_item(ctx.probe, "abview.own_b");
        return;
    }
    AbChoice& choice = settings_.choice;
    if (!ab_field_applies(a, choice.field)) {  // the window's layer changed under the choice
        for (AbField field : ab_fields())
            if (ab_field_applies(a, field)) {
                choice = suggest_choice(a, field);
                break;
            }
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("ab.changes"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11.0f);
    if (ImGui::BeginCombo("##ab_field", field_label(choice.field))) {
        for (AbField field : ab_fields()) {
            const bool applies = ab_field_applies(a, field);
            std::string label = field_label(field);
            if (!applies) label += std::string(" ") + tr("ab.not_a_setting");
            if (ImGui::Selectable(label.c_str(), field == choice.field,
                                  applies ? 0 : ImGuiSelectableFlags_Disabled))
                choice = suggest_choice(a, field);
            remember_item(ctx.probe, (std::string("abview.field.") + ab_field_name(field)).c_str());
        }
        ImGui::EndCombo();
    }
    remember_item(ctx.probe, "abview.field");
    ImGui::SameLine();
    ImGui::TextUnformatted(tr("ab.value"));
    ImGui::SameLine();
    switch (choice.field) {
        case AbField::kCeilMode:
        case AbField::kCountIncludePad: {
            const std::string label =
                std::string(ab_field_name(choice.field)) + "=" + (choice.flag ? "True" : "False");
            ImGui::Checkbox((label + "###ab_flag").c_str(), &choice.flag);
            remember_item(ctx.probe, "abview.value");
            break;
        }
        case AbField::kPadding:
            pair_input(ctx, choice.pair, 0);
            break;
        case AbField::kStride:
        case AbField::kKernel:
        case AbField::kDilation:
            pair_input(ctx, choice.pair, 1);
            break;
        case AbField::kMode: {
            const PoolOp ops[] = {PoolOp::kMax, PoolOp::kAvg, PoolOp::kLp, PoolOp::kAdaptiveMax,
                                  PoolOp::kAdaptiveAvg};
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12.0f);
            if (ImGui::BeginCombo("##ab_op", std::string(op_name(choice.op)).c_str())) {
                for (PoolOp op : ops) {
                    if (is_adaptive(op) != is_adaptive(a.params.op)) continue;  // a window, or an output size
                    if (ImGui::Selectable(std::string(op_name(op)).c_str(), op == choice.op)) choice.op = op;
                    remember_item(ctx.probe, ("abview.op." + std::string(op_name(op))).c_str());
                }
                ImGui::EndCombo();
            }
            remember_item(ctx.probe, "abview.value");
            break;
        }
    }
}

// One side's heading: its name and code line (cut between tokens), and its output size or why it has none.
void AbWindow::draw_heading(PanelContext& ctx, const AbComparison& cmp, bool side_b,
                            const QuizHidden& hidden) {
    const AbSide& side = side_b ? cmp.b : cmp.a;
    const std::string fact = std::string("abview.") + (side_b ? "b" : "a");
    ImGui::TextColored(palette::kHeading, "%s", side_b ? "B" : "A");
    ImGui::SameLine();
    const std::string code = layer_code(side.layer);
    ImGui::BeginGroup();
    for (const std::string& line : code_lines(code, ImGui::GetContentRegionAvail().x))
        ImGui::TextColored(palette::kCodeText, "%s", line.c_str());
    ImGui::EndGroup();
    ctx.probe.text_shown(fact + ".code", code);
    if (!side.plan) {
        wrapped_textf(palette::kErrorText, tr("ab.rejected_fmt"),
                      std::string(framework_name(side.layer.convention)).c_str());
        for (const Error& e : side.errors)
            draw_wrapped_text(error_text(e), palette::kErrorText);
        return;
    }
    if (hidden.output_shape) {  // a shape question is open: neither size, nor a grid that shows it
        ImGui::TextDisabled("%s", tr("quizui.hidden_until_answered"));
        ctx.probe.text_shown(fact + ".shape", "?");
        return;
    }
    const Shape& out = side.plan->output;
    ImGui::Text(tr("ab.shape_fmt"), static_cast<long long>(out.h), static_cast<long long>(out.w));
    ctx.probe.text_shown(fact + ".shape", std::to_string(out.h) + "x" + std::to_string(out.w));
}

// One side's grid; wider than its column, it scrolls sideways inside it.
void AbWindow::draw_grid(PanelContext& ctx, const AbComparison& cmp, bool side_b, float cell,
                         const AbMarks& marks, const QuizHidden& hidden) {
    const AbSide& side = side_b ? cmp.b : cmp.a;
    if (!side.plan || hidden.output_shape) return;
    const Shape& out = side.plan->output;
    const float width = static_cast<float>(out.w) * cell, room = ImGui::GetContentRegionAvail().x;
    const bool scrolls = width > room;
    if (scrolls)
        ImGui::BeginChild(
            side_b ? "##ab_scroll_b" : "##ab_scroll_a",
            ImVec2(room, static_cast<float>(out.h) * cell + ImGui::GetStyle().ScrollbarSize + 4), false,
            ImGuiWindowFlags_HorizontalScrollbar);
    std::optional<AbCell> hovered = draw_ab_grid(ctx, cmp, side_b, channel_, cell, marks, hidden,
                                                 side_b ? "abview.grid.b" : "abview.grid.a");
    if (scrolls) ImGui::EndChild();
    if (hovered) pointed_cell_ = hovered, pointed_in_b_ = side_b;
}

void AbWindow::draw(PanelContext& ctx) {
    AppState& state = ctx.state;
    follow_lesson(ctx);
    if (!window_open(state.view, info().id)) return;
    if (!computed_for_ && !settings_.lesson)  // first shown: B changes ceil_mode, the other way from A's
        settings_.choice = suggest_choice(layer_of(state.doc), AbField::kCeilMode);
    if (!computed_for_ || !(*computed_for_ == settings_) || revision_ != state.doc.revision) {
        shown_ = compute_ab(state.doc, settings_);
        computed_for_ = settings_;
        revision_ = state.doc.revision;
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize(ImVec2(display.x * 0.9f, display.y * 0.86f), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_FirstUseEver,
                            ImVec2(0.5f, 0.5f));
    const std::string title = std::string(tr("ab.title")) + "###ab_settings";
    bool open = true;
    const bool drawn = ImGui::Begin(title.c_str(), &open);
    if (!open) close_window(state.view, info().id);
    if (!drawn) {
        ImGui::End();
        return;
    }
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    remember_rect(ctx.probe, "abview.window", pos.x, pos.y, size.x, size.y);
    ctx.probe.text_shown("abview.mode", settings_.lesson ? "lesson" : "free");
    ctx.probe.text_shown("abview.field", settings_.lesson ? "" : ab_field_name(settings_.choice.field));
    draw_wrapped_text(tr("ab.intro"), palette::kMuted);
    draw_setup(ctx, shown_.a);
    ImGui::SameLine();
    draw_export(ctx);
    for (const Error& e : shown_.errors)
        draw_wrapped_text(error_text(e), palette::kErrorText);
    if (!shown_.comparison) {
        ImGui::End();
        return;
    }
    const AbComparison& cmp = *shown_.comparison;
    const QuizHidden hidden = quiz_hidden(state.quiz);
    const int64_t channels = state.doc.input.shape().c;
    if (channels > 1) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
        ImGui::SliderInt(tr("ab.channel"), &channel_, 0, static_cast<int>(channels - 1));
        remember_item(ctx.probe, "abview.channel");
    }
    channel_ = std::clamp(channel_, 0, static_cast<int>(channels - 1));

    AbMarks marks = ab_marks(cmp, channel_);
    if (pointed_reason_ && *pointed_reason_ < cmp.reasons.size()) {
        const AbReason& reason = cmp.reasons[*pointed_reason_];
        for (const OutputCell& c : reason.cells) {
            if (c.n != 0 || c.c != channel_) continue;
            if (reason.place != AbPlace::kOnlyB) marks.highlighted_a.insert({c.oh, c.ow});
            if (reason.place != AbPlace::kOnlyA) marks.highlighted_b.insert({c.oh, c.ow});
        }
    } else if (pointed_cell_) {  // the same output cell in each grid that has it
        const auto has = [&](const AbSide& side) {
            return side.plan && pointed_cell_->first < side.plan->output.h &&
                   pointed_cell_->second < side.plan->output.w;
        };
        if (has(cmp.a)) marks.highlighted_a.insert(*pointed_cell_);
        if (has(cmp.b)) marks.highlighted_b.insert(*pointed_cell_);
    }
    std::string highlight;
    for (const auto& [grid, cells] :
         {std::pair{"a", &marks.highlighted_a}, std::pair{"b", &marks.highlighted_b}})
        for (const AbCell& c : *cells)
            highlight += (highlight.empty() ? "" : ";") + std::string(grid) + ":" + std::to_string(c.first) +
                         "," + std::to_string(c.second);
    ctx.probe.text_shown("abview.highlight", highlight);
    pointed_cell_.reset();  // the grids below say where the mouse is now

    const float column = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * 3) * 0.5f;
    const float cell = ab_cell_size(cmp, column, ImGui::GetContentRegionAvail().y * 0.5f);
    if (ImGui::BeginTable("##ab_sides", 2,
                          ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableNextRow();  // the headings in one row, so the grids below start level
        for (const bool side_b : {false, true}) {
            ImGui::TableNextColumn();
            draw_heading(ctx, cmp, side_b, hidden);
        }
        ImGui::TableNextRow();
        for (const bool side_b : {false, true}) {
            ImGui::TableNextColumn();
            draw_grid(ctx, cmp, side_b, cell, marks, hidden);
        }
        ImGui::EndTable();
    }
    if (cmp.same_layer())
        draw_wrapped_text(tr("ab.same_layer"), palette::kMuted);
    else if (cmp.a.plan && cmp.b.plan && !cmp.any_difference() && !hidden.output_shape)
        draw_wrapped_text(tr("ab.same"), palette::kOkText);
    int held_back = 0;
    const std::vector<size_t> visible = ab_visible_reasons(cmp, hidden, channel_, held_back);
    pointed_reason_.reset();
    if (!visible.empty()) {
        ImGui::Spacing();
        ImGui::TextColored(palette::kHeading, "%s", tr("ab.reasons"));
        pointed_reason_ = draw_ab_reasons(ctx, cmp, visible, channel_, pointed_cell_, pointed_in_b_);
    }
    ctx.probe.text_shown("abview.reasons_held_back", std::to_string(held_back));
    if (held_back > 0) ImGui::TextDisabled(tr("ab.reasons_hidden_fmt"), held_back);
    std::vector<const AbReason*> notes;
    for (const AbReason& note : cmp.notes)
        if (!ab_reason_hidden(note, hidden)) notes.push_back(&note);
    if (!notes.empty()) {
        ImGui::Spacing();
        ImGui::TextColored(palette::kHeading, "%s", tr("ab.notes"));
        for (size_t i = 0; i < notes.size(); ++i) {
            ImGui::Bullet();
            const std::string text = difference_text(notes[i]->text, "ab.");
            draw_wrapped_text(text, palette::kMuted);
            ctx.probe.text_shown("abview.note." + std::to_string(i), text);
        }
    }
    ImGui::End();
}

}  // namespace

std::unique_ptr<Window> make_ab_view() {
    return std::make_unique<AbWindow>();
}

}  // namespace poolscope::app
