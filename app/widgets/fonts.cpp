// Font lookup and atlas building (see fonts.h).
#include "widgets/fonts.h"

#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
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

// The numbers' sizes, in UI pixels (times the scale), smallest first: every pixel up to 24, then about 10 %
// apart. A cell's value is drawn at the size nearest its fit (font_for_size), at that font's own size, so its
// glyphs land on whole pixels one texel each (the renderer can then sample them nearest: draw_renderer.h)
// and look as crisp as the panels' text; 0.6 of a 17-px cell down to a projector's 80-px one.
constexpr float kNumberSizes[] = {6,  7,  8,  9,  10, 11, 12, 13, 14, 15, 16, 17, 18,
                                  19, 20, 21, 22, 23, 24, 26, 29, 32, 35, 39, 43, 48};
// The numbers font at each size, smallest first; empty without a Latin TTF.
std::vector<ImFont*> g_number_fonts;

// Every font is rasterised one texel per pixel with whole-pixel advances: ImGui then places each glyph on
// whole pixels (it floors a string's start), so a glyph's texels map one to one onto pixels.
ImFontConfig pixel_exact_config() {
    ImFontConfig config;
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    return config;
}

// The whole file, or nothing when it cannot be read.
std::vector<unsigned char> read_font_file(const std::string& path) {
    std::vector<unsigned char> bytes;
    if (path.empty()) return bytes;
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) bytes.clear();
    return bytes;
}

}  // namespace

SizedFont font_for_size(ImFont* font, float size) {
    if (g_number_fonts.empty() || font != g_number_fonts.back()) return {font, size};
    // Up to 5 % over: the sizes above 24 px are ~10 % apart, and a cell's value is 0.6 of its height and at
    // most 0.88 of its width, so the drawn size stays within 5 % of the fitted one and inside its cell.
    ImFont* fit = nullptr;
    for (ImFont* f : g_number_fonts)
        if (f->FontSize <= size * 1.05f) fit = f;
    // Below the smallest size or above the largest: that one, scaled (the filter blends its texels).
    if (!fit) return {g_number_fonts.front(), size};
    if (fit == g_number_fonts.back() && size > fit->FontSize * 1.05f) return {fit, size};
    return {fit, fit->FontSize};
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

    // The Latin file read once for the UI font and every numbers size. ImGui copies font data it does not
    // own and frees what it owns, so each font is added as owning this one buffer and then marked as not
    // owning it (fonts.latin_file keeps it): 27 copies of 750 KB cost 10 ms at every start.
    std::vector<unsigned char>& latin = fonts.latin_file;
    latin = read_font_file(find_font_file("DejaVu Sans"));
    const auto add_latin = [&](float size, const ImWchar* ranges) {
        ImFontConfig config = pixel_exact_config();
        ImFont* font = io.Fonts->AddFontFromMemoryTTF(latin.data(), int(latin.size()), size, &config, ranges);
        if (font) io.Fonts->ConfigData.back().FontDataOwnedByAtlas = false;
        return font;
    };
    if (!latin.empty()) fonts.ui = add_latin(ui_size, fonts.ui_ranges.Data);
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
        ImFontConfig config = pixel_exact_config();
        config.MergeMode = true;
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
        float last = 0.0f;
        for (float size : kNumberSizes) {
            const float pixels = std::round(size * scale);  // whole pixels; scaled sizes may meet
            if (pixels <= last) continue;
            last = pixels;
            ImFont* f = add_latin(pixels, fonts.number_ranges.Data);
            if (!f) {
                g_number_fonts.clear();
                break;
            }
            g_number_fonts.push_back(f);
        }
        if (!g_number_fonts.empty()) fonts.numbers = g_number_fonts.back();
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
