// JSON state report (see state_report.h).
#include "testing/state_report.h"

#include <algorithm>
#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8
#include "poolscope/json_params.h"
#include "poolscope/json_tensor.h"

#include "gpu/gpu_pooler.h"
#include "i18n/i18n.h"
#include "i18n/quiz_text.h"
#include "model/framework_compare.h"
#include "model/network_model.h"
#include "model/paths.h"
#include "panels/file_dialog_window.h"
#include "platform/startup_phases.h"
#include "platform/window.h"
#include "shell/copy_link.h"
#include "shell/shell.h"
#include "testing/probe_record.h"

namespace poolscope::app {

namespace {

// The Network view as it was drawn (what the panel told the probe, network.*: the cards' code, shape,
// parameters and error as shown — "?" where a question hides them — the chosen cell and the receptive field
// highlighted on each map, "rows;columns" as inclusive runs), beside the document's network as JSON.
nlohmann::json network_report(const AppState& state, const ProbeRecord& probe) {
    using nlohmann::json;
    const bool shown = network_view_shown(state.lessons.session, state.view);
    json j = {{"shown", shown}};
    j["network"] =
        state.doc.network ? json::parse(network_to_json(*state.doc.network).dump()) : json(nullptr);
    const auto fact = [&](const std::string& name) -> json {
        const auto it = probe.shown_text.find(name);
        return it == probe.shown_text.end() ? json(nullptr) : json(it->second);
    };
    if (!shown) return j;
    json cards = json::array();
    for (size_t i = 0;; ++i) {
        const std::string card = "network.card." + std::to_string(i) + ".";
        if (fact(card + "name").is_null()) break;
        json c;
        for (const char* key : {"name", "code", "shape", "parameters", "state", "error", "refused"})
            c[key] = fact(card + key);
        c["highlight"] = fact("network.highlight." + std::to_string(i));
        cards.push_back(c);
    }
    j["cards"] = cards;
    j["input"] = fact("network.input");
    j["total_parameters"] = fact("network.total_parameters");
    j["selected"] = fact("network.selected");
    j["hover"] = fact("network.hover");
    j["field_text"] = fact("network.field.text");
    j["field_rows"] = fact("network.field.input_rows");
    j["field_cols"] = fact("network.field.input_cols");
    j["input_highlight"] = fact("network.highlight.input");
    std::string visible;  // every fact as shown, for "is this answer anywhere on screen?"
    for (const auto& [name, text] : probe.shown_text)
        if (name.rfind("network.", 0) == 0) visible += text + "\n";
    j["visible_text"] = visible;
    return j;
}

// The A/B view as it was drawn (issue 29; what panels/ab_view.cpp told the probe, abview.*): each side's code
// and output size ("?" while a shape question hides it), the reasons with their cells, what is outlined.
nlohmann::json ab_report(const View& view, const ProbeRecord& probe) {
    using nlohmann::json;
    json j = {{"open", window_open(view, window_id::kAbSettings)}};
    const auto fact = [&](const std::string& name) -> json {
        const auto it = probe.shown_text.find(name);
        return it == probe.shown_text.end() ? json(nullptr) : json(it->second);
    };
    for (const char* key :
         {"mode", "field", "a.code", "b.code", "a.shape", "b.shape", "highlight", "reasons_held_back"})
        j[key] = fact(std::string("abview.") + key);
    json reasons = json::array();
    for (size_t i = 0; !fact("abview.reason." + std::to_string(i)).is_null(); ++i) {
        const std::string r = "abview.reason." + std::to_string(i);
        reasons.push_back({{"text", fact(r)},
                           {"cells", fact(r + ".cells")},
                           {"place", fact(r + ".place")},
                           {"marked", !fact(r + ".marked").is_null()}});
    }
    j["reasons"] = reasons;
    return j;
}

// The lesson part: file, step (0-based), steps, badge, dirty, errors, the unsaved-changes question.
nlohmann::json lesson_report(const AppState& state) {
    using nlohmann::json;
    const LessonPlayer& player = state.lessons;
    const LessonSession& s = player.session;
    json j;
    j["browser_open"] = window_open(state.view, window_id::kLessonBrowser);
    j["browser_selected"] = player.browser_selected.filename().string();
    j["unsaved_modal"] = window_open(state.view, window_id::kUnsavedQuestion);
    j["conflict_modal"] = window_open(state.view, window_id::kConflictQuestion);
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
    const StepKind kind = current_step(s)->kind;
    j["kind"] = kind == StepKind::kShape ? "shape" : kind == StepKind::kNetwork ? "network" : "pool";
    const StepBadge badge = window_badge(s, state.doc, state.gradient);  // as the lesson column states it
    j["badge"] = badge == StepBadge::kMatches    ? "matches"
                 : badge == StepBadge::kDiffers  ? "differs"
                 : badge == StepBadge::kNotShown ? "not_shown"
                                                 : "none";
    j["window_shows_step"] = window_shows_step(s, state.doc, state.gradient);
    j["dirty"] = s.dirty;
    j["step_title"] = current_step(s)->title.en;
    j["step_title_zh"] = current_step(s)->title.zh;
    j["narration"] = current_step(s)->narration.en;
    j["narration_zh"] = current_step(s)->narration.zh;
    j["lesson_undo"] = s.history.undo.size();
    j["questions"] = current_step(s)->quiz.size();  // the step's quiz as the lesson holds it
    j["author_open"] = player.author_open;
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
void add_shell_state(const Shell& s, const View& view, const LessonPlayer& lessons, nlohmann::json& j) {
    j["presentation"] = view.presentation;
    j["help_open"] = window_open(view, window_id::kHelp);
    j["start_card"] = window_open(view, window_id::kStartCard);
    j["theme"] = view.presentation ? "high_contrast" : theme_name(s.settings.theme);
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
        if (lessons.session.lesson) {
            const Lesson& lesson = *lessons.session.lesson;
            const Language lang = current_language();
            count_missing(lesson.title.get(lang).c_str());
            for (const LessonStep& step : lesson.steps) {
                count_missing(step.title.get(lang).c_str());
                count_missing(step.narration.get(lang).c_str());
                count_missing(step.reveal.get(lang).c_str());
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

// The Backward and Unpool views as drawn: the pass shown, grad_output, the running grad_input (what the
// grad_input grid shows now) and the whole one, the unpooled matrix.
nlohmann::json gradient_report(const GradientView& g) {
    using nlohmann::json;
    json j;
    j["pass"] = g.pass == PassView::kForward    ? "forward"
                : g.pass == PassView::kBackward ? "backward"
                                                : "unpool";
    j["grad_output"] = g.result ? json::parse(tensor_to_json(g.grad_output)) : json();
    j["grad_input_shown"] = g.result ? json::parse(tensor_to_json(g.running)) : json();
    j["grad_input"] = g.result ? json::parse(tensor_to_json(g.result->grad_input)) : json();
    j["unpooled"] = g.unpooled ? json::parse(tensor_to_json(*g.unpooled)) : json();
    json errors = json::array();
    for (const Error& e : g.errors)
        errors.push_back({{"field", e.field}, {"message", e.message}});
    j["errors"] = errors;
    return j;
}

// The quiz cards as shown: kind, the cell asked about, attempts, the last verdict and its hint as worded.
nlohmann::json quiz_report(const QuizSession& quiz, const Computed& computed) {
    using nlohmann::json;
    json cards = json::array();
    for (const QuizCard& card : quiz.cards) {
        json c;
        c["id"] = card.id;
        c["kind"] = std::string(question_kind_name(card.question.kind));
        c["cell"] = {card.question.cell.oh, card.question.cell.ow};
        c["attempts"] = card.attempts;
        c["revealed"] = card.revealed;
        c["correct"] = card.verdict ? json(card.verdict->correct) : json();
        c["hint"] =
            quiz_text(card_hint(card, current_language()));  // as drawn (a choice by its option's text)
        cards.push_back(c);
    }
    json errors = json::array();
    for (const Error& e : quiz.errors)
        errors.push_back(e.message);
    return {{"mode", quiz.quiz_mode},
            {"hides_current", quiz_hides_current_value(quiz, computed)},
            {"cards", cards},
            {"errors", errors}};
}

// The window's framework (issue 11: the state says the active convention) and its own options: TensorFlow's
// padding word, ONNX's auto_pad / pads / storage_order, MXNet's pooling_convention, count_include_pad for
// average pooling; "code" is the layer as the framework writes it.
void add_convention(const Document& doc, const View& view, nlohmann::json& j) {
    const LayerSpec layer = layer_of(doc);
    const PoolParams& p = layer.params;
    j["convention"] = std::string(convention_name(doc.convention));
    nlohmann::json options = nlohmann::json::object();
    switch (doc.convention) {
        case Convention::kPyTorch:
            break;
        case Convention::kTensorFlow:
            options["padding"] = std::string(pad_mode_name(doc.convention, doc.pad_mode));
            break;
        case Convention::kOnnx:
            options["auto_pad"] = doc.pad_mode == PadMode::kExplicit
                                      ? std::string("notset")
                                      : std::string(pad_mode_name(doc.convention, doc.pad_mode));
            options["pads"] = {p.padding.top, p.padding.left, p.padding.bottom, p.padding.right};
            options["storage_order"] = doc.storage_order;
            break;
        case Convention::kMxnet:
            options["pooling_convention"] = p.ceil_mode ? "full" : "valid";
            break;
    }
    if (p.op == PoolOp::kAvg) options["count_include_pad"] = p.count_include_pad;
    j["convention_options"] = options;
    j["layer_code"] = layer_code(layer);
    j["compare_open"] = window_open(view, window_id::kCompare);
    if (!window_open(view, window_id::kCompare)) return;
    // What the compare view shows: per framework the shape, values, refusal codes and difference codes.
    const FrameworkCompare compare = compare_frameworks(doc);
    nlohmann::json columns = nlohmann::json::array();
    for (const FrameworkColumn& c : compare.columns) {
        nlohmann::json col;
        col["convention"] = std::string(convention_name(c.layer.convention));
        col["code"] = c.code;
        col["output_shape"] = c.plan ? nlohmann::json{c.plan->output.c, c.plan->output.h, c.plan->output.w}
                                     : nlohmann::json(nullptr);
        col["output"] =
            c.plan ? nlohmann::json::parse(tensor_to_json(c.output.values)) : nlohmann::json(nullptr);
        nlohmann::json codes = nlohmann::json::array(), errors = nlohmann::json::array();
        for (const Difference& d : c.differences)
            codes.push_back(d.code);
        for (const Error& e : c.errors)
            errors.push_back(e.code);
        col["differences"] = codes;
        col["errors"] = errors;
        col["shape_differs"] = c.shape_differs;
        col["values_differ"] = std::count(c.value_differs.begin(), c.value_differs.end(), true);
        columns.push_back(col);
    }
    j["compare"] = {{"reference", compare.reference}, {"columns", columns}};
}

}  // namespace

namespace {

using json = nlohmann::json;

// The file dialog: up or not, who asked, the folder, what it lists, the selection, the name, the problem.
json file_dialog_report(const FileDialogWindow& dialog, const View& view) {
    const FileDialogModel& m = dialog.model;
    json entries = json::array();
    for (const DirEntry& e : m.entries)
        entries.push_back(e.is_dir ? e.name + "/" : e.name);
    const char* purposes[] = {"open", "save", "export"};
    return {{"open", window_open(view, FileDialogWindow::kId)},
            {"asked_by", dialog.asked_by},
            {"purpose", purposes[static_cast<int>(m.request.purpose)]},
            {"dir", m.dir.string()},
            {"entries", entries},
            {"other_files", m.other_files},
            {"selected", m.selected ? json(m.entries[*m.selected].name) : json(nullptr)},
            {"name", m.name},
            {"problem", static_cast<int>(m.problem)},
            {"overwrite", m.overwrite ? json(m.overwrite->string()) : json(nullptr)}};
}

}  // namespace

nlohmann::json state_to_json(const ReportedState& shown) {
    const AppState& state = shown.state;
    const Playback& playback = shown.playback;
    using nlohmann::json;
    json j;
    const Shape& in = state.doc.input.shape();
    j["frame"] = shown.frame;
    j["first_frame_ms"] = shown.startup ? shown.startup->first_frame_ms() : 0.0;  // since main() began
    if (shown.startup) {  // each step's end, in milliseconds since main() began
        json steps = json::array();
        for (const auto& [step, ms] : shown.startup->ends)
            steps.push_back({{"step", step}, {"ms", ms}});
        j["startup_ms"] = std::move(steps);
    }
    j["language"] = language_code(current_language());
    j["input_shape"] = {in.c, in.h, in.w};
    j["input"] = json::parse(tensor_to_json(state.doc.input));
    json params = json::object();
    params_to_json(state.doc.params, params);
    params["op"] = std::string(op_name(state.doc.params.op));
    j["params"] = params;
    j["stride_follows_kernel"] = state.doc.stride_follows_kernel;
    add_convention(state.doc, state.view, j);
    j["step"] = playback.step;
    j["steps"] = step_count(state.computed);
    j["playing"] = playback.playing;
    j["speed"] = playback.speed;
    j["zoom"] = state.view.zoom;
    j["ui_scale"] = state.view.ui_scale;
    j["can_undo"] = state.doc.history.can_undo();
    j["can_redo"] = state.doc.history.can_redo();
    json errors = json::array();
    for (const Error& e : state.computed.errors)
        errors.push_back({{"field", e.field}, {"message", e.message}, {"code", e.code}});
    j["errors"] = errors;
    if (state.computed.plan) {
        const Shape& out = state.computed.plan->output;
        j["output_shape"] = {out.c, out.h, out.w};
        j["output"] = json::parse(tensor_to_json(state.computed.output.values));
        const OutputCell cell = cell_of_step(state.computed, playback.step);
        j["output_cell"] = {{"oh", cell.oh}, {"ow", cell.ow}};
    } else {
        j["output_shape"] = nullptr;
        j["output"] = nullptr;
        j["output_cell"] = nullptr;
    }
    if (state.interaction.editor.selected) {
        const InputCellRef& s = *state.interaction.editor.selected;
        j["selected"] = {{"c", s.c}, {"h", s.h}, {"w", s.w}, {"editing", state.interaction.editor.editing}};
    } else {
        j["selected"] = nullptr;
    }
    j["status"] = state.interaction.status;
    json anchors = json::object();
    for (const auto& [name, r] : shown.probe.anchors)
        anchors[name] = {r.x, r.y, r.w, r.h};
    j["anchors"] = anchors;
    json clipped = json::array();  // key texts the screen cuts off (widgets/text_fit.h)
    for (const ClippedText& c : shown.probe.clipped_text)
        clipped.push_back({{"panel", c.panel}, {"text", c.text}});
    json texts = json::array();  // every text drawn (testing/screen_text.h), grid cells with their place
    for (const ScreenText& t : shown.probe.screen_text) {
        json item = {{"panel", t.panel}, {"text", t.text}};
        if (t.row >= 0) item["cell"] = {t.row, t.col};
        texts.push_back(std::move(item));
    }
    j["layout"] = {{"clipped_text", clipped},
                   {"cell_px", shown.probe.cell_px},
                   {"params_shown", !state.view.presentation || state.view.params_in_presentation},
                   {"panels_shown", shown.probe.panels_shown},
                   {"cell_tooltip", shown.probe.cell_tip},
                   {"rows_beside", shown.probe.rows_beside},
                   {"screen_text", texts}};
    j["lesson"] = lesson_report(state);
    if (shown.file_dialog) j["file_dialog"] = file_dialog_report(*shown.file_dialog, state.view);
    j["network_view"] = network_report(state, shown.probe);
    j["ab_view"] = ab_report(state.view, shown.probe);
    j["gradient"] = gradient_report(state.gradient);
    j["quiz"] = quiz_report(state.quiz, state.computed);
    add_shell_state(shown.shell, state.view, state.lessons, j);
    j["link"] = current_link(shown.shell, state, playback);  // what Edit → Copy link would copy
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
