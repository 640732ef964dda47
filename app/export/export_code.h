// The layer as one line of code for any framework (core's layer_code()): under its own convention as is,
// under another one rewritten the way the window's framework switch rewrites it (convention_switch.h).
#pragma once

#include <string>

#include "poolscope/convention.h"

namespace poolscope::app {

std::string layer_code_for(const LayerSpec& layer, Convention convention);

}  // namespace poolscope::app
