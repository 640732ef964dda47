// The document: what the student edits in the window and what a lesson step (or a link's options)
// describes — the input, the params, and whose rules they follow — with the undo history that snapshots it.
// Nothing derived lives here (model/computed.h), nothing about how it is shown (model/view.h) or what the
// student is doing with it (model/interaction.h).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "poolscope/convention.h"
#include "poolscope/edit_history.h"
#include "poolscope/tensor.h"

namespace poolscope::app {

inline constexpr int64_t kMaxEditSize = 32;     // H and W the editor offers
inline constexpr int64_t kMaxEditChannels = 8;  // channels the editor offers

struct Document {
    Tensor input{Shape{1, 1, 4, 4}, 0.0f, 2};  //
    PoolParams params;                         // in PyTorch's vocabulary, whatever the convention
    bool stride_follows_kernel = true;         // stride not given (the framework's default) while checked
    // Whose rules `params` follow (layer_of()): the window computes what that framework computes.
    Convention convention = Convention::kPyTorch;  //
    PadMode pad_mode = PadMode::kExplicit;         // TensorFlow "same"/"valid", ONNX auto_pad
    int64_t storage_order = 0;                     // ONNX MaxPool indices
    // The Network view's network (a network step's, or D2L's LeNet from the View menu); null: none. Never
    // changed in place: an edit makes a new one, so undo snapshots share it.
    std::shared_ptr<const Network> network;  //
    EditHistory history;                     // undo/redo: snapshots of the fields above
    uint64_t revision = 0;  // bumped by every edit: what is derived from the document follows it
};

// D2L's 4×4 arange and MaxPool2d(3, padding=1, stride=2), with its undo history started.
Document make_default_document();

// The window's layer: params under the document's convention (what recompute() plans with plan_layer()).
LayerSpec layer_of(const Document& doc);
// The undo snapshot of what the student edits.
EditSnapshot snapshot_of(const Document& doc);

// Records an edit of the fields above: an undo step (merge_key as in EditHistory::record), and a new
// revision.
void commit_edit(Document& doc, const std::string& merge_key = {});
// Fields set directly (a test, a lesson step's values) without an undo step: a new revision all the same.
void mark_changed(Document& doc);

}  // namespace poolscope::app
