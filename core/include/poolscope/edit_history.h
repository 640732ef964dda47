// Undo/redo for the app's edits, kept free of any GUI so it is unit-tested with the core alone.
// Each entry is a whole snapshot (input tensor + params + convention, and the Network view's network, shared
// between snapshots until an edit replaces it): inputs are at most 8×32×32, so copies are cheap and restoring
// can never get out of step with the edit that made them.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "poolscope/network.h"
#include "poolscope/pool_params.h"
#include "poolscope/tensor.h"

namespace poolscope {

struct EditSnapshot {
    Tensor input;
    PoolParams params;
    bool stride_follows_kernel = true;  // the app's "stride = kernel" switch, so undo restores it too
    // The framework whose rules `params` follow, and what PyTorch's params cannot say (LayerSpec's extras).
    Convention convention = Convention::kPyTorch;
    PadMode pad_mode = PadMode::kExplicit;
    int64_t storage_order = 0;
    // The Network view's network (never changed in place: an edit makes a new one); null: none.
    std::shared_ptr<const Network> network;

    bool same_as(const EditSnapshot& other) const;
};

// Whether two networks are the same network (the same JSON written back; both null counts as the same).
bool same_network(const Network* a, const Network* b);

class EditHistory {
  public:
    explicit EditHistory(size_t limit = 256) : limit_(limit < 2 ? 2 : limit) {}

    // Forgets everything; `current` becomes the only state.
    void reset(EditSnapshot current);
    // Records the state after an edit. An unchanged state is ignored. Consecutive records with the same
    // non-empty `merge_key` (e.g. typing digits into one field) collapse into a single undo step.
    void record(EditSnapshot after, const std::string& merge_key = {});
    // Ends merging, so the next record starts a new undo step even with the same key.
    void break_merge() { last_merge_key_.clear(); }

    bool can_undo() const { return index_ > 0; }
    bool can_redo() const { return index_ + 1 < states_.size(); }
    // Moves back/forward one step and returns the state to show; nullptr when there is nothing to do.
    const EditSnapshot* undo();
    const EditSnapshot* redo();

    const EditSnapshot& present() const { return states_[index_]; }
    size_t size() const { return states_.size(); }

  private:
    size_t limit_;
    std::vector<EditSnapshot> states_{EditSnapshot{}};
    size_t index_ = 0;
    std::string last_merge_key_;
};

}  // namespace poolscope
