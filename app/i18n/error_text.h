// The core's validation errors in the UI language: Error::code picks the sentence "error.<code>" from the
// translation tables and Error::args fill its {0}, {1}...; errors without a code keep the core's message.
#pragma once

#include <string>

#include "poolscope/result.h"

namespace poolscope::app {

std::string error_text(const Error& error);

}  // namespace poolscope::app
