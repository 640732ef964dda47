// A Picture as SVG for slides and papers: cells as <rect>, rings as <circle>, values and the arithmetic as
// <text> (escaped, so a reader can select and search it), in the fonts the raster uses.
#pragma once

#include <filesystem>
#include <string>

#include "export/export_fonts.h"
#include "export/picture.h"
#include "poolscope/result.h"

namespace poolscope::app {

std::string svg_text(const Picture& picture, const ExportFonts& fonts, const std::string& title);
Result<bool> write_text_file(const std::string& text, const std::filesystem::path& path);

}  // namespace poolscope::app
