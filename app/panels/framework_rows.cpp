// Framework-specific parameter rows (see framework_rows.h). Names come from the core's field_name(), so the
// panel says "pool_size" to a Keras reader and "kernel_shape" to an ONNX one; the sentences around them are
// in the conv.* tables.
#include "panels/framework_rows.h"

#include <algorithm>
#include <cctype>
#include <string>

#include <imgui.h>

#include "i18n/i18n.h"
#include "model/convention_switch.h"
#include "panels/edit_commands.h"
#include "widgets/flow_layout.h"
#include "widgets/help.h"
#include "widgets/palette.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {
namespace {

std::string upper(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

// One combo of padding modes; returns true when the student picked another.
bool mode_combo(ParamRows& rows, const char* label, const char* help, const PadMode* modes,
                const std::string* names, int count, PadMode& mode) {
    const bool error = rows.has_error("padding");
    if (error) ImGui::PushStyleColor(ImGuiCol_Text, palette::kErrorText);
    ImGui::TextUnformatted(label);
    if (error) ImGui::PopStyleColor();
    ImGui::SameLine();
    help_marker(help);
    int current = 0;
    for (int i = 0; i < count; ++i)
        if (modes[i] == mode) current = i;
    bool changed = false;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##pad_mode", names[current].c_str())) {
        for (int i = 0; i < count; ++i) {
            if (ImGui::Selectable(names[i].c_str(), i == current) && i != current) {
                mode = modes[i];
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    remember_item(rows.ctx.probe, "param.pad_mode");
    return changed;
}

}  // namespace

void draw_framework_chooser(ParamRows& rows) {
    AppState& state = rows.ctx.state;
    ImGui::TextUnformatted(tr("conv.framework"));
    ImGui::SameLine();
    help_marker(tr("conv.framework_help"));
    ImGui::SetNextItemWidth(-1);
    const std::string current(framework_name(state.doc.convention));
    if (ImGui::BeginCombo("##framework", current.c_str())) {
        for (Convention c : kConventions) {
            const std::string name(framework_name(c));
            if (ImGui::Selectable(name.c_str(), c == state.doc.convention)) set_convention(state.doc, c);
            remember_item(rows.ctx.probe, ("param.framework." + std::string(convention_name(c))).c_str());
        }
        ImGui::EndCombo();
    }
    remember_item(rows.ctx.probe, "param.framework");
}

void draw_layer_code(const Document& doc, Interaction& interaction) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kMuted);
    push_wrap_at_visible_edge();
    ImGui::TextUnformatted(layer_code(layer_of(doc)).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    if (ImGui::BeginPopupContextItem("##layer_code")) {  // right click: "Copy as code"
        if (ImGui::MenuItem(tr("menu.copy_code"))) copy_layer_code(doc, interaction);
        ImGui::EndPopup();
    }
}

std::string draw_padding_rows(ParamRows& rows) {
    AppState& state = rows.ctx.state;
    PoolParams& p = state.doc.params;
    const Convention c = state.doc.convention;
    const std::string name(field_name(c, LayerField::kPadding, p.op));
    if (c == Convention::kTensorFlow) {
        // Numbers: tf.nn.max_pool2d's explicit padding (max pooling only).
        const PadMode modes[] = {PadMode::kValid, PadMode::kSameUpper, PadMode::kExplicit};
        const std::string names[] = {std::string(pad_mode_name(c, PadMode::kValid)),
                                     std::string(pad_mode_name(c, PadMode::kSameUpper)),
                                     tr("conv.tf_explicit")};
        PadMode mode = state.doc.pad_mode;
        const int count = p.op == PoolOp::kMax || mode == PadMode::kExplicit ? 3 : 2;
        if (mode_combo(rows, name.c_str(), tr("conv.tf_padding_help"), modes, names, count, mode))
            set_pad_mode(state.doc, mode);
        if (state.doc.pad_mode != PadMode::kExplicit) {
            rows.errors_of("padding");
            return {};
        }
    }
    if (c == Convention::kOnnx) {
        const PadMode modes[] = {PadMode::kExplicit, PadMode::kSameUpper, PadMode::kSameLower,
                                 PadMode::kValid};
        const std::string names[] = {
            tr("conv.auto_pad_explicit"), upper(pad_mode_name(c, PadMode::kSameUpper)),
            upper(pad_mode_name(c, PadMode::kSameLower)), upper(pad_mode_name(c, PadMode::kValid))};
        PadMode mode = state.doc.pad_mode;
        if (mode_combo(rows, "auto_pad", tr("conv.auto_pad_help"), modes, names, 4, mode))
            set_pad_mode(state.doc, mode);
        if (state.doc.pad_mode != PadMode::kExplicit) {
            rows.errors_of("padding");
            return {};
        }
    }
    if (c == Convention::kOnnx || c == Convention::kTensorFlow) {  // each side its own number
        Pair begin{p.padding.top, p.padding.left}, end{p.padding.bottom, p.padding.right};
        std::string edited;
        const char* help = c == Convention::kOnnx ? tr("conv.pads_help") : tr("conv.tf_pads_help");
        if (rows.pair(tr_fmt("conv.pads_begin_fmt", name.c_str()), help, "padding", "padding", begin))
            edited = "padding";
        if (rows.pair(tr_fmt("conv.pads_end_fmt", name.c_str()), help, "padding", "pads_end", end))
            edited = "pads_end";
        if (!edited.empty()) p.padding = {begin.h, begin.w, end.h, end.w};
        return edited;
    }
    // PyTorch and MXNet: the same numbers on both sides.
    Pair padding{p.padding.top, p.padding.left};
    const char* help = c == Convention::kMxnet ? tr("conv.mxnet_padding_help") : tr("params.padding_help");
    if (!rows.pair(tr_fmt("conv.padding_fmt", name.c_str()), help, "padding", "padding", padding)) return {};
    p.padding = Padding::symmetric(padding);
    return "padding";
}

bool draw_storage_order(ParamRows& rows) {
    AppState& state = rows.ctx.state;
    if (field_name(state.doc.convention, LayerField::kStorageOrder, state.doc.params.op).empty())
        return false;
    ImGui::TextUnformatted(tr("conv.storage_order"));
    ImGui::SameLine();
    help_marker(tr("conv.storage_order_help"));
    const char* orders[] = {tr("conv.storage_row"), tr("conv.storage_column")};
    int order = state.doc.storage_order == 1 ? 1 : 0;
    ImGui::SetNextItemWidth(-1);
    const bool changed = ImGui::Combo("##storage_order", &order, orders, 2);
    remember_item(rows.ctx.probe, "param.storage_order");
    if (changed) state.doc.storage_order = order;
    rows.errors_of("storage_order");
    return changed;
}

bool draw_global_pool(ParamRows& rows) {
    Document& doc = rows.ctx.state.doc;
    const std::string name(field_name(doc.convention, LayerField::kGlobalPool, doc.params.op));
    if (name.empty()) return false;
    return rows.check(tr_fmt("conv.global_fmt", name.c_str()), tr("conv.global_help"), "param.global_pool",
                      doc.params.global_pool);
}

bool draw_norm_type(ParamRows& rows) {
    PoolParams& p = rows.ctx.state.doc.params;
    const std::string name(field_name(rows.ctx.state.doc.convention, LayerField::kNormType, p.op));
    if (name.empty()) return false;
    bool changed = false;
    ImGui::SetNextItemWidth(-1);
    if (name == "p") {  // ONNX LpPool: an integer attribute
        ImGui::TextUnformatted(tr("conv.onnx_p"));
        ImGui::SameLine();
        help_marker(tr("conv.onnx_p_help"));
        int value = std::clamp(static_cast<int>(p.norm_type), 1, 16);
        ImGui::SetNextItemWidth(-1);
        changed = ImGui::SliderInt("##norm_type", &value, 1, 16, "p = %d");
        if (changed) p.norm_type = value;
    } else {
        // p from sum-like (1) toward max (large): the output moves between the two as it slides.
        ImGui::TextUnformatted(tr("params.norm_type"));
        ImGui::SameLine();
        help_marker(tr("params.norm_type_help"));
        float norm = static_cast<float>(p.norm_type);
        ImGui::SetNextItemWidth(-1);
        changed =
            ImGui::SliderFloat("##norm_type", &norm, 1.0f, 32.0f, "p = %.3g", ImGuiSliderFlags_Logarithmic) &&
            norm != 0.0f;
        if (changed) p.norm_type = norm;
    }
    remember_item(rows.ctx.probe, "param.norm_type");
    rows.errors_of("norm_type");
    return changed;
}

std::string draw_argmax_rows(ParamRows& rows) {
    Document& doc = rows.ctx.state.doc;
    PoolParams& p = doc.params;
    if (doc.convention != Convention::kTensorFlow || p.op != PoolOp::kMax) return {};
    std::string edited;
    const std::string argmax(field_name(doc.convention, LayerField::kReturnIndices, p.op));
    if (rows.check(tr_fmt("conv.argmax_fmt", argmax.c_str()), tr("conv.argmax_help"), "param.return_indices",
                   p.return_indices)) {
        if (!p.return_indices) p.include_batch_in_index = false;
        edited = "return_indices";
    }
    if (p.return_indices) {
        const std::string batch(field_name(doc.convention, LayerField::kIncludeBatchInIndex, p.op));
        if (rows.check(batch, tr("conv.include_batch_help"), "param.include_batch_in_index",
                       p.include_batch_in_index))
            edited = "include_batch_in_index";
    }
    rows.errors_of("return_indices");
    rows.errors_of("include_batch_in_index");
    return edited;
}

void draw_framework_lacks(const Document& doc) {
    const Convention c = doc.convention;
    const PoolOp op = doc.params.op;
    if (c == Convention::kPyTorch) return;
    std::string lacks;
    for (LayerField f :
         {LayerField::kDilation, LayerField::kCeilMode, LayerField::kCountIncludePad, LayerField::kDivisor}) {
        const std::string_view pytorch = field_name(Convention::kPyTorch, f, op);
        if (pytorch.empty() || !field_name(c, f, op).empty()) continue;
        lacks += (lacks.empty() ? "" : ", ") + std::string(pytorch);
    }
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kMuted);
    push_wrap_at_visible_edge();
    if (!lacks.empty()) {
        const std::string framework(framework_name(c));
        ImGui::TextUnformatted(tr_fmt("conv.lacks_fmt", framework.c_str(), lacks.c_str()).c_str());
    }
    if (c == Convention::kTensorFlow && op == PoolOp::kAvg)
        ImGui::TextUnformatted(tr("conv.tf_avg_excludes"));
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

}  // namespace poolscope::app
