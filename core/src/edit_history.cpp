// Snapshot undo/redo (see edit_history.h).
#include "poolscope/edit_history.h"

#include <utility>

#include <nlohmann/json.hpp>

namespace poolscope {

bool same_network(const Network* a, const Network* b) {
    if (a == b) return true;
    if (!a || !b) return false;
    return network_to_json(*a) == network_to_json(*b);
}

bool EditSnapshot::same_as(const EditSnapshot& other) const {
    return input.identical(other.input) && params == other.params &&
           stride_follows_kernel == other.stride_follows_kernel && convention == other.convention &&
           pad_mode == other.pad_mode && storage_order == other.storage_order &&
           same_network(network.get(), other.network.get());
}

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
