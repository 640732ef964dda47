// The registry and the default window behaviour (see window.h).
#include "panels/window.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include <imgui.h>

#include "i18n/i18n.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {

void Window::draw_menu_items(PanelContext& ctx) {
    if (!info_.menu_key) return;
    View& view = ctx.state.view;
    const char* keys = info_.command ? shortcut_hint(*info_.command) : nullptr;
    if (info_.placement == Placement::kDialog) {
        if (ImGui::MenuItem(tr(info_.menu_key), keys, false, menu_enabled(ctx))) open_window(view, info_.id);
    } else {
        const bool open = window_open(view, info_.id);
        if (ImGui::MenuItem(tr(info_.menu_key), keys, open, menu_enabled(ctx)))
            set_window_open(view, info_.id, !open);
    }
    remember_item(ctx.probe, (std::string("menu.") + info_.id).c_str());
}

Window* WindowRegistry::find(std::string_view id) const {
    for (const std::unique_ptr<Window>& w : windows_)
        if (id == w->info().id) return w.get();
    return nullptr;
}

Window* WindowRegistry::find_or_die(std::string_view id) const {
    Window* w = find(id);
    if (!w) {
        std::fprintf(stderr, "poolscope: no window \"%.*s\" is registered (panels/windows.cpp)\n",
                     static_cast<int>(id.size()), id.data());
        std::abort();
    }
    return w;
}

bool begin_dialog(PanelContext& ctx, const char* id, const char* title, int flags) {
    View& view = ctx.state.view;
    const std::string popup = std::string("###") + id;  // one ImGui ID in every language
    const std::string shown = std::string(title) + popup;
    const bool wanted = window_open(view, id), up = ImGui::IsPopupOpen(popup.c_str());
    if (!wanted) {
        if (up && ImGui::BeginPopupModal(shown.c_str(), nullptr, flags)) {  // the view closed it
            ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
        return false;
    }
    if (!up) {
        // One dialog at a time: another one up first (a question, the export) keeps this one waiting.
        if (ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) return false;
        ImGui::OpenPopup(popup.c_str());
    }
    if (ImGui::BeginPopupModal(shown.c_str(), nullptr, flags)) return true;
    close_window(view, id);  // ImGui let it go (a window too small to show it): the view says so
    return false;
}

void close_dialog(PanelContext& ctx, const char* id) {
    close_window(ctx.state.view, id);
    ImGui::CloseCurrentPopup();
}

}  // namespace poolscope::app
