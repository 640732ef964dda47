// Parameters panel: every nn.MaxPool2d / nn.AvgPool2d argument (and the adaptive ops' output_size), live.
// Each change is an undoable edit; a value PyTorch rejects is kept as typed and its reason shown under it.
#include <algorithm>
#include <string>

#include <imgui.h>

#include "i18n/error_text.h"
#include "i18n/i18n.h"
#include "panels/panels.h"
#include "testing/ui_probe.h"
#include "widgets/help.h"
#include "widgets/palette.h"

namespace poolscope::app {
namespace {

// UI limits for typed values: wide enough to provoke every PyTorch error, small enough to draw.
constexpr int kMinTyped = -4;
constexpr int kMaxTyped = 64;

void show_field_errors(const AppState& state, const char* field) {
    for (const Error& e : state.errors) {
        if (e.field != field) continue;
        ImGui::PushStyleColor(ImGuiCol_Text, palette::kErrorText);
        ImGui::TextWrapped("%s", error_text(e).c_str());
        ImGui::PopStyleColor();
    }
}

bool field_has_error(const AppState& state, const char* field) {
    return std::any_of(state.errors.begin(), state.errors.end(),
                       [&](const Error& e) { return e.field == field; });
}

// Label, then h and w side by side. Returns true when either changed (the value is clamped to the UI range).
bool pair_row(PanelContext& ctx, const char* label_key, const char* help_key, const char* field,
              Pair& value) {
    const AppState& state = ctx.state;
    const bool error = field_has_error(state, field);
    if (error) ImGui::PushStyleColor(ImGuiCol_Text, palette::kErrorText);
    ImGui::TextUnformatted(tr(label_key));
    if (error) ImGui::PopStyleColor();
    ImGui::SameLine();
    help_marker(tr(help_key));
    ImGui::PushID(field);
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    bool changed = false;
    int h = static_cast<int>(value.h), w = static_cast<int>(value.w);
    ImGui::SetNextItemWidth(half);
    if (ImGui::InputInt("##h", &h)) changed = true;
    remember_item(ctx.probe, (std::string("param.") + field + ".h").c_str());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(half);
    if (ImGui::InputInt("##w", &w)) changed = true;
    remember_item(ctx.probe, (std::string("param.") + field + ".w").c_str());
    ImGui::PopID();
    if (changed) {
        value.h = std::clamp(h, kMinTyped, kMaxTyped);
        value.w = std::clamp(w, kMinTyped, kMaxTyped);
    }
    show_field_errors(state, field);
    return changed;
}

bool checkbox(PanelContext& ctx, const char* label_key, const char* help_key, const char* anchor,
              bool& value) {
    std::string label = std::string(tr(label_key)) + "###" + anchor;
    const bool changed = ImGui::Checkbox(label.c_str(), &value);
    remember_item(ctx.probe, anchor);
    ImGui::SameLine();
    help_marker(tr(help_key));
    return changed;
}

}  // namespace

void draw_params_panel(PanelContext& ctx) {
    AppState& state = ctx.state;
    PoolParams& p = state.params;
    std::string edited;  // merge key of this frame's edit, empty when nothing changed

    const char* ops[] = {tr("op.max"), tr("op.avg"), tr("op.adaptive_max"), tr("op.adaptive_avg")};
    int op = static_cast<int>(p.op);
    ImGui::TextUnformatted(tr("params.op"));
    ImGui::SameLine();
    help_marker(tr("params.op_help"));
    ImGui::SetNextItemWidth(-1);
    if (ImGui::Combo("##op", &op, ops, 4)) {
        p.op = static_cast<PoolOp>(op);
        edited = "op";
    }
    remember_item(ctx.probe, "param.op");
    ImGui::TextDisabled("%s", is_adaptive(p.op)
                                  ? (is_max(p.op) ? "nn.AdaptiveMaxPool2d" : "nn.AdaptiveAvgPool2d")
                                  : (is_max(p.op) ? "nn.MaxPool2d" : "nn.AvgPool2d"));

    if (is_adaptive(p.op)) {
        if (pair_row(ctx, "params.output_size", "params.output_size_help", "output_size", p.output_size))
            edited = "output_size";
    } else {
        if (pair_row(ctx, "params.kernel", "params.kernel_help", "kernel_size", p.kernel_size))
            edited = "kernel_size";

        if (checkbox(ctx, "params.stride_same", "params.stride_same_help", "param.stride_same",
                     state.stride_follows_kernel)) {
            if (!state.stride_follows_kernel) p.stride = p.kernel_size;
            edited = "stride_same";
        }
        if (state.stride_follows_kernel) {
            ImGui::BeginDisabled();
            Pair shown = p.kernel_size;
            pair_row(ctx, "params.stride", "params.stride_help", "stride", shown);
            ImGui::EndDisabled();
        } else {
            Pair stride = p.stride.value_or(p.kernel_size);
            if (pair_row(ctx, "params.stride", "params.stride_help", "stride", stride)) {
                p.stride = stride;
                edited = "stride";
            }
        }

        Pair padding{p.padding.top, p.padding.left};
        if (pair_row(ctx, "params.padding", "params.padding_help", "padding", padding)) {
            p.padding = Padding::symmetric(padding);
            edited = "padding";
        }

        ImGui::BeginDisabled(p.op != PoolOp::kMax);
        if (pair_row(ctx, "params.dilation", "params.dilation_help", "dilation", p.dilation))
            edited = "dilation";
        ImGui::EndDisabled();

        if (checkbox(ctx, "params.ceil_mode", "params.ceil_mode_help", "param.ceil_mode", p.ceil_mode))
            edited = "ceil_mode";

        ImGui::BeginDisabled(p.op != PoolOp::kAvg);
        if (checkbox(ctx, "params.count_include_pad", "params.count_include_pad_help",
                     "param.count_include_pad", p.count_include_pad))
            edited = "count_include_pad";
        bool use_override = p.divisor_override.has_value();
        if (checkbox(ctx, "params.divisor_override", "params.divisor_override_help", "param.divisor_override",
                     use_override)) {
            p.divisor_override = use_override ? std::optional<int64_t>(4) : std::nullopt;
            edited = "divisor_override_on";
        }
        if (p.divisor_override) {
            int divisor = static_cast<int>(*p.divisor_override);
            ImGui::SetNextItemWidth(-1);
            if (ImGui::InputInt("##divisor", &divisor)) {
                p.divisor_override = std::clamp(divisor, -kMaxTyped, 1000);
                edited = "divisor_override";
            }
            remember_item(ctx.probe, "param.divisor");
        }
        show_field_errors(state, "divisor_override");
        ImGui::EndDisabled();
    }

    // Problems not tied to one field (the output would be empty, the input itself).
    show_field_errors(state, "output");
    show_field_errors(state, "input");

    if (!edited.empty()) commit_edit(state, edited == "ceil_mode" || edited == "op" ? "" : "param." + edited);
}

}  // namespace poolscope::app
