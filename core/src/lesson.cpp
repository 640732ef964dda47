// The lesson loader: guards (size, depth) → parse with line:column errors → resolve each step on top of the
// previous one (input, layer, convention, code, panels carry over) → validate each step's plan.
// Sections: text guards and parsing; small readers; input specs; one step; the document.
#include "poolscope/lesson.h"

#include <algorithm>
#include <fstream>
#include <limits>
#include <sstream>

#include "poolscope/file_read.h"
#include "poolscope/generators.h"
#include "poolscope/json_params.h"
#include "poolscope/json_tensor.h"
#include "poolscope/text_guard.h"

namespace poolscope {

using nlohmann::json;

const std::string& LocalizedText::get(Language language) const {
    if (language == Language::kChinese) return zh.empty() ? en : zh;
    return en.empty() ? zh : en;
}

std::string_view convention_name(Convention convention) {
    return convention == Convention::kMxnet ? "mxnet" : "pytorch";
}

std::string_view panel_name(Panel panel) {
    switch (panel) {
        case Panel::kFormula:
            return "formula";
        case Panel::kArithmetic:
            return "arithmetic";
        case Panel::kChannels:
            return "channels";
    }
    return "";
}

namespace {

// ---- Text guards and parsing -------------------------------------------------------------------------

// Messages must stay valid UTF-8 even when they quote a broken file: invalid bytes are escaped, while the
// author's own text (Chinese narration, say) is kept readable.
std::string printable(std::string_view text) {
    return printable_utf8(text);
}

struct LineColumn {
    size_t line = 1;
    size_t column = 1;
};

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

// nlohmann's parser keeps a stack per nesting level and destroys values recursively: refuse deep nesting
// before it ever sees the text.
std::optional<Error> check_depth(std::string_view text, const std::string& source) {
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
            if (++depth > kMaxLessonDepth)
                return Error{where(source, position_of(text, i)),
                             "nested more than " + std::to_string(kMaxLessonDepth) +
                                 " levels deep; a lesson never needs that many"};
        } else if (ch == ']' || ch == '}') {
            --depth;
        }
    }
    return std::nullopt;
}

template <typename Json>
int json_depth(const Json& root) {
    // Iterative, so a deep document built in memory cannot overflow the stack here either.
    int deepest = 0;
    std::vector<std::pair<const Json*, int>> todo{{&root, 1}};
    while (!todo.empty()) {
        auto [node, depth] = todo.back();
        todo.pop_back();
        if (!node->is_structured()) continue;
        deepest = std::max(deepest, depth);
        if (depth > kMaxLessonDepth) return depth;
        for (const Json& child : *node)
            todo.push_back({&child, depth + 1});
    }
    return deepest;
}

// ---- Small readers ----------------------------------------------------------------------------------

// A JSON value quoted in a message, cut short so a gigantic array cannot flood the report.
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

// Edit distance counting a swap of neighbours as one edit ("stpe" is one typo away from "step").
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

struct Context {
    std::vector<Error> errors;
    std::vector<Error> warnings;

    void error(std::string field, std::string message) {
        errors.push_back({std::move(field), std::move(message)});
    }
    // Unknown keys are warnings (an older PoolScope reading a newer lesson still works), with a hint for
    // typos.
    void check_keys(const json& object, const std::string& path, const std::vector<std::string_view>& known) {
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
};

bool read_int(const json& v, int64_t& out) {
    if (v.is_number_integer() && !v.is_number_unsigned()) {
        out = v.get<int64_t>();
        return true;
    }
    if (v.is_number_unsigned() &&
        v.get<uint64_t>() <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
        out = static_cast<int64_t>(v.get<uint64_t>());
        return true;
    }
    return false;
}

std::optional<LocalizedText> read_text(Context& ctx, const json& v, const std::string& path) {
    if (v.is_string()) return LocalizedText{v.get<std::string>(), ""};
    if (!v.is_object()) {
        ctx.error(path, "expected a string or {\"en\": ..., \"zh\": ...}, got " + brief(v));
        return std::nullopt;
    }
    ctx.check_keys(v, path, {"en", "zh"});
    LocalizedText text;
    for (auto [key, into] : {std::pair{"en", &text.en}, std::pair{"zh", &text.zh}}) {
        auto it = v.find(key);
        if (it == v.end()) continue;
        if (!it->is_string()) {
            ctx.error(child(path, key), "expected a string, got " + brief(*it));
            continue;
        }
        *into = it->get<std::string>();
    }
    return text;
}

// A shape as written: [H, W], [C, H, W] or [N, C, H, W] (or one integer for a square H×W). Checked against
// the lesson's element limit before anything is allocated.
std::optional<std::pair<Shape, int>> read_shape(Context& ctx, const json& v, const std::string& path) {
    int64_t single = 0;
    std::vector<int64_t> dims;
    if (read_int(v, single)) {
        dims = {single, single};
    } else if (v.is_array() && v.size() >= 2 && v.size() <= 4) {
        for (size_t i = 0; i < v.size(); ++i) {
            int64_t d = 0;
            if (!read_int(v[i], d)) {
                ctx.error(child(path, i), "expected a positive integer, got " + brief(v[i]));
                return std::nullopt;
            }
            dims.push_back(d);
        }
    } else {
        ctx.error(path, "expected a shape [H, W], [C, H, W] or [N, C, H, W], got " + brief(v));
        return std::nullopt;
    }
    int64_t total = 1;
    for (size_t i = 0; i < dims.size(); ++i) {
        if (dims[i] < 1) {
            ctx.error(path, "every size must be at least 1, got " + brief(v));
            return std::nullopt;
        }
        if (dims[i] > kMaxLessonElements || total > kMaxLessonElements / dims[i]) {
            ctx.error(path, "shape " + brief(v) + " has more than " + std::to_string(kMaxLessonElements) +
                                " elements, the limit for a lesson");
            return std::nullopt;
        }
        total *= dims[i];
    }
    const int rank = static_cast<int>(dims.size());
    while (dims.size() < 4)
        dims.insert(dims.begin(), 1);
    return std::pair{Shape{dims[0], dims[1], dims[2], dims[3]}, rank};
}

std::optional<float> read_float(Context& ctx, const json& object, std::string_view key, float fallback,
                                const std::string& path) {
    auto it = object.find(std::string(key));
    if (it == object.end()) return fallback;
    if (!it->is_number()) {
        ctx.error(child(path, key), "expected a number, got " + brief(*it));
        return std::nullopt;
    }
    return static_cast<float>(it->get<double>());
}

// ---- Input specs -------------------------------------------------------------------------------------

// Product of the extents along the first elements, without allocating: tensor_from_json allocates from
// these, so a tiny ragged file could otherwise ask for the core's full element limit.
bool within_element_limit(const json& v) {
    int64_t total = 1;
    const json* probe = &v;
    for (int depth = 0; probe->is_array() && !probe->empty() && depth < 4; ++depth) {
        const int64_t n = static_cast<int64_t>(probe->size());
        if (total > kMaxLessonElements / n) return false;
        total *= n;
        probe = &(*probe)[0];
    }
    return true;
}

std::optional<Tensor> read_values(Context& ctx, const json& v, const std::string& path) {
    if (!within_element_limit(v)) {
        ctx.error(path,
                  "more than " + std::to_string(kMaxLessonElements) + " elements, the limit for a lesson");
        return std::nullopt;
    }
    Result<Tensor> t = tensor_from_json(v, path);
    if (!t) {
        for (const Error& e : t.errors())
            ctx.errors.push_back(e);
        return std::nullopt;
    }
    return std::move(t).value();
}

std::optional<Tensor> read_input(Context& ctx, const json& v, const std::string& path,
                                 const std::shared_ptr<const Tensor>& previous, int nesting = 0) {
    if (v.is_array()) return read_values(ctx, v, path);
    if (!v.is_object() || v.size() != 1) {
        ctx.error(
            path,
            "expected nested values or one generator: {\"arange\": ...}, {\"constant\": ...}, "
            "{\"random_integers\": ...}, {\"vertical_edge\": ...}, {\"cat_offset\": ...}, {\"values\": ...}; "
            "got " +
                brief(v));
        return std::nullopt;
    }
    const std::string name = v.begin().key();
    const json& spec = v.begin().value();
    const std::string at = child(path, name);
    if (name == "values") return read_values(ctx, spec, at);
    if (!spec.is_object()) {
        ctx.error(at, "expected an object with the generator's settings, got " + brief(spec));
        return std::nullopt;
    }
    auto shape_of = [&]() -> std::optional<std::pair<Shape, int>> {
        auto it = spec.find("shape");
        if (it == spec.end()) {
            ctx.error(child(at, "shape"), "the " + name + " generator needs a shape, e.g. [4, 4]");
            return std::nullopt;
        }
        return read_shape(ctx, *it, child(at, "shape"));
    };
    auto take = [&](Result<Tensor> r) -> std::optional<Tensor> {
        if (r) return std::move(r).value();
        for (const Error& e : r.errors())
            ctx.error(at, e.message);
        return std::nullopt;
    };
    auto int_in = [&](std::string_view key, int64_t fallback, int64_t low,
                      int64_t high) -> std::optional<int64_t> {
        auto it = spec.find(std::string(key));
        if (it == spec.end()) return fallback;
        int64_t value = 0;
        if (!read_int(*it, value) || value < low || value > high) {
            ctx.error(child(at, key), "expected an integer from " + std::to_string(low) + " to " +
                                          std::to_string(high) + ", got " + brief(*it));
            return std::nullopt;
        }
        return value;
    };
    constexpr int64_t kExact = int64_t{1} << 24;  // integers float32 holds exactly
    if (name == "arange") {
        ctx.check_keys(spec, at, {"shape", "start", "step"});
        auto shape = shape_of();
        auto start = read_float(ctx, spec, "start", 0.0f, at);
        auto step = read_float(ctx, spec, "step", 1.0f, at);
        if (!shape || !start || !step) return std::nullopt;
        return take(make_arange(shape->first, *start, *step, shape->second));
    }
    if (name == "constant") {
        ctx.check_keys(spec, at, {"shape", "value"});
        auto shape = shape_of();
        auto value = read_float(ctx, spec, "value", 0.0f, at);
        if (!shape || !value) return std::nullopt;
        return take(make_constant(shape->first, *value, shape->second));
    }
    if (name == "random_integers") {
        ctx.check_keys(spec, at, {"shape", "low", "high", "seed"});
        auto shape = shape_of();
        auto low = int_in("low", 0, -kExact, kExact);
        auto high = int_in("high", 9, -kExact, kExact);
        auto seed = int_in("seed", 0, 0, std::numeric_limits<uint32_t>::max());
        if (!shape || !low || !high || !seed) return std::nullopt;
        return take(
            make_random_integers(shape->first, *low, *high, static_cast<uint32_t>(*seed), shape->second));
    }
    if (name == "vertical_edge") {
        ctx.check_keys(spec, at, {"shape", "zero_columns"});
        auto shape = shape_of();
        int64_t begin = 2, end = 6;  // D2L: X[:, 2:6] = 0
        if (auto it = spec.find("zero_columns"); it != spec.end()) {
            if (!it->is_array() || it->size() != 2 || !read_int((*it)[0], begin) ||
                !read_int((*it)[1], end) || begin < 0 || end < begin) {
                ctx.error(
                    child(at, "zero_columns"),
                    "expected [first, end) columns as two integers 0 <= first <= end, got " + brief(*it));
                return std::nullopt;
            }
        }
        if (!shape) return std::nullopt;
        return take(make_vertical_edge(shape->first, begin, end, shape->second));
    }
    if (name == "cat_offset") {
        ctx.check_keys(spec, at, {"of", "offset"});
        auto offset = read_float(ctx, spec, "offset", 1.0f, at);
        std::optional<Tensor> base;
        if (auto it = spec.find("of"); it != spec.end()) {
            if (nesting >= 8) {
                ctx.error(child(at, "of"), "generators nested more than 8 deep");
                return std::nullopt;
            }
            base = read_input(ctx, *it, child(at, "of"), previous, nesting + 1);
        } else if (previous) {
            base = *previous;
        } else {
            ctx.error(
                at, "cat_offset without \"of\" concatenates the previous input, but no earlier step has one");
        }
        if (!base || !offset) return std::nullopt;
        if (base->numel() > kMaxLessonElements / 2) {
            ctx.error(at, "the result would have more than " + std::to_string(kMaxLessonElements) +
                              " elements, the limit for a lesson");
            return std::nullopt;
        }
        return take(cat_with_offset(*base, *offset));
    }
    ctx.error(path,
              "unknown input generator \"" + printable(name) +
                  "\" (expected arange, constant, random_integers, vertical_edge, cat_offset or values)");
    return std::nullopt;
}

// {"file": "landscape.png", "view": "red", "crop": [top, left, height, width]}; only `file` is required.
std::optional<StepPicture> read_picture(Context& ctx, const json& v, const std::string& path) {
    if (!v.is_object()) {
        ctx.error(path, "expected an object {\"file\", \"view\", \"crop\"}, got " + brief(v));
        return std::nullopt;
    }
    ctx.check_keys(v, path, {"file", "view", "crop"});
    StepPicture picture;
    const size_t errors_before = ctx.errors.size();
    auto file = v.find("file");
    if (file == v.end() || !file->is_string() || file->get_ref<const std::string&>().empty())
        ctx.error(child(path, "file"), "expected the picture's file name (PNG, JPEG or BMP)");
    else
        picture.file = file->get<std::string>();
    if (auto view = v.find("view"); view != v.end()) {
        static constexpr std::array<std::string_view, 5> kViews = {"rgb", "red", "green", "blue", "gray"};
        if (view->is_string() &&
            std::find(kViews.begin(), kViews.end(), view->get_ref<const std::string&>()) != kViews.end())
            picture.view = view->get<std::string>();
        else
            ctx.error(child(path, "view"),
                      "expected \"rgb\", \"red\", \"green\", \"blue\" or \"gray\", got " + brief(*view));
    }
    if (auto crop = v.find("crop"); crop != v.end()) {
        std::array<int64_t, 4> box{};
        bool ok = crop->is_array() && crop->size() == 4;
        for (size_t i = 0; ok && i < 4; ++i)
            ok = read_int((*crop)[i], box[i]) && box[i] >= (i < 2 ? 0 : 1);
        if (ok)
            picture.crop = box;
        else
            ctx.error(child(path, "crop"),
                      "expected [top, left, height, width] with top, left >= 0 and height, width >= 1, got " +
                          brief(*crop));
    }
    if (ctx.errors.size() != errors_before) return std::nullopt;
    return picture;
}

// ---- One step ----------------------------------------------------------------------------------------

// What a step hands to the next one.
struct Carry {
    std::shared_ptr<const Tensor> input;
    std::optional<std::pair<Shape, int>> size;  // from the last input or input_size
    std::optional<PoolParams> params;           // the current layer
    Convention convention = Convention::kPyTorch;
    std::string code;
    std::array<bool, kPanelCount> panels{true, true, false};
    std::optional<StepPicture> picture;
};

const std::vector<std::string_view>& step_keys() {
    static const std::vector<std::string_view> keys = [] {
        std::vector<std::string_view> k = {"kind",       "title", "narration", "input",    "input_size", "op",
                                           "convention", "code",  "focus",     "expected", "picture"};
        k.insert(k.end(), kParamKeys.begin(), kParamKeys.end());
        return k;
    }();
    return keys;
}

void read_focus(Context& ctx, const json& v, const std::string& path, LessonStep& step, Carry& carry) {
    step.focus.panels = carry.panels;
    if (!v.is_object()) {
        ctx.error(path, "expected an object with cell, autoplay, panels; got " + brief(v));
        return;
    }
    ctx.check_keys(v, path, {"cell", "autoplay", "panels"});
    if (auto it = v.find("cell"); it != v.end()) {
        bool ok = it->is_array() && it->size() >= 2 && it->size() <= 4;
        std::vector<int64_t> cell;
        for (size_t i = 0; ok && i < it->size(); ++i) {
            int64_t c = 0;
            ok = read_int((*it)[i], c) && c >= 0;
            cell.push_back(c);
        }
        if (ok)
            step.focus.start_cell = cell;
        else
            ctx.error(child(path, "cell"),
                      "expected an output cell [h, w], [c, h, w] or [n, c, h, w] of "
                      "non-negative integers, got " +
                          brief(*it));
    }
    if (auto it = v.find("autoplay"); it != v.end()) {
        if (it->is_boolean())
            step.focus.autoplay = it->get<bool>();
        else
            ctx.error(child(path, "autoplay"), "expected true or false, got " + brief(*it));
    }
    if (auto it = v.find("panels"); it != v.end()) {
        std::array<bool, kPanelCount> panels{false, false, false};
        bool ok = it->is_array();
        for (size_t i = 0; ok && i < it->size(); ++i) {
            bool known = false;
            for (int p = 0; p < kPanelCount; ++p)
                if ((*it)[i].is_string() && (*it)[i].get<std::string>() == panel_name(static_cast<Panel>(p)))
                    panels[static_cast<size_t>(p)] = known = true;
            if (!known) {
                ctx.error(child(child(path, "panels"), i),
                          "expected \"formula\", \"arithmetic\" or \"channels\", got " + brief((*it)[i]));
                ok = false;
            }
        }
        if (!it->is_array())
            ctx.error(child(path, "panels"), "expected a list of panel names, got " + brief(*it));
        if (ok) step.focus.panels = carry.panels = panels;
    }
}

void read_expected(Context& ctx, const json& v, const std::string& path, LessonStep& step) {
    if (!v.is_object()) {
        ctx.error(path, "expected an object with output, shape and/or error; got " + brief(v));
        return;
    }
    ctx.check_keys(v, path, {"output", "shape", "error"});
    if (auto it = v.find("output"); it != v.end())
        step.expected.output = read_values(ctx, *it, child(path, "output"));
    if (auto it = v.find("shape"); it != v.end()) {
        bool ok = it->is_array() && it->size() >= 2 && it->size() <= 4;
        std::vector<int64_t> dims;
        for (size_t i = 0; ok && i < it->size(); ++i) {
            int64_t d = 0;
            ok = read_int((*it)[i], d);
            dims.push_back(d);
        }
        if (ok)
            step.expected.shape = dims;
        else
            ctx.error(child(path, "shape"),
                      "expected a shape [H, W], [C, H, W] or [N, C, H, W], got " + brief(*it));
    }
    if (auto it = v.find("error"); it != v.end()) {
        const std::string at = child(path, "error");
        step.expected.error = true;
        if (it->is_string()) {
            step.expected.error_contains = it->get<std::string>();
        } else if (it->is_boolean() && it->get<bool>()) {
        } else if (it->is_object()) {
            ctx.check_keys(*it, at, {"field", "contains"});
            for (auto [key, into] : {std::pair{"field", &step.expected.error_field},
                                     std::pair{"contains", &step.expected.error_contains}}) {
                if (auto f = it->find(key); f != it->end()) {
                    if (f->is_string())
                        *into = f->get<std::string>();
                    else
                        ctx.error(child(at, key), "expected a string, got " + brief(*f));
                }
            }
        } else {
            ctx.error(at, "expected true, a message fragment, or {\"field\": ..., \"contains\": ...}; got " +
                              brief(*it));
        }
    }
    if (step.expected.output && step.expected.shape)
        ctx.error(path, "give output or shape, not both (the output's shape is checked with it)");
}

void read_step(Context& ctx, const json& v, const std::string& path, Carry& carry,
               std::vector<LessonStep>& steps) {
    if (!v.is_object()) {
        ctx.error(path, "expected a step object, got " + brief(v));
        return;
    }
    const size_t errors_before = ctx.errors.size();
    // Missing input or layer after an earlier step already failed is a consequence, not news.
    const bool earlier_failed = errors_before > 0;
    ctx.check_keys(v, path, step_keys());
    LessonStep step;
    step.path = path;
    step.focus.panels = carry.panels;

    if (auto it = v.find("kind"); it != v.end()) {
        if (*it == "pool")
            step.kind = StepKind::kPool;
        else if (*it == "shape")
            step.kind = StepKind::kShape;
        else
            ctx.error(child(path, "kind"), "expected \"pool\" or \"shape\", got " + brief(*it));
    }
    if (auto it = v.find("title"); it != v.end())
        if (auto t = read_text(ctx, *it, child(path, "title"))) step.title = *t;
    if (auto it = v.find("narration"); it != v.end())
        if (auto t = read_text(ctx, *it, child(path, "narration"))) step.narration = *t;
    if (auto it = v.find("code"); it != v.end()) {
        if (it->is_string())
            carry.code = it->get<std::string>();
        else
            ctx.error(child(path, "code"), "expected a string, got " + brief(*it));
    }
    step.code = carry.code;
    if (auto it = v.find("convention"); it != v.end()) {
        if (*it == "pytorch")
            carry.convention = Convention::kPyTorch;
        else if (*it == "mxnet")
            carry.convention = Convention::kMxnet;
        else if (*it == "tensorflow" || *it == "onnx")
            ctx.error(child(path, "convention"), "the " + it->get<std::string>() +
                                                     " convention is not supported yet (pytorch or mxnet)");
        else
            ctx.error(child(path, "convention"), "expected \"pytorch\" or \"mxnet\", got " + brief(*it));
    }
    step.convention = carry.convention;
    if (auto it = v.find("picture"); it != v.end()) {
        if (it->is_null())
            carry.picture.reset();  // null: this step and the next show no picture
        else if (auto picture = read_picture(ctx, *it, child(path, "picture")))
            carry.picture = std::move(*picture);
    }
    step.picture = carry.picture;

    if (auto it = v.find("input"); it != v.end()) {
        if (auto t = read_input(ctx, *it, child(path, "input"), carry.input)) {
            carry.input = std::make_shared<const Tensor>(std::move(*t));
            carry.size = std::pair{carry.input->shape(), carry.input->rank()};
        }
    }
    if (auto it = v.find("input_size"); it != v.end()) {
        if (step.kind != StepKind::kShape)
            ctx.error(child(path, "input_size"),
                      "input_size is for shape steps (\"kind\": \"shape\"); "
                      "a pool step takes an input matrix");
        else if (auto s = read_shape(ctx, *it, child(path, "input_size")))
            carry.size = s;
    }
    if (step.kind == StepKind::kPool) {
        if (!carry.input) {
            if (ctx.errors.size() == errors_before && !earlier_failed)
                ctx.error(child(path, "input"),
                          "this step needs an input matrix, and no earlier step sets one");
        } else {
            step.input = carry.input;
            step.input_shape = carry.input->shape();
            step.input_rank = carry.input->rank();
        }
    } else if (carry.size) {
        step.input_shape = carry.size->first;
        step.input_rank = carry.size->second;
    } else if (ctx.errors.size() == errors_before && !earlier_failed) {
        ctx.error(child(path, "input_size"), "this shape step needs input_size (or an earlier input)");
    }

    // Setting op starts a new layer (PyTorch's defaults for what is not given); without op, the step changes
    // only the parameters it names on the previous layer.
    std::optional<PoolOp> op;
    bool new_layer = false;
    if (auto it = v.find("op"); it != v.end()) {
        if (it->is_string()) op = parse_op(it->get<std::string>());
        if (!op)
            ctx.error(child(path, "op"),
                      "expected max_pool2d, avg_pool2d, adaptive_max_pool2d or adaptive_avg_pool2d, got " +
                          brief(*it));
        new_layer = true;
    } else if (carry.params) {
        op = carry.params->op;
    } else if (!earlier_failed) {
        ctx.error(child(path, "op"), "no layer yet: set op (e.g. \"max_pool2d\") and kernel_size");
    }
    if (op) {
        Result<PoolParams> params = params_from_json(v, *op, step.input_shape, path,
                                                     new_layer ? PoolParams{} : *carry.params, new_layer);
        if (params) {
            carry.params = params.value();
        } else {
            for (const Error& e : params.errors())
                ctx.errors.push_back(e);
            if (!new_layer || !carry.params) carry.params.reset();
        }
    }
    if (carry.params) step.params = *carry.params;

    if (auto it = v.find("focus"); it != v.end()) read_focus(ctx, *it, child(path, "focus"), step, carry);
    if (auto it = v.find("expected"); it != v.end()) read_expected(ctx, *it, child(path, "expected"), step);

    if (ctx.errors.size() != errors_before) return;
    if (step.kind == StepKind::kShape && step.expected.output)
        ctx.error(child(child(path, "expected"), "output"),
                  "a shape step has no matrix; expect a shape instead");
    // The plan is part of the lesson's meaning: an invalid layer is an error unless the step expects one.
    if (!step.expected.error && !earlier_failed) {
        Result<PoolPlan> plan = plan_step(step);
        if (!plan) {
            for (const Error& e : plan.errors())
                ctx.error(child(path, e.field), e.message);
        } else if (plan->output.numel() > kMaxLessonElements) {
            // The core allows far more; a lesson's output must stay small enough to draw and check at once.
            const Shape& o = plan->output;
            ctx.error(child(path, is_adaptive(step.params.op) ? "output_size" : "padding"),
                      "the output would be " + std::to_string(o.n) + "x" + std::to_string(o.c) + "x" +
                          std::to_string(o.h) + "x" + std::to_string(o.w) + ", more than " +
                          std::to_string(kMaxLessonElements) + " elements, the limit for a lesson");
        }
    }
    if (step.kind == StepKind::kPool && !step.focus.start_cell.empty() &&
        ctx.errors.size() == errors_before) {
        Result<PoolPlan> plan = plan_step(step);
        if (plan) {
            const Shape& o = plan->output;
            const std::vector<int64_t>& c = step.focus.start_cell;
            const std::vector<int64_t> full = {o.n, o.c, o.h, o.w};
            bool inside = true;
            for (size_t i = 0; i < c.size(); ++i)
                inside = inside && c[i] < full[4 - c.size() + i];
            if (!inside)
                ctx.error(child(child(path, "focus"), "cell"),
                          "cell " + brief(json(c)) + " is outside the output (" + std::to_string(o.n) + "x" +
                              std::to_string(o.c) + "x" + std::to_string(o.h) + "x" + std::to_string(o.w) +
                              ")");
        }
    }
    steps.push_back(std::move(step));
}

}  // namespace

// ---- The document ------------------------------------------------------------------------------------

Result<Lesson> load_lesson_json(nlohmann::ordered_json original, std::string source,
                                std::vector<Error>* warnings) {
    if (json_depth(original) > kMaxLessonDepth)
        return Error{"/", "nested more than " + std::to_string(kMaxLessonDepth) + " levels deep"};
    // Read through a plain json copy (the shared readers take nlohmann::json); keep the ordered original.
    const json doc(original);
    Context ctx;
    Lesson lesson;
    lesson.source = std::move(source);
    auto finish = [&]() -> Result<Lesson> {
        if (warnings) *warnings = ctx.warnings;
        if (!ctx.errors.empty()) return ctx.errors;
        lesson.warnings = ctx.warnings;
        lesson.document = std::move(original);
        return std::move(lesson);
    };
    if (!doc.is_object()) {
        ctx.error("/", "expected a lesson object {\"format\": \"" + std::string(kLessonFormat) +
                           "\", \"title\": ..., \"steps\": [...]}, got " + brief(doc));
        return finish();
    }
    ctx.check_keys(doc, "", {"format", "title", "description", "steps"});
    auto format = doc.find("format");
    if (format == doc.end()) {
        ctx.error("/format",
                  "missing; a lesson starts with \"format\": \"" + std::string(kLessonFormat) + "\"");
    } else if (!format->is_string() || format->get<std::string>() != kLessonFormat) {
        const bool newer =
            format->is_string() && format->get<std::string>().rfind("poolscope-lesson/", 0) == 0;
        ctx.error("/format",
                  std::string(newer ? "a version this PoolScope does not read: " : "expected ") +
                      (newer ? brief(*format) + " (this build reads \"" + std::string(kLessonFormat) + "\")"
                             : "\"" + std::string(kLessonFormat) + "\", got " + brief(*format)));
        return finish();  // the rest may mean something else in another version
    }
    if (auto it = doc.find("title"); it != doc.end()) {
        if (auto t = read_text(ctx, *it, "/title")) lesson.title = *t;
    } else {
        ctx.error("/title", "missing; give the lesson a title ({\"en\": ..., \"zh\": ...})");
    }
    if (auto it = doc.find("description"); it != doc.end()) read_text(ctx, *it, "/description");
    auto steps = doc.find("steps");
    if (steps == doc.end() || !steps->is_array() || steps->empty()) {
        ctx.error("/steps", "expected a non-empty list of steps" +
                                (steps == doc.end() ? std::string() : ", got " + brief(*steps)));
        return finish();
    }
    if (static_cast<int64_t>(steps->size()) > kMaxLessonSteps) {
        ctx.error("/steps", std::to_string(steps->size()) + " steps, more than the limit of " +
                                std::to_string(kMaxLessonSteps));
        return finish();
    }
    Carry carry;
    for (size_t i = 0; i < steps->size(); ++i)
        read_step(ctx, (*steps)[i], child("/steps", i), carry, lesson.steps);
    return finish();
}

Result<Lesson> load_lesson_string(std::string_view text, std::string source, std::vector<Error>* warnings) {
    if (warnings) warnings->clear();
    if (static_cast<int64_t>(text.size()) > kMaxLessonBytes)
        return Error{source, "the file has " + std::to_string(text.size()) +
                                 " bytes, more than the limit of " + std::to_string(kMaxLessonBytes) +
                                 " for a lesson"};
    if (auto deep = check_depth(text, source)) return *deep;
    nlohmann::ordered_json document;  // ordered: saving keeps the author's key order
    try {
        document = nlohmann::ordered_json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        // e.byte counts from 1 and points at the character that was read last.
        const size_t offset = e.byte > 0 ? static_cast<size_t>(e.byte - 1) : 0;
        std::string what = e.what();
        const size_t column_at = what.find("column");
        const size_t colon = column_at == std::string::npos ? std::string::npos : what.find(": ", column_at);
        std::string message = colon == std::string::npos ? what : what.substr(colon + 2);
        return Error{where(source, position_of(text, offset)), "JSON syntax error: " + printable(message)};
    } catch (const nlohmann::json::exception& e) {
        // Number overflow (e.g. 1e400) carries no position; find the quoted token in the text instead.
        const std::string what = e.what();
        const size_t open = what.find('\''), close = what.rfind('\'');
        size_t offset = 0;
        if (open != std::string::npos && close > open + 1) {
            const size_t found = text.find(what.substr(open + 1, close - open - 1));
            if (found != std::string_view::npos) offset = found;
        }
        const size_t bracket = what.find("] ");
        return Error{
            where(source, position_of(text, offset)),
            "JSON error: " + printable(bracket == std::string::npos ? what : what.substr(bracket + 2))};
    }
    return load_lesson_json(std::move(document), std::move(source), warnings);
}

Result<Lesson> load_lesson_file(const std::filesystem::path& path, std::vector<Error>* warnings) {
    if (warnings) warnings->clear();
    // Regular files only (a FIFO would block the open forever), read up to the size limit and no further.
    Result<std::string> text = read_regular_file(path, kMaxLessonBytes, "lesson");
    if (!text) return text.errors();
    return load_lesson_string(text.value(), path.string(), warnings);
}

}  // namespace poolscope
