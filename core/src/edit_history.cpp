// Snapshot undo/redo (see edit_history.h).
#include "poolscope/edit_history.h"

#include <utility>

namespace poolscope {

void EditHistory::reset(EditSnapshot current) {
    states_.clear();
    states_.push_back(std::move(current));
    index_ = 0;
    last_merge_key_.clear();
}

void EditHistory::record(EditSnapshot after, const std::string& merge_key) {
    if (after.same_as(states_[index_])) return;
    states_.resize(index_ + 1);  // a new edit after undo discards the redo branch, as editors do
    const bool merge = !merge_key.empty() && merge_key == last_merge_key_ && index_ > 0;
    if (merge) {
        states_[index_] = std::move(after);
        // Merging back into the state before the run would leave a no-op undo step: drop it.
        if (states_[index_].same_as(states_[index_ - 1])) {
            states_.pop_back();
            --index_;
            last_merge_key_.clear();
        }
        return;
    }
    states_.push_back(std::move(after));
    ++index_;
    last_merge_key_ = merge_key;
    if (states_.size() > limit_) {
        states_.erase(states_.begin());
        --index_;
    }
}

const EditSnapshot* EditHistory::undo() {
    last_merge_key_.clear();
    if (!can_undo()) return nullptr;
    --index_;
    return &states_[index_];
}

const EditSnapshot* EditHistory::redo() {
    last_merge_key_.clear();
    if (!can_redo()) return nullptr;
    ++index_;
    return &states_[index_];
}

}  // namespace poolscope
