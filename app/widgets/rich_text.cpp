// Wrapped narration with emphasis and inline code (see rich_text.h).
#include "widgets/rich_text.h"

#include <vector>

#include <imgui.h>

#include "poolscope/lesson.h"
#include "widgets/line_breaks.h"
#include "widgets/palette.h"

namespace poolscope::app {

void draw_rich_text(const std::string& text) {
    const float left = ImGui::GetCursorScreenPos().x;
    const float right = left + ImGui::GetContentRegionAvail().x;
    const float line_h = ImGui::GetTextLineHeight();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (const Paragraph& paragraph : parse_narration(text)) {
        ImVec2 pos = ImGui::GetCursorScreenPos();
        const float top = pos.y;
        for (const TextSpan& span : paragraph)
            for (const std::string& piece : break_pieces(span.text)) {
                if (piece == "\n") {
                    pos = ImVec2(left, pos.y + line_h + 2.0f);
                    continue;
                }
                const ImVec2 size = ImGui::CalcTextSize(piece.c_str());
                if (pos.x + size.x > right && pos.x > left && !must_not_start_line(piece))
                    pos = ImVec2(left, pos.y + line_h + 2.0f);
                if (span.code) {
                    // Trailing spaces stay outside the code background.
                    std::string trimmed = piece;
                    while (!trimmed.empty() && trimmed.back() == ' ')
                        trimmed.pop_back();
                    const ImVec2 t = ImGui::CalcTextSize(trimmed.c_str());
                    draw->AddRectFilled(ImVec2(pos.x - 1, pos.y - 1),
                                        ImVec2(pos.x + t.x + 1, pos.y + line_h + 1), palette::kCodeFill,
                                        3.0f);
                    draw->AddText(pos, ImGui::GetColorU32(palette::kCodeText), piece.c_str());
                } else if (span.emphasis) {
                    // One font: emphasis is bold-ish (drawn twice, a pixel apart) in the heading colour.
                    const ImU32 color = ImGui::GetColorU32(palette::kHeading);
                    draw->AddText(pos, color, piece.c_str());
                    draw->AddText(ImVec2(pos.x + 0.7f, pos.y), color, piece.c_str());
                } else {
                    draw->AddText(pos, palette::kText, piece.c_str());
                }
                pos.x += size.x;
            }
        ImGui::Dummy(ImVec2(right - left, pos.y + line_h - top));
        ImGui::Spacing();
    }
}

}  // namespace poolscope::app
