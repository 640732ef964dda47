// Fonts: a Latin UI font with a merged CJK font (WenQuanYi Micro Hei) and a large font for the numbers in
// matrix cells. ImGui 1.86 rasterises only the glyph ranges it is given, so the ranges are built from the
// strings actually shown (both translation tables plus the math symbols), which keeps startup fast.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

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
    ImFont* numbers = nullptr;        // values inside matrix cells (drawn scaled to the cell)
    bool has_cjk = false;             // Chinese glyphs are available
    bool has_symbols = false;         // −∞, ⌊⌋ etc. are available (a TTF Latin font was found)
    std::string message;              // one line for the user when a font was missing
    int unshowable = 0;               // characters asked for (a lesson's) that no font has: '?' or '�'
    ImVector<ImWchar> ui_ranges;      // must outlive the atlas build
    ImVector<ImWchar> number_ranges;  //
    ExtraGlyphs extra;                // kept across load_fonts(): what the next atlas must hold too
    RoundedStencils stencils;         // the style's rounded rectangles, baked into the atlas
};

// Text shown besides the translation tables (the open lesson): its characters join the atlas at the next
// load_fonts(). Returns true when it holds a character the atlas lacks, i.e. the caller should rebuild.
bool request_glyphs(FontSet& fonts, std::string_view text);

// Hands the text the model put on screen (View::text_shown, e.g. an opened lesson) to
// request_glyphs() and empties the list; true when the atlas must be rebuilt for it.
bool take_text_shown(FontSet& fonts, View& view);

// The font to draw `font`'s text with at `size` px: for the numbers, which the atlas holds at a few sizes,
// the smallest of them at least that large, so a digit is never shrunk below about two thirds (the atlas has
// no mipmaps: a 32-px digit drawn 10 px high skipped texels and came out broken); any other font is itself.
ImFont* font_for_size(ImFont* font, float size);

// Clears io.Fonts and loads the set at `scale` (1 = 16 px UI text). Falls back to ImGui's default font.
void load_fonts(FontSet& fonts, float scale);

// Says in the status line how many characters of the shown text no font has (drawn as '?' or '�'), when
// that number grew since the last time: a lesson in a script the fonts lack, or the browser's font subset.
void note_unshowable_glyphs(FontSet& fonts, Interaction& interaction);

// "−∞" when the font has it, else "-inf"; likewise for the other symbols the panels use.
const char* minus_infinity_text(const FontSet& fonts);

}  // namespace poolscope::app
