// Font lookup in the browser (font_files.h): no fontconfig, only the fonts the page preloads into
// /poolscope/fonts, cut down at build time to the characters the app shows (scripts/web_font_subset.py).
#include "platform/font_files.h"

#include <filesystem>
#include <string_view>
#include <system_error>

#include "platform/web/web_paths.h"

namespace poolscope::app {

std::string find_font_file(const char* family, int* index) {
    struct Shipped {
        std::string_view family;
        const char* file;
    };
    static constexpr Shipped kShipped[] = {{"DejaVu Sans", "DejaVuSans.ttf"},
                                           {"WenQuanYi Micro Hei", "wqy-microhei.ttf"}};
    for (const Shipped& font : kShipped) {
        if (font.family != family) continue;
        const std::filesystem::path path = std::filesystem::path(kWebDataDir) / "fonts" / font.file;
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec)) return {};
        if (index) *index = 0;  // the subset is a single face, even where the original was a collection
        return path.string();
    }
    return {};
}

void release_font_lookup() {}  // nothing is held: the files are in the page's memory file system

}  // namespace poolscope::app
