// Where a font family's file is: fontconfig on the desktop (font_files.cpp), the fonts the page preloads in
// the browser (web/font_files_web.cpp). widgets/fonts.cpp builds the atlas from what this finds,
// export/export_fonts.cpp paints pictures with it. GUI-free: `poolscope export` links it without a display.
#pragma once

#include <string>

namespace poolscope::app {

// The file of `family`; empty when nothing with that family name is installed. `index` (when given)
// receives the face number inside a font collection (.ttc), which Noto CJK needs.
std::string find_font_file(const char* family, int* index = nullptr);
// Frees the lookup's state (fontconfig's FcFini) when a process that looked fonts up is about to exit
// (`poolscope export`, tests), so leak checkers see nothing left; never while a window may still load fonts.
void release_font_lookup();

}  // namespace poolscope::app
