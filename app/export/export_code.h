// The layer as one line of code for any framework: under its own convention as is (core layer_code()),
// under another one as exactly as that framework can write it, with a comment naming what it cannot
// (core translated_code(), layer_translate.h).
#pragma once

#include <string>

#include "poolscope/convention.h"

namespace poolscope::app {

// `input`: the shape the layer runs on (padding rules worked out, plans compared), or null.
std::string layer_code_for(const LayerSpec& layer, Convention convention, const Shape* input = nullptr);

}  // namespace poolscope::app
