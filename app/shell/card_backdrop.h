// The main window's panels ("cards") filled by the clear instead of by triangles (issue 34). The cards cover
// nine tenths of the window in their own colour (ChildBg) over the window's (WindowBg), so a whole redraw
// painted most pixels twice: the clear, then each card's rounded fill, blended pixel by pixel by a software
// rasteriser. Here the window is cleared to the cards' colour; the background draw list, drawn before every
// window, paints the window's colour between the cards and each card's rounded corners (the window's colour,
// then the card's own fill clipped to the corner), and the cards skip their fill. Every pixel ends as before:
// a card's fill is opaque, so inside it, away from the corners, it is its colour whatever was under it.
// tests/app_bench/check_same_pixels.py compares the pictures with POOLSCOPE_CARD_FILLS=1 (ImGui fills them).
#pragma once

#include <vector>

#include <imgui.h>

struct ImGuiWindow;

namespace poolscope::app {

class CardBackdrop {
  public:
    // Forgets last frame's cards; decides from the style whether this frame's cards are painted here (both
    // colours opaque, POOLSCOPE_CARD_FILLS unset).
    void new_frame();
    // The main window: called right after its ImGui::Begin. Only its own children are cards.
    void set_host();
    // ImGui::BeginChild; a child of the main window (drawn straight over its background: the main window
    // draws nothing there) is a card, and its fill is painted by paint(). EndChild as usual.
    bool begin_card(const char* id, ImVec2 size, bool border, ImGuiWindowFlags flags = 0);
    // Paints the window's colour and the cards' corners into `list` (the background draw list) for a display
    // of `display` pixels. Call once, after the last card and before ImGui::Render().
    void paint(ImDrawList& list, ImVec2 display) const;
    // The colour the window must be cleared to for this frame: the cards' when paint() relies on it.
    ImVec4 clear_colour() const;

    struct Card {
        ImVec2 min, max;  // ImGui's window rectangle: what its fill covered
        float rounding;
        ImU32 colour;
    };
    // This frame's cards so far (for the tests).
    const std::vector<Card>& cards() const { return cards_; }

  private:
    bool active_ = false;
    const ImGuiWindow* host_ = nullptr;
    ImU32 window_colour_ = 0, card_colour_ = 0;
    std::vector<Card> cards_;
};

}  // namespace poolscope::app
