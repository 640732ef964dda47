// Code lines for exports (see export_code.h).
#include "export/export_code.h"

#include "poolscope/layer_translate.h"

namespace poolscope::app {

std::string layer_code_for(const LayerSpec& layer, Convention convention, const Shape* input) {
    return translated_code(layer, convention, input);
}

}  // namespace poolscope::app
