// The canonical lesson style (lesson_text.h): what `poolscope fmt` writes and how the app writes a changed
// step. A value stays on one line when it fits, lists of numbers always do, so a matrix reads as its rows.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "lesson_format.h"
#include "poolscope/json_layer.h"
#include "poolscope/json_params.h"
#include "poolscope/lesson_text.h"

namespace poolscope {

using Json = nlohmann::ordered_json;

namespace {

// Where an object sits decides its key order; nested objects (text, focus, expected, quiz) keep the author's.
enum class Level { kTop, kStep, kOther };

// "*" marks where keys not in the list go (in their written order).
const std::vector<std::string_view>& key_order(Level level) {
    static const std::vector<std::string_view> top = {"$schema",     "format", "title",
                                                      "description", "*",      "steps"};
    static const std::vector<std::string_view> step = [] {
        std::vector<std::string_view> k = {"kind",    "title",   "narration", "input",     "input_size",
                                           "picture", "network", "op",        "convention"};
        k.insert(k.end(), kParamKeys.begin(), kParamKeys.end());
        k.insert(k.end(), kLayerKeys.begin() + 1, kLayerKeys.end());  // [0] is "convention", above
        k.insert(k.end(), {"grad_output", "code", "focus", "compare", "quiz", "reveal", "expected", "*"});
        return k;
    }();
    return level == Level::kTop ? top : step;
}

// The object's keys in the level's order.
std::vector<Json::const_iterator> ordered_members(const Json& object, Level level) {
    std::vector<Json::const_iterator> members;
    for (auto it = object.begin(); it != object.end(); ++it)
        members.push_back(it);
    if (level == Level::kOther) return members;
    const std::vector<std::string_view>& order = key_order(level);
    const size_t unknown = static_cast<size_t>(std::find(order.begin(), order.end(), "*") - order.begin());
    auto rank = [&](const Json::const_iterator& it) {
        const auto found = std::find(order.begin(), order.end(), it.key());
        return found == order.end() ? unknown : static_cast<size_t>(found - order.begin());
    };
    std::stable_sort(members.begin(), members.end(),
                     [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
    return members;
}

std::string scalar_text(const Json& value) {
    // A whole number reads as one ("4", not "4.0", as the editor's float tensors write it); the loader
    // reads both alike. -0.0 keeps its sign.
    if (value.is_number_float()) {
        const double v = value.get<double>();
        if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9007199254740992.0 &&
            !(v == 0 && std::signbit(v)))
            return std::to_string(static_cast<int64_t>(v));
    }
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Columns as a reader counts them: UTF-8 characters, not bytes.
size_t columns(std::string_view text) {
    return static_cast<size_t>(std::count_if(
        text.begin(), text.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; }));
}

bool all_scalars(const Json& array) {
    return std::all_of(array.begin(), array.end(), [](const Json& v) { return !v.is_structured(); });
}

Level child_level(Level parent, std::string_view key) {
    return parent == Level::kTop && key == "steps" ? Level::kStep : Level::kOther;
}

std::string one_line(const Json& value, Level level) {
    if (!value.is_structured()) return scalar_text(value);
    std::string out;
    if (value.is_array()) {
        out = "[";
        for (size_t i = 0; i < value.size(); ++i)
            out += (i ? ", " : "") + one_line(value[i], Level::kOther);
        return out + "]";
    }
    out = "{";
    bool first = true;
    for (const auto& it : ordered_members(value, level)) {
        out += (first ? "" : ", ") + scalar_text(Json(it.key())) + ": " + one_line(it.value(), Level::kOther);
        first = false;
    }
    return out + "}";
}

// One level of indentation: 2 in the canonical style; a changed step written into a file takes the file's.
struct Style {
    size_t unit = 2;
};

void write_value(std::string& out, const Json& value, Level level, size_t indent, size_t used, Style style);

void write_expanded(std::string& out, const Json& value, Level level, size_t indent, Style style) {
    const std::string inner(indent + style.unit, ' ');
    if (value.is_array()) {
        // The step list holds steps; any other list's elements are plain values.
        const Level element = level == Level::kStep ? Level::kStep : Level::kOther;
        out += "[\n";
        for (size_t i = 0; i < value.size(); ++i) {
            out += inner;
            write_value(out, value[i], element, indent + style.unit, indent + style.unit, style);
            out += i + 1 < value.size() ? ",\n" : "\n";
        }
        out += std::string(indent, ' ') + "]";
        return;
    }
    const auto members = ordered_members(value, level);
    out += "{\n";
    for (size_t i = 0; i < members.size(); ++i) {
        const std::string key = scalar_text(Json(members[i].key())) + ": ";
        out += inner + key;
        write_value(out, members[i].value(), child_level(level, members[i].key()), indent + style.unit,
                    indent + style.unit + columns(key), style);
        out += i + 1 < members.size() ? ",\n" : "\n";
    }
    out += std::string(indent, ' ') + "}";
}

// `level` here is the level of `value` itself: kStep for a step object and for the step list.
void write_value(std::string& out, const Json& value, Level level, size_t indent, size_t used, Style style) {
    if (!value.is_structured() || value.empty() || (value.is_array() && all_scalars(value))) {
        out += one_line(value, Level::kOther);
        return;
    }
    const bool step_or_top = level == Level::kTop || (level == Level::kStep && value.is_object());
    const bool step_list = level == Level::kStep && value.is_array();
    if (!step_or_top && !step_list) {
        const std::string line = one_line(value, level);
        if (used + columns(line) + 1 <= kLessonTextWidth) {  // + 1: the comma after it
            out += line;
            return;
        }
    }
    write_expanded(out, value, level, indent, style);
}

}  // namespace

std::string format_lesson_step(const Json& step, size_t indent, size_t unit) {
    std::string out;
    write_value(out, step, Level::kStep, indent, indent, Style{unit});
    return out;
}

std::string format_lesson_text(const Json& document) {
    std::string out;
    if (document.is_object())
        write_value(out, document, Level::kTop, 0, 0, Style{});
    else
        write_value(out, document, Level::kOther, 0, 0, Style{});
    return out + "\n";
}

}  // namespace poolscope
