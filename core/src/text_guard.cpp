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

}  // namespace

std::string printable_utf8(std::string_view text) {
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        const auto ch = static_cast<unsigned char>(text[i]);
        if (ch >= 0x20 && ch < 0x7f) {
            out += static_cast<char>(ch);
            ++i;
        } else if (const size_t len = ch >= 0x80 ? utf8_sequence(text, i) : 0; len > 0) {
            out.append(text.substr(i, len));
            i += len;
        } else {
            out += "\\x";
            out += hex[ch >> 4];
            out += hex[ch & 15];
            ++i;
        }
    }
    return out;
}

std::string quote_prefix(std::string_view text, size_t max_bytes) {
    if (text.size() <= max_bytes) return printable_utf8(text);
    size_t cut = max_bytes > 3 ? max_bytes - 3 : 0;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;  // do not split a character
    return printable_utf8(text.substr(0, cut)) + "...";
}

}  // namespace poolscope
