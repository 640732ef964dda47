#include "poolscope/json_tensor.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "poolscope/float_chars.h"
#include "poolscope/json_guard.h"

namespace poolscope {
namespace {

using nlohmann::json;

std::string at(std::string_view path, const std::vector<size_t>& index) {
    std::string p(path);
    for (size_t i : index)
        p += "/" + std::to_string(i);
    return p;
}

}  // namespace

bool json_int64(const json& v, int64_t& out) {
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

bool json_float(const json& v, float& out) {
    if (v.is_number()) {
        out = static_cast<float>(v.get<double>());
        return true;
    }
    if (!v.is_string()) return false;
    const std::string& s = v.get_ref<const std::string&>();
    if (s == "nan" || s == "NaN")
        out = std::numeric_limits<float>::quiet_NaN();
    else if (s == "inf" || s == "+inf" || s == "Infinity")
        out = std::numeric_limits<float>::infinity();
    else if (s == "-inf" || s == "-Infinity")
        out = -std::numeric_limits<float>::infinity();
    else
        return false;
    return true;
}

Result<Tensor> tensor_from_json(const json& value, std::string_view path) {
    // Read the extents down the first elements; a rectangular array must match them everywhere.
    std::vector<int64_t> extents;
    const json* probe = &value;
    while (probe->is_array()) {
        if (extents.size() == 4)
            return Error{std::string(path),
                         "expected a nested array of rank 2, 3 or 4, but it is nested deeper"};
        if (probe->empty()) return Error{at(path, std::vector<size_t>(extents.size(), 0)), "empty array"};
        extents.push_back(static_cast<int64_t>(probe->size()));
        probe = &(*probe)[0];
    }
    if (extents.size() < 2)
        return Error{std::string(path), extents.empty()
                                            ? "expected a nested array of numbers (H×W, C×H×W or N×C×H×W)"
                                            : "expected rows of numbers (rank 2 at least), got a flat list"};
    const int rank = static_cast<int>(extents.size());
    while (extents.size() < 4)
        extents.insert(extents.begin(), 1);
    Result<Tensor> made = Tensor::make({extents[0], extents[1], extents[2], extents[3]}, 0.0f, rank);
    if (!made) return Error{std::string(path), made.errors()[0].message};
    Tensor tensor = std::move(made).value();

    // Walk with an explicit index stack (no recursion on untrusted depth).
    float* out = tensor.data();
    std::vector<size_t> index(static_cast<size_t>(rank), 0);
    const std::vector<int64_t> dims(extents.end() - rank, extents.end());
    std::vector<const json*> level(static_cast<size_t>(rank) + 1, nullptr);
    level[0] = &value;
    for (int64_t flat = 0; flat < tensor.numel(); ++flat) {
        for (int d = 0; d < rank; ++d) {
            const json* node = level[static_cast<size_t>(d)];
            std::vector<size_t> where(index.begin(), index.begin() + d);
            if (!node->is_array())
                return Error{at(path, where), "expected an array of " +
                                                  std::to_string(dims[static_cast<size_t>(d)]) +
                                                  " elements, got " + std::string(node->type_name())};
            if (static_cast<int64_t>(node->size()) != dims[static_cast<size_t>(d)])
                return Error{at(path, where), "ragged array: expected " +
                                                  std::to_string(dims[static_cast<size_t>(d)]) +
                                                  " elements, got " + std::to_string(node->size())};
            level[static_cast<size_t>(d) + 1] = &(*node)[index[static_cast<size_t>(d)]];
        }
        const json& leaf = *level[static_cast<size_t>(rank)];
        if (!json_float(leaf, *out++))
            return Error{at(path, index),
                         leaf.is_array()
                             ? "nested deeper than the rest of the array"
                             : "expected a number or \"nan\", \"inf\", \"-inf\", got " + brief_json(leaf)};
        for (int d = rank - 1; d >= 0; --d) {
            if (++index[static_cast<size_t>(d)] < static_cast<size_t>(dims[static_cast<size_t>(d)])) break;
            index[static_cast<size_t>(d)] = 0;
        }
    }
    return tensor;
}

std::string float_to_json(float value) {
    if (std::isnan(value)) return "\"nan\"";
    if (std::isinf(value)) return value > 0 ? "\"inf\"" : "\"-inf\"";
    std::string text = shortest_float_text(value);
    if (text.find_first_of(".e") == std::string::npos) text += ".0";
    return text;
}

namespace {

// Depth is the tensor's rank (at most 4), so recursion is bounded. Zero extents give PyTorch's tolist()
// shape, e.g. [[], []] for 2×0.
template <typename Emit>
void nested(std::string& text, const int64_t* dims, int rank, int64_t& flat, Emit& emit) {
    text += '[';
    for (int64_t i = 0; i < dims[0]; ++i) {
        if (i > 0) text += ',';
        if (rank == 1)
            emit(text, flat++);
        else
            nested(text, dims + 1, rank - 1, flat, emit);
    }
    text += ']';
}

template <typename Emit>
std::string nested(const Shape& shape, int rank, Emit emit) {
    const int64_t dims[4] = {shape.n, shape.c, shape.h, shape.w};
    std::string text;
    int64_t flat = 0;
    nested(text, dims + (4 - rank), rank, flat, emit);
    return text;
}

}  // namespace

std::string tensor_to_json(const Tensor& tensor) {
    const float* data = tensor.data();
    return nested(tensor.shape(), tensor.rank(),
                  [&](std::string& t, int64_t i) { t += float_to_json(data[i]); });
}

std::string indices_to_json(const std::vector<int64_t>& indices, const Shape& shape, int rank) {
    return nested(shape, rank,
                  [&](std::string& t, int64_t i) { t += std::to_string(indices[static_cast<size_t>(i)]); });
}

}  // namespace poolscope
