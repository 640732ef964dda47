// Font lookup through fontconfig (see font_files.h): the desktop's installed fonts.
#include "platform/font_files.h"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cctype>
#include <string_view>

namespace poolscope::app {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

}  // namespace

std::string find_font_file(const char* family, int* index) {
    if (!FcInit()) return {};
    std::string result;
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(family));
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult match_result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(nullptr, pattern, &match_result);
    if (match) {
        FcChar8* file = nullptr;
        // fontconfig always answers with *some* font; accept it only when the family is the one asked for.
        // A font has one family name per language, and under a zh_CN locale fontconfig lists the Chinese one
        // (文泉驿微米黑) first: look at all of them.
        bool same_family = false;
        FcChar8* found_family = nullptr;
        for (int i = 0;
             !same_family && FcPatternGetString(match, FC_FAMILY, i, &found_family) == FcResultMatch; ++i)
            same_family = lower(reinterpret_cast<const char*>(found_family)) == lower(family);
        if (same_family && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
            result = reinterpret_cast<const char*>(file);
            int face = 0;
            if (index) *index = FcPatternGetInteger(match, FC_INDEX, 0, &face) == FcResultMatch ? face : 0;
        }
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pattern);
    return result;
}

void release_font_lookup() {
    FcFini();
}

}  // namespace poolscope::app
