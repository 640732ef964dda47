// Walking shapes through a network the way PyTorch runs it: first every layer is built (constructor errors:
// nn.Linear(-1, 3), groups that do not divide the channels, Dropout(p=1.5)), then the input flows layer by
// layer and each layer checks what arrives, in PyTorch's order. Pooling layers: network_pool_shape.cpp.
#include <algorithm>
#include <limits>

#include "network_rules.h"

namespace poolscope {

namespace network_rules {

std::optional<Error> check_argument(const std::string& path, const char* name, int64_t value) {
    if (value > kMaxArgument || value < -kMaxArgument)
        return network_error(path + "/" + name, "size_limit", {name, num(value), num(kMaxArgument)});
    return std::nullopt;
}

}  // namespace network_rules

using namespace network_rules;

namespace {

// Tensors PoolScope follows: at most 2^62 elements, so every product below stays inside int64.
constexpr int64_t kMaxFollowedElements = int64_t{1} << 62;

// Parameter sums: each term is at most 2^62 (saturating_mul), a thousand of them must not overflow.
int64_t add_saturating(int64_t a, int64_t b) {
    int64_t sum = 0;
    return __builtin_add_overflow(a, b, &sum) ? std::numeric_limits<int64_t>::max() : sum;
}

int64_t product(const std::vector<int64_t>& dims, size_t begin, size_t end) {
    int64_t p = 1;
    for (size_t i = begin; i < end; ++i)
        p = saturating_mul(p, dims[i]);
    return p;
}

std::string pair_list(int64_t a, int64_t b) {
    return "[" + num(a) + ", " + num(b) + "]";
}

// Errors PyTorch raises while building the layer (Python constructors, and the weight tensors they make).
std::optional<Error> built_error(const NetLayer& layer) {
    const std::string& path = layer.path;
    auto first_negative = [&](const std::vector<int64_t>& dims) -> std::optional<Error> {
        for (int64_t d : dims)
            if (d < 0) return network_error(path, "negative_dimension", {num(d), size_list_text(dims)});
        return std::nullopt;
    };
    switch (layer.type) {
        case LayerType::kConv2d: {
            const Conv2dLayer& c = layer.conv;
            for (auto [name, v] :
                 {std::pair{"in_channels", c.in_channels}, std::pair{"out_channels", c.out_channels},
                  std::pair{"kernel_size", c.kernel_size.h}, std::pair{"kernel_size", c.kernel_size.w},
                  std::pair{"stride", c.stride.h}, std::pair{"stride", c.stride.w},
                  std::pair{"padding", c.padding.h}, std::pair{"padding", c.padding.w},
                  std::pair{"dilation", c.dilation.h}, std::pair{"dilation", c.dilation.w},
                  std::pair{"groups", c.groups}})
                if (std::optional<Error> e = check_argument(path, name, v)) return e;
            if (c.groups <= 0) return network_error(path, "conv_groups_positive");
            if (c.in_channels % c.groups != 0) return network_error(path, "conv_in_groups");
            if (c.out_channels % c.groups != 0) return network_error(path, "conv_out_groups");
            if (c.padding_mode == ConvPadding::kSame && (c.stride.h != 1 || c.stride.w != 1))
                return network_error(path, "conv_same_strided");
            if (c.lazy) return std::nullopt;  // its weight is made at the first call
            // Python's // rounds toward -infinity; with in_channels divisible by groups it is exact.
            return first_negative(
                {c.out_channels, c.in_channels / c.groups, c.kernel_size.h, c.kernel_size.w});
        }
        case LayerType::kLinear:
            for (auto [name, v] : {std::pair{"in_features", layer.linear.in_features},
                                   std::pair{"out_features", layer.linear.out_features}})
                if (std::optional<Error> e = check_argument(path, name, v)) return e;
            if (layer.linear.lazy) return std::nullopt;
            return first_negative({layer.linear.out_features, layer.linear.in_features});
        case LayerType::kDropout:
            if (layer.dropout_p < 0 || layer.dropout_p > 1)
                return network_error(path, "dropout_p", {layer.dropout_p_text});
            return std::nullopt;
        case LayerType::kSequential:
            for (const NetLayer& child : layer.layers)
                if (std::optional<Error> e = built_error(child)) return e;
            return std::nullopt;
        case LayerType::kPool:
        case LayerType::kReLU:
        case LayerType::kSigmoid:
        case LayerType::kFlatten:
            return std::nullopt;
    }
    return std::nullopt;
}

LayerOutcome conv_shape(const NetLayer& layer, const std::vector<int64_t>& in, LayerShape& shape) {
    const Conv2dLayer& c = layer.conv;
    const std::string& path = layer.path;
    const size_t rank = in.size();
    LayerOutcome out;
    auto fail = [&](std::string_view code, std::vector<std::string> args = {}) {
        out.error = network_error(path, code, std::move(args));
        return out;
    };
    if (rank != 3 && rank != 4)
        return c.lazy ? fail("lazy_conv_rank", {size_list_text(in)})
                      : fail("conv_rank", {size_list_text(in)});
    const int64_t in_channels = c.lazy ? in[rank - 3] : c.in_channels;
    shape.in_channels = in_channels;
    if (c.lazy) {
        if (in_channels % c.groups != 0) return fail("conv_in_groups");
        const std::vector<int64_t> weight = {c.out_channels, in_channels / c.groups, c.kernel_size.h,
                                             c.kernel_size.w};
        for (int64_t d : weight)
            if (d < 0) return fail("negative_dimension", {num(d), size_list_text(weight)});
    }
    const Pair k = c.kernel_size, s = c.stride, d = c.dilation;
    // "same": dilation*(kernel-1) in all, the odd cell at the end (PyTorch pads the end first, then both
    // sides equally); "valid": none.
    Padding pad = Padding::symmetric(c.padding);
    if (c.padding_mode == ConvPadding::kValid) pad = {};
    if (c.padding_mode == ConvPadding::kSame) {
        const int64_t th = d.h * (k.h - 1), tw = d.w * (k.w - 1);
        pad = {th / 2, tw / 2, th - th / 2, tw - tw / 2};
    }
    shape.padding = pad;
    if (c.padding_mode == ConvPadding::kNumbers && (c.padding.h < 0 || c.padding.w < 0))
        return fail("conv_padding_negative");
    if (s.h <= 0 || s.w <= 0) return fail("conv_stride");
    const std::vector<int64_t> weight = {c.out_channels, in_channels / c.groups, k.h, k.w};
    if (c.out_channels < c.groups) return fail("conv_weight_groups", {num(c.groups), size_list_text(weight)});
    std::vector<int64_t> batched = in;
    if (rank == 3) batched.insert(batched.begin(), 1);
    batched[2] += pad.bottom - pad.top;  // what conv2d sees after "same" pads the odd cell
    batched[3] += pad.right - pad.left;
    if (batched[1] != weight[1] * c.groups) {
        out.reasons.push_back({path + "/in_channels", "in_channels is " + num(in_channels) + ", but " +
                                                          num(batched[1]) + " channels arrive (" +
                                                          size_list_text(in) + ")"});
        return fail("conv_channels", {num(c.groups), size_list_text(weight), size_list_text(batched),
                                      num(weight[1] * c.groups), num(batched[1])});
    }
    // Which CPU path PyTorch 1.13 takes decides the wording of the next two checks: oneDNN for groups,
    // kernels larger than 3 x 3, batches, or inputs over 20480 elements (its use_mkldnn heuristic).
    const bool onednn =
        c.groups > 1 || (k.h > 3 && k.w > 3) || batched[0] > 1 || product(batched, 0, batched.size()) > 20480;
    if ((k.h <= 0 || k.w <= 0) && (d.h <= 0 || d.w <= 0))
        return fail("conv_kernel_list", {pair_list(k.h, k.w)});
    if (d.h <= 0 || d.w <= 0)
        return onednn ? fail("conv_dilation_nonpositive") : fail("conv_dilation", {pair_list(d.h, d.w)});
    const int64_t padded_h = in[rank - 2] + pad.top + pad.bottom,
                  padded_w = in[rank - 1] + pad.left + pad.right;
    const int64_t span_h = d.h * (k.h - 1) + 1, span_w = d.w * (k.w - 1) + 1;
    if (padded_h < span_h || padded_w < span_w)
        return fail("conv_too_small",
                    {num(padded_h) + " x " + num(padded_w), num(span_h) + " x " + num(span_w)});
    if (k.h <= 0 || k.w <= 0)
        return onednn ? fail("conv_kernel_onednn") : fail("conv_kernel", {num(k.h), num(k.w)});
    shape.h = explain_axis(in[rank - 2], k.h, s.h, pad.top, pad.bottom, d.h, false);
    shape.w = explain_axis(in[rank - 1], k.w, s.w, pad.left, pad.right, d.w, false);
    out.output = in;
    out.output[rank - 3] = c.out_channels;
    out.output[rank - 2] = shape.h->output;
    out.output[rank - 1] = shape.w->output;
    shape.weights = saturating_mul(saturating_mul(c.out_channels, in_channels / c.groups), k.h * k.w);
    shape.biases = c.bias ? c.out_channels : 0;
    return out;
}

LayerOutcome linear_shape(const NetLayer& layer, const std::vector<int64_t>& in, LayerShape& shape) {
    const LinearLayer& l = layer.linear;
    LayerOutcome out;
    const int64_t features = in.back();
    const int64_t in_features = l.lazy ? features : l.in_features;
    shape.in_channels = in_features;
    if (l.lazy && l.out_features < 0) {
        out.error = network_error(layer.path, "negative_dimension",
                                  {num(l.out_features), size_list_text({l.out_features, in_features})});
        return out;
    }
    if (features != in_features) {
        // F.linear multiplies the input, folded to (everything before the last dimension) x features, by
        // the weight transposed (in_features x out_features): PyTorch quotes both operands.
        out.error = network_error(
            layer.path, "linear_mismatch",
            {num(product(in, 0, in.size() - 1)), num(features), num(in_features), num(l.out_features)});
        out.reasons.push_back({layer.path + "/in_features",
                               "in_features is " + num(in_features) + ", but what arrives, " +
                                   size_list_text(in) + ", has " + num(features) +
                                   " values in its last dimension" +
                                   (in.size() > 2 ? " (a Flatten before this layer would make " +
                                                        num(product(in, 1, in.size())) + " of them)"
                                                  : std::string())});
        return out;
    }
    out.output = in;
    out.output.back() = l.out_features;
    shape.weights = saturating_mul(l.out_features, in_features);
    shape.biases = l.bias ? l.out_features : 0;
    return out;
}

LayerOutcome flatten_shape(const NetLayer& layer, const std::vector<int64_t>& in) {
    const int64_t rank = static_cast<int64_t>(in.size());
    LayerOutcome out;
    int64_t dims[2] = {layer.flatten.start_dim, layer.flatten.end_dim};
    for (int64_t& dim : dims) {
        if (dim < -rank || dim >= rank) {
            out.error = network_error(layer.path, "dim_out_of_range", {num(-rank), num(rank - 1), num(dim)});
            return out;
        }
        if (dim < 0) dim += rank;
    }
    if (dims[0] > dims[1]) {
        out.error = network_error(layer.path, "flatten_order");
        return out;
    }
    const size_t start = static_cast<size_t>(dims[0]), end = static_cast<size_t>(dims[1]);
    out.output.assign(in.begin(), in.begin() + static_cast<std::ptrdiff_t>(start));
    out.output.push_back(product(in, start, end + 1));
    out.output.insert(out.output.end(), in.begin() + static_cast<std::ptrdiff_t>(end) + 1, in.end());
    return out;
}

struct Walker {
    NetworkShapes& result;

    // Runs `layers` on `x` (replaced by what leaves them); false once a layer fails.
    bool run(const std::vector<NetLayer>& layers, const std::vector<size_t>& prefix,
             std::vector<int64_t>& x) {
        for (size_t i = 0; i < layers.size(); ++i) {
            const NetLayer& layer = layers[i];
            const size_t at = result.layers.size();
            result.layers.emplace_back();
            LayerShape& shape = result.layers[at];
            shape.name = std::string(layer_class_name(layer));
            shape.path = layer.path;
            shape.index = prefix;
            shape.index.push_back(i);
            shape.input = x;
            LayerOutcome outcome;
            switch (layer.type) {
                case LayerType::kConv2d:
                    outcome = conv_shape(layer, x, shape);
                    break;
                case LayerType::kLinear:
                    outcome = linear_shape(layer, x, shape);
                    break;
                case LayerType::kPool:
                    outcome = pool_layer_shape(layer, x, shape);
                    break;
                case LayerType::kFlatten:
                    outcome = flatten_shape(layer, x);
                    break;
                case LayerType::kReLU:
                case LayerType::kSigmoid:
                case LayerType::kDropout:
                    outcome.output = x;
                    break;
                case LayerType::kSequential: {
                    const std::vector<size_t> inner_prefix = result.layers[at].index;
                    std::vector<int64_t> y = x;
                    const bool ok = run(layer.layers, inner_prefix, y);
                    LayerShape& block = result.layers[at];  // `shape` may have moved
                    block.inner = result.layers.size() - at - 1;
                    for (size_t j = at + 1; j < result.layers.size(); ++j)
                        if (result.layers[j].depth() == block.depth() + 1) {
                            block.weights = add_saturating(block.weights, result.layers[j].weights);
                            block.biases = add_saturating(block.biases, result.layers[j].biases);
                        }
                    if (!ok) return false;
                    block.output = y;
                    x = std::move(y);
                    continue;
                }
            }
            LayerShape& done = result.layers[at];
            if (!outcome.error && product(outcome.output, 0, outcome.output.size()) == 0)
                outcome.error = network_error(layer.path, "empty_tensor", {size_list_text(outcome.output)});
            if (!outcome.error && product(outcome.output, 0, outcome.output.size()) > kMaxFollowedElements)
                outcome.error =
                    network_error(layer.path, "size_limit",
                                  {"the output", size_list_text(outcome.output), "2^62 elements"});
            if (outcome.error) {
                NetworkError e;
                e.index = done.index;
                e.kind = std::string(network_error_kind(outcome.error->code));
                e.error = std::move(*outcome.error);
                e.reasons = std::move(outcome.reasons);
                result.error = std::move(e);
                return false;
            }
            done.output = outcome.output;
            result.parameters = add_saturating(result.parameters, done.parameters());
            x = std::move(outcome.output);
        }
        return true;
    }
};

// The first layer (depth-first) that PyTorch refuses to build, with its index.
std::optional<NetworkError> first_built_error(const std::vector<NetLayer>& layers,
                                              std::vector<size_t> prefix) {
    for (size_t i = 0; i < layers.size(); ++i) {
        prefix.push_back(i);
        const NetLayer& layer = layers[i];
        if (layer.type == LayerType::kSequential) {
            if (std::optional<NetworkError> e = first_built_error(layer.layers, prefix)) return e;
        } else if (std::optional<Error> e = built_error(layer)) {
            NetworkError error;
            error.index = prefix;
            error.when_built = true;
            error.kind = std::string(network_error_kind(e->code));
            error.error = std::move(*e);
            return error;
        }
        prefix.pop_back();
    }
    return std::nullopt;
}

}  // namespace

NetworkShapes network_shapes(const Network& network) {
    NetworkShapes result;
    result.input = network.input;
    if (std::optional<NetworkError> e = first_built_error(network.layers, {})) {
        result.error = std::move(e);
        return result;
    }
    std::vector<int64_t> x = network.input;
    Walker{result}.run(network.layers, {}, x);
    return result;
}

std::vector<size_t> NetworkShapes::top_level() const {
    std::vector<size_t> top;
    for (size_t i = 0; i < layers.size(); ++i)
        if (layers[i].index.size() == 1) top.push_back(i);
    return top;
}

std::optional<size_t> NetworkShapes::find(const std::vector<size_t>& index) const {
    for (size_t i = 0; i < layers.size(); ++i)
        if (layers[i].index == index) return i;
    return std::nullopt;
}

const std::vector<int64_t>& NetworkShapes::size_after(std::optional<size_t> position) const {
    return position ? layers[*position].output : input;
}

std::string size_list_text(const std::vector<int64_t>& dims) {
    std::string s = "[";
    for (size_t i = 0; i < dims.size(); ++i)
        s += (i ? ", " : "") + num(dims[i]);
    return s + "]";
}

std::string torch_size_text(const std::vector<int64_t>& dims) {
    return "torch.Size(" + size_list_text(dims) + ")";
}

std::string d2l_shape_line(const LayerShape& layer) {
    return layer.name + " output shape:\t " + torch_size_text(layer.output);
}

std::vector<std::string> d2l_table(const NetworkShapes& shapes) {
    std::vector<std::string> lines;
    for (size_t i : shapes.top_level())
        if (!shapes.layers[i].output.empty()) lines.push_back(d2l_shape_line(shapes.layers[i]));
    return lines;
}

}  // namespace poolscope
