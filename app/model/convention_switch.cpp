// Framework switching for the window (see convention_switch.h). The rewriting itself is the core's
// (layers_across), so the window and the compare view agree on what "the same layer" means.
#include "model/convention_switch.h"

#include <vector>

#include "poolscope/compare.h"

namespace poolscope::app {

bool stride_defaults_to_kernel(Convention convention) {
    return convention != Convention::kOnnx;
}

Pair shown_stride(const AppState& state) {
    return effective_stride(layer_of(state));
}

void set_convention(AppState& state, Convention convention) {
    if (state.convention == convention) return;
    const bool keep_default_stride =
        state.stride_follows_kernel &&
        stride_defaults_to_kernel(state.convention) == stride_defaults_to_kernel(convention);
    const Shape input = state.input.shape();
    const std::vector<LayerSpec> layers = layers_across(layer_of(state), &input);
    for (size_t i = 0; i < layers.size(); ++i) {
        if (kConventions[i] != convention) continue;
        const LayerSpec& layer = layers[i];
        state.params = layer.params;
        state.convention = layer.convention;
        state.pad_mode = layer.pad_mode;
        state.storage_order = layer.storage_order;
    }
    // layers_across writes the stride out, since ONNX's default differs; keep "not given" where it means the
    // same in both frameworks, so the checkbox stays as the student left it.
    state.stride_follows_kernel = keep_default_stride;
    if (keep_default_stride) state.params.stride.reset();
    commit_edit(state);
}

void set_pad_mode(AppState& state, PadMode mode) {
    if (state.pad_mode == mode) return;
    state.pad_mode = mode;
    if (mode != PadMode::kExplicit) state.params.padding = {};
    commit_edit(state);
}

}  // namespace poolscope::app
