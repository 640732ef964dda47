// The app's state as JSON (--state-out, written on exit and on F12): what is shown, so GUI tests can
// assert on it (step, highlighted output cell, output values, errors, where the widgets are on screen).
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "app_state.h"
#include "playback.h"

namespace poolscope::app {

nlohmann::json state_to_json(const AppState& state, const Playback& playback);
// Writes atomically (temporary file + rename) so a polling reader never sees half a file.
bool write_state_file(const AppState& state, const Playback& playback, const std::string& path,
                      uint64_t sequence);

}  // namespace poolscope::app
