// JSON state report (see state_report.h).
#include "testing/state_report.h"

#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8
#include "poolscope/json_params.h"
#include "poolscope/json_tensor.h"

#include "gpu/gpu_pooler.h"
#include "i18n/i18n.h"
#include "model/paths.h"
#include "platform/window.h"
#include "shell/shell.h"
#include "testing/ui_probe.h"

namespace poolscope::app {

namespace {

// The lesson part: file, step (0-based), steps, badge, dirty, errors, the unsaved-changes question.
nlohmann::json lesson_report(const AppState& state, const UiProbe& probe) {
    using nlohmann::json;
    const LessonPlayer& player = state.lessons;
    const LessonSession& s = player.session;
    json j;
    j["browser_open"] = player.browser_open;
    j["unsaved_modal"] = probe.unsaved_modal_shown;
    j["conflict_modal"] = probe.conflict_modal_shown;
    j["message"] = player.message;
    j["recent"] = player.recent.paths;
    if (player.failed_open) {
        json errors = json::array();
        for (const Error& e : player.failed_open->errors)
            errors.push_back({{"field", e.field}, {"message", e.message}});
        j["open_failed"] = {{"file", player.failed_open->path.string()}, {"errors", errors}};
    }
    if (!is_open(s)) {
        j["file"] = nullptr;
        return j;
    }
    j["file"] = s.path.string();
    j["title"] = s.lesson->title.en;
    j["step"] = s.step;
    j["steps"] = step_total(s);
    j["kind"] = current_step(s)->kind == StepKind::kShape ? "shape" : "pool";
    const StepBadge badge = window_badge(s, state);  // as the lesson column states it
    j["badge"] = badge == StepBadge::kMatches    ? "matches"
                 : badge == StepBadge::kDiffers  ? "differs"
                 : badge == StepBadge::kNotShown ? "not_shown"
                                                 : "none";
    j["window_shows_step"] = window_shows_step(s, state);
    j["dirty"] = s.dirty;
    json errors = json::array();
    for (const Error& e : s.load_errors)
        errors.push_back({{"field", e.field}, {"message", e.message}});
    j["load_errors"] = errors;
    json warnings = json::array();
    for (const Error& w : s.lesson->warnings)
        warnings.push_back({{"field", w.field}, {"message", w.message}});
    j["warnings"] = warnings;
    j["generation"] = s.generation;
    return j;
}

// Presentation mode, help overlay, theme, fonts, data folders, window and monitor size.
void add_shell_state(const Shell& s, const AppState& state, nlohmann::json& j) {
    j["presentation"] = s.presentation;
    j["help_open"] = s.help_open;
    j["theme"] = s.presentation ? "high_contrast" : theme_name(s.settings.theme);
    j["content_scale"] = s.content_scale;
    j["has_cjk_font"] = s.has_cjk;
    j["settings_file"] = s.dir.empty() ? std::string() : settings_file(s.dir).string();
    // Characters of the current language's table that the UI font would draw as "?": 0 when the atlas is
    // right (tests check it after switching to Chinese).
    if (ImGui::GetCurrentContext() && ImGui::GetFont()) {
        const ImFont* font = ImGui::GetIO().FontDefault ? ImGui::GetIO().FontDefault : ImGui::GetFont();
        int missing = 0;
        auto count_missing = [&](const char* p) {
            while (*p) {
                unsigned c = 0;
                const int n = ImTextCharFromUtf8(&c, p, nullptr);
                if (n <= 0) break;
                p += n;
                if (c >= 0x20 && !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) ++missing;
            }
        };
        for (const TranslationEntry& e : translation_table(current_language()))
            if (s.has_cjk || std::string_view(e.key) != "language.chinese")
                count_missing(e.text);  // not drawn
        // The open lesson in the UI language too: its characters are added to the atlas on demand.
        if (state.lessons.session.lesson) {
            const Lesson& lesson = *state.lessons.session.lesson;
            const Language lang = current_language();
            count_missing(lesson.title.get(lang).c_str());
            for (const LessonStep& step : lesson.steps) {
                count_missing(step.title.get(lang).c_str());
                count_missing(step.narration.get(lang).c_str());
            }
        }
        j["missing_glyphs"] = missing;
    }
    j["menu_language_text"] = tr("menu.language");
    // Where the data came from: an installed copy must use its own prefix (tests/install checks this).
    const std::filesystem::path exe_dir = executable_dir();
    const Result<std::filesystem::path> shaders = gpu::find_shader_dir(exe_dir);
    j["data_dirs"] = {{"lessons", lessons_dir(exe_dir).string()},
                      {"assets", assets_dir(exe_dir).string()},
                      {"shaders", shaders ? shaders->string() : std::string()}};
    if (const std::optional<WindowFacts> facts = window_facts(s.window)) {
        j["window_size"] = {facts->width, facts->height};
        j["fullscreen"] = facts->fullscreen;
        if (facts->monitor_width > 0) j["monitor_size"] = {facts->monitor_width, facts->monitor_height};
    }
}

}  // namespace

nlohmann::json state_to_json(const ReportedState& shown) {
    const AppState& state = shown.state;
    const Playback& playback = shown.playback;
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
    for (const auto& [name, r] : shown.probe.anchors)
        anchors[name] = {r.x, r.y, r.w, r.h};
    j["anchors"] = anchors;
    j["lesson"] = lesson_report(state, shown.probe);
    add_shell_state(shown.shell, state, j);
    return j;
}

bool write_state_file(const ReportedState& shown, const std::string& path, uint64_t sequence) {
    nlohmann::json j = state_to_json(shown);
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
