// Code lines for exports (see export_code.h).
#include "export/export_code.h"

#include "model/app_state.h"
#include "model/convention_switch.h"

namespace poolscope::app {

std::string layer_code_for(const LayerSpec& layer, Convention convention) {
    if (layer.convention == convention) return layer_code(layer);
    AppState state;
    state.params = layer.params;
    state.stride_follows_kernel = !layer.params.stride.has_value();
    state.convention = layer.convention;
    state.pad_mode = layer.pad_mode;
    state.storage_order = layer.storage_order;
    set_convention(state, convention);
    return layer_code(layer_of(state));
}

}  // namespace poolscope::app
