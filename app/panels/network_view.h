// The Network view (issue 33): a network's layers as a column of cards — each layer's code, its output shape
// as D2L prints it, its parameters, its walkthrough on a click, its arguments editable in place — with each
// layer's output map as a small grid; a click on a cell lights up its exact receptive field on the input and
// on every map in between. Shown in place of the matrices on a lesson's network step, or from View →
// Network view with D2L's LeNet. Data: model/network_model.h; this file and network_card.cpp draw it.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "panels/window.h"
#include "poolscope/network.h"
#include "poolscope/network_shape.h"
#include "poolscope/receptive_field.h"
#include "widgets/cell_map.h"

namespace poolscope::app {

// The cards' own state: which are open, what is typed in their fields (kept when the core refuses it), the
// core's message for a refused value.
struct NetworkCards {
    std::set<std::string> expanded;              // layer paths whose walkthrough is open
    std::map<std::string, std::string> fields;   // layer path + '/' + argument -> the text typed
    std::map<std::string, std::string> refused;  // layer path -> why its last typed value was not applied
    const Network* texts_for = nullptr;          // the network the typed texts belong to
    float buttons_w = 120.0f;                    // a card's buttons, as wide as drawn last
};

// One card: a layer, where it sits, and what the view may show of it.
struct CardEntry {
    const NetLayer* layer = nullptr;
    std::vector<size_t> index;              // [3] = net[3]
    std::optional<size_t> position;         // in NetworkShapes::layers; none: not reached
    const LayerShape* shape = nullptr;      // null: not reached
    const NetworkError* error = nullptr;    // this layer raises
    bool shape_hidden = false;              // an open question asks its shape (or an earlier layer's)
    bool parameters_hidden = false;         // an open question asks its parameters
    const IndexRuns* field_rows = nullptr;  // the receptive field on its map (channel 0)
    const IndexRuns* field_cols = nullptr;  //
    std::optional<MapCell> chosen;          // the clicked cell, on this layer's map
};

// Draws one card; returns the map cell clicked. Edits go to the document through model/network_model.h.
std::optional<MapCell> draw_network_card(PanelContext& ctx, NetworkCards& cards, const Network& network,
                                         const NetworkShapes& shapes, const CardEntry& entry, size_t number,
                                         const CellMapStyle& map);
// "0-5,7-8": runs as the state report lists highlighted rows and columns (inclusive ends).
std::string runs_report_text(const IndexRuns& runs);

class NetworkWindow final : public Window {
  public:
    static constexpr const char* kId = "network";
    NetworkWindow();
    void draw(PanelContext& ctx) override;
    void draw_menu_items(PanelContext& ctx) override;

  private:
    NetworkCards cards_;
    std::string load_error_;                // D2L's LeNet could not be read
    uint64_t scrolled_for_ = ~uint64_t{0};  // the lesson generation whose focus layer was scrolled to
};

}  // namespace poolscope::app
