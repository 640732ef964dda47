// The lesson loader's readers: numbers, bilingual text, shapes, and a step's input (nested values, a
// generator, or the previous input edited) and picture, each checked against the lesson limits.
#include <algorithm>
#include <limits>

#include "lesson_reading.h"
#include "poolscope/generators.h"
#include "poolscope/json_tensor.h"

namespace poolscope::lesson_reading {

bool read_int(const json& v, int64_t& out) {
    return json_int64(v, out);
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
                                 const std::shared_ptr<const Tensor>& previous, int nesting) {
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

}  // namespace poolscope::lesson_reading
