// The Network view's frame (see network_view.h): the header (input, parameters, Add layer), the receptive
// field of the clicked cell in words, and the column of cards with the input's map on top. What it shows is
// told to the probe (network.*) for the state report.
#include "panels/network_view.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "i18n/error_text.h"
#include "i18n/i18n.h"
#include "model/network_model.h"
#include "model/paths.h"
#include "model/quiz_session.h"
#include "widgets/flow_layout.h"
#include "widgets/help.h"
#include "widgets/palette.h"
#include "widgets/text_fit.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {
namespace {

void collect(const std::vector<NetLayer>& layers, std::vector<size_t>& prefix, std::vector<CardEntry>& out) {
    for (size_t i = 0; i < layers.size(); ++i) {
        prefix.push_back(i);
        CardEntry entry;
        entry.layer = &layers[i];
        entry.index = prefix;
        out.push_back(entry);
        if (layers[i].type == LayerType::kSequential) collect(layers[i].layers, prefix, out);
        prefix.pop_back();
    }
}

// A map's rows and columns of a cell set: channel 0 of a [n,] c, h, w map (false when channel 0 is not in
// it), or the one row of an [n, features] map.
bool field_on_map(const CellSet& set, const IndexRuns*& rows, const IndexRuns*& cols) {
    const size_t r = set.dims.size();
    if (r < 2 || (r >= 3 && !set.dims[r - 3].contains(0))) return false;
    rows = &set.dims[r - 2];
    cols = &set.dims[r - 1];
    return true;
}

// The cards with what the view may show of each: reached or not, the error, what an open question hides
// (a layer's shape hides every later one's too: they would tell it), the field on its map.
std::vector<CardEntry> card_entries(const Network& network, const NetworkComputed& net,
                                    const QuizHidden& hidden, const std::optional<NetworkCellRef>& chosen,
                                    bool field_hidden) {
    std::vector<CardEntry> entries;
    std::vector<size_t> prefix;
    collect(network.layers, prefix, entries);
    bool shape_hidden = false;
    for (CardEntry& e : entries) {
        e.position = net.shapes.find(e.index);
        if (e.position) e.shape = &net.shapes.layers[*e.position];
        if (net.shapes.error && net.shapes.error->index == e.index) e.error = &*net.shapes.error;
        if (e.shape && !e.shape->output.empty()) e.error = nullptr;  // (a block whose inner layer raised)
        if (e.shape && e.shape->output.empty() && !e.error) e.shape = nullptr;
        const HiddenLayer* h = hidden.find_layer(e.index);
        shape_hidden = shape_hidden || (h && h->output_shape);
        e.shape_hidden = shape_hidden;
        e.parameters_hidden = h && h->parameter_count;
        if (chosen && chosen->layer == e.index && chosen->cell.size() >= 2)
            e.chosen = MapCell{chosen->cell[chosen->cell.size() - 2], chosen->cell.back()};
        if (net.field && e.position && *e.position < net.field->after.size() && !field_hidden) {
            const std::optional<CellSet>& on = net.field->after[*e.position];
            if (on) field_on_map(*on, e.field_rows, e.field_cols);
        }
    }
    return entries;
}

// The receptive field of the clicked cell in words (or why it is not shown).
void field_summary(PanelContext& ctx, const NetworkComputed& net, const std::optional<NetworkCellRef>& chosen,
                   bool hidden, float wrap_x) {
    std::string text;
    ImGui::PushTextWrapPos(wrap_x);
    if (!chosen) {
        text = tr("net.click_cell");
        ImGui::TextColored(palette::kMuted, "%s", text.c_str());
    } else if (hidden) {
        text = tr("net.field_hidden");
        ImGui::TextColored(palette::kMuted, "%s", text.c_str());
    } else if (!net.field_errors.empty()) {
        text = error_text(net.field_errors.front());
        ImGui::TextColored(palette::kErrorText, "%s", text.c_str());
    } else if (net.field && net.field->h && net.field->w) {
        const AxisField &h = *net.field->h, &w = *net.field->w;
        const int64_t r = chosen->cell.size() >= 2 ? chosen->cell[chosen->cell.size() - 2] : 0;
        char line[512];
        std::snprintf(line, sizeof line, tr("net.field_fmt"), layer_name(chosen->layer).c_str(),
                      static_cast<int>(r), static_cast<int>(chosen->cell.back()), static_cast<int>(h.first),
                      static_cast<int>(h.last), static_cast<int>(w.first), static_cast<int>(w.last),
                      static_cast<int>(h.span), static_cast<int>(w.span));
        text = line;
        ImGui::TextUnformatted(line);
        if (h.textbook && w.textbook) {
            std::snprintf(line, sizeof line, tr("net.textbook_fmt"), static_cast<int>(h.size),
                          static_cast<int>(w.size), static_cast<int>(h.jump), static_cast<int>(w.jump),
                          static_cast<int>(h.start), static_cast<int>(w.start));
            ImGui::TextUnformatted(line);
            text += std::string("\n") + line;
            const bool clipped = h.clipped_begin || h.clipped_end || w.clipped_begin || w.clipped_end;
            if (clipped) ImGui::TextColored(palette::kMuted, "%s", tr("net.field_clipped"));
        } else {
            ImGui::TextColored(palette::kMuted, "%s", tr("net.no_textbook"));
        }
        if (h.holes || w.holes) ImGui::TextColored(palette::kMuted, "%s", tr("net.field_holes"));
        ctx.probe.text_shown("network.field.input_rows", runs_report_text(h.cells));
        ctx.probe.text_shown("network.field.input_cols", runs_report_text(w.cells));
    }
    ImGui::PopTextWrapPos();
    ctx.probe.text_shown("network.field.text", text);
    if (chosen)
        ctx.probe.text_shown(
            "network.selected",
            layer_name(chosen->layer) + " (" +
                std::to_string(chosen->cell.size() >= 2 ? chosen->cell[chosen->cell.size() - 2] : 0) + ", " +
                std::to_string(chosen->cell.back()) + ")");
}

// Puts the next item beside the last one when it ends before `end_x` (local), else on the next line.
void same_line_if_fits(float width, float end_x) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float after = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetScrollX();
    if (after + style.ItemSpacing.x + width <= end_x) ImGui::SameLine();
}

void add_layer_menu(PanelContext& ctx, NetworkCards& cards, const Network& network,
                    const NetworkShapes& shapes) {
    if (ImGui::Button(tr("net.add_layer"))) ImGui::OpenPopup("##add_layer");
    remember_item(ctx.probe, "network.add_layer");
    if (!ImGui::BeginPopup("##add_layer")) return;
    for (std::string_view type : addable_layer_types()) {
        if (!ImGui::Selectable(std::string(type).c_str())) continue;
        Result<Network> changed = add_layer(network, shapes, {}, type);
        if (changed) {
            set_network(ctx.state.doc, std::move(changed).value());
            cards.texts_for = ctx.state.doc.network.get();
        }
    }
    ImGui::EndPopup();
}

}  // namespace

NetworkWindow::NetworkWindow()
    : Window({kId, Placement::kWorkspace, "net.title", "help.network", Menu::kView, "menu.network"}) {}

void NetworkWindow::draw_menu_items(PanelContext& ctx) {
    const bool open = network_view_shown(ctx.state.lessons.session, ctx.state.view);
    const bool on_network_step = open && !window_open(ctx.state.view, kId);
    // On a network step the view is the step's: the entry shows it, ticked, and cannot take it away.
    if (ImGui::MenuItem(tr("menu.network"), nullptr, open, !on_network_step))
        set_window_open(ctx.state.view, kId, !open);
    remember_item(ctx.probe, "menu.network");
}

void NetworkWindow::draw(PanelContext& ctx) {
    Document& doc = ctx.state.doc;
    const LessonStep* step = current_step(ctx.state.lessons.session);
    if (!doc.network && step && step->network) {  // (undone past the step's network: the step's again)
        doc.network = step->network;
        commit_edit(doc, "lesson-step");
    }
    if (!doc.network && load_error_.empty()) {  // View → Network view with nothing in it: D2L's LeNet
        Result<Network> lenet = load_default_network(executable_dir());
        if (lenet)
            set_network(doc, std::move(lenet).value());
        else
            load_error_ = error_text(lenet.errors().front());
    }
    panel_heading(tr(info().title_key), tr(info().help_key));
    if (!doc.network) {
        ImGui::TextColored(palette::kErrorText, tr("net.default_failed_fmt"), load_error_.c_str());
        return;
    }
    // Held for the frame: an edit below replaces the document's network, the cards still read this one.
    const std::shared_ptr<const Network> network = doc.network;
    const NetworkComputed& net = ctx.state.computed.network;
    if (net.made_for != network) return;      // an edit this frame: drawn from the new shapes next frame
    if (cards_.texts_for != network.get()) {  // undo, another step: the fields show the network anew
        cards_.fields.clear();
        cards_.refused.clear();
        cards_.texts_for = network.get();
    }
    const QuizHidden hidden = quiz_hidden(ctx.state.quiz);
    const std::optional<NetworkCellRef>& chosen = ctx.state.interaction.network_cell;
    const HiddenLayer* asked = chosen ? hidden.find_layer(chosen->layer) : nullptr;
    const bool field_hidden = asked && (asked->receptive_field || asked->output_shape);
    // The total counts the layers that ran: hidden with any layer's parameters, and with any shape (it would
    // tell whether the layers after it ran).
    bool parameters_hidden = false;
    for (const HiddenLayer& h : hidden.layers)
        parameters_hidden = parameters_hidden || h.parameter_count || h.output_shape;

    std::vector<CardEntry> entries = card_entries(*network, net, hidden, chosen, field_hidden);
    CellMapStyle map;
    const float font = ImGui::GetFontSize();
    map.max_w = std::clamp(ImGui::GetContentRegionAvail().x * 0.3f, font * 6.0f, font * 16.0f);
    map.max_h = font * 7.5f;
    map.max_cell = font * 0.9f;
    const size_t rank = net.shapes.input.size();
    const bool input_map = rank >= 3;
    const float input_map_w =
        input_map ? cell_map_width(net.shapes.input[rank - 2], net.shapes.input.back(), map) : 0.0f;
    const float left_end = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - input_map_w -
                           (input_map ? ImGui::GetStyle().ItemSpacing.x * 2.0f : 0.0f);

    // Left: the input, the parameters, Add layer, the receptive field in words; right: the input's map, where
    // the field lands (outside the cards' scrolling, so it stays in sight).
    ImGui::BeginGroup();
    const std::string input = torch_size_text(net.shapes.input);
    ImGui::Text(tr("net.input_fmt"), input.c_str());
    ctx.probe.text_shown("network.input", input);
    const std::string total = parameters_hidden ? "?" : std::to_string(net.shapes.parameters);
    char total_text[128];
    std::snprintf(total_text, sizeof total_text, tr("net.total_fmt"), total.c_str());
    same_line_if_fits(ImGui::CalcTextSize(total_text).x, left_end);
    ImGui::TextColored(palette::kMuted, "%s", total_text);
    ctx.probe.text_shown("network.total_parameters", total);
    same_line_if_fits(button_width(tr("net.add_layer")), left_end);
    add_layer_menu(ctx, cards_, *network, net.shapes);
    field_summary(ctx, net, chosen, field_hidden, left_end);
    if (input_map) ImGui::TextColored(palette::kMuted, "%s", tr("net.input_map"));
    ImGui::EndGroup();
    if (input_map) {
        const IndexRuns *rows = nullptr, *cols = nullptr;
        if (net.field && !field_hidden) field_on_map(net.field->input, rows, cols);
        ImGui::SameLine(left_end + ImGui::GetStyle().ItemSpacing.x * 2.0f);
        const CellMapResult r = draw_cell_map("##input_map", net.shapes.input[rank - 2],
                                              net.shapes.input.back(), map, rows, cols, std::nullopt);
        remember_rect(ctx.probe, "network.map.input", r.x, r.y, r.w, r.h);
        if (r.hovered)
            ImGui::SetTooltip(tr("net.hover_fmt"), tr("net.input_map"), static_cast<int>(r.hovered->first),
                              static_cast<int>(r.hovered->second));
        if (rows && cols)
            ctx.probe.text_shown("network.highlight.input",
                                 runs_report_text(*rows) + ";" + runs_report_text(*cols));
    }
    ImGui::Separator();

    // The cards scroll; a new lesson step brings its focus layer's card into sight.
    const LessonSession& session = ctx.state.lessons.session;
    std::vector<size_t> scroll_to;
    if (session.generation != scrolled_for_) {
        scrolled_for_ = session.generation;
        if (step && step->kind == StepKind::kNetwork) scroll_to = step->focus.layer;
    }
    ImGui::BeginChild("##cards", ImVec2(0, 0), false);
    for (size_t i = 0; i < entries.size(); ++i) {
        const CardEntry& e = entries[i];
        if (!scroll_to.empty() && e.index == scroll_to && i > 0) ImGui::SetScrollHereY(0.15f);
        if (e.field_rows && e.field_cols)
            ctx.probe.text_shown("network.highlight." + std::to_string(i),
                                 runs_report_text(*e.field_rows) + ";" + runs_report_text(*e.field_cols));
        const std::optional<MapCell> clicked =
            draw_network_card(ctx, cards_, *network, net.shapes, e, i, map);
        if (clicked)
            ctx.state.interaction.network_cell = NetworkCellRef{e.index, {clicked->first, clicked->second}};
    }
    ctx.probe.text_shown("network.cards", std::to_string(entries.size()));
    ImGui::EndChild();
}

}  // namespace poolscope::app
