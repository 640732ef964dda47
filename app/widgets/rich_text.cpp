// Wrapped narration with emphasis and inline code (see rich_text.h).
#include "widgets/rich_text.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <vector>

#include <imgui.h>

#include "model/line_breaks.h"
#include "poolscope/lesson.h"
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

void draw_wrapped_text(std::string_view text, const ImVec4& color) {
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float right = start.x + std::max(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize());
    const float line_h = ImGui::GetTextLineHeight();
    const ImU32 col = ImGui::GetColorU32(color);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 pos = start;
    float widest = 0.0f;
    auto place = [&](const std::string& piece) {
        const ImVec2 size = ImGui::CalcTextSize(piece.c_str());
        if (pos.x + size.x > right && pos.x > start.x && !must_not_start_line(piece)) {
            pos = ImVec2(start.x, pos.y + line_h);
            if (piece.find_first_not_of(' ') == std::string::npos) return;  // no line starts with spaces
        }
        draw->AddText(pos, col, piece.c_str());
        pos.x += size.x;
        widest = std::max(widest, pos.x - start.x);
    };
    for (const std::string& piece : break_pieces(text)) {
        if (piece == "\n") {
            pos = ImVec2(start.x, pos.y + line_h);
            continue;
        }
        if (ImGui::CalcTextSize(piece.c_str()).x <= right - start.x) {
            place(piece);
            continue;
        }
        // Wider than a whole line (a long formula held together by its − and ·): at its spaces after all,
        // rather than past the edge.
        size_t from = 0;
        while (from < piece.size()) {
            size_t end = piece.find(' ', from);
            end = end == std::string::npos ? piece.size() : piece.find_first_not_of(' ', end);
            if (end == std::string::npos) end = piece.size();
            const std::string part = piece.substr(from, end - from);
            if (ImGui::CalcTextSize(part.c_str()).x <= right - start.x) {
                place(part);
            } else {  // no space in it either: character by character, as a last resort
                for (size_t i = 0; i < part.size();) {
                    size_t n = 1;
                    const unsigned char lead = static_cast<unsigned char>(part[i]);
                    if (lead >= 0xF0)
                        n = 4;
                    else if (lead >= 0xE0)
                        n = 3;
                    else if (lead >= 0xC0)
                        n = 2;
                    place(part.substr(i, n));
                    i += n;
                }
            }
            from = end;
        }
    }
    ImGui::Dummy(ImVec2(widest, pos.y + line_h - start.y));
}

namespace {

// Code's break opportunities: after each run of spaces; inside a run of non-spaces only after "." or "(" or
// "," (between a call and the next, an argument and the next).
std::vector<std::string> code_pieces(std::string_view code, bool split_tokens) {
    std::vector<std::string> pieces;
    std::string piece;
    for (size_t i = 0; i < code.size(); ++i) {
        piece += code[i];
        const bool space_ends = code[i] == ' ' && (i + 1 == code.size() || code[i + 1] != ' ');
        const bool call_ends = split_tokens && (code[i] == '.' || code[i] == '(' || code[i] == ',') &&
                               i + 1 < code.size() && code[i + 1] != ' ';
        if (space_ends || call_ends || code[i] == '\n') pieces.push_back(std::move(piece)), piece.clear();
    }
    if (!piece.empty()) pieces.push_back(std::move(piece));
    return pieces;
}

}  // namespace

std::vector<std::string> code_lines(std::string_view code, float width) {
    std::vector<std::string> lines(1);
    float used = 0.0f;
    for (const std::string& token : code_pieces(code, false)) {
        // A token longer than a line is cut at its own "." and "(" boundaries.
        const bool too_long = ImGui::CalcTextSize(token.c_str()).x > width;
        for (const std::string& piece :
             too_long ? code_pieces(token, true) : std::vector<std::string>{token}) {
            // A line's last piece ("3))\n") is measured like any other before it ends the line.
            const bool ends_line = !piece.empty() && piece.back() == '\n';
            const std::string_view text(piece.data(), piece.size() - (ends_line ? 1 : 0));
            const float w = ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
            std::string_view trimmed(text);
            while (!trimmed.empty() && trimmed.back() == ' ')
                trimmed.remove_suffix(1);
            const float w_trimmed = ImGui::CalcTextSize(trimmed.data(), trimmed.data() + trimmed.size()).x;
            if (used > 0.0f && !trimmed.empty() && used + w_trimmed > width)
                lines.emplace_back(), used = 0.0f;
            lines.back() += text;
            used += w;
            if (ends_line) lines.emplace_back(), used = 0.0f;
        }
    }
    return lines;
}

void wrapped_textf(const ImVec4& color, const char* format, ...) {
    char text[1024];
    va_list args;
    va_start(args, format);
    std::vsnprintf(text, sizeof text, format, args);
    va_end(args);
    draw_wrapped_text(text, color);
}

}  // namespace poolscope::app
