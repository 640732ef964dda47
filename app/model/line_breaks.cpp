// Line-break opportunities (see line_breaks.h).
#include "model/line_breaks.h"

#include <algorithm>
#include <array>

namespace poolscope::app {
namespace {

size_t utf8_length(unsigned char lead) {
    return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// A line never starts with these (they close what came before).
constexpr std::array<std::string_view, 21> kClosing = {"。", "，", "、", "：", "；", "！", "？",
                                                       "）", "」", "』", "”",  "’",  "》", "〉",
                                                       "】", "…",  "%",  "％", "～", "⌋",  "⌉"};
// A line never ends with these (they open what comes after).
constexpr std::array<std::string_view, 10> kOpening = {"（", "「", "『", "“", "‘",
                                                       "《", "〈", "【", "⌊", "⌈"};
// Signs that bind the numbers on both sides: "2×2", "2 × 2", "a ≈ b" keep together.
constexpr std::array<std::string_view, 6> kBinding = {"×", "÷", "≈", "−", "→", "·"};

template <size_t N>
bool one_of(std::string_view piece, const std::array<std::string_view, N>& set) {
    while (!piece.empty() && piece.back() == ' ')
        piece.remove_suffix(1);
    return std::find(set.begin(), set.end(), piece) != set.end();
}

bool ascii_closing(std::string_view piece) {
    return !piece.empty() && std::string_view(",.:;)]}!?%").find(piece.front()) != std::string_view::npos;
}

bool ascii_opening_only(std::string_view piece) {  // "(" or "[" alone, spaces after it aside
    while (!piece.empty() && piece.back() == ' ')
        piece.remove_suffix(1);
    return !piece.empty() &&
           std::all_of(piece.begin(), piece.end(), [](char c) { return c == '(' || c == '['; });
}

bool ends_with_space(std::string_view piece) {
    return !piece.empty() && piece.back() == ' ';
}

// Atoms: a run of ASCII non-space characters, or one non-ASCII character, each with its trailing spaces;
// or "\n".
std::vector<std::string> atoms_of(std::string_view text) {
    std::vector<std::string> atoms;
    size_t i = 0;
    while (i < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        size_t j = i;
        if (text[i] == '\n') {
            atoms.emplace_back("\n");
            ++i;
            continue;
        }
        if (c >= 0x80) {
            j = i + std::min(utf8_length(c), text.size() - i);
        } else {
            while (j < text.size() && text[j] != ' ' && text[j] != '\n' &&
                   static_cast<unsigned char>(text[j]) < 0x80)
                ++j;
        }
        while (j < text.size() && text[j] == ' ')
            ++j;
        atoms.emplace_back(text.substr(i, j - i));
        i = j;
    }
    return atoms;
}

}  // namespace

bool must_not_start_line(std::string_view piece) {
    if (piece.empty()) return false;
    if (ascii_closing(piece)) return true;
    const size_t n = std::min(utf8_length(static_cast<unsigned char>(piece.front())), piece.size());
    return one_of(piece.substr(0, n), kClosing);
}

std::vector<std::string> break_pieces(std::string_view text) {
    std::vector<std::string> pieces;
    bool glue_next = false;  // the last piece must stay with the next one
    for (std::string& atom : atoms_of(text)) {
        if (atom == "\n") {
            pieces.push_back(std::move(atom));
            glue_next = false;
            continue;
        }
        const bool attach_to_previous = !pieces.empty() && pieces.back() != "\n" &&
                                        (glue_next || one_of(atom, kClosing) || one_of(atom, kBinding) ||
                                         (ascii_closing(atom) && !ends_with_space(pieces.back())));
        const bool opens = one_of(atom, kOpening) || ascii_opening_only(atom);
        const bool binds = one_of(atom, kBinding);
        if (attach_to_previous)
            pieces.back() += atom;
        else
            pieces.push_back(std::move(atom));
        glue_next = opens || binds;
    }
    return pieces;
}

std::vector<bool> token_line_starts(const std::vector<std::string>& tokens, const std::vector<float>& widths,
                                    float left, float right) {
    const size_t n = std::min(tokens.size(), widths.size());
    const auto bound = [&](size_t j) {
        const std::string& before = j > 0 ? tokens[j - 1] : tokens[j];
        return j > 0 && (must_not_start_line(tokens[j]) ||
                         (before.size() >= 2 && before.compare(before.size() - 2, 2, "= ") == 0));
    };
    std::vector<bool> starts(n, false);
    float x = left;
    for (size_t i = 0; i < n; ++i) {
        float run = widths[i];  // the token with everything bound to it
        for (size_t j = i + 1; j < n && bound(j); ++j)
            run += widths[j];
        if (i > 0 && !bound(i) && x > left && x + run > right) starts[i] = true, x = left;
        x += widths[i];
    }
    return starts;
}

}  // namespace poolscope::app
