// The open windows (see view.h).
#include "model/view.h"

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

}  // namespace poolscope::app
