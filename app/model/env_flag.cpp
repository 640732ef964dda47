// The environment's switches (see env_flag.h).
#include "model/env_flag.h"

#include <cstdlib>
#include <string_view>

namespace poolscope::app {

bool env_flag(const char* name) {
    const char* v = std::getenv(name);
    return v && *v && std::string_view(v) != "0";
}

}  // namespace poolscope::app
