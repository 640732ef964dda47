// Where the page's preloaded data sits in the browser's in-memory file system (platform/web/web_app.cmake
// preloads it there; web_bridge.cpp points the app's data lookup, model/paths.h, at it).
#pragma once

namespace poolscope::app {

inline constexpr const char* kWebDataDir = "/poolscope";  // lessons/, assets/, fonts/

}  // namespace poolscope::app
