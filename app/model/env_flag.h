// The environment's on/off switches (POOLSCOPE_FULL_REDRAW=1 and the like, for tests and benchmarks).
#pragma once

namespace poolscope::app {

// Whether the switch `name` is on: set, not empty and not "0".
bool env_flag(const char* name);

}  // namespace poolscope::app
