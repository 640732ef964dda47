// The open windows, zoom and scale (see view.h).
#include "model/view.h"

#include <algorithm>

namespace poolscope::app {

bool window_open(const View& view, std::string_view id) {
    return view.open_windows.find(id) != view.open_windows.end();
}

void open_window(View& view, std::string_view id) {
    view.open_windows.emplace(id);
}

void close_window(View& view, std::string_view id) {
    if (auto it = view.open_windows.find(id); it != view.open_windows.end()) view.open_windows.erase(it);
}

void set_window_open(View& view, std::string_view id, bool open) {
    open ? open_window(view, id) : close_window(view, id);
}

void change_zoom(View& view, int direction) {
    view.zoom = std::clamp(view.zoom * (direction > 0 ? 1.15f : 1.0f / 1.15f), 0.4f, 4.0f);
}

void change_ui_scale(View& view, int direction) {
    const float next = std::clamp(view.ui_scale + (direction > 0 ? 0.25f : -0.25f), 0.75f, 3.0f);
    if (next != view.ui_scale) {
        view.ui_scale = next;
        view.fonts_need_rebuild = true;
    }
}

}  // namespace poolscope::app
