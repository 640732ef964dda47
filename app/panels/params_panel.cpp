// Parameters panel: the framework (PyTorch, TensorFlow, ONNX, MXNet) and every argument of its pooling layer
// (and the adaptive ops' output_size), live, under the framework's own names, with the layer as a line of
// its code. Each change is an undoable edit; a value the framework rejects is kept as typed and its reason
// shown under it. Framework-specific rows: panels/framework_rows.cpp.
#include <algorithm>
#include <optional>
#include <string>

#include <imgui.h>

#include "i18n/i18n.h"
#include "model/convention_switch.h"
#include "model/quiz_session.h"
#include "panels/framework_rows.h"
#include "panels/panels.h"
#include "panels/param_rows.h"
#include "poolscope/layer_cost.h"
#include "widgets/help.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {
namespace {

constexpr int kMaxDivisor = 1000;
constexpr int kMinDivisor = -64;

// The stride switch and row: "stride = kernel_size" where the framework's default is the kernel, ONNX's
// "strides not given (1)". Returns the merge key of an edit, "" when none.
std::string stride_rows(ParamRows& rows, const std::string& stride_name, const std::string& kernel_name) {
    AppState& state = rows.ctx.state;
    PoolParams& p = state.doc.params;
    const Convention c = state.doc.convention;
    const std::string framework(framework_name(c));
    // tf.nn.pool (a dilated TensorFlow layer) defaults to 1, like ONNX.
    const bool tf_pool = c == Convention::kTensorFlow && p.dilation != Pair{1, 1};
    const bool to_kernel = stride_defaults_to_kernel(c) && !tf_pool;
    const std::string label =
        to_kernel ? tr_fmt("conv.stride_default_fmt", stride_name.c_str(), kernel_name.c_str())
                  : tr_fmt("conv.stride_one_fmt", stride_name.c_str());
    const std::string help = to_kernel ? tr_fmt("conv.stride_default_help_fmt", framework.c_str())
                             : tf_pool ? tr("conv.tf_stride_one_help")
                                       : tr("conv.stride_one_help");
    std::string edited;
    const Pair before = shown_stride(state.doc);
    if (rows.check(label, help.c_str(), "param.stride_same", state.doc.stride_follows_kernel)) {
        if (!state.doc.stride_follows_kernel) p.stride = before;  // start from what was in use
        edited = "stride_same";
    }
    const std::string row = tr_fmt("conv.stride_fmt", stride_name.c_str());
    if (state.doc.stride_follows_kernel) {
        ImGui::BeginDisabled();
        Pair shown = shown_stride(state.doc);
        rows.pair(row, tr("params.stride_help"), "stride", "stride", shown);
        ImGui::EndDisabled();
    } else {
        Pair stride = p.stride.value_or(before);
        if (rows.pair(row, tr("params.stride_help"), "stride", "stride", stride)) {
            p.stride = stride;
            edited = "stride";
        }
    }
    return edited;
}

const char* ceil_mode_help(Convention c) {
    if (c == Convention::kMxnet) return tr("conv.mxnet_ceil_help");
    if (c == Convention::kOnnx) return tr("conv.onnx_ceil_help");
    return tr("params.ceil_mode_help");
}

// Everything a windowed op has after the kernel. PyTorch keeps op-specific rows visible but disabled (the
// op switch shows them); another framework shows only what it has, and says what it lacks.
std::string windowed_rows(ParamRows& rows) {
    AppState& state = rows.ctx.state;
    PoolParams& p = state.doc.params;
    const Convention c = state.doc.convention;
    const bool pytorch = c == Convention::kPyTorch;
    // The framework's name for a row; a disabled PyTorch row (dilation under average pooling) keeps
    // PyTorch's name from the op that has it.
    auto name = [&](LayerField f) {
        for (PoolOp o : {p.op, PoolOp::kMax, PoolOp::kAvg})
            if (const std::string_view n = field_name(o == p.op ? c : Convention::kPyTorch, f, o); !n.empty())
                return std::string(n);
        return std::string();
    };
    auto has = [&](LayerField f) { return !field_name(c, f, p.op).empty(); };
    std::string edited;
    if (draw_global_pool(rows)) edited = "global_pool";
    if (p.global_pool && has(LayerField::kGlobalPool)) {  // no window to set: the input is the window
        if (draw_norm_type(rows)) edited = "norm_type";
        draw_framework_lacks(state.doc);
        return edited;
    }
    if (rows.pair(tr_fmt("conv.kernel_fmt", name(LayerField::kKernel).c_str()), tr("params.kernel_help"),
                  "kernel_size", "kernel_size", p.kernel_size))
        edited = "kernel_size";
    if (std::string e = stride_rows(rows, name(LayerField::kStride), name(LayerField::kKernel)); !e.empty())
        edited = e;
    if (std::string e = draw_padding_rows(rows); !e.empty()) edited = e;

    if (pytorch || has(LayerField::kDilation)) {
        ImGui::BeginDisabled(!has(LayerField::kDilation));
        const char* help =
            c == Convention::kTensorFlow ? tr("conv.tf_dilation_help") : tr("params.dilation_help");
        if (rows.pair(tr_fmt("conv.dilation_fmt", name(LayerField::kDilation).c_str()), help, "dilation",
                      "dilation", p.dilation))
            edited = "dilation";
        ImGui::EndDisabled();
    }
    if (has(LayerField::kCeilMode) &&
        rows.check(tr_fmt("conv.ceil_mode_fmt", name(LayerField::kCeilMode).c_str()), ceil_mode_help(c),
                   "param.ceil_mode", p.ceil_mode))
        edited = "ceil_mode";
    if (pytorch || has(LayerField::kCountIncludePad)) {
        ImGui::BeginDisabled(p.op != PoolOp::kAvg);
        if (rows.check(tr_fmt("conv.count_include_pad_fmt", name(LayerField::kCountIncludePad).c_str()),
                       tr("params.count_include_pad_help"), "param.count_include_pad", p.count_include_pad))
            edited = "count_include_pad";
        ImGui::EndDisabled();
    }
    if (pytorch) {
        ImGui::BeginDisabled(p.op != PoolOp::kAvg);
        bool use_override = p.divisor_override.has_value();
        if (rows.check(tr("params.divisor_override"), tr("params.divisor_override_help"),
                       "param.divisor_override", use_override)) {
            p.divisor_override = use_override ? std::optional<int64_t>(4) : std::nullopt;
            edited = "divisor_override_on";
        }
        if (p.divisor_override) {
            int divisor = static_cast<int>(*p.divisor_override);
            ImGui::SetNextItemWidth(-1);
            if (ImGui::InputInt("##divisor", &divisor)) {
                p.divisor_override = std::clamp(divisor, kMinDivisor, kMaxDivisor);
                edited = "divisor_override";
            }
            remember_item(rows.ctx.probe, "param.divisor");
        }
        rows.errors_of("divisor_override");
        ImGui::EndDisabled();
    }
    if (draw_norm_type(rows)) edited = "norm_type";
    if (std::string e = draw_argmax_rows(rows); !e.empty()) edited = e;
    if (draw_storage_order(rows)) edited = "storage_order";
    draw_framework_lacks(state.doc);
    return edited;
}

// D2L's exercise, live under the layer's code: how much work the layer does.
void draw_cost_line(const PoolPlan& plan, PoolOp op) {
    const LayerCost cost = layer_cost(plan);
    const char* unit = is_max(op) ? tr("cost.comparisons") : tr("cost.additions");
    const std::string text =
        cost.windows_vary
            ? tr_fmt("cost.varying_fmt", static_cast<long long>(cost.outputs),
                     static_cast<long long>(cost.total), unit)
            : tr_fmt("cost.fixed_fmt", static_cast<long long>(cost.outputs),
                     static_cast<long long>(cost.window_cells), static_cast<long long>(cost.total), unit);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", text.c_str());
    ImGui::PopTextWrapPos();
    // The count's formula, for the exercise: c·h_out·w_out·kh·kw.
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("cost.help"));
}

}  // namespace

void draw_params_panel(PanelContext& ctx) {
    AppState& state = ctx.state;
    PoolParams& p = state.doc.params;
    ParamRows rows{ctx, {}};
    std::string edited;  // merge key of this frame's edit, empty when nothing changed

    draw_framework_chooser(rows);
    const char* ops[] = {tr("op.max"), tr("op.avg"), tr("op.adaptive_max"), tr("op.adaptive_avg"),
                         tr("op.lp")};
    int op = static_cast<int>(p.op);
    ImGui::TextUnformatted(tr("params.op"));
    ImGui::SameLine();
    help_marker(tr("params.op_help"));
    ImGui::SetNextItemWidth(-1);
    if (ImGui::Combo("##op", &op, ops, 5)) {
        p.op = static_cast<PoolOp>(op);
        edited = "op";
    }
    remember_item(ctx.probe, "param.op");
    rows.errors_of("op");
    // The code line and the work line change length with every parameter: together they keep four lines'
    // height, so the fields under them do not move under the pointer while it clicks "+" (issue 27).
    const float lines_top = ImGui::GetCursorPosY();
    draw_layer_code(state.doc, state.interaction);
    // The count of outputs would answer an open shape question (issue 26).
    if (state.computed.plan && !quiz_hidden(state.quiz).output_shape)
        draw_cost_line(*state.computed.plan, state.doc.params.op);
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float left = 4.0f * ImGui::GetTextLineHeightWithSpacing() - (ImGui::GetCursorPosY() - lines_top);
    if (left > spacing) ImGui::Dummy(ImVec2(1.0f, left - spacing));

    if (is_adaptive(p.op)) {
        if (!field_name(state.doc.convention, LayerField::kOutputSize, p.op).empty() &&
            rows.pair(tr("params.output_size"), tr("params.output_size_help"), "output_size", "output_size",
                      p.output_size))
            edited = "output_size";
    } else if (std::string e = windowed_rows(rows); !e.empty()) {
        edited = e;
    }

    // Problems not tied to one row (the output would be empty, the input itself), then any other.
    rows.errors_of("output");
    rows.errors_of("input");
    rows.remaining_errors();

    if (!edited.empty())
        commit_edit(state.doc, edited == "ceil_mode" || edited == "op" || edited == "storage_order" ||
                                       edited == "global_pool" || edited == "return_indices" ||
                                       edited == "include_batch_in_index"
                                   ? ""
                                   : "param." + edited);
}

}  // namespace poolscope::app
