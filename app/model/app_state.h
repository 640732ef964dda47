// The one owned state of the window: the input, the params, what the core computed from them (recomputed
// only when `dirty`), the selection and view settings. Panels read and edit it through a reference; nothing
// here draws. Start reading at AppState, then recompute().
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "i18n/i18n.h"
#include "model/gradient_view.h"
#include "model/lesson_player.h"
#include "model/playback.h"
#include "model/quiz_session.h"
#include "model/view.h"
#include "poolscope/convention.h"
#include "poolscope/edit_history.h"
#include "poolscope/pool_forward.h"
#include "poolscope/pool_plan.h"
#include "poolscope/trace.h"

namespace poolscope::app {

inline constexpr int64_t kMaxEditSize = 32;     // H and W the editor offers
inline constexpr int64_t kMaxEditChannels = 8;  // channels the editor offers

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

struct AppState {
    // What the student edits (the undo history snapshots all of these).
    Tensor input{Shape{1, 1, 4, 4}, 0.0f, 2};  //
    PoolParams params;                         // in PyTorch's vocabulary, whatever the convention
    bool stride_follows_kernel = true;         // stride not given (the framework's default) while checked
    // Whose rules `params` follow (layer_of()): the window computes what that framework computes.
    Convention convention = Convention::kPyTorch;  //
    PadMode pad_mode = PadMode::kExplicit;         // TensorFlow "same"/"valid", ONNX auto_pad
    int64_t storage_order = 0;                     // ONNX MaxPool indices

    // What the core computed from them.
    bool dirty = true;                  // input or params changed since the last recompute
    std::optional<PoolPlan> plan;       // nullopt when the framework rejects the configuration
    std::vector<Error> errors;          // the framework's reasons, shown in place of the output
    PoolOutput output;                  // valid when plan
    std::vector<CellTrace> traces;      // the current step's trace, one per channel
    int64_t traced_step = -1;           // the step `traces` belongs to
    std::optional<FocusRequest> focus;  // applied by the next recompute()
    uint64_t generation = 0;            // bumped by every recompute() that ran: derived views refresh
    GradientView gradient;              // the Backward and Unpool views (gradient_view.h)
    QuizSession quiz;                   // predict, then reveal (quiz_session.h)

    // Interaction.
    EditHistory history;                        //
    CellEditor editor;                          //
    GeneratorSettings generator;                //
    int copy_style = 0;                         // clipboard copy: 0 PyTorch, 1 JSON, 2 CSV (ClipboardStyle)
    std::optional<InputCellRef> hovered_input;  // highlights the output windows that read it
    std::string status;                         // one line: last paste/copy result or problem
    bool status_is_error = false;               //
    double status_since = -1;                   // clock when first shown; -1 = new (model/status_line.h)

    // View.
    float zoom = 1.0f;                // matrix cell size factor (Ctrl + wheel, Ctrl +/−)
    float ui_scale = 1.0f;            // font scale; changing it rebuilds the font atlas
    bool fonts_need_rebuild = false;  //
    Language language = Language::kEnglish;
    Animation anim;  //
    View view;       // presentation mode, the windows that are up (model/view.h)

    // The lesson player (lesson_player.h): the open lesson, browser rows, recent files.
    LessonPlayer lessons;
    // Text that appeared on screen beyond the translation tables (a lesson): the font atlas takes its
    // characters before the next frame (widgets/fonts.h).
    std::vector<std::string> text_shown;

    bool quit_requested = false;  // Ctrl+Q
    uint64_t frame = 0;           // frames drawn so far
    double first_frame_ms = 0;    // process start to the first frame on screen
};

// Fresh state with the default lesson: D2L's 4×4 arange and MaxPool2d(3, padding=1, stride=2).
AppState make_default_state();

// The window's layer: params under the state's convention (what recompute() plans with plan_layer()).
LayerSpec layer_of(const AppState& state);
// The undo snapshot of what the student edits.
EditSnapshot snapshot_of(const AppState& state);

// Recomputes plan/output/errors when dirty, keeping the step where its output cell still exists (or going
// where `focus` asks). The frame calls it once, before drawing (app/frame.cpp).
void recompute(AppState& state, Playback& playback);
// Makes `traces` match the playback step (cheap: one window per channel).
void update_traces(AppState& state, const Playback& playback);

int64_t step_count(const AppState& state);  // output cells in one channel (0 when rejected)
OutputCell cell_of_step(const AppState& state, int64_t step, int64_t channel = 0);
int64_t step_of_cell(const AppState& state, int64_t oh, int64_t ow);

// Edits: each marks the state dirty and records an undo step (merge_key as in EditHistory::record).
void commit_edit(AppState& state, const std::string& merge_key = {});
void set_input(AppState& state, Tensor input, const std::string& merge_key = {});
bool undo(AppState& state);
bool redo(AppState& state);
// Resizes the input keeping the overlapping values (new cells are 0).
void resize_input(AppState& state, int64_t channels, int64_t height, int64_t width);
void set_status(AppState& state, std::string text, bool is_error);

// Moves animated values toward their targets; `dt` in seconds.
void animate(AppState& state, const Playback& playback, float dt);

}  // namespace poolscope::app
