// The layout audit's fixture (label layout): the window's own frame drawn without a display at a screen's
// size, in a language, in normal or presentation mode, every shipped lesson step opened in turn and read back
// through the state report (--state-out's JSON). Shared by layout_audit_test.cpp and layout_targets_test.cpp.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <fontconfig/fontconfig.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include "frame.h"
#include "i18n/i18n.h"
#include "model/lesson_player.h"
#include "panels/row_room.h"
#include "shell/theme.h"
#include "shipped_lessons.h"
#include "testing/state_report.h"
#include "widgets/grid_fit.h"

namespace poolscope::app {

struct Screen {
    int width, height;
    float min_presentation_cell;  // for a 4×4 input step; 0: presentation mode is not audited there
};

constexpr Screen kScreens[] = {{1280, 720, 36.0f}, {1366, 768, 0.0f}, {1280, 800, 0.0f}, {1920, 1080, 48.0f}};
// Normal mode: input cells at least this many UI font sizes, for grids up to kReadableGrid cells a side
// (the padding ring included) — digits a student reads without leaning in.
constexpr float kReadableFonts = 1.6f;
constexpr int64_t kReadableGrid = 8;

class LayoutAudit : public ::testing::Test {
  protected:
    void SetUp() override {
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        a.state = make_default_state();
        a.shell.save_enabled = false;
    }
    void TearDown() override {
        ImGui::DestroyContext();
        set_language(Language::kEnglish);
        FcFini();  // fontconfig keeps its parsed configuration until told otherwise (LeakSanitizer)
    }

    // Fonts and style at the shell's scale, as main.cpp builds them before a frame.
    void rebuild_fonts() {
        load_fonts(a.fonts, font_scale(a.shell, a.state.view));
        apply_theme(high_contrast(a.shell, a.state.view), font_scale(a.shell, a.state.view));
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }

    void start(const Screen& screen, Language language, bool presentation) {
        ImGui::GetIO().DisplaySize =
            ImVec2(static_cast<float>(screen.width), static_cast<float>(screen.height));
        set_language(language);
        if (presentation != a.state.view.presentation) toggle_presentation(a.shell, a.state.view);
        rebuild_fonts();
    }

    // Draws until the rows settled (and animations ended, as a --screenshot does), then reads the report.
    nlohmann::json settle_and_report() {
        // The rows may try the column beside the matrices (row_room.h), presentation a text column beside a
        // tall grid, a wider lesson column: a step settles in a few frames (frames_used says how many).
        for (int i = 0; i < 40; ++i) {
            if (a.state.view.fonts_need_rebuild) a.state.view.fonts_need_rebuild = false, rebuild_fonts();
            FrameInput input;
            input.dt = 1.0f;
            input.now = ImGui::GetTime();
            ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
            const FrameResult result = run_frame(a, std::move(input));
            frames_used = i + 1;
            if (i >= 2 && !result.layout_changed && !a.state.view.fonts_need_rebuild) break;
        }
        return state_to_json({a.state, a.playback, a.shell, a.probe});
    }

    // The main window's panels that drew wider than they are this frame (a horizontal scrollbar under them):
    // the matrices card, the rows under it, the lesson column.
    static std::vector<std::string> panels_scrolling_sideways() {
        std::vector<std::string> found;
        for (const ImGuiWindow* w : GImGui->Windows) {
            const std::string name = w->Name;
            // (a network's flattened maps, a 1 × 400 strip, scroll by design)
            if (w->WasActive && w->ScrollbarX && name.find("###main/") != std::string::npos &&
                name.find("map_") == std::string::npos)
                found.push_back(name.substr(name.find("###main/") + 8));
        }
        return found;
    }

    // Every problem of one drawn step, worded for the failure message; empty when the screen is right.
    std::vector<std::string> audit(const nlohmann::json& report, const std::string& where, float min_cell) {
        std::vector<std::string> problems;
        for (const auto& c : report["layout"]["clipped_text"])
            problems.push_back(where + ": clipped in " + c["panel"].get<std::string>() + ": \"" +
                               c["text"].get<std::string>() + "\"");
        const nlohmann::json& lesson = report["lesson"];
        const std::string badge = lesson.value("badge", "none");
        const LessonStep* step = current_step(a.state.lessons.session);
        if (badge == "differs")
            problems.push_back(where + ": the window differs from the step's expected result");
        // Every framework's step is planned under its own convention in the window, so a freshly opened
        // step is always what the window shows.
        if (badge == "not_shown" ||
            (step && !window_shows_step(a.state.lessons.session, a.state.doc, a.state.gradient)))
            problems.push_back(where + ": the window does not show the step");
        const Shape in = a.state.doc.input.shape();
        const float cell = report["layout"]["cell_px"].get<float>();
        // A 4×4 input (the brief's classroom case), one channel or two (lesson 03): held to 36 px at
        // 1280×720 and 48 px at 1920×1080. More channels share the width and are only reported.
        const bool four_by_four = in.h == 4 && in.w == 4;
        const bool held = four_by_four && (in.c <= 2 || min_cell >= 48.0f);
        if (min_cell > 0 && four_by_four && !held && cell < min_cell)
            std::printf("note: %s: %d channels, cell %.1f px\n", where.c_str(), static_cast<int>(in.c), cell);
        if (min_cell > 0 && held) ++cells_checked;
        if (min_cell > 0 && held && cell < min_cell)
            problems.push_back(where + ": presentation cell " + std::to_string(cell) + " px < " +
                               std::to_string(min_cell));
        // Normal mode, the matrices view: the drawn grid (ring included, as the matrices panel fitted it this
        // frame; none when the Image view is in front).
        const GridFitInput& grid = a.measured.grids;
        if (!a.state.view.presentation && report["gradient"].value("pass", "forward") == "forward" &&
            grid.in_rows > 0 && grid.in_rows <= kReadableGrid && grid.in_cols <= kReadableGrid) {
            const float readable = kReadableFonts * a.fonts.ui->FontSize;
            // Several channels share the matrices' width: at 1280 wide with a lesson open, two or three
            // 6×6 channels get about 21-25 px. Those are reported, not held.
            if (in.c > 1 && cell < readable)
                std::printf("note: %s: %d channels, cell %.1f px\n", where.c_str(), static_cast<int>(in.c),
                            cell);
            if (in.c == 1) ++readable_checked;
            if (in.c == 1 && cell < readable)
                problems.push_back(where + ": input cell " + std::to_string(cell) + " px < " +
                                   std::to_string(readable) + " for a " + std::to_string(grid.in_rows) + "x" +
                                   std::to_string(grid.in_cols) + " grid");
        }
        return problems;
    }

    // Every step of every shipped lesson on one screen and language; returns the problems and counts steps.
    std::vector<std::string> audit_lessons(const Screen& screen, Language language, bool presentation,
                                           size_t max_steps_per_lesson, int& drawn) {
        std::vector<std::string> problems;
        for (const std::filesystem::path& file : shipped_lessons()) {
            for (size_t step = 0; step < max_steps_per_lesson; ++step) {
                if (!open_lesson_now(a.state, a.playback, file, step)) {
                    problems.push_back(file.filename().string() + ": does not open");
                    break;
                }
                if (a.state.lessons.session.step != step) break;  // past the last step
                const nlohmann::json report = settle_and_report();
                const std::string where = file.filename().string() + " step " + std::to_string(step + 1) +
                                          " (" + language_code(language) + ", " +
                                          std::to_string(screen.width) + "x" + std::to_string(screen.height) +
                                          (presentation ? ", presentation" : "") + ")";
                for (std::string& p :
                     audit(report, where, presentation ? screen.min_presentation_cell : 0.0f))
                    problems.push_back(std::move(p));
                ++drawn;
            }
        }
        return problems;
    }

    // A left click at `at`, as a hand would: move there, press, release.
    void click_at(ImVec2 at) {
        ImGuiIO& io = ImGui::GetIO();
        for (const bool down : {false, false, true, false, false}) {
            io.MousePos = at, io.MouseDown[0] = down;
            FrameInput input;
            input.dt = 1.0f / 60.0f;
            input.now = ImGui::GetTime();
            io.DeltaTime = 1.0f / 60.0f;
            run_frame(a, std::move(input));
        }
    }

    App a;
    int frames_used = 0;       // frames the last settle_and_report() drew until nothing moved (40: never)
    int cells_checked = 0;     // presentation steps with a 4×4 input whose cell size was checked
    int readable_checked = 0;  // normal-mode steps whose input cell size was held to kReadableFonts
};

inline std::string joined(const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines)
        text += "  " + line + "\n";
    return text;
}

}  // namespace poolscope::app
