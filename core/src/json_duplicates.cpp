// Repeated keys in JSON text (see json_guard.h): one pass over the text with a stack of open containers, each
// object remembering its keys and the line each was first written on.
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "poolscope/json_guard.h"

namespace poolscope {
namespace {

struct Open {
    bool object = false;
    std::string path;                           // JSON pointer of this container
    std::unordered_map<std::string, int> keys;  // key -> line first written
    int64_t index = 0;                          // arrays: the element being read
    bool expect_key = true;                     // objects: the next string is a key
    std::string last_key;                       // objects: the key whose value is being read
};

// JSON pointer escaping: "~" -> "~0", "/" -> "~1".
std::string pointer_part(const std::string& key) {
    std::string out;
    for (char ch : key) {
        if (ch == '~')
            out += "~0";
        else if (ch == '/')
            out += "~1";
        else
            out += ch;
    }
    return out;
}

// The decoded text of the string starting at text[start] ('"'); `end` is set past its closing quote.
std::string read_string(std::string_view text, size_t start, size_t& end) {
    bool escapes = false;
    size_t i = start + 1;
    for (; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\') escapes = true, ++i;
    end = std::min(i + 1, text.size());
    if (!escapes) return std::string(text.substr(start + 1, i - start - 1));
    const nlohmann::json decoded = nlohmann::json::parse(text.substr(start, end - start), nullptr, false);
    return decoded.is_string() ? decoded.get<std::string>()
                               : std::string(text.substr(start + 1, i - start - 1));
}

}  // namespace

std::vector<DuplicateKey> duplicate_keys(std::string_view text, size_t max_found) {
    std::vector<DuplicateKey> found;
    std::vector<Open> stack;
    int line = 1;
    // Where a value that starts now sits: the root, an array element, or an object member.
    auto child_path = [&]() -> std::string {
        if (stack.empty()) return "";
        const Open& top = stack.back();
        return top.path + "/" + (top.object ? pointer_part(top.last_key) : std::to_string(top.index));
    };
    for (size_t i = 0; i < text.size() && found.size() < max_found; ++i) {
        const char ch = text[i];
        if (ch == '\n') {
            ++line;
        } else if (ch == '{' || ch == '[') {
            Open open;
            open.object = ch == '{';
            open.path = child_path();
            stack.push_back(std::move(open));
        } else if (ch == '}' || ch == ']') {
            if (!stack.empty()) stack.pop_back();
        } else if (ch == ',') {
            if (stack.empty()) continue;
            Open& top = stack.back();
            if (top.object)
                top.expect_key = true;
            else
                ++top.index;
        } else if (ch == '"') {
            size_t end = i;
            const std::string s = read_string(text, i, end);
            if (!stack.empty() && stack.back().object && stack.back().expect_key) {
                Open& top = stack.back();
                top.expect_key = false;
                top.last_key = s;
                const auto [it, fresh] = top.keys.emplace(s, line);
                if (!fresh) found.push_back({top.path + "/" + pointer_part(s), s, it->second, line});
            }
            for (size_t k = i + 1; k + 1 < end; ++k)  // a string holds no raw newline, but be exact
                line += text[k] == '\n';
            i = end - 1;
        }
    }
    return found;
}

}  // namespace poolscope
