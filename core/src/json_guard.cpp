// Depth scan and brief quoting of untrusted JSON (see json_guard.h).
#include "poolscope/json_guard.h"

#include <nlohmann/json.hpp>
#include <vector>

namespace poolscope {

using nlohmann::json;

std::optional<size_t> json_too_deep(std::string_view text, int max_depth) {
    int depth = 0;
    bool in_string = false, escaped = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (in_string) {
            if (escaped)
                escaped = false;
            else if (ch == '\\')
                escaped = true;
            else if (ch == '"')
                in_string = false;
        } else if (ch == '"') {
            in_string = true;
        } else if (ch == '[' || ch == '{') {
            if (++depth > max_depth) return i;
        } else if (ch == ']' || ch == '}') {
            --depth;
        }
    }
    return std::nullopt;
}

namespace {

// One open array or object being written: where its iteration stands.
struct Frame {
    const json* node;
    json::const_iterator it;
    bool first = true;
};

// A string as JSON; only a prefix of a long one is ever copied.
void append_string(std::string& out, const std::string& s, size_t room) {
    out += json(s.substr(0, room + 1)).dump(-1, ' ', false, json::error_handler_t::replace);
}

void append_scalar(std::string& out, const json& v, size_t room) {
    if (v.is_string()) {
        append_string(out, v.get_ref<const std::string&>(), room);
    } else {
        out += v.dump(-1, ' ', false, json::error_handler_t::replace);
    }
}

}  // namespace

std::string brief_json(const json& value, size_t max_bytes) {
    std::string out;
    std::vector<Frame> stack;
    auto open = [&](const json& v) {
        if (v.is_structured()) {
            out += v.is_array() ? '[' : '{';
            stack.push_back({&v, v.cbegin()});
        } else {
            append_scalar(out, v, max_bytes);
        }
    };
    open(value);
    while (!stack.empty() && out.size() <= max_bytes) {
        Frame& f = stack.back();
        if (f.it == f.node->cend()) {
            out += f.node->is_array() ? ']' : '}';
            stack.pop_back();
            continue;
        }
        if (!f.first) out += ',';
        f.first = false;
        const json& child = *f.it;
        if (f.node->is_object()) {
            append_string(out, f.it.key(), max_bytes);
            out += ':';
        }
        ++f.it;
        open(child);  // may push, invalidating `f`
    }
    if (out.size() <= max_bytes) return out;
    size_t cut = max_bytes > 3 ? max_bytes - 3 : 0;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80)
        --cut;
    return out.substr(0, cut) + "...";
}

}  // namespace poolscope
