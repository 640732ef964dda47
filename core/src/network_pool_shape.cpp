// A pooling layer inside a network: PyTorch 1.13's checks in its own order (max_pool2d_with_indices' and
// avg_pool2d's meta functions: rank, then per axis stride != 0, pad >= 0, pad <= kernel/2, then kernel,
// stride and dilation > 0, then the output size; adaptive pools' Python wrappers first), worded as PyTorch
// words them. The output size is make_plan()'s walkthrough (explain_axis), so the pooling views and the
// network agree on every term; make_plan() also supplies PoolScope's own explanation of a rejection.
#include "network_rules.h"

#include "poolscope/pool_plan.h"

namespace poolscope::network_rules {
namespace {

struct Axis {
    int64_t input, kernel, stride, pad, dilation;
};

// pooling_output_shape's checks for one axis.
std::optional<Error> check_axis(const std::string& path, const Axis& a) {
    if (a.stride == 0) return network_error(path, "pool_stride_zero");
    if (a.pad < 0) return network_error(path, "pool_pad_negative", {num(a.pad)});
    if (a.pad > a.kernel / 2) return network_error(path, "pool_pad_half", {num(a.pad), num(a.kernel)});
    return std::nullopt;
}

std::string plane_text(int64_t c, int64_t h, int64_t w) {
    return num(c) + "x" + num(h) + "x" + num(w);
}

LayerOutcome adaptive_shape(const NetLayer& layer, const std::vector<int64_t>& in, LayerShape& shape) {
    const std::string& path = layer.path;
    const PoolParams& p = layer.pool;
    const size_t rank = in.size();
    const bool avg = p.op == PoolOp::kAdaptiveAvg;
    LayerOutcome out;
    // F.adaptive_*_pool2d's _list_with_default: a pair needs at least 3 input dimensions.
    const bool pair = layer.output_size_pair;
    if (pair && rank <= 2) {
        out.error = network_error(path, "adaptive_rank_pair");
        return out;
    }
    const int64_t oh = layer.keep_input_h ? in[rank - 2] : p.output_size.h;
    const int64_t ow = layer.keep_input_w ? in[rank - 1] : p.output_size.w;
    if (std::optional<Error> e = check_argument(path, "output_size", oh)) return {{}, e, {}};
    if (std::optional<Error> e = check_argument(path, "output_size", ow)) return {{}, e, {}};
    if (avg) {
        if (oh < 0 || ow < 0) {
            out.error = network_error(path, "adaptive_avg_negative", {num(oh), num(ow)});
            return out;
        }
        // PyTorch takes the mean over the last two dimensions for (1, 1), whatever the rank.
        if (oh == 1 && ow == 1 && rank != 3 && rank != 4) {
            if (rank < 2) {
                out.error = network_error(path, "dim_out_of_range", {"-1", "0", "-2"});
                return out;
            }
            out.output = in;
            out.output[rank - 1] = out.output[rank - 2] = 1;
            return out;
        }
        if (rank != 3 && rank != 4) {
            out.error = network_error(path, "adaptive_avg_rank", {size_list_text(in)});
            return out;
        }
    } else {
        if (rank != 3 && rank != 4) {
            out.error = network_error(path, "adaptive_max_rank", {size_list_text(in)});
            return out;
        }
        if (oh < 0 || ow < 0) {
            std::vector<int64_t> dims(in.begin(), in.end() - 2);
            dims.push_back(oh);
            dims.push_back(ow);
            out.error =
                network_error(path, "negative_dimension", {num(oh < 0 ? oh : ow), size_list_text(dims)});
            return out;
        }
    }
    out.output = in;
    out.output[rank - 2] = oh;
    out.output[rank - 1] = ow;
    PoolParams resolved = p;
    resolved.output_size = {oh, ow};
    const Shape s{rank == 4 ? in[0] : 1, in[rank - 3], in[rank - 2], in[rank - 1]};
    if (Result<PoolPlan> plan = make_plan(s, resolved)) shape.plan = plan.value();
    return out;
}

}  // namespace

LayerOutcome pool_layer_shape(const NetLayer& layer, const std::vector<int64_t>& in, LayerShape& shape) {
    if (is_adaptive(layer.pool.op)) return adaptive_shape(layer, in, shape);
    const std::string& path = layer.path;
    PoolParams p = layer.pool;
    if (p.op == PoolOp::kLp) p.padding = {};  // lp_pool2d passes padding 0 to avg_pool2d
    const size_t rank = in.size();
    LayerOutcome out;
    for (auto [name, pair] :
         {std::pair{"kernel_size", p.kernel_size}, std::pair{"stride", p.effective_stride()},
          std::pair{"dilation", p.dilation}, std::pair{"padding", Pair{p.padding.top, p.padding.left}}})
        for (int64_t v : {pair.h, pair.w})
            if (std::optional<Error> e = check_argument(path, name, v)) return {{}, e, {}};
    if (p.op == PoolOp::kAvg && p.divisor_override && *p.divisor_override == 0) {
        out.error = network_error(path, "pool_divisor_zero");
        return out;
    }
    if (rank != 3 && rank != 4) {
        // max_pool2d checks the rank; avg_pool2d (and lp_pool2d through it) reads size(-3) first.
        out.error =
            p.op == PoolOp::kMax ? network_error(path, "max_pool_rank")
            : rank < 3
                ? network_error(path, "dim_out_of_range",
                                {num(-static_cast<int64_t>(rank)), num(static_cast<int64_t>(rank) - 1), "-3"})
                : network_error(path, "max_pool_rank");
        return out;
    }
    const Pair k = p.kernel_size, s = p.effective_stride(), d = p.effective_dilation();
    const int64_t c = in[rank - 3], h = in[rank - 2], w = in[rank - 1];
    for (const Axis& a : {Axis{h, k.h, s.h, p.padding.top, d.h}, Axis{w, k.w, s.w, p.padding.left, d.w}})
        if (std::optional<Error> e = check_axis(path, a)) {
            out.error = e;
            break;
        }
    if (!out.error && (k.h <= 0 || k.w <= 0))
        out.error = network_error(path, "pool_kernel", {num(k.h), num(k.w)});
    if (!out.error && (s.h <= 0 || s.w <= 0))
        out.error = network_error(path, "pool_stride_positive", {num(s.h), num(s.w)});
    if (!out.error && (d.h <= 0 || d.w <= 0))
        out.error = network_error(path, "pool_dilation", {num(d.h), num(d.w)});
    const Shape input_shape{rank == 4 ? in[0] : 1, c, h, w};
    if (out.error) {
        if (Result<PoolPlan> plan = make_plan(input_shape, p); !plan) out.reasons = plan.errors();
        return out;
    }
    shape.h = explain_axis(h, k.h, s.h, p.padding.top, p.padding.bottom, d.h, p.ceil_mode);
    shape.w = explain_axis(w, k.w, s.w, p.padding.left, p.padding.right, d.w, p.ceil_mode);
    if (shape.h->output < 1 || shape.w->output < 1) {
        out.error = network_error(path, "pool_too_small",
                                  {plane_text(c, h, w), plane_text(c, shape.h->output, shape.w->output)});
        if (Result<PoolPlan> plan = make_plan(input_shape, p); !plan) out.reasons = plan.errors();
        return out;
    }
    if (p.op == PoolOp::kLp && p.norm_type == 0.0) {
        out.error = network_error(path, "lp_norm_zero");
        if (Result<PoolPlan> plan = make_plan(input_shape, p); !plan) out.reasons = plan.errors();
        return out;
    }
    out.output = in;
    out.output[rank - 2] = shape.h->output;
    out.output[rank - 1] = shape.w->output;
    // The plan the pooling views draw from; past PoolScope's forward-pass limits there is none (the shapes
    // still follow: they need no window reads).
    if (Result<PoolPlan> plan = make_plan(input_shape, p)) shape.plan = plan.value();
    return out;
}

}  // namespace poolscope::network_rules
