// What the core computed from the document (model/document.h): the plan or the framework's reasons, the
// output, the current step's traces. Owned by what computes it, recompute() and update_traces(), and
// recomputed only when the document's revision moved on; the timeline's step <-> output cell mapping.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "model/document.h"
#include "model/interaction.h"
#include "model/network_model.h"
#include "model/playback.h"
#include "poolscope/pool_forward.h"
#include "poolscope/pool_plan.h"
#include "poolscope/trace.h"

namespace poolscope::app {

struct Computed {
    std::optional<PoolPlan> plan;       // nullopt when the framework rejects the configuration
    std::vector<Error> errors;          // the framework's reasons, shown in place of the output
    PoolOutput output;                  // valid when plan
    std::vector<CellTrace> traces;      // the current step's trace, one per channel
    int64_t traced_step = -1;           // the step `traces` belongs to
    uint64_t generation = 0;            // bumped by every recompute() that ran: derived views refresh
    uint64_t made_from = ~uint64_t{0};  // the document revision all this was computed from
    NetworkComputed network;            // the Network view's shapes and receptive field (network_model.h)
};

// True when the document changed since the last recompute().
bool is_stale(const Document& doc, const Computed& computed);

// Recomputes plan/output/errors when stale, keeping the step where its output cell still exists (or going
// where the interaction's focus request asks; a selection off the new input is dropped). The frame calls it
// once, before drawing (app/frame.cpp).
void recompute(Document& doc, Computed& computed, Interaction& interaction, Playback& playback);
// Makes `traces` match the playback step (cheap: one window per channel).
void update_traces(Computed& computed, const Document& doc, const Playback& playback);

int64_t step_count(const Computed& computed);  // output cells in one channel (0 when rejected)
OutputCell cell_of_step(const Computed& computed, int64_t step, int64_t channel = 0);
int64_t step_of_cell(const Computed& computed, int64_t oh, int64_t ow);

// Moves animated values toward their targets; `dt` in seconds.
void animate(Animation& anim, const Document& doc, const Computed& computed, const Playback& playback,
             float dt);

}  // namespace poolscope::app
