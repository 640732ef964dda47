// One card of the Network view (see network_view.h): the layer's code and its buttons, its output shape and
// parameters (or PyTorch's error, or "not reached"), its map, and when open its arguments and walkthrough.
#include <algorithm>
#include <array>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "i18n/error_text.h"
#include "i18n/i18n.h"
#include "model/network_model.h"
#include "panels/network_view.h"
#include "widgets/palette.h"
#include "widgets/size_walkthrough.h"
#include "widgets/text_fit.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {
namespace {

// The arguments a card offers, by layer type (PyTorch's names): the ones a student changes to see a shape
// move.
std::vector<const char*> argument_names(const NetLayer& layer) {
    switch (layer.type) {
        case LayerType::kConv2d:
            return {"in_channels", "out_channels", "kernel_size", "stride", "padding", "dilation"};
        case LayerType::kLinear:
            return {"in_features", "out_features"};
        case LayerType::kPool:
            if (is_adaptive(layer.pool.op)) return {"output_size"};
            if (layer.pool.op == PoolOp::kLp) return {"norm_type", "kernel_size", "stride"};
            if (layer.pool.op == PoolOp::kMax)
                return {"kernel_size", "stride", "padding", "dilation", "ceil_mode"};
            return {"kernel_size", "stride", "padding", "ceil_mode"};
        case LayerType::kDropout:
            return {"p"};
        case LayerType::kFlatten:
            return {"start_dim", "end_dim"};
        default:
            return {};
    }
}

void put_network(PanelContext& ctx, NetworkCards& cards, const std::string& path, Result<Network> changed,
                 const std::string& merge_key) {
    if (!changed) {
        cards.refused[path] = error_text(changed.errors().front());
        return;
    }
    cards.refused.erase(path);
    set_network(ctx.state.doc, std::move(changed).value(), merge_key);
    cards.texts_for = ctx.state.doc.network.get();
}

// One argument as a text field: what the student typed stays in it, applied when the core takes it.
void argument_field(PanelContext& ctx, NetworkCards& cards, const Network& network, const std::string& path,
                    const nlohmann::ordered_json& args, const char* name) {
    const std::string key = path + "/" + name;
    auto typed = cards.fields.find(key);
    if (typed == cards.fields.end())
        typed = cards.fields.emplace(key, args.contains(name) ? argument_text(args[name]) : "").first;
    ImGui::TextUnformatted(name);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4.5f);
    const std::string id = std::string("##") + name;
    if (ImGui::InputTextWithHint(id.c_str(), tr("net.default_hint"), &typed->second)) {
        Result<std::optional<nlohmann::json>> value = parse_argument_text(typed->second);
        if (!value)
            cards.refused[path] = error_text(value.errors().front());
        else
            put_network(ctx, cards, path, set_layer_argument(network, path, name, value.value()),
                        "net" + key);
    }
    remember_item(ctx.probe, ("network.field." + key).c_str());
}

// MaxPool2d / AvgPool2d / LPPool2d for a windowed pool.
void pool_type_choice(PanelContext& ctx, NetworkCards& cards, const Network& network, const NetLayer& layer) {
    static constexpr std::array<const char*, 3> kTypes = {"MaxPool2d", "AvgPool2d", "LPPool2d"};
    const std::string_view now = layer_class_name(layer);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
    const std::string current(now);
    if (ImGui::BeginCombo("##pool_type", current.c_str())) {
        for (const char* type : kTypes)
            if (ImGui::Selectable(type, now == type) && now != type)
                put_network(ctx, cards, layer.path, change_pool_type(network, layer.path, type), {});
        ImGui::EndCombo();
    }
    remember_item(ctx.probe, ("network.pool_type." + layer.path).c_str());
}

// The layer's arithmetic: the output-size walkthrough (Conv2d, windowed pools) or what goes in and out.
void walkthrough(PanelContext& ctx, const CardEntry& entry) {
    if (entry.shape_hidden || !entry.shape) {
        ImGui::TextColored(palette::kMuted, "%s", tr("net.hidden_walkthrough"));
        return;
    }
    const LayerShape& s = *entry.shape;
    const NetLayer& layer = *entry.layer;
    ImGui::PushTextWrapPos(0.0f);
    if (layer.type == LayerType::kPool && s.plan && s.input.size() >= 3) {
        const size_t r = s.input.size();
        const Shape in{r == 4 ? s.input[0] : 1, s.input[r - 3], s.input[r - 2], s.input[r - 1]};
        draw_size_walkthrough(in, layer.pool, &*s.plan, ctx.fonts, &ctx.probe, "network");
    } else if (s.h && s.w) {
        draw_axes_walkthrough(*s.h, *s.w, ctx.fonts, &ctx.probe, "network");
    }
    if (!s.output.empty())
        ImGui::Text(tr("net.in_out_fmt"), torch_size_text(s.input).c_str(),
                    torch_size_text(s.output).c_str());
    if (s.weights > 0 && !entry.parameters_hidden)
        ImGui::Text(tr("net.weights_fmt"), std::to_string(s.weights).c_str(),
                    std::to_string(s.biases).c_str());
    ImGui::PopTextWrapPos();
}

// The card's header buttons: up, down, remove, add after.
void card_buttons(PanelContext& ctx, NetworkCards& cards, const Network& network, const NetworkShapes& shapes,
                  const NetLayer& layer) {
    const std::string& path = layer.path;
    if (ImGui::ArrowButton("##up", ImGuiDir_Up))
        put_network(ctx, cards, path, move_layer(network, path, -1), {});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("net.move_up"));
    ImGui::SameLine(0, 2);
    if (ImGui::ArrowButton("##down", ImGuiDir_Down))
        put_network(ctx, cards, path, move_layer(network, path, 1), {});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("net.move_down"));
    ImGui::SameLine(0, 2);
    if (ImGui::SmallButton("x##remove")) put_network(ctx, cards, path, remove_layer(network, path), {});
    remember_item(ctx.probe, ("network.remove." + path).c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("net.remove"));
    ImGui::SameLine(0, 2);
    if (ImGui::SmallButton("+##add")) ImGui::OpenPopup("##add_after");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("net.add_after"));
    if (ImGui::BeginPopup("##add_after")) {
        for (std::string_view type : addable_layer_types())
            if (ImGui::Selectable(std::string(type).c_str()))
                put_network(ctx, cards, path, add_layer(network, shapes, path, type), {});
        ImGui::EndPopup();
    }
}

}  // namespace

std::string runs_report_text(const IndexRuns& runs) {
    std::string s;
    for (const auto& [begin, end] : runs.runs)
        s += (s.empty() ? "" : ",") + std::to_string(begin) + "-" + std::to_string(end - 1);
    return s;
}

std::optional<MapCell> draw_network_card(PanelContext& ctx, NetworkCards& cards, const Network& network,
                                         const NetworkShapes& shapes, const CardEntry& entry, size_t number,
                                         const CellMapStyle& map) {
    const NetLayer& layer = *entry.layer;
    const std::string fact = "network.card." + std::to_string(number) + ".";
    const std::string name = layer_name(entry.index);
    const std::string code = network_layer_code(layer);
    ImGui::PushID(layer.path.c_str());
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    const float indent = ImGui::GetFontSize() * 1.2f * static_cast<float>(entry.index.size() - 1);
    if (indent > 0) ImGui::Indent(indent);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float card_w = ImGui::GetContentRegionAvail().x;
    // While a question hides this layer's shape, whether it (or a layer before it) raises is hidden too: the
    // red card and the grey ones after it would tell where the sizes stop fitting.
    const bool hidden = entry.shape_hidden;
    const NetworkError* error = hidden ? nullptr : entry.error;
    const bool reached = entry.shape && !entry.shape->output.empty();  // ran, and something left it
    const bool greyed = !reached && !error && !hidden;
    // A [N, C, H, W] or [C, H, W] map shows channel 0; a [N, features] one (Flatten, Linear) is one row.
    const bool has_map = reached && !entry.shape_hidden && entry.shape->output.size() >= 2;
    const float text_w = has_map ? card_w - map.max_w - ImGui::GetStyle().ItemSpacing.x * 2 : card_w;
    if (greyed) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.45f);

    ImGui::BeginGroup();
    const float text_end = ImGui::GetCursorPosX() + text_w;  // where the text column ends (local x)
    const bool open = cards.expanded.count(layer.path) > 0;
    if (ImGui::ArrowButton("##open", open ? ImGuiDir_Down : ImGuiDir_Right)) {
        if (open)
            cards.expanded.erase(layer.path);
        else
            cards.expanded.insert(layer.path);
    }
    remember_item(ctx.probe, ("network.open." + layer.path).c_str());
    ImGui::SameLine();
    ImGui::TextColored(palette::kMuted, "%s", name.c_str());
    ImGui::SameLine();
    ImGui::PushTextWrapPos(std::max(text_end, ImGui::GetCursorPosX() + 40.0f));
    ImGui::TextUnformatted(code.c_str());
    ImGui::PopTextWrapPos();
    check_text_item(ctx.probe, "network", code);
    ctx.probe.text_shown(fact + "name", name);
    ctx.probe.text_shown(fact + "code", code);

    std::string shape_text, params_text;
    if (error) {
        const std::string raised = error->kind + ": " + error->error.message;
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_w);
        ImGui::TextColored(palette::kErrorText, "%s", raised.c_str());
        ImGui::PopTextWrapPos();
        shape_text = raised;
        ctx.probe.text_shown(fact + "error", raised);
        check_text_item(ctx.probe, "network", raised);
    } else if (greyed) {
        ImGui::TextUnformatted(tr("net.not_reached"));
        shape_text = tr("net.not_reached");
    } else {
        shape_text = hidden || !reached ? "?" : torch_size_text(entry.shape->output);
        // (Counted only for layers that ran: with the shape hidden, a count or its absence would tell.)
        params_text =
            entry.parameters_hidden || hidden || !reached ? "?" : std::to_string(entry.shape->parameters());
        ImGui::TextUnformatted(shape_text.c_str());
        check_text_item(ctx.probe, "network", shape_text);
        ImGui::SameLine();
        ImGui::TextColored(palette::kMuted, tr("net.params_fmt"), params_text.c_str());
    }
    ctx.probe.text_shown(fact + "shape", shape_text);
    ctx.probe.text_shown(fact + "parameters", params_text);
    ctx.probe.text_shown(fact + "state", hidden    ? "hidden"
                                         : error   ? "raises"
                                         : reached ? "ok"
                                                   : "not_reached");
    const std::map<std::string, std::string>::const_iterator why = cards.refused.find(layer.path);
    if (why != cards.refused.end()) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_w);
        ImGui::TextColored(palette::kErrorText, tr("net.refused_fmt"), why->second.c_str());
        ImGui::PopTextWrapPos();
        ctx.probe.text_shown(fact + "refused", why->second);
    }
    // The buttons at the text column's right end, beside the last line when it leaves them room.
    const float buttons_x = text_end - cards.buttons_w;
    if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetScrollX() + 8.0f < buttons_x)
        ImGui::SameLine(buttons_x);
    ImGui::BeginGroup();
    card_buttons(ctx, cards, network, shapes, layer);
    ImGui::EndGroup();
    cards.buttons_w = ImGui::GetItemRectSize().x;  // measured: the next frame places them exactly
    ImGui::EndGroup();

    std::optional<MapCell> clicked;
    if (has_map) {
        const std::vector<int64_t>& out = entry.shape->output;
        const float map_w = cell_map_width(out[out.size() - 2], out.back(), map);
        ImGui::SameLine(top.x - ImGui::GetWindowPos().x + ImGui::GetScrollX() + card_w - map_w);
        const CellMapResult r = draw_cell_map("##map", out[out.size() - 2], out.back(), map, entry.field_rows,
                                              entry.field_cols, entry.chosen);
        remember_rect(ctx.probe, ("network.map." + std::to_string(number)).c_str(), r.x, r.y, r.w, r.h);
        if (r.hovered) {
            ImGui::SetTooltip(tr("net.hover_fmt"), name.c_str(), static_cast<int>(r.hovered->first),
                              static_cast<int>(r.hovered->second));
            ctx.probe.text_shown("network.hover", name + " (" + std::to_string(r.hovered->first) + ", " +
                                                      std::to_string(r.hovered->second) + ")");
        }
        clicked = r.clicked;
    }
    if (open) {
        const nlohmann::ordered_json args = layer_arguments(network, layer.path);
        if (layer.type == LayerType::kPool && !is_adaptive(layer.pool.op))
            pool_type_choice(ctx, cards, network, layer);
        const std::vector<const char*> names = argument_names(layer);
        for (size_t i = 0; i < names.size(); ++i) {
            if (i > 0 && ImGui::GetContentRegionAvail().x > ImGui::GetFontSize() * 12.0f) ImGui::SameLine();
            argument_field(ctx, cards, network, layer.path, args, names[i]);
        }
        if (entry.shape || hidden) walkthrough(ctx, entry);
    }
    if (greyed) ImGui::PopStyleVar();
    if (indent > 0) ImGui::Unindent(indent);
    const ImVec2 bottom(top.x + card_w, ImGui::GetCursorScreenPos().y - ImGui::GetStyle().ItemSpacing.y);
    draw->ChannelsSetCurrent(0);
    const float pad = ImGui::GetStyle().ItemSpacing.y * 0.5f;
    draw->AddRectFilled(ImVec2(top.x - pad, top.y - pad), ImVec2(bottom.x, bottom.y + pad),
                        error ? palette::kDiffersFill : palette::kCodeFill, 4.0f);
    draw->ChannelsMerge();
    ImGui::PopID();
    ImGui::Dummy(ImVec2(0, pad));
    return clicked;
}

}  // namespace poolscope::app
