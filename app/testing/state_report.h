// The app's state as JSON (--state-out, written on exit and on F12): what is shown, so GUI tests can
// assert on it (step, highlighted output cell, output values, errors, where the widgets are on screen).
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "model/app_state.h"
#include "model/playback.h"

namespace poolscope::app {

struct Shell;
struct ProbeRecord;
class FileDialogWindow;
struct StartupPhases;

// What the report reads: the model, the shell around it, and the probe the panels filled while drawing.
struct ReportedState {
    const AppState& state;
    const Playback& playback;
    const Shell& shell;
    const ProbeRecord& probe;
    uint64_t frame = 0;                             // frames drawn so far
    const FileDialogWindow* file_dialog = nullptr;  // the app's file dialog (reported as "file_dialog")
    const StartupPhases* startup = nullptr;         // main()'s start-up steps ("startup_ms")
};

nlohmann::json state_to_json(const ReportedState& shown);
// Writes atomically (temporary file + rename) so a polling reader never sees half a file.
bool write_state_file(const ReportedState& shown, const std::string& path, uint64_t sequence);

}  // namespace poolscope::app
