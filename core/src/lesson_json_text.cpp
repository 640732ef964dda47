// The lesson loader's text guards and message helpers: UTF-8-safe quoting, line:column positions, the
// nesting guard run before parsing, JSON Pointer paths, and unknown-key warnings with typo hints.
#include <algorithm>

#include "lesson_reading.h"
#include "poolscope/json_guard.h"
#include "poolscope/text_guard.h"

namespace poolscope::lesson_reading {

std::string printable(std::string_view text) {
    return printable_utf8(text);  // keeps the author's UTF-8 (Chinese) readable, escapes broken bytes
}

LineColumn position_of(std::string_view text, size_t offset) {
    LineColumn lc;
    offset = std::min(offset, text.size());
    for (size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++lc.line;
            lc.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++lc.column;  // count characters, not UTF-8 continuation bytes
        }
    }
    return lc;
}

std::string where(const std::string& source, LineColumn lc) {
    return source + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
}

std::optional<Error> check_depth(std::string_view text, const std::string& source) {
    const std::optional<size_t> too_deep = json_too_deep(text, kMaxLessonDepth);
    if (!too_deep) return std::nullopt;
    return Error{where(source, position_of(text, *too_deep)),
                 "nested more than " + std::to_string(kMaxLessonDepth) +
                     " levels deep; a lesson never needs that many"};
}

std::string brief(const json& v) {
    std::string text = v.dump(-1, ' ', false, json::error_handler_t::replace);
    if (text.size() > 60) {
        size_t cut = 57;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
            --cut;
        text = text.substr(0, cut) + "...";
    }
    return text;
}

std::string child(const std::string& path, std::string_view key) {
    std::string escaped;
    for (char ch : key) {  // JSON pointer escaping (RFC 6901)
        if (ch == '~')
            escaped += "~0";
        else if (ch == '/')
            escaped += "~1";
        else
            escaped += ch;
    }
    return path + "/" + escaped;
}
std::string child(const std::string& path, size_t index) {
    return path + "/" + std::to_string(index);
}

size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
    for (size_t i = 0; i <= a.size(); ++i)
        d[i][0] = i;
    for (size_t j = 0; j <= b.size(); ++j)
        d[0][j] = j;
    for (size_t i = 1; i <= a.size(); ++i)
        for (size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min(
                {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

void Context::check_keys(const json& object, const std::string& path,
                         const std::vector<std::string_view>& known) {
    for (auto it = object.begin(); it != object.end(); ++it) {
        const std::string& key = it.key();
        if (std::find(known.begin(), known.end(), key) != known.end()) continue;
        if (!key.empty() && (key[0] == '$' || key.rfind("x-", 0) == 0)) continue;  // $schema, x-notes
        std::string message = "unknown key, ignored";
        std::string_view best;
        size_t best_distance = 3;
        for (std::string_view k : known) {
            const size_t d = key.size() > 40 ? 99 : edit_distance(key, k);
            if (d < best_distance && key.size() > 3) best_distance = d, best = k;
        }
        if (!best.empty()) message += " (did you mean \"" + std::string(best) + "\"?)";
        warnings.push_back({child(path, key), message});
    }
}

}  // namespace poolscope::lesson_reading
