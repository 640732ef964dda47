// JSON state report (see state_report.h).
#include "state_report.h"

#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

#include "poolscope/json_params.h"
#include "poolscope/json_tensor.h"
#include "presentation.h"

namespace poolscope::app {

nlohmann::json state_to_json(const AppState& state, const Playback& playback) {
    using nlohmann::json;
    json j;
    const Shape& in = state.input.shape();
    j["frame"] = state.frame;
    j["first_frame_ms"] = state.first_frame_ms;
    j["language"] = language_code(state.language);
    j["input_shape"] = {in.c, in.h, in.w};
    j["input"] = json::parse(tensor_to_json(state.input));
    json params = json::object();
    params_to_json(state.params, params);
    params["op"] = std::string(op_name(state.params.op));
    j["params"] = params;
    j["stride_follows_kernel"] = state.stride_follows_kernel;
    j["step"] = playback.step;
    j["steps"] = step_count(state);
    j["playing"] = playback.playing;
    j["speed"] = playback.speed;
    j["zoom"] = state.zoom;
    j["ui_scale"] = state.ui_scale;
    j["can_undo"] = state.history.can_undo();
    j["can_redo"] = state.history.can_redo();
    json errors = json::array();
    for (const Error& e : state.errors)
        errors.push_back({{"field", e.field}, {"message", e.message}});
    j["errors"] = errors;
    if (state.plan) {
        const Shape& out = state.plan->output;
        j["output_shape"] = {out.c, out.h, out.w};
        j["output"] = json::parse(tensor_to_json(state.output.values));
        const OutputCell cell = cell_of_step(state, playback.step);
        j["output_cell"] = {{"oh", cell.oh}, {"ow", cell.ow}};
    } else {
        j["output_shape"] = nullptr;
        j["output"] = nullptr;
        j["output_cell"] = nullptr;
    }
    if (state.editor.selected) {
        const InputCellRef& s = *state.editor.selected;
        j["selected"] = {{"c", s.c}, {"h", s.h}, {"w", s.w}, {"editing", state.editor.editing}};
    } else {
        j["selected"] = nullptr;
    }
    j["status"] = state.status;
    json anchors = json::object();
    for (const auto& [name, r] : state.anchors)
        anchors[name] = {r.x, r.y, r.w, r.h};
    j["anchors"] = anchors;
    j["lesson"] = lesson_report(state.lessons);
    add_shell_state(j);  // presentation mode, help overlay, window size (presentation.cpp)
    return j;
}

bool write_state_file(const AppState& state, const Playback& playback, const std::string& path,
                      uint64_t sequence) {
    nlohmann::json j = state_to_json(state, playback);
    j["sequence"] = sequence;
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp);
        if (!out) return false;
        out << j.dump(1) << "\n";
        if (!out) return false;
    }
    return std::rename(tmp.c_str(), path.c_str()) == 0;
}

}  // namespace poolscope::app
