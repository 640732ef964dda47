// Font lookup and atlas building (see fonts.h).
#include "widgets/fonts.h"

#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <algorithm>
#include <cstdio>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "i18n/i18n.h"
#include "model/interaction.h"
#include "model/view.h"
#include "platform/font_files.h"
#include "widgets/matrix_grid.h"

namespace poolscope::app {
namespace {

// Symbols the formula, step and legend texts draw besides the translation tables.
constexpr const char* kSymbols = "−∞×÷⌊⌋⌈⌉→←↑↓·…≤≥≠⋅√“”‘’°";

// The numbers' sizes besides the full one (32 px at scale 1), in UI pixels, smallest first: cells from a
// projector's 60 px down to a big grid's 17 px draw their values 32 to 8 px high.
constexpr float kSmallerNumberSizes[] = {10.0f, 15.0f, 22.0f};
// The numbers font at each size, smallest first, the full one last; empty without a Latin TTF.
std::vector<ImFont*> g_number_fonts;

}  // namespace

ImFont* font_for_size(ImFont* font, float size) {
    if (g_number_fonts.empty() || font != g_number_fonts.back()) return font;
    for (ImFont* f : g_number_fonts)
        if (f->FontSize >= size * 0.97f) return f;  // a 3% stretch blurs nothing
    return font;
}

bool request_glyphs(FontSet& fonts, std::string_view text) {
    ExtraGlyphs& g = fonts.extra;
    bool added = false;
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        unsigned c = 0;
        const int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0) break;
        const std::string_view utf8(p, static_cast<size_t>(n));
        p += n;
        if (n == 4) g.beyond.emplace(utf8);  // ImGui decodes it as U+FFFD: no font can draw it
        if (c < 0x20 || c > 0xFFFF || g.in_atlas.count(static_cast<ImWchar>(c))) continue;
        if (g.text.find(utf8) != std::string::npos) continue;  // asked for already, atlas not rebuilt yet
        g.text.append(utf8);
        added = true;
    }
    return added;
}

bool take_text_shown(FontSet& fonts, View& view) {
    bool more = false;
    for (const std::string& text : view.text_shown)
        more = request_glyphs(fonts, text) || more;
    view.text_shown.clear();
    return more;
}

void load_fonts(FontSet& fonts, float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    g_number_fonts.clear();
    // Field by field: assigning a fresh FontSet would memcpy from ImVector's null buffer (UBSan).
    fonts.ui = fonts.numbers = nullptr;
    fonts.has_cjk = fonts.has_symbols = false;
    fonts.message.clear();
    fonts.ui_ranges.clear();
    fonts.number_ranges.clear();
    const float ui_size = 16.0f * scale;
    const float number_size = 32.0f * scale;

    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
    builder.AddText(kSymbols);
    for (Language language : {Language::kEnglish, Language::kChinese})
        for (const TranslationEntry& e : translation_table(language))  // every section (string_sections.h)
            builder.AddText(e.text);
    ExtraGlyphs& extra = fonts.extra;
    builder.AddText(extra.text.c_str());
    builder.BuildRanges(&fonts.ui_ranges);
    // What the atlas now holds, so request_glyphs() can tell whether a lesson needs more.
    extra.in_atlas.clear();
    for (const ImWchar* r = fonts.ui_ranges.Data; r && r[0]; r += 2)
        for (unsigned c = r[0]; c <= r[1]; ++c)
            extra.in_atlas.insert(static_cast<ImWchar>(c));
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
    // Debian's fonts-wqy-microhei, else fonts-noto-cjk (a collection: the SC face has its own index).
    int cjk_index = 0;
    std::string cjk = find_font_file("WenQuanYi Micro Hei", &cjk_index);
    if (cjk.empty()) cjk = find_font_file("Noto Sans CJK SC", &cjk_index);
    if (!cjk.empty()) {
        ImFontConfig config;
        config.MergeMode = true;
        config.OversampleH = 1;
        config.FontNo = cjk_index;
        fonts.has_cjk =
            io.Fonts->AddFontFromFileTTF(cjk.c_str(), ui_size, &config, fonts.ui_ranges.Data) != nullptr;
    }
    if (!fonts.has_cjk)
        fonts.message += (fonts.message.empty() ? "" : "; ") +
                         std::string(
                             "no Chinese font found (apt install fonts-wqy-microhei or fonts-noto-cjk): "
                             "Chinese text cannot be shown");
    if (!latin.empty()) {
        ImFontConfig config;
        config.OversampleH = 2;
        for (float size : kSmallerNumberSizes)
            if (ImFont* f = io.Fonts->AddFontFromFileTTF(latin.c_str(), size * scale, &config,
                                                         fonts.number_ranges.Data))
                g_number_fonts.push_back(f);
        fonts.numbers =
            io.Fonts->AddFontFromFileTTF(latin.c_str(), number_size, &config, fonts.number_ranges.Data);
        if (fonts.numbers)
            g_number_fonts.push_back(fonts.numbers);
        else
            g_number_fonts.clear();
    }
    if (!fonts.numbers) fonts.numbers = fonts.ui;
    io.FontDefault = fonts.ui;
    // The style's rounded frames and panels as sprites beside the glyphs (rounded_stencils.h): the theme
    // comes first (shell.cpp load_fonts_and_theme).
    fonts.stencils.reserve(*io.Fonts, ImGui::GetStyle(), {kTapRounding});
    io.Fonts->Build();
    fonts.stencils.bake(*io.Fonts, ImGui::GetStyle());
    // The asked-for characters that no font file had (the atlas holds a range, not a promise).
    fonts.unshowable = static_cast<int>(extra.beyond.size());
    const std::string& asked = extra.text;
    for (const char *p = asked.c_str(), *end = p + asked.size(); p < end;) {
        unsigned c = 0;
        const int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0) break;
        p += n;
        if (!fonts.ui->FindGlyphNoFallback(static_cast<ImWchar>(c))) ++fonts.unshowable;
    }
}

void note_unshowable_glyphs(FontSet& fonts, Interaction& interaction) {
    int& noted = fonts.extra.noted;
    if (fonts.unshowable <= noted) return;
    noted = fonts.unshowable;
    char text[256];
    std::snprintf(text, sizeof text, tr("status.unshowable_glyphs_fmt"), fonts.unshowable);
    set_status(interaction, text, true);
}

const char* minus_infinity_text(const FontSet& fonts) {
    return fonts.has_symbols ? "−∞" : "-inf";
}

}  // namespace poolscope::app
