#include "poolscope/json_backward.h"
#include "poolscope/json_guard.h"
#include "poolscope/json_tensor.h"

#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "poolscope/error_text.h"
#include "poolscope/pool_backward.h"

namespace poolscope {
namespace {

using nlohmann::json;

std::string key_path(std::string_view path, std::string_view key) {
    return std::string(path) + "/" + std::string(key);
}

// A rectangular nested array of depth 1..4 (empty arrays allowed): its extents and its leaves in order.
struct Nested {
    std::vector<int64_t> extents;
    std::vector<const json*> leaves;
};

// Follows the first elements for the extents, then checks every node against them (bounded depth, no
// recursion on untrusted input beyond 4 levels).
Result<Nested> read_nested(const json& value, std::string_view path) {
    Nested n;
    const json* probe = &value;
    while (probe->is_array()) {
        if (n.extents.size() == 4)
            return Error{std::string(path),
                         "expected a nested array of rank 2, 3 or 4, but it is nested deeper"};
        n.extents.push_back(static_cast<int64_t>(probe->size()));
        if (probe->empty()) break;
        probe = &probe->front();
    }
    if (n.extents.empty())
        return Error{std::string(path), "expected a nested array, got " + brief_json(value)};
    const size_t rank = n.extents.size();
    struct Frame {
        const json* node;
        size_t depth;
    };
    std::vector<Frame> stack{{&value, 0}};
    while (!stack.empty()) {
        const Frame f = stack.back();
        stack.pop_back();
        if (f.depth == rank) {
            if (f.node->is_array()) return Error{std::string(path), "ragged array: nested deeper in places"};
            n.leaves.push_back(f.node);
            continue;
        }
        if (!f.node->is_array() || static_cast<int64_t>(f.node->size()) != n.extents[f.depth])
            return Error{std::string(path),
                         "ragged array: expected " + std::to_string(n.extents[f.depth]) +
                             " elements at depth " + std::to_string(f.depth) + ", got " +
                             (f.node->is_array() ? std::to_string(f.node->size()) : brief_json(*f.node))};
        for (size_t i = f.node->size(); i-- > 0;)
            stack.push_back({&(*f.node)[i], f.depth + 1});
    }
    return n;
}

Shape shape_of(const std::vector<int64_t>& extents) {
    int64_t d[4] = {1, 1, 1, 1};
    for (size_t i = 0; i < extents.size(); ++i)
        d[4 - extents.size() + i] = extents[i];
    return {d[0], d[1], d[2], d[3]};
}

bool same_shape(const std::vector<int64_t>& extents, const Shape& shape, int rank) {
    return static_cast<int>(extents.size()) == rank && shape_of(extents) == shape;
}

bool read_float(const json& v, float& out) {
    return json_float(v, out);
}

bool read_int(const json& v, int64_t& out) {
    return json_int64(v, out);
}

// An int, or a list of at least `min_items` ints of which the first two count (PyTorch's _pair keeps a list
// as it is and indexes [0] and [1]); `exactly_two` for kernel_size, whose length becomes the output's rank.
Result<Pair> read_pair(const json& v, const std::string& field, bool exactly_two) {
    int64_t one = 0;
    if (read_int(v, one)) return Pair{one, one};
    if (v.is_array() && (exactly_two ? v.size() == 2 : v.size() >= 2)) {
        int64_t items[2] = {0, 0};
        for (size_t i = 0; i < 2; ++i)
            if (!read_int(v[i], items[i]))
                return Error{field + "/" + std::to_string(i), "expected an integer, got " + brief_json(v[i])};
        return Pair{items[0], items[1]};
    }
    return Error{field, std::string("expected an integer or a list of ") + (exactly_two ? "2" : "2 or more") +
                            " integers (MaxUnpool2d needs a height and a width), got " + brief_json(v)};
}

}  // namespace

Result<Tensor> grad_output_from_json(const json& value, std::string_view path, const Shape& output,
                                     int rank) {
    Result<Nested> n = read_nested(value, path);
    if (!n) return n.errors();
    const Shape given = shape_of(n->extents);
    if (!same_shape(n->extents, output, rank))
        return coded_error(
            std::string(path), "grad_output_shape",
            {torch_size_text(given, static_cast<int>(n->extents.size())), torch_size_text(output, rank)});
    Tensor t(output, 0.0f, rank);
    for (size_t i = 0; i < n->leaves.size(); ++i)
        if (!read_float(*n->leaves[i], t.data()[i]))
            return Error{std::string(path),
                         "expected a number or \"nan\", \"inf\", \"-inf\", got " + brief_json(*n->leaves[i])};
    return t;
}

Result<std::vector<int64_t>> unpool_indices_from_json(const json& value, std::string_view path,
                                                      const Shape& input, int rank) {
    Result<Nested> n = read_nested(value, path);
    if (!n) return n.errors();
    if (!same_shape(n->extents, input, rank))
        return coded_error(std::string(path), "unpool_indices_shape",
                           {torch_size_text(input, rank),
                            torch_size_text(shape_of(n->extents), static_cast<int>(n->extents.size()))});
    std::vector<int64_t> out(n->leaves.size());
    for (size_t i = 0; i < n->leaves.size(); ++i)
        if (!read_int(*n->leaves[i], out[i]))
            return Error{std::string(path), "indices must be integers (PyTorch wants int64 indices), got " +
                                                brief_json(*n->leaves[i])};
    return out;
}

Result<UnpoolParams> unpool_params_from_json(const json& object, std::string_view path) {
    if (!object.is_object()) return Error{std::string(path), "expected an object, got " + brief_json(object)};
    UnpoolParams p;
    std::vector<Error> errors;
    auto take = [&](Result<Pair> r, Pair& into) {
        if (r)
            into = r.value();
        else
            errors.insert(errors.end(), r.errors().begin(), r.errors().end());
    };
    auto it = object.find("kernel_size");
    if (it == object.end())
        errors.push_back({key_path(path, "kernel_size"), "kernel_size is required for max_unpool2d"});
    else
        take(read_pair(*it, key_path(path, "kernel_size"), true), p.kernel_size);
    if (it = object.find("stride"); it != object.end() && !it->is_null()) {
        Pair s;
        take(read_pair(*it, key_path(path, "stride"), false), s);
        p.stride = s;
    }
    if (it = object.find("padding"); it != object.end())
        take(read_pair(*it, key_path(path, "padding"), false), p.padding);
    if (it = object.find("output_size"); it != object.end() && !it->is_null()) {
        const std::string field = key_path(path, "output_size");
        if (!it->is_array()) {
            errors.push_back({field, "expected a list of 2 or 4 integers, got " + brief_json(*it)});
        } else if (it->size() != 2 && it->size() != 4) {
            errors.push_back(coded_error(field, "unpool_output_size_length", {std::to_string(it->size())}));
        } else {
            const size_t first = it->size() - 2;  // PyTorch drops N and C of a 4-entry size
            int64_t hw[2] = {0, 0};
            for (size_t i = 0; i < 2; ++i)
                if (!read_int((*it)[first + i], hw[i]))
                    errors.push_back({field + "/" + std::to_string(first + i),
                                      "expected an integer, got " + brief_json((*it)[first + i])});
            p.output_size = Pair{hw[0], hw[1]};
        }
    }
    if (!errors.empty()) return errors;
    return p;
}

}  // namespace poolscope
