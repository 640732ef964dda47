// View → Compare frameworks (issue 17): the window's input and window/stride in PyTorch, TensorFlow, ONNX and
// MXNet side by side: each framework's code line, output shape and padding, its output values (those that
// differ from the window's framework highlighted) and one line per reason it differs (core
// plan_differences(), worded from the compare.* tables). Data: model/framework_compare.h.
#include <optional>
#include <string>

#include <imgui.h>

#include "i18n/compare_text.h"
#include "i18n/error_text.h"
#include "i18n/i18n.h"
#include "model/framework_compare.h"
#include "model/number_text.h"
#include "model/quiz_session.h"
#include "panels/panels.h"
#include "panels/param_rows.h"
#include "widgets/flow_layout.h"
#include "widgets/matrix_grid.h"
#include "widgets/palette.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {
namespace {

constexpr int64_t kMaxShown = 12;  // output rows/columns drawn per framework

// The values of channel 0; a cell an open question asks about shows "?" in every framework (issue 26).
void values_table(const FrameworkColumn& column, const FontSet& fonts, size_t index, const QuizHidden& hidden,
                  UiProbe& probe) {
    const Shape& out = column.plan->output;
    const int64_t rows = std::min(out.h, kMaxShown), cols = std::min(out.w, kMaxShown);
    const std::string id = "##values" + std::to_string(index);
    if (!ImGui::BeginTable(id.c_str(), static_cast<int>(cols),
                           ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit))
        return;
    const std::vector<float>& v = column.output.values.values();
    probe.push_text_scope("compare_values" + std::to_string(index));  // layout.screen_text: cells by place
    for (int64_t r = 0; r < rows; ++r) {
        ImGui::TableNextRow();
        for (int64_t c = 0; c < cols; ++c) {
            ImGui::TableNextColumn();
            const size_t k = static_cast<size_t>(r * out.w + c);  // channel 0 of image 0
            if (k < column.value_differs.size() && column.value_differs[k])
                ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, palette::kDiffersFill);
            probe.text_cell(r, c);
            if (hidden.hides_value(OutputCell{0, 0, r, c}))
                ImGui::TextDisabled("?");
            else
                ImGui::TextUnformatted(cell_value_text(v[k], fonts.has_symbols).c_str());
        }
    }
    probe.pop_text_scope();
    ImGui::EndTable();
}

void draw_column(PanelContext& ctx, const FrameworkCompare& compare, size_t index) {
    const FrameworkColumn& column = compare.columns[index];
    const bool reference = index == compare.reference;
    const std::string framework(framework_name(column.layer.convention));
    ImGui::TextColored(palette::kHeading, "%s", framework.c_str());
    if (reference) {
        ImGui::SameLine();
        ImGui::TextColored(palette::kMuted, "%s", tr("compare.reference"));
    }
    const std::string anchor = "compare." + std::string(convention_name(column.layer.convention));
    remember_item(ctx.probe, anchor.c_str());
    push_wrap_at_visible_edge();
    ImGui::TextColored(palette::kMuted, "%s", column.code.c_str());
    if (!column.cannot.empty()) {  // the code line above is not exactly the window's layer: say why
        ImGui::TextColored(palette::kErrorText, "%s", tr("compare.cannot_heading"));
        for (const Difference& d : column.cannot) {
            ImGui::Bullet();
            ImGui::TextUnformatted(difference_text(d).c_str());
        }
    }
    if (!column.plan) {
        ImGui::TextColored(palette::kErrorText, tr("conv.rejected_fmt"), framework.c_str());
        for (const Error& e : column.errors)
            ImGui::TextColored(palette::kErrorText, "%s", error_text(e).c_str());
        ImGui::PopTextWrapPos();
        return;
    }
    const PoolPlan& plan = *column.plan;
    const QuizHidden hidden = quiz_hidden(ctx.state.quiz);
    if (hidden.output_shape)  // a shape question is open: no framework's shape, nor a table that shows it
        ImGui::TextDisabled("%s", tr("quizui.hidden_until_answered"));
    else
        ImGui::TextColored(
            column.shape_differs ? palette::kErrorText : ImGui::GetStyleColorVec4(ImGuiCol_Text),
            tr("compare.shape_fmt"), static_cast<int>(plan.output.h), static_cast<int>(plan.output.w));
    ImGui::Text(tr("compare.padding_fmt"), static_cast<int>(plan.h.pad_begin),
                static_cast<int>(plan.h.pad_end), static_cast<int>(plan.w.pad_begin),
                static_cast<int>(plan.w.pad_end));
    ImGui::PopTextWrapPos();
    if (!hidden.output_shape) values_table(column, ctx.fonts, index, hidden, ctx.probe);
    push_wrap_at_visible_edge();
    if (!reference && column.differences.empty() && !column.shape_differs && column.cannot.empty())
        ImGui::TextColored(palette::kOkText, "%s", tr("compare.same"));
    for (const Difference& d : column.differences) {
        if (hidden.output_shape && d.code == "output_size") continue;  // "... instead of 3" tells the shape
        ImGui::Bullet();
        ImGui::TextUnformatted(difference_text(d).c_str());
    }
    ImGui::PopTextWrapPos();
}

class CompareView final : public Window {
  public:
    CompareView()
        : Window({window_id::kCompare, Placement::kFloating, "compare.title", nullptr, Menu::kView,
                  "menu.compare_frameworks"}) {}
    void draw(PanelContext& ctx) override;

  private:
    // Recomputed only when what the student edits changed: four plans and forward passes per edit.
    std::optional<EditSnapshot> seen_;  // what `compare_` was made from
    FrameworkCompare compare_;
};

void CompareView::draw(PanelContext& ctx) {
    AppState& state = ctx.state;
    if (!window_open(state.view, info().id)) return;
    const EditSnapshot now = snapshot_of(state.doc);
    if (!seen_ || !now.same_as(*seen_)) {
        compare_ = compare_frameworks(state.doc);
        seen_ = now;
    }
    const FrameworkCompare& compare = compare_;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize(ImVec2(display.x * 0.85f, display.y * 0.7f), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_FirstUseEver,
                            ImVec2(0.5f, 0.5f));
    const std::string title = std::string(tr("compare.title")) + "###compare_frameworks";
    bool open = true;
    const bool drawn = ImGui::Begin(title.c_str(), &open);
    if (!open) close_window(state.view, info().id);
    if (!drawn) {
        ImGui::End();
        return;
    }
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    remember_rect(ctx.probe, "compare.window", pos.x, pos.y, size.x, size.y);
    push_wrap_at_visible_edge();
    ImGui::TextColored(palette::kMuted, "%s", tr("compare.intro"));
    if (state.doc.input.shape().c > 1)
        ImGui::TextColored(palette::kMuted, tr("compare.channel_fmt"),
                           static_cast<int>(state.doc.input.shape().c));
    ImGui::PopTextWrapPos();
    if (ImGui::BeginTable("##frameworks", static_cast<int>(compare.columns.size()),
                          ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchSame)) {
        for (size_t i = 0; i < compare.columns.size(); ++i) {
            ImGui::TableNextColumn();
            draw_column(ctx, compare, i);
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace

std::unique_ptr<Window> make_compare_view() {
    return std::make_unique<CompareView>();
}

}  // namespace poolscope::app
