// Input data panel: the input's size and channel count, fills from the core's generators, and the
// clipboard (paste a matrix as students have it, copy input or output back as text).
#include <algorithm>
#include <string>

#include <imgui.h>

#include "i18n/i18n.h"
#include "model/clipboard_text.h"
#include "panels/edit_commands.h"
#include "panels/panels.h"
#include "poolscope/generators.h"
#include "widgets/help.h"
#include "widgets/palette.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {
namespace {

Result<Tensor> generate(const GeneratorSettings& g, const Shape& shape) {
    switch (g.kind) {
        case 0:
            return make_arange(shape, g.start, g.step);
        case 1:
            return make_constant(shape, 0.0f);
        case 2:
            return make_constant(shape, 1.0f);
        case 3:
            return make_random_integers(shape, std::min(g.low, g.high), std::max(g.low, g.high),
                                        static_cast<uint32_t>(g.seed));
        default:
            return make_vertical_edge(shape, g.edge_begin, g.edge_end);
    }
}

bool small_int(const char* label_key, const char* id, int& value, int lo, int hi) {
    ImGui::TextUnformatted(tr(label_key));
    ImGui::SameLine(ImGui::GetFontSize() * 7.0f);
    ImGui::SetNextItemWidth(-1);
    const bool changed = ImGui::InputInt(id, &value);
    value = std::clamp(value, lo, hi);
    return changed;
}

}  // namespace

void draw_input_data_panel(PanelContext& ctx) {
    AppState& state = ctx.state;
    const Shape& shape = state.doc.input.shape();

    int c = static_cast<int>(shape.c), h = static_cast<int>(shape.h), w = static_cast<int>(shape.w);
    bool resized = small_int("data.height", "##H", h, 1, kMaxEditSize);
    remember_item(ctx.probe, "ui.data_height");
    resized |= small_int("data.width", "##W", w, 1, kMaxEditSize);
    remember_item(ctx.probe, "ui.data_width");
    resized |= small_int("data.channels", "##C", c, 1, kMaxEditChannels);
    remember_item(ctx.probe, "ui.data_channels");
    if (resized) resize_input(state.doc, state.interaction, c, h, w);

    ImGui::Spacing();
    GeneratorSettings& g = state.interaction.generator;
    const char* kinds[] = {tr("gen.arange"), tr("gen.zeros"), tr("gen.ones"), tr("gen.random"),
                           tr("gen.edge")};
    ImGui::TextUnformatted(tr("data.fill"));
    ImGui::SameLine();
    help_marker(tr("data.fill_help"));
    ImGui::SetNextItemWidth(-1);
    ImGui::Combo("##generator", &g.kind, kinds, 5);
    const float label_x = ImGui::GetFontSize() * 7.0f;
    if (g.kind == 0) {
        ImGui::TextUnformatted(tr("gen.start"));
        ImGui::SameLine(label_x);
        ImGui::SetNextItemWidth(-1);
        ImGui::InputFloat("##start", &g.start, 1.0f, 0.0f, "%g");
        ImGui::TextUnformatted(tr("gen.step"));
        ImGui::SameLine(label_x);
        ImGui::SetNextItemWidth(-1);
        ImGui::InputFloat("##step", &g.step, 1.0f, 0.0f, "%g");
    } else if (g.kind == 3) {
        small_int("gen.low", "##low", g.low, -999, 999);
        small_int("gen.high", "##high", g.high, -999, 999);
        small_int("gen.seed", "##seed", g.seed, 0, 1 << 30);
    } else if (g.kind == 4) {
        small_int("gen.edge_begin", "##edge_begin", g.edge_begin, 0, kMaxEditSize);
        small_int("gen.edge_end", "##edge_end", g.edge_end, 0, kMaxEditSize);
    }
    if (ImGui::Button(tr("data.fill_button"), ImVec2(-1, 0))) {
        Result<Tensor> filled = generate(g, shape);
        if (filled) {
            set_input(state.doc, state.interaction, std::move(filled).value());
            set_status(state.interaction, "", false);
        } else {
            set_status(state.interaction, filled.error_text(), true);
        }
    }
    remember_item(ctx.probe, "ui.fill");

    ImGui::Spacing();
    ImGui::TextUnformatted(tr("data.clipboard"));
    ImGui::SameLine();
    help_marker(tr("data.clipboard_help"));
    const char* styles[] = {tr("data.style_pytorch"), tr("data.style_json"), tr("data.style_csv")};
    ImGui::TextUnformatted(tr("data.copy_as"));
    ImGui::SameLine(ImGui::GetFontSize() * 7.0f);
    ImGui::SetNextItemWidth(-1);
    ImGui::Combo("##copy_style", &state.view.copy_style, styles, 3);
    const float third = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3.0f;
    if (ImGui::Button(tr("data.paste"), ImVec2(third, 0))) paste_input(state.doc, state.interaction);
    ImGui::SameLine();
    if (ImGui::Button(tr("data.copy_input"), ImVec2(third, 0)))
        copy_input(state.doc, state.view, state.interaction);
    ImGui::SameLine();
    ImGui::BeginDisabled(!state.computed.plan);
    if (ImGui::Button(tr("data.copy_output"), ImVec2(third, 0)))
        copy_output(state.computed, state.quiz, state.view, state.interaction);
    ImGui::EndDisabled();
    ImGui::TextDisabled("%s", tr("data.edit_hint"));
}

}  // namespace poolscope::app
