// The window shell: settings, language, presentation mode, HiDPI, help overlay state (see presentation.h).
#include "presentation.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <vector>

#include <nlohmann/json.hpp>

#include "app_options.h"
#include "app_state.h"
#include "fonts.h"
#include "gpu/gpu_pooler.h"
#include "lesson_ui.h"
#include "model/window_fit.h"
#include "panels/panels.h"
#include "resource_paths.h"
#include "ui_locale.h"
#include "widgets/help.h"

namespace poolscope::app {
namespace {

void save_now(AppState* state) {
    Shell& s = shell();
    if (!s.save_enabled || s.dir.empty()) return;
    std::string error;
    if (!save_settings(s.dir, s.settings, error) && state) {
        set_status(*state, std::string(tr("status.settings_not_saved")) + " " + error, true);
        s.save_enabled = false;  // say it once, not on every change
    }
}

// The monitor holding most of the window (GLFW has no "current monitor" for a windowed window).
GLFWmonitor* monitor_of(GLFWwindow* window) {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    if (count <= 0) return nullptr;
    int wx = 0, wy = 0, ww = 0, wh = 0;
    glfwGetWindowPos(window, &wx, &wy);
    glfwGetWindowSize(window, &ww, &wh);
    GLFWmonitor* best = monitors[0];
    long best_area = -1;
    for (int i = 0; i < count; ++i) {
        const GLFWvidmode* mode = glfwGetVideoMode(monitors[i]);
        if (!mode) continue;
        int mx = 0, my = 0;
        glfwGetMonitorPos(monitors[i], &mx, &my);
        const long w = std::max(0, std::min(wx + ww, mx + mode->width) - std::max(wx, mx));
        const long h = std::max(0, std::min(wy + wh, my + mode->height) - std::max(wy, my));
        if (w * h > best_area) best_area = w * h, best = monitors[i];
    }
    return best;
}

WindowPlacement placement_of(GLFWwindow* window) {
    WindowPlacement p;
    glfwGetWindowPos(window, &p.x, &p.y);
    glfwGetWindowSize(window, &p.width, &p.height);
    return p;
}

bool key_pressed(int key) {
    return ImGui::IsKeyPressed(key, false);
}

}  // namespace

Shell& shell() {
    static Shell s;
    return s;
}

void start_shell(AppState& state, const AppOptions& options) {
    Shell& s = shell();
    s.state = &state;
    s.save_enabled = !options.screenshot_path.has_value();
    s.dir = settings_dir();
    LoadedSettings loaded = load_settings(s.dir);
    s.settings = std::move(loaded.settings);
    if (!s.settings.language) {
        // First start (or a reset file): follow the system locale, and remember the choice.
        s.settings.language = system_language();
        if (!loaded.existed || !loaded.message.empty()) save_now(nullptr);
    }
    if (!loaded.message.empty()) {
        std::cerr << "poolscope: " << loaded.message << "\n";
        save_now(nullptr);  // replace the broken file with the defaults now, not only at exit
    }
    state.language = options.language.value_or(*s.settings.language);
    set_language(state.language);
    if (!loaded.message.empty())
        set_status(state, std::string(tr("status.settings_broken")) + " " + loaded.message, true);
    if (!options.scale_given) state.ui_scale = s.settings.ui_scale;
    s.normal_zoom = state.zoom;
    s.last_scale = state.ui_scale;
}

void attach_shell_window(GLFWwindow* window, AppState& state, const AppOptions& options) {
    Shell& s = shell();
    s.window = window;
    s.state = &state;
    float sx = 1.0f, sy = 1.0f;
    glfwGetWindowContentScale(window, &sx, &sy);
    s.content_scale = std::clamp(std::max(sx, sy), 1.0f, 4.0f);
    glfwSetWindowContentScaleCallback(window, [](GLFWwindow*, float x, float y) {
        Shell& sh = shell();
        sh.content_scale = std::clamp(std::max(x, y), 1.0f, 4.0f);
        if (sh.state) sh.state->fonts_need_rebuild = true;
    });
    if (options.screenshot_path) {
        // The off-screen picture has the --size; only the look of presentation mode applies.
        if (options.presentation) {
            s.presentation = true;
            state.ui_scale = s.settings.presentation_scale;
            state.zoom = s.settings.presentation_zoom;
            s.last_scale = state.ui_scale;
        }
        return;
    }
    if (s.settings.window && !options.size_given) {
        // The saved placement may be from a monitor that is gone: fit it onto one that is connected.
        const WindowPlacement& saved = *s.settings.window;
        std::vector<MonitorRect> work_areas;
        int count = 0;
        GLFWmonitor** monitors = glfwGetMonitors(&count);
        for (int i = 0; i < count; ++i) {
            MonitorRect area;
            glfwGetMonitorWorkarea(monitors[i], &area.x, &area.y, &area.width, &area.height);
            if (area.width > 0 && area.height > 0) work_areas.push_back(area);
        }
        const MonitorRect p = fit_window({saved.x, saved.y, saved.width, saved.height}, work_areas);
        glfwSetWindowSize(window, p.width, p.height);
        glfwSetWindowPos(window, p.x, p.y);
    }
    if (options.presentation) toggle_presentation(state);
}

float font_scale(const AppState& state) {
    return state.ui_scale * shell().content_scale;
}

void apply_theme(float scale) {
    const Shell& s = shell();
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0.0f;
    style.ChildRounding = 6.0f;
    style.FrameRounding = 4.0f;
    style.GrabRounding = 4.0f;
    style.FramePadding = ImVec2(6, 4);
    style.FrameBorderSize = 1.0f;  // light frames on a light background need an outline to be seen
    style.ItemSpacing = ImVec2(8, 6);
    style.WindowPadding = ImVec2(10, 10);
    ImVec4* c = style.Colors;
    if (s.presentation || s.settings.theme == Theme::kHighContrast) {
        // For a projector: washed-out greys vanish, so near-black on white, thick outlines, one strong
        // accent.
        const ImVec4 ink(0.02f, 0.02f, 0.03f, 1.0f), white(1, 1, 1, 1), accent(0.0f, 0.27f, 0.80f, 1.0f);
        style.FrameBorderSize = 2.0f;
        style.ChildBorderSize = 2.0f;
        style.WindowBorderSize = 3.0f;
        style.PopupBorderSize = 2.0f;
        c[ImGuiCol_Text] = ink;
        c[ImGuiCol_TextDisabled] = ImVec4(0.22f, 0.22f, 0.25f, 1.0f);
        c[ImGuiCol_WindowBg] = white;
        c[ImGuiCol_ChildBg] = white;
        c[ImGuiCol_PopupBg] = white;
        c[ImGuiCol_MenuBarBg] = ImVec4(0.90f, 0.92f, 0.96f, 1.0f);
        c[ImGuiCol_Border] = ink;
        c[ImGuiCol_Separator] = ink;
        c[ImGuiCol_FrameBg] = white;
        c[ImGuiCol_FrameBgHovered] = ImVec4(0.85f, 0.90f, 1.0f, 1.0f);
        c[ImGuiCol_FrameBgActive] = ImVec4(0.75f, 0.84f, 1.0f, 1.0f);
        c[ImGuiCol_Button] = ImVec4(0.86f, 0.90f, 0.98f, 1.0f);
        c[ImGuiCol_ButtonHovered] = ImVec4(0.72f, 0.82f, 1.0f, 1.0f);
        c[ImGuiCol_ButtonActive] = accent;
        c[ImGuiCol_Header] = ImVec4(0.80f, 0.86f, 1.0f, 1.0f);
        c[ImGuiCol_HeaderHovered] = ImVec4(0.70f, 0.80f, 1.0f, 1.0f);
        c[ImGuiCol_HeaderActive] = accent;
        c[ImGuiCol_CheckMark] = accent;
        c[ImGuiCol_SliderGrab] = accent;
        c[ImGuiCol_SliderGrabActive] = ImVec4(0.0f, 0.15f, 0.55f, 1.0f);
        c[ImGuiCol_ScrollbarGrab] = ImVec4(0.35f, 0.35f, 0.40f, 1.0f);
        c[ImGuiCol_TitleBgActive] = accent;
    } else {
        c[ImGuiCol_WindowBg] = ImVec4(0.95f, 0.955f, 0.965f, 1.0f);
        c[ImGuiCol_ChildBg] = ImVec4(0.985f, 0.988f, 0.992f, 1.0f);
        c[ImGuiCol_Border] = ImVec4(0.78f, 0.80f, 0.84f, 1.0f);
    }
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

void after_fonts(const FontSet& fonts, AppState& state) {
    Shell& s = shell();
    s.has_cjk = fonts.has_cjk;
    if (fonts.has_cjk || state.language != Language::kChinese) return;
    // Chinese asked for but not drawable: English, and one message (the saved choice stays Chinese, so
    // installing the font is enough to get it back).
    set_ui_language(state, Language::kEnglish);
    set_status(state, tr("status.no_cjk_font"), true);
}

void set_ui_language(AppState& state, Language language) {
    Shell& s = shell();
    state.language = language;
    set_language(language);
    if (s.has_cjk || language == Language::kEnglish) {
        if (s.settings.language != language) {
            s.settings.language = language;
            save_now(&state);
        }
    }
}

void toggle_presentation(AppState& state) {
    Shell& s = shell();
    s.presentation = !s.presentation;
    if (s.presentation) {
        s.normal_zoom = state.zoom;
        state.ui_scale = s.settings.presentation_scale;
        state.zoom = std::max(state.zoom, s.settings.presentation_zoom);
    } else {
        state.ui_scale = s.settings.ui_scale;
        state.zoom = s.normal_zoom;
    }
    s.last_scale = state.ui_scale;
    state.fonts_need_rebuild = true;  // new sizes and the theme, before the next frame
    if (!s.window || !s.save_enabled) return;
    if (s.presentation) {
        s.windowed = placement_of(s.window);
        if (GLFWmonitor* monitor = monitor_of(s.window))
            if (const GLFWvidmode* mode = glfwGetVideoMode(monitor))
                glfwSetWindowMonitor(s.window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else {
        const WindowPlacement p = s.windowed.value_or(WindowPlacement{});
        glfwSetWindowMonitor(s.window, nullptr, p.x, p.y, p.width, p.height, GLFW_DONT_CARE);
    }
}

void toggle_high_contrast(AppState& state) {
    Shell& s = shell();
    s.settings.theme = s.settings.theme == Theme::kHighContrast ? Theme::kLight : Theme::kHighContrast;
    state.fonts_need_rebuild = true;  // re-applies the style too
    save_now(&state);
}

void shell_frame(PanelContext& ctx) {
    Shell& s = shell();
    AppState& state = ctx.state;
    // Ctrl+Shift +/− changed the scale: it belongs to the mode it was changed in.
    if (state.ui_scale != s.last_scale) {
        (s.presentation ? s.settings.presentation_scale : s.settings.ui_scale) = state.ui_scale;
        s.last_scale = state.ui_scale;
        save_now(&state);
    }
    if (state.language != current_language()) set_ui_language(state, state.language);
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || io.KeyCtrl || io.KeyAlt) return;
    if (key_pressed(GLFW_KEY_F1)) s.help_open = !s.help_open;
    if (key_pressed(GLFW_KEY_F5)) toggle_presentation(state);
    if (key_pressed(GLFW_KEY_ESCAPE) && !state.editor.selected) {
        // Escape closes the help first, then leaves presentation mode.
        if (s.help_open)
            s.help_open = false;
        else if (s.presentation)
            toggle_presentation(state);
    }
}

void draw_view_menu_items(AppState& state) {
    Shell& s = shell();
    if (ImGui::MenuItem(tr("menu.presentation"), "F5", s.presentation)) toggle_presentation(state);
    if (ImGui::MenuItem(tr("menu.high_contrast"), nullptr, s.settings.theme == Theme::kHighContrast))
        toggle_high_contrast(state);
}

void draw_language_menu(AppState& state) {
    Shell& s = shell();
    const bool open = ImGui::BeginMenu(tr("menu.language"));
    remember_item(state, "menu.language");  // for tests that click the real menu
    if (!open) return;
    // Each language is named in itself, so it can be found whichever one is showing.
    if (ImGui::MenuItem(tr("language.english"), nullptr, state.language == Language::kEnglish))
        set_ui_language(state, Language::kEnglish);
    remember_item(state, "language.english");
    // Without a Chinese font the name could not be drawn either: an English label, greyed out.
    if (ImGui::MenuItem(tr(s.has_cjk ? "language.chinese" : "language.chinese_no_font"), nullptr,
                        state.language == Language::kChinese, s.has_cjk))
        set_ui_language(state, Language::kChinese);
    remember_item(state, "language.chinese");
    if (!s.has_cjk && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s", tr("status.no_cjk_font"));
    ImGui::EndMenu();
}

void draw_help_menu_items() {
    Shell& s = shell();
    if (ImGui::MenuItem(tr("menu.help_overlay"), "F1", s.help_open)) s.help_open = !s.help_open;
}

void finish_shell(AppState& state) {
    Shell& s = shell();
    if (s.window) {
        // Fullscreen is not a placement to come back to: remember the window as it was before.
        if (s.presentation && s.windowed)
            s.settings.window = s.windowed;
        else if (!s.presentation)
            s.settings.window = placement_of(s.window);
    }
    save_now(&state);
}

void add_shell_state(nlohmann::json& j) {
    const Shell& s = shell();
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
        if (s.state && s.state->lessons.session.lesson) {
            const Lesson& lesson = *s.state->lessons.session.lesson;
            const poolscope::Language lang = current_language() == Language::kChinese
                                                 ? poolscope::Language::kChinese
                                                 : poolscope::Language::kEnglish;
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
    if (s.window) {
        int w = 0, h = 0;
        glfwGetWindowSize(s.window, &w, &h);
        j["window_size"] = {w, h};
        j["fullscreen"] = glfwGetWindowMonitor(s.window) != nullptr;
        if (GLFWmonitor* monitor =
                glfwGetWindowMonitor(s.window) ? glfwGetWindowMonitor(s.window) : monitor_of(s.window))
            if (const GLFWvidmode* mode = glfwGetVideoMode(monitor))
                j["monitor_size"] = {mode->width, mode->height};
    }
}

}  // namespace poolscope::app
