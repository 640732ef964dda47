// The document's edits (see document.h).
#include "model/document.h"

#include "poolscope/generators.h"

namespace poolscope::app {

Document make_default_document() {
    Document doc;
    doc.input = make_arange({1, 1, 4, 4}, 0.0f, 1.0f, 2).value();
    doc.params.op = PoolOp::kMax;
    doc.params.kernel_size = {3, 3};
    doc.params.stride = Pair{2, 2};
    doc.params.padding = Padding::symmetric({1, 1});
    doc.stride_follows_kernel = false;
    doc.history.reset(snapshot_of(doc));
    return doc;
}

LayerSpec layer_of(const Document& doc) {
    LayerSpec layer;
    layer.convention = doc.convention;
    layer.params = doc.params;
    if (doc.stride_follows_kernel) layer.params.stride.reset();
    layer.pad_mode = doc.pad_mode;
    layer.storage_order = doc.storage_order;
    return layer;
}

EditSnapshot snapshot_of(const Document& doc) {
    EditSnapshot s;
    s.input = doc.input;
    s.params = doc.params;
    s.stride_follows_kernel = doc.stride_follows_kernel;
    s.convention = doc.convention;
    s.pad_mode = doc.pad_mode;
    s.storage_order = doc.storage_order;
    s.network = doc.network;
    return s;
}

void commit_edit(Document& doc, const std::string& merge_key) {
    if (doc.stride_follows_kernel) doc.params.stride.reset();
    mark_changed(doc);
    doc.history.record(snapshot_of(doc), merge_key);
}

void mark_changed(Document& doc) {
    ++doc.revision;
}

}  // namespace poolscope::app
