// Cards filled by the clear (see card_backdrop.h).
#include "shell/card_backdrop.h"

#include <imgui_internal.h>  // ImGuiWindow::Hidden: a hidden card draws nothing, so it is not painted either

#include <algorithm>
#include <cmath>

#include "model/env_flag.h"

namespace poolscope::app {

namespace {

struct Box {
    float x0, y0, x1, y1;
    bool exact = false;  // the card's own rectangle, on whole pixels
};

bool whole_pixels(ImVec2 p) {
    return p.x == std::floor(p.x) && p.y == std::floor(p.y);
}

bool overlap(const Box& a, const Box& b) {
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

// The parts of [0, width) × [0, height) outside every box, as rectangles: the boxes' edges cut the display
// into bands, and in each band the stretches no box spans are painted; a band with the same stretches as the
// one above extends its rectangles.
void paint_between(ImDrawList& list, const std::vector<Box>& boxes, float width, float height, ImU32 colour) {
    std::vector<float> ys = {0.0f, height};
    for (const Box& b : boxes)
        ys.push_back(std::clamp(b.y0, 0.0f, height)), ys.push_back(std::clamp(b.y1, 0.0f, height));
    std::sort(ys.begin(), ys.end());
    ys.erase(std::unique(ys.begin(), ys.end()), ys.end());
    std::vector<std::pair<float, float>> above, gaps, spans;
    float above_y0 = 0.0f;
    const auto flush = [&](float y1) {
        for (const auto& [x0, x1] : above)
            list.AddRectFilled(ImVec2(x0, above_y0), ImVec2(x1, y1), colour);
    };
    for (size_t i = 0; i + 1 < ys.size(); ++i) {
        const float y0 = ys[i], y1 = ys[i + 1];
        spans.clear();
        for (const Box& b : boxes)
            if (b.y0 <= y0 && b.y1 >= y1) spans.emplace_back(b.x0, b.x1);
        std::sort(spans.begin(), spans.end());
        gaps.clear();
        float x = 0.0f;
        for (const auto& [x0, x1] : spans) {
            if (x0 > x) gaps.emplace_back(x, std::min(x0, width));
            x = std::max(x, x1);
        }
        if (x < width) gaps.emplace_back(x, width);
        if (gaps != above) {
            flush(y0);
            above = gaps, above_y0 = y0;
        }
    }
    flush(height);
}

}  // namespace

void CardBackdrop::new_frame() {
    cards_.clear();
    host_ = nullptr;
    const ImGuiStyle& style = ImGui::GetStyle();
    window_colour_ = ImGui::GetColorU32(ImGuiCol_WindowBg);
    card_colour_ = ImGui::GetColorU32(ImGuiCol_ChildBg);
    const ImVec2 scale = ImGui::GetIO().DisplayFramebufferScale;
    // Whole ImGui units must be whole pixels (the corners' clip rectangles and the bands are), and both
    // colours opaque: a translucent card's inside is a blend no clear colour stands for.
    active_ = (window_colour_ >> IM_COL32_A_SHIFT) == 0xFF && (card_colour_ >> IM_COL32_A_SHIFT) == 0xFF &&
              style.Alpha == 1.0f && scale.x == 1.0f && scale.y == 1.0f && !env_flag("POOLSCOPE_CARD_FILLS");
}

void CardBackdrop::set_host() {
    host_ = ImGui::GetCurrentWindow();
}

bool CardBackdrop::begin_card(const char* id, ImVec2 size, bool border, ImGuiWindowFlags flags) {
    if (!active_ || ImGui::GetCurrentWindow() != host_) return ImGui::BeginChild(id, size, border, flags);
    const ImU32 colour = ImGui::GetColorU32(ImGuiCol_ChildBg);
    // A transparent fill is skipped (ImGuiWindowFlags_NoBackground would drop the border too).
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
    const bool open = ImGui::BeginChild(id, size, border, flags);
    ImGui::PopStyleColor();
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (!window->Hidden)
        cards_.push_back({window->Pos, ImVec2(window->Pos.x + window->Size.x, window->Pos.y + window->Size.y),
                          window->WindowRounding, colour});
    return open;
}

void CardBackdrop::paint(ImDrawList& list, ImVec2 display) const {
    if (!active_ || cards_.empty()) return;
    // What each card's fill may change: its rectangle when that lies on whole pixels (the fill's anti-aliased
    // rim fades to nothing half a pixel outside), else a pixel more all round.
    std::vector<Box> boxes;
    for (const Card& c : cards_) {
        if (whole_pixels(c.min) && whole_pixels(c.max))
            boxes.push_back({c.min.x, c.min.y, c.max.x, c.max.y, true});
        else
            boxes.push_back({std::floor(c.min.x) - 1, std::floor(c.min.y) - 1, std::ceil(c.max.x) + 1,
                             std::ceil(c.max.y) + 1});
    }
    const auto fill = [&](const Card& c, const Box& clip) {
        list.AddRectFilled(ImVec2(clip.x0, clip.y0), ImVec2(clip.x1, clip.y1), window_colour_);
        list.PushClipRect(ImVec2(clip.x0, clip.y0), ImVec2(clip.x1, clip.y1));
        list.AddRectFilled(c.min, c.max, c.colour, c.rounding);
        list.PopClipRect();
    };
    for (size_t i = 0; i < boxes.size(); ++i)
        for (size_t j = i + 1; j < boxes.size(); ++j)
            if (overlap(boxes[i], boxes[j])) {
                // Cards on top of each other (not a layout the main window makes): each fill as ImGui drew
                // it.
                list.AddRectFilled(ImVec2(0, 0), display, window_colour_);
                for (const Card& c : cards_)
                    list.AddRectFilled(c.min, c.max, c.colour, c.rounding);
                return;
            }
    paint_between(list, boxes, display.x, display.y, window_colour_);
    for (size_t i = 0; i < cards_.size(); ++i) {
        const Card& c = cards_[i];
        const Box& b = boxes[i];
        // A corner's arc and its rim lie within `k` pixels of the corner; elsewhere a card on whole pixels is
        // its colour inside and the window's outside, which the clear and the bands already are.
        const float k = std::ceil(c.rounding) + 1.0f;
        const bool corners_only =
            c.colour == card_colour_ && b.exact && b.x1 - b.x0 >= 2 * k && b.y1 - b.y0 >= 2 * k;
        if (!corners_only) {
            fill(c, b);
            continue;
        }
        fill(c, {b.x0, b.y0, b.x0 + k, b.y0 + k});
        fill(c, {b.x1 - k, b.y0, b.x1, b.y0 + k});
        fill(c, {b.x0, b.y1 - k, b.x0 + k, b.y1});
        fill(c, {b.x1 - k, b.y1 - k, b.x1, b.y1});
    }
}

ImVec4 CardBackdrop::clear_colour() const {
    // Exactly the vertex colour's 8-bit values (each / 255), so a cleared pixel equals a filled one.
    return ImGui::ColorConvertU32ToFloat4(active_ && !cards_.empty() ? card_colour_ : window_colour_);
}

}  // namespace poolscope::app
