// The three-way merge behind "keep both" when a lesson changed on disk while the app edited it
// (merge_lesson_documents in lesson_text.h): the lesson's own keys merge key by key, its steps like diff3,
// matched by content with a longest common subsequence.
#include <algorithm>
#include <optional>

#include "poolscope/lesson_text.h"

namespace poolscope {

using Json = nlohmann::ordered_json;

namespace {

// For each element of `a`, the index of its partner in `b` on a longest common subsequence (or nullopt).
std::vector<std::optional<size_t>> common_subsequence(const Json& a, const Json& b) {
    const size_t n = a.size(), m = b.size();
    std::vector<std::vector<uint32_t>> lcs(n + 1, std::vector<uint32_t>(m + 1, 0));
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::vector<std::optional<size_t>> partner(n);
    for (size_t i = 0, j = 0; i < n && j < m;) {
        if (a[i] == b[j]) {
            partner[i++] = j++;
        } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
            ++i;
        } else {
            ++j;
        }
    }
    return partner;
}

bool same_range(const Json& a, size_t a0, size_t a1, const Json& b, size_t b0, size_t b1) {
    if (a1 - a0 != b1 - b0) return false;
    for (size_t k = 0; k < a1 - a0; ++k)
        if (a[a0 + k] != b[b0 + k]) return false;
    return true;
}

void append_range(Json& out, const Json& from, size_t begin, size_t end) {
    for (size_t k = begin; k < end; ++k)
        out.push_back(from[k]);
}

// diff3 over the step lists: between steps all three share, take whichever side changed the stretch.
Json merge_steps(const Json& base, const Json& ours, const Json& theirs,
                 std::vector<std::string>& conflicts) {
    const auto in_ours = common_subsequence(base, ours);
    const auto in_theirs = common_subsequence(base, theirs);
    Json merged = Json::array();
    size_t b = 0, o = 0, t = 0;
    while (true) {
        size_t sync = b;  // the next base step both sides still have
        while (sync < base.size() && !(in_ours[sync] && in_theirs[sync]))
            ++sync;
        const size_t o_end = sync < base.size() ? *in_ours[sync] : ours.size();
        const size_t t_end = sync < base.size() ? *in_theirs[sync] : theirs.size();
        if (same_range(ours, o, o_end, base, b, sync)) {
            append_range(merged, theirs, t, t_end);
        } else if (same_range(theirs, t, t_end, base, b, sync) ||
                   same_range(ours, o, o_end, theirs, t, t_end)) {
            append_range(merged, ours, o, o_end);
        } else {
            // Both changed this stretch: name the file's steps there (or where they would be).
            for (size_t k = t; k < std::max(t_end, t + 1); ++k)
                conflicts.push_back("/steps/" + std::to_string(k));
            append_range(merged, theirs, t, t_end);
        }
        if (sync >= base.size()) break;
        merged.push_back(base[sync]);
        b = sync + 1, o = o_end + 1, t = t_end + 1;
    }
    return merged;
}

}  // namespace

LessonMerge merge_lesson_documents(const Json& base, const Json& ours, const Json& theirs) {
    LessonMerge result;
    if (!base.is_object() || !ours.is_object() || !theirs.is_object()) {
        result.document = theirs;
        result.conflicts.push_back("/");
        return result;
    }
    // The lesson's keys: the file's order, then keys only the app added (in its order).
    result.document = Json::object();
    std::vector<std::string> keys;
    for (auto it = theirs.begin(); it != theirs.end(); ++it)
        keys.push_back(it.key());
    for (auto it = ours.begin(); it != ours.end(); ++it)
        if (!theirs.contains(it.key())) keys.push_back(it.key());
    for (const std::string& key : keys) {
        const Json* b = base.contains(key) ? &base[key] : nullptr;
        const Json* o = ours.contains(key) ? &ours[key] : nullptr;
        const Json* t = theirs.contains(key) ? &theirs[key] : nullptr;
        if (key == "steps" && b && o && t && b->is_array() && o->is_array() && t->is_array()) {
            result.document[key] = merge_steps(*b, *o, *t, result.conflicts);
            continue;
        }
        auto same = [](const Json* x, const Json* y) { return x == y || (x && y && *x == *y); };
        const Json* pick = same(o, b) ? t : same(t, b) || same(o, t) ? o : nullptr;
        if (!pick && !same(o, b) && !same(t, b) && !same(o, t)) {
            result.conflicts.push_back("/" + key);
            pick = t;
        }
        if (pick) result.document[key] = *pick;  // absent = removed on the side that changed it
    }
    return result;
}

}  // namespace poolscope
