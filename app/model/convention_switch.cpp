// Framework switching for the window (see convention_switch.h). The rewriting itself is the core's
// (layers_across), so the window and the compare view agree on what "the same layer" means.
#include "model/convention_switch.h"

#include <vector>

#include "poolscope/compare.h"

namespace poolscope::app {

bool stride_defaults_to_kernel(Convention convention) {
    return convention != Convention::kOnnx;
}

Pair shown_stride(const Document& doc) {
    return effective_stride(layer_of(doc));
}

void set_convention(Document& doc, Convention convention) {
    if (doc.convention == convention) return;
    const bool keep_default_stride = doc.stride_follows_kernel && stride_defaults_to_kernel(doc.convention) ==
                                                                      stride_defaults_to_kernel(convention);
    const Shape input = doc.input.shape();
    const std::vector<LayerSpec> layers = layers_across(layer_of(doc), &input);
    for (size_t i = 0; i < layers.size(); ++i) {
        if (kConventions[i] != convention) continue;
        const LayerSpec& layer = layers[i];
        doc.params = layer.params;
        doc.convention = layer.convention;
        doc.pad_mode = layer.pad_mode;
        doc.storage_order = layer.storage_order;
    }
    // layers_across writes the stride out, since ONNX's default differs; keep "not given" where it means the
    // same in both frameworks, so the checkbox stays as the student left it.
    doc.stride_follows_kernel = keep_default_stride;
    if (keep_default_stride) doc.params.stride.reset();
    commit_edit(doc);
}

void set_pad_mode(Document& doc, PadMode mode) {
    if (doc.pad_mode == mode) return;
    doc.pad_mode = mode;
    if (mode != PadMode::kExplicit) doc.params.padding = {};
    commit_edit(doc);
}

}  // namespace poolscope::app
