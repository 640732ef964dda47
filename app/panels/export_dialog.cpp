// File → Export…: GIF, PNG or SVG of the current window or the whole step, light or dark, a cell size, the
// path through the file dialog (panels/file_dialog_window.h). The picture is what the window shows: the
// matrices of the Forward view, or the Backward view's grids with the grad_output on screen, or the
// output-size walkthrough (chosen by default on a shape step); a legend of the marks it uses on request. The
// scene is made on the UI thread (it reads the state and the translation tables); painting and writing run as
// background work (platform/background_work.h: a worker thread, or slices between frames in the browser) on
// the job's own copy, so the window keeps drawing, and Cancel stops it between frames. "Copy as code" is in
// panels/edit_commands.h.
#include <imgui.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "export/export_job.h"
#include "i18n/i18n.h"
#include "model/quiz_session.h"
#include "panels/file_dialog_window.h"
#include "panels/panels.h"
#include "platform/background_work.h"
#include "platform/file_offer.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {
namespace {

constexpr const char* kExtensions[] = {".gif", ".png", ".svg"};

// One running export: the background work steps `job` until it is over; the UI reads `progress` meanwhile.
struct ExportRun {
    ExportProgress progress;
    std::unique_ptr<ExportJob> job;
    std::string path;
};

// File → Export…: the choices, kept between openings, and the export running in the background.
struct ExportDialog final : Window {
    ExportDialog()
        : Window({"export", Placement::kDialog, "export.title", nullptr, Menu::kFile, "menu.export"}) {}
    void draw(PanelContext& ctx) override;
    bool menu_enabled(const PanelContext& ctx) const override {
        return ctx.state.computed.plan.has_value() || ctx.state.lessons.shape_step.has_value();
    }

    bool shown = false;  // open in the view last frame
    int format = 0;      // index into kExtensions
    int range = 0;       // 0: the current window, 1: the whole step
    bool smooth = false;
    int theme = 0;  // 0 light, 1 dark
    int cell = 48;
    int show = 0;         // 0: the matrices as the view shows them (Forward or Backward), 1: the walkthrough
    bool legend = false;  // explain the marks the picture uses
    uint64_t shown_generation = ~uint64_t{0};  // the lesson step `show` was chosen for
    std::string path;
    std::unique_ptr<ExportRun> run;
    BackgroundWork work;

    ~ExportDialog() override {  // the app closes during an export: stop it and wait
        if (run) run->progress.cancel = true;
        work.wait();
    }
};

std::string with_extension(const std::string& path, int format) {
    std::filesystem::path p =
        path.empty() ? std::filesystem::path("poolscope-export") : std::filesystem::path(path);
    p.replace_extension(kExtensions[format]);
    return p.string();
}

// The current lesson step when it is a shape step (its walkthrough is what it is about).
const LessonStep* shape_step(const AppState& state) {
    const LessonStep* step = current_step(state.lessons.session);
    return step && step->kind == StepKind::kShape ? step : nullptr;
}

// What the window shows, as a scene request: the walkthrough of the layer on screen (a shape step too large
// for the editor: the step's, as the lesson column shows it), or the matrices of the pass on screen.
SceneRequest request_for(const AppState& state, const ExportDialog& d) {
    SceneRequest request;
    request.input = state.doc.input;
    request.layer = layer_of(state.doc);
    request.language = current_language();
    request.theme = d.theme ? ExportTheme::kDark : ExportTheme::kLight;
    request.cell = static_cast<float>(d.cell);
    request.legend = d.legend;
    if (d.show == 1) {
        request.view = SceneView::kWalkthrough;
        request.sizes = state.doc.input.shape();
        if (const std::optional<ShapeStepPlan>& shape = state.lessons.shape_step) {
            request.sizes = shape->input;
            request.layer = shape->plan ? shape->plan->layer : LayerSpec{};
            request.layer.params = shape->params;
        }
        if (const LessonStep* step = shape_step(state)) request.title = step->title.get(request.language);
        return request;
    }
    if (state.gradient.pass == PassView::kBackward) {  // the grad_output the student sees (maybe edited)
        request.view = SceneView::kBackward;
        request.grad_output = state.gradient.grad_output;
    }
    request.smooth = d.smooth && d.format == 0 && request.view == SceneView::kForward;
    return request;
}

void start_export(PanelContext& ctx, ExportDialog& d) {
    const AppState& state = ctx.state;
    if (quiz_hidden(state.quiz).any()) {  // the picture draws every output: not while one is asked (issue 26)
        set_status(ctx.state.interaction, tr("status.export_hidden_by_quiz"), true);
        return;
    }
    Result<ExportScene> scene = make_scene(request_for(state, d));
    if (!scene) {  // no output, or a lesson's input larger than an export draws: say which
        char text[512];
        std::snprintf(
            text, sizeof text, tr("export.failed_fmt"),
            ctx.state.computed.plan || d.show == 1 ? scene.error_text().c_str() : tr("export.nothing"));
        set_status(ctx.state.interaction, text, true);
        return;
    }
    ExportOptions options;
    options.format = d.format == 0   ? ExportFormat::kGif
                     : d.format == 1 ? ExportFormat::kPng
                                     : ExportFormat::kSvg;
    options.out = with_extension(d.path, d.format);
    if (d.format != 0 && d.range == 0) options.frame = frame_of_step(*scene, ctx.playback.step);
    d.run = std::make_unique<ExportRun>();
    d.run->path = options.out.string();
    d.run->progress.total = static_cast<int>(scene->frames.size());
    d.run->job = std::make_unique<ExportJob>(std::move(scene).value(), std::move(options), &d.run->progress);
    d.work.start([job = d.run->job.get()] { return job->step(); });
}

// The work is done: say how it went in the status line, hand the files over (downloads in the browser).
void finish_export(PanelContext& ctx, ExportDialog& d) {
    d.work.wait();
    const Result<ExportSummary>& result = d.run->job->result();
    char text[512];
    if (!result) {
        std::snprintf(text, sizeof text, tr("export.failed_fmt"), result.error_text().c_str());
        set_status(ctx.state.interaction, text, true);
    } else if (result->cancelled) {
        set_status(ctx.state.interaction, tr("export.cancelled"), false);
    } else {
        std::snprintf(text, sizeof text, tr("export.done_fmt"), d.run->path.c_str(), result->frames);
        set_status(ctx.state.interaction, text, false);
        offer_files(d.run->job->files());
        close_dialog(ctx, d.info().id);
    }
    d.run.reset();
}

void draw_choices(PanelContext& ctx, ExportDialog& d) {
    ImGui::TextUnformatted(tr("export.show"));
    ImGui::SameLine();
    const bool backward = ctx.state.gradient.pass == PassView::kBackward;
    ImGui::RadioButton(tr(backward ? "export.show_backward" : "export.show_forward"), &d.show, 0);
    remember_item(ctx.probe, "export.show.matrices");
    ImGui::SameLine();
    ImGui::RadioButton(tr("export.show_walkthrough"), &d.show, 1);
    remember_item(ctx.probe, "export.show.walkthrough");
    ImGui::TextUnformatted(tr("export.format"));
    for (int i = 0; i < 3; ++i) {
        ImGui::SameLine();
        const char* names[] = {"GIF", "PNG", "SVG"};
        if (ImGui::RadioButton(names[i], d.format == i)) d.format = i, d.path = with_extension(d.path, i);
        remember_item(ctx.probe, (std::string("export.format.") + (kExtensions[i] + 1)).c_str());
    }
    if (d.format == 0 && d.show == 0 && !backward) {
        ImGui::Checkbox(tr("export.smooth"), &d.smooth);
    } else if (d.format != 0 && d.show == 0) {
        ImGui::TextUnformatted(tr("export.range"));
        ImGui::SameLine();
        ImGui::RadioButton(tr("export.range_current"), &d.range, 0);
        ImGui::SameLine();
        ImGui::RadioButton(tr("export.range_step"), &d.range, 1);
    }
    ImGui::TextUnformatted(tr("export.theme"));
    ImGui::SameLine();
    ImGui::RadioButton(tr("export.theme_light"), &d.theme, 0);
    ImGui::SameLine();
    ImGui::RadioButton(tr("export.theme_dark"), &d.theme, 1);
    remember_item(ctx.probe, "export.theme.dark");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    ImGui::SliderInt(tr("export.cell"), &d.cell, 16, 160);
    ImGui::Checkbox(tr("export.legend"), &d.legend);
    remember_item(ctx.probe, "export.legend");
    ImGui::TextUnformatted(tr("export.path"));
    ImGui::SameLine();
    char buffer[1024];
    std::snprintf(buffer, sizeof buffer, "%s", d.path.c_str());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
    if (ImGui::InputText("##export_path", buffer, sizeof buffer)) d.path = buffer;
    remember_item(ctx.probe, "export.path");
    ImGui::SameLine();
    const bool pressed_choose = ImGui::Button(tr("export.choose"));
    remember_item(ctx.probe, "export.choose");
    if (pressed_choose) {
        // One dialog at a time: the export steps aside for the file dialog and comes back with its choice
        // (or as it was, on Cancel).
        const std::filesystem::path current(d.path);
        FileRequest request;
        request.purpose = FilePurpose::kExport;
        request.dir = current.has_parent_path() ? current.parent_path() : std::filesystem::path(".");
        request.name = current.filename().string();
        request.extensions = kExtensions[d.format];
        request.title_key = "export.choose_title";
        close_dialog(ctx, d.info().id);
        ask_for_file(
            ctx, std::move(request), "export",
            [&d](PanelContext& c, const std::filesystem::path& path) {
                d.path = with_extension(path.string(), d.format);
                open_window(c.state.view, d.info().id);
            },
            [&d](PanelContext& c) { open_window(c.state.view, d.info().id); });
    }
}

void ExportDialog::draw(PanelContext& ctx) {
    ExportDialog& d = *this;
    const bool opening = !std::exchange(shown, window_open(ctx.state.view, info().id)) && shown;
    if (opening && d.path.empty())
        d.path = (std::filesystem::current_path() / ("poolscope-export" + std::string(kExtensions[d.format])))
                     .string();
    // A shape step is about its walkthrough: the picture follows the step when it changed since the last
    // opening (coming back from Choose… keeps the choice).
    const uint64_t generation = ctx.state.lessons.session.generation;
    if (opening && generation != d.shown_generation) d.show = shape_step(ctx.state) ? 1 : 0;
    if (opening) d.shown_generation = generation;
    if (!begin_dialog(ctx, info().id, tr(info().title_key), ImGuiWindowFlags_AlwaysAutoResize)) return;
    if (!d.run) {
        draw_choices(ctx, d);
        ImGui::Separator();
        const bool asked = quiz_hidden(ctx.state.quiz).any();
        if (asked) {
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
            ImGui::TextDisabled("%s", tr("status.export_hidden_by_quiz"));
            ImGui::PopTextWrapPos();
        }
        ImGui::BeginDisabled(asked);
        if (ImGui::Button(tr("export.go"))) start_export(ctx, d);
        ImGui::EndDisabled();
        remember_item(ctx.probe, "export.go");
        ImGui::SameLine();
        if (ImGui::Button(tr("export.close"))) close_dialog(ctx, info().id);
        remember_item(ctx.probe, "export.close");
    } else {
        const int done = d.run->progress.done, total = std::max(1, d.run->progress.total.load());
        char label[128];
        std::snprintf(label, sizeof label, tr("export.progress_fmt"), done, total);
        ImGui::ProgressBar(static_cast<float>(done) / static_cast<float>(total),
                           ImVec2(ImGui::GetFontSize() * 24, 0), label);
        if (ImGui::Button(tr("export.cancel"))) d.run->progress.cancel = true;
        remember_item(ctx.probe, "export.cancel");
        ctx.state.interaction.anim.active =
            true;  // keep drawing frames (at the animation rate) while the work runs
        d.work.pump();
        if (d.work.finished()) finish_export(ctx, d);
    }
    ImGui::EndPopup();
}

}  // namespace

std::unique_ptr<Window> make_export_dialog() {
    return std::make_unique<ExportDialog>();
}

}  // namespace poolscope::app
