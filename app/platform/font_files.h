// Where a font family's file is: fontconfig on the desktop (font_files.cpp), the fonts the page preloads in
// the browser (web/font_files_web.cpp). shell/fonts.cpp builds the atlas from what this finds.
#pragma once

#include <string>

namespace poolscope::app {

// The file of `family`; empty when nothing with that family name is installed. `index` (when given)
// receives the face number inside a font collection (.ttc), which Noto CJK needs.
std::string find_font_file(const char* family, int* index = nullptr);

}  // namespace poolscope::app
