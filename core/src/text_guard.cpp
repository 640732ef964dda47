// Printable, bounded quotes of untrusted text (see text_guard.h).
#include "poolscope/text_guard.h"

namespace poolscope {
namespace {

// Length of the valid UTF-8 sequence starting at text[i] (1..4), or 0 when the bytes there are not one
// (overlong forms, surrogates and code points past U+10FFFF are invalid too, as in RFC 3629).
size_t utf8_sequence(std::string_view text, size_t i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        len = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        len = 3;
        if (lead == 0xE0) lo = 0xA0;
        if (lead == 0xED) hi = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        len = 4;
        if (lead == 0xF0) lo = 0x90;
        if (lead == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (i + len > text.size()) return 0;
    if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
    for (size_t k = 2; k < len; ++k)
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    return len;
}

// Appends text's printable form to `out` unit by unit (a character, or \xNN for a byte that is not one)
// while `out` stays within `budget` bytes; returns how much of `text` it took.
size_t append_printable(std::string& out, std::string_view text, size_t budget) {
    static const char* hex = "0123456789abcdef";
    size_t i = 0;
    while (i < text.size()) {
        const auto ch = static_cast<unsigned char>(text[i]);
        const size_t len = ch >= 0x80 ? utf8_sequence(text, i) : 0;
        const bool plain = ch >= 0x20 && ch < 0x7f;
        const size_t unit = plain ? 1 : len > 0 ? len : 4;
        if (out.size() + unit > budget) break;
        if (plain) {
            out += static_cast<char>(ch);
        } else if (len > 0) {
            out.append(text.substr(i, len));
        } else {
            out += "\\x";
            out += hex[ch >> 4];
            out += hex[ch & 15];
        }
        i += plain || len == 0 ? 1 : len;
    }
    return i;
}

}  // namespace

std::string printable_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_printable(out, text, static_cast<size_t>(-1));
    return out;
}

// The quote is bounded, not the text: an invalid byte takes four (\xNN), so the cut is made on the output.
std::string quote_prefix(std::string_view text, size_t max_bytes) {
    std::string out;
    if (append_printable(out, text, max_bytes) == text.size()) return out;
    out.clear();
    append_printable(out, text, max_bytes > 3 ? max_bytes - 3 : 0);
    return out + "...";
}

}  // namespace poolscope
