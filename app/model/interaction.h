// The interaction: what the student is doing with the window right now — the selected input cell and the
// number being typed into it, the hovered cell, where the timeline goes next, what moves on screen, the Fill
// controls, the status line, and a quit request. The timeline itself is Playback (model/playback.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace poolscope::app {

struct InputCellRef {
    int64_t c = 0, h = 0, w = 0;
    bool operator==(const InputCellRef&) const = default;
};

// The cell editor: a selected input cell, and the text being typed into it when `editing`.
struct CellEditor {
    std::optional<InputCellRef> selected;  // none: arrow keys step the timeline
    bool editing = false;                  //
    std::string text;                      // what the student typed so far
};

// What moves on screen between frames; all values approach their targets in animate().
struct Animation {
    float window_row = 0, window_col = 0;  // drawn window origin (input coordinates)
    float out_rows = 0, out_cols = 0;      // drawn output size, to grow/shrink the grid
    bool initialised = false;              //
    bool active = false;                   // something is still moving: keep drawing frames
};

// Where the timeline goes once the next recompute() knows the output (a lesson step's start cell,
// --step, --play): the step <-> cell mapping needs the plan, which only recompute() makes.
struct FocusRequest {
    enum class Play { kNo, kAutoplay, kToggle };
    std::optional<std::pair<int64_t, int64_t>> cell;  // output cell (oh, ow) to show
    std::optional<int64_t> step;                      // else a timeline step
    Play play = Play::kNo;                            // autoplay: run on (replay from the last cell)
};

// The "Fill" controls of the input data panel.
struct GeneratorSettings {
    int kind = 0;        // index into the generator list: arange, zeros, ones, random, vertical edge
    float start = 0.0f;  // arange
    float step = 1.0f;   // arange
    int low = 0;         // random integers, inclusive
    int high = 9;        //
    int seed = 0;        //
    int edge_begin = 2;  // vertical edge: zero columns [begin, end)
    int edge_end = 4;    //
};

// The Network view's chosen output cell: a layer ([3] = net[3]) and a cell of its output map ([h, w]: channel
// 0, as the view draws it).
struct NetworkCellRef {
    std::vector<size_t> layer;
    std::vector<int64_t> cell;
    bool operator==(const NetworkCellRef&) const = default;
};

struct Interaction {
    CellEditor editor;                           //
    std::optional<InputCellRef> hovered_input;   // highlights the output windows that read it
    std::optional<FocusRequest> focus;           // applied by the next recompute()
    Animation anim;                              //
    GeneratorSettings generator;                 //
    std::string status;                          // one line: last paste/copy result or problem
    bool status_is_error = false;                //
    double status_since = -1;                    // clock when first shown; -1 = new (model/status_line.h)
    bool quit_requested = false;                 // Ctrl+Q, or the quit that waited for the lesson's save
    std::optional<NetworkCellRef> network_cell;  // the Network view's clicked cell: its receptive field shows
};

void set_status(Interaction& interaction, std::string text, bool is_error);

}  // namespace poolscope::app
