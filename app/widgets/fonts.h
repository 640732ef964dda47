// Fonts: a Latin UI font with a merged CJK font (WenQuanYi Micro Hei) and a large font for the numbers in
// matrix cells. ImGui 1.86 rasterises only the glyph ranges it is given, so the ranges are built from the
// strings actually shown (both translation tables plus the math symbols), which keeps startup fast.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <imgui.h>

#include "platform/rounded_stencils.h"

namespace poolscope::app {

struct Interaction;
struct View;

// Characters asked for besides the translation tables (request_glyphs), and what the last atlas holds.
struct ExtraGlyphs {
    std::string text;                        // UTF-8, each character once
    std::unordered_set<ImWchar> in_atlas;    //
    std::unordered_set<std::string> beyond;  // UTF-8 of characters beyond ImGui 1.86's 16-bit ImWchar (emoji)
    int noted = 0;                           // unshowable count the status line last reported
};

struct FontSet {
    ImFont* ui = nullptr;             // panels, menus, formulas
    ImFont* numbers = nullptr;        // values inside matrix cells: the largest size (font_for_size)
    bool has_cjk = false;             // Chinese glyphs are available
    bool has_symbols = false;         // −∞, ⌊⌋ etc. are available (a TTF Latin font was found)
    std::string message;              // one line for the user when a font was missing
    int unshowable = 0;               // characters asked for (a lesson's) that no font has: '?' or '�'
    ImVector<ImWchar> ui_ranges;      // must outlive the atlas build
    ImVector<ImWchar> number_ranges;  //
    std::vector<unsigned char> latin_file;  // the Latin TTF's bytes, shared by its fonts in the atlas
    ExtraGlyphs extra;                      // kept across load_fonts(): what the next atlas must hold too
    RoundedStencils stencils;               // the style's rounded rectangles, baked into the atlas
};

// Text shown besides the translation tables (the open lesson): its characters join the atlas at the next
// load_fonts(). Returns true when it holds a character the atlas lacks, i.e. the caller should rebuild.
bool request_glyphs(FontSet& fonts, std::string_view text);

// Hands the text the model put on screen (View::text_shown, e.g. an opened lesson) to
// request_glyphs() and empties the list; true when the atlas must be rebuilt for it.
bool take_text_shown(FontSet& fonts, View& view);

// A font and the size to draw it at.
struct SizedFont {
    ImFont* font;
    float size;
};

// The font and size to draw `font`'s text with when it may be `size` px high: for the numbers, which the
// atlas holds at many sizes, the largest of them within 5 % over `size`, at its own size (its glyphs then sit
// on whole pixels, one texel each, and are drawn as crisp as the panels' text); below the smallest or above
// the largest, that one scaled to `size`. Any other font is itself at `size`.
SizedFont font_for_size(ImFont* font, float size);

// Clears io.Fonts and loads the set at `scale` (1 = 16 px UI text). Falls back to ImGui's default font.
void load_fonts(FontSet& fonts, float scale);

// Says in the status line how many characters of the shown text no font has (drawn as '?' or '�'), when
// that number grew since the last time: a lesson in a script the fonts lack, or the browser's font subset.
void note_unshowable_glyphs(FontSet& fonts, Interaction& interaction);

// "−∞" when the font has it, else "-inf"; likewise for the other symbols the panels use.
const char* minus_infinity_text(const FontSet& fonts);

}  // namespace poolscope::app
