// Soft line breaks for the multi-line text fields (see soft_wrap.h).
#include "widgets/soft_wrap.h"

#include <algorithm>
#include <vector>

#include "model/line_breaks.h"

namespace poolscope::app {
namespace {

constexpr std::string_view kSoftBreak = "\r\n";

// Which bytes of a shown text belong to its soft breaks.
std::vector<bool> soft_bytes(std::string_view shown) {
    std::vector<bool> soft(shown.size(), false);
    for (size_t i = 0; i + 1 < shown.size(); ++i)
        if (shown[i] == '\r' && shown[i + 1] == '\n') soft[i] = soft[i + 1] = true;
    return soft;
}

size_t utf8_length(unsigned char lead) {
    return lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
}

// A piece too wide for a line on its own, cut into lines by characters.
void wrap_inside(std::string_view piece, float width, const MeasureText& measure, std::string& out,
                 std::string& line) {
    for (size_t i = 0; i < piece.size();) {
        const size_t n = std::min(utf8_length(static_cast<unsigned char>(piece[i])), piece.size() - i);
        const std::string_view ch = piece.substr(i, n);
        if (!line.empty() && ch != " " && measure(line + std::string(ch)) > width) {
            out += kSoftBreak;
            line.clear();
        }
        out += ch;
        line += ch;
        i += n;
    }
}

}  // namespace

std::string soft_wrap(std::string_view text, float width, const MeasureText& measure) {
    if (text.find('\r') != std::string_view::npos || width <= 0.0f) return std::string(text);
    std::string out, line;
    for (const std::string& piece : break_pieces(text)) {
        if (piece == "\n") {
            out += '\n';
            line.clear();
            continue;
        }
        // Trailing spaces may hang past the edge, as in any editor: only the visible part must fit.
        const std::string_view visible = std::string_view(piece).substr(0, piece.find_last_not_of(' ') + 1);
        if (!line.empty() && measure(line + std::string(visible)) > width) {
            out += kSoftBreak;
            line.clear();
        }
        if (line.empty() && measure(visible) > width) {
            wrap_inside(piece, width, measure, out, line);
        } else {
            out += piece;
            line += piece;
        }
    }
    return out;
}

std::string without_soft_breaks(std::string_view shown) {
    const std::vector<bool> soft = soft_bytes(shown);
    std::string text;
    for (size_t i = 0; i < shown.size(); ++i)
        if (!soft[i]) text += shown[i];
    return text;
}

size_t text_offset(std::string_view shown, size_t shown_pos) {
    const std::vector<bool> soft = soft_bytes(shown);
    shown_pos = std::min(shown_pos, shown.size());
    return static_cast<size_t>(std::count(soft.begin(), soft.begin() + static_cast<long>(shown_pos), false));
}

size_t shown_offset(std::string_view shown, size_t text_pos) {
    const std::vector<bool> soft = soft_bytes(shown);
    size_t i = 0, seen = 0;
    while (i < shown.size() && (seen < text_pos || soft[i])) {
        if (!soft[i]) ++seen;
        ++i;
    }
    return i;
}

TextEdit edit_through_soft_breaks(std::string_view before, std::string_view after) {
    const std::vector<bool> soft = soft_bytes(before);
    size_t prefix = 0;
    while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix])
        ++prefix;
    size_t suffix = 0;
    while (suffix < before.size() - prefix && suffix < after.size() - prefix &&
           before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
        ++suffix;
    const size_t removed_end = before.size() - suffix;
    std::string inserted(after.substr(prefix, after.size() - suffix - prefix));
    inserted.erase(std::remove(inserted.begin(), inserted.end(), '\r'), inserted.end());

    TextEdit edit;
    for (size_t i = 0; i < prefix; ++i)
        if (!soft[i]) edit.text += before[i];
    bool only_soft = inserted.empty() && removed_end > prefix;
    for (size_t i = prefix; i < removed_end; ++i)
        only_soft = only_soft && soft[i];
    std::string tail;
    for (size_t i = removed_end; i < before.size(); ++i)
        if (!soft[i]) tail += before[i];
    if (only_soft && before[removed_end - 1] == '\n') {
        // Backspace at the start of a wrapped line: the character before the break goes.
        size_t cut = edit.text.size();
        while (cut > 0 && (static_cast<unsigned char>(edit.text[cut - 1]) & 0xC0) == 0x80)
            --cut;
        if (cut > 0) --cut;
        edit.text.erase(cut);
    } else if (only_soft) {
        // Delete at the end of a wrapped line: the character after the break goes.
        if (!tail.empty())
            tail.erase(0, std::min(utf8_length(static_cast<unsigned char>(tail[0])), tail.size()));
    }
    edit.text += inserted;
    edit.cursor = edit.text.size();
    edit.text += tail;
    return edit;
}

}  // namespace poolscope::app
