// The edits that touch the document and the selection together (see app_state.h).
#include "model/app_state.h"

#include <algorithm>
#include <utility>

namespace poolscope::app {
namespace {

void restore(Document& doc, Interaction& interaction, const EditSnapshot& s) {
    doc.input = s.input;
    doc.params = s.params;
    doc.stride_follows_kernel = s.stride_follows_kernel;
    doc.convention = s.convention;
    doc.pad_mode = s.pad_mode;
    doc.storage_order = s.storage_order;
    doc.network = s.network;
    mark_changed(doc);
    interaction.editor = {};
}

}  // namespace

AppState make_default_state() {
    AppState state;
    state.doc = make_default_document();
    return state;
}

void set_input(Document& doc, Interaction& interaction, Tensor input, const std::string& merge_key) {
    input.set_rank(input.shape().c > 1 ? 3 : 2);
    doc.input = std::move(input);
    interaction.editor = {};
    commit_edit(doc, merge_key);
}

bool undo(Document& doc, Interaction& interaction) {
    const EditSnapshot* s = doc.history.undo();
    if (!s) return false;
    restore(doc, interaction, *s);
    return true;
}

bool redo(Document& doc, Interaction& interaction) {
    const EditSnapshot* s = doc.history.redo();
    if (!s) return false;
    restore(doc, interaction, *s);
    return true;
}

void resize_input(Document& doc, Interaction& interaction, int64_t channels, int64_t height, int64_t width) {
    channels = std::clamp<int64_t>(channels, 1, kMaxEditChannels);
    height = std::clamp<int64_t>(height, 1, kMaxEditSize);
    width = std::clamp<int64_t>(width, 1, kMaxEditSize);
    const Shape& old = doc.input.shape();
    if (old.c == channels && old.h == height && old.w == width) return;
    Tensor resized(Shape{1, channels, height, width}, 0.0f);
    for (int64_t c = 0; c < std::min(channels, old.c); ++c)
        for (int64_t h = 0; h < std::min(height, old.h); ++h)
            for (int64_t w = 0; w < std::min(width, old.w); ++w)
                resized.at(0, c, h, w) = doc.input.at(0, c, h, w);
    set_input(doc, interaction, std::move(resized), "resize");
}

}  // namespace poolscope::app
