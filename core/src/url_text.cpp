// Percent-encoding and URL forms (see url_text.h).
#include "poolscope/url_text.h"

namespace poolscope {
namespace {

bool kept_as_is(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~' || c == ',' || c == ':' || c == '/';
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string percent_encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (kept_as_is(c)) {
            out += ch;
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

std::string percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out += ' ';
        } else if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
                   hex_value(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

UrlParts split_url(std::string_view url) {
    UrlParts parts;
    const size_t hash = url.find('#');
    if (hash != std::string_view::npos) {
        parts.fragment = std::string(url.substr(hash + 1));
        url = url.substr(0, hash);
    }
    const size_t question = url.find('?');
    if (question != std::string_view::npos) {
        parts.query = std::string(url.substr(question + 1));
        url = url.substr(0, question);
    }
    parts.base = std::string(url);
    return parts;
}

std::vector<std::pair<std::string, std::string>> url_values(std::string_view form) {
    std::vector<std::pair<std::string, std::string>> values;
    while (!form.empty()) {
        const size_t amp = form.find('&');
        const std::string_view piece = form.substr(0, amp);
        form = amp == std::string_view::npos ? std::string_view{} : form.substr(amp + 1);
        if (piece.empty()) continue;
        const size_t eq = piece.find('=');
        if (eq == std::string_view::npos)
            values.emplace_back(percent_decode(piece), std::string());
        else
            values.emplace_back(percent_decode(piece.substr(0, eq)), percent_decode(piece.substr(eq + 1)));
    }
    return values;
}

std::string url_form(const std::vector<std::pair<std::string, std::string>>& values) {
    std::string out;
    for (const auto& [key, value] : values) {
        if (!out.empty()) out += '&';
        out += percent_encode(key);
        if (!value.empty()) out += '=' + percent_encode(value);
    }
    return out;
}

}  // namespace poolscope
