// Font lookup and atlas building (see fonts.h).
#include "fonts.h"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cctype>
#include <string_view>

#include "i18n/i18n.h"

namespace poolscope::app {
namespace {

// Symbols the formula, step and legend texts draw besides the translation tables.
constexpr const char* kSymbols = "−∞×÷⌊⌋⌈⌉→←↑↓·…≤≥≠⋅√“”‘’°";

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

}  // namespace

std::string find_font_file(const char* family) {
    if (!FcInit()) return {};
    std::string result;
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(family));
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult match_result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(nullptr, pattern, &match_result);
    if (match) {
        FcChar8* file = nullptr;
        FcChar8* found_family = nullptr;
        // fontconfig always answers with *some* font; accept it only when the family is the one asked for.
        if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
            FcPatternGetString(match, FC_FAMILY, 0, &found_family) == FcResultMatch &&
            lower(reinterpret_cast<const char*>(found_family)) == lower(family))
            result = reinterpret_cast<const char*>(file);
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pattern);
    return result;
}

void load_fonts(FontSet& fonts, float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    fonts = FontSet{};
    const float ui_size = 16.0f * scale;
    const float number_size = 32.0f * scale;

    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
    builder.AddText(kSymbols);
    for (Language language : {Language::kEnglish, Language::kChinese})
        for (const TranslationEntry& e : translation_table(language))
            builder.AddText(e.text);
    builder.BuildRanges(&fonts.ui_ranges);
    ImFontGlyphRangesBuilder number_builder;
    number_builder.AddText("0123456789.,+-eE()[]∞−?·nafiNIF ");
    number_builder.BuildRanges(&fonts.number_ranges);

    const std::string latin = find_font_file("DejaVu Sans");
    if (!latin.empty()) {
        ImFontConfig config;
        config.OversampleH = 2;
        fonts.ui = io.Fonts->AddFontFromFileTTF(latin.c_str(), ui_size, &config, fonts.ui_ranges.Data);
    }
    if (!fonts.ui) {
        ImFontConfig config;
        config.SizePixels = std::max(13.0f, 13.0f * scale);
        fonts.ui = io.Fonts->AddFontDefault(&config);
        fonts.message = "DejaVu Sans not found: using ImGui's built-in font";
    } else {
        fonts.has_symbols = true;
    }
    const std::string cjk = find_font_file("WenQuanYi Micro Hei");
    if (!cjk.empty()) {
        ImFontConfig config;
        config.MergeMode = true;
        config.OversampleH = 1;
        fonts.has_cjk =
            io.Fonts->AddFontFromFileTTF(cjk.c_str(), ui_size, &config, fonts.ui_ranges.Data) != nullptr;
    }
    if (!fonts.has_cjk)
        fonts.message += (fonts.message.empty() ? "" : "; ") +
                         std::string(
                             "WenQuanYi Micro Hei not found (apt install fonts-wqy-microhei): "
                             "Chinese text cannot be shown");
    if (!latin.empty()) {
        ImFontConfig config;
        config.OversampleH = 2;
        fonts.numbers =
            io.Fonts->AddFontFromFileTTF(latin.c_str(), number_size, &config, fonts.number_ranges.Data);
    }
    if (!fonts.numbers) fonts.numbers = fonts.ui;
    io.FontDefault = fonts.ui;
    io.Fonts->Build();
}

const char* minus_infinity_text(const FontSet& fonts) {
    return fonts.has_symbols ? "−∞" : "-inf";
}

}  // namespace poolscope::app
