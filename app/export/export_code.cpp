// Code lines for exports (see export_code.h).
#include "export/export_code.h"

#include "model/app_state.h"
#include "model/convention_switch.h"

namespace poolscope::app {

std::string layer_code_for(const LayerSpec& layer, Convention convention) {
    if (layer.convention == convention) return layer_code(layer);
    AppState state;
    state.doc.params = layer.params;
    state.doc.stride_follows_kernel = !layer.params.stride.has_value();
    state.doc.convention = layer.convention;
    state.doc.pad_mode = layer.pad_mode;
    state.doc.storage_order = layer.storage_order;
    set_convention(state.doc, convention);
    return layer_code(layer_of(state.doc));
}

}  // namespace poolscope::app
