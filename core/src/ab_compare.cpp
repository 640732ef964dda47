// compare_ab() (ab_compare.h): both sides planned and run on the one input, the cells compared, and each
// difference explained from the two cells' traces (trace.h) and the plans' per-axis terms (output_shape.h),
// so a sentence names what the core actually computed. The English templates are in ab_text.cpp.
#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "ab_text.h"
#include "int_text.h"
#include "poolscope/ab_compare.h"
#include "poolscope/convention.h"

namespace poolscope {
namespace {

using ::poolscope::detail::num;

// "2" for a square pair, "(2, 3)" otherwise: how a stride is quoted.
std::string pair_text(int64_t h, int64_t w) {
    return h == w ? num(h) : "(" + num(h) + ", " + num(w) + ")";
}

AbSide plan_side(const Tensor& input, const LayerSpec& layer) {
    AbSide side;
    side.layer = layer;
    Result<PoolPlan> plan = plan_layer(input.shape(), layer);
    if (plan)
        side.plan = std::move(plan).value();
    else
        side.errors = plan.errors();
    return side;
}

// Window reads of one forward pass (as check_plan_limits counts them).
int64_t plan_work(const PoolPlan& plan) {
    const Shape &in = plan.input, &out = plan.output;
    const int64_t taps = is_adaptive(plan.op()) ? (out.h ? (in.h + out.h - 1) / out.h + 1 : 0) *
                                                      (out.w ? (in.w + out.w - 1) / out.w + 1 : 0)
                                                : plan.params.kernel_size.h * plan.params.kernel_size.w;
    return taps > 0 && out.numel() > kMaxAbWork / taps ? kMaxAbWork + 1 : out.numel() * taps;
}

bool same_value(float x, float y) {
    return x == y || (x != x && y != y);  // NaN in both is no difference
}

// Reasons with the same sentence and place share one entry; its cells accumulate in the order added.
class Reasons {
  public:
    explicit Reasons(std::vector<AbReason>& out) : out_(out) {}
    void add(AbPlace place, Difference text, AbTells tells, const OutputCell& cell) {
        std::string key = text.code + '\x1f' + std::to_string(static_cast<int>(place));
        for (const std::string& arg : text.args)
            key += '\x1f' + arg;
        auto [it, inserted] = index_.emplace(std::move(key), out_.size());
        if (inserted) out_.push_back(AbReason{std::move(text), place, {}, tells});
        out_[it->second].cells.push_back(cell);
    }

  private:
    std::vector<AbReason>& out_;
    std::map<std::string, size_t> index_;
};

const char* side_name(bool b) {
    return b ? "B" : "A";
}

// Where the same output cell's windows differ (kernel, dilation, start), or else how the same window is
// turned into a number (divisor, norm), A against B.
void explain_both(Reasons& reasons, const AbComparison& cmp, const CellTrace& ta, const CellTrace& tb) {
    const PoolPlan &pa = *cmp.a.plan, &pb = *cmp.b.plan;
    const OutputCell& cell = ta.cell;
    const auto add = [&](std::string_view code, std::vector<std::string> args, AbTells tells) {
        reasons.add(AbPlace::kBoth, ab_difference(code, std::move(args)), tells, cell);
    };
    const bool op_differs = pa.op() != pb.op();
    if (op_differs) add("ab_op", {std::string(op_name(pa.op())), std::string(op_name(pb.op()))}, {});
    if (ta.rows != tb.rows || ta.cols != tb.cols) {
        add("ab_window_size", {num(ta.rows), num(ta.cols), num(tb.rows), num(tb.cols)}, {.window = true});
        return;
    }
    if (ta.step_h != tb.step_h || ta.step_w != tb.step_w) {
        add("ab_window_dilation", {num(ta.step_h), num(ta.step_w), num(tb.step_h), num(tb.step_w)},
            {.window = true});
        return;
    }
    if (ta.h_start != tb.h_start || ta.w_start != tb.w_start) {
        const int64_t rows = ta.h_start - tb.h_start, cols = ta.w_start - tb.w_start;  // B higher, left
        const bool strides_equal = !is_adaptive(pa.op()) && !is_adaptive(pb.op()) &&
                                   pa.h.stride == pb.h.stride && pa.w.stride == pb.w.stride;
        if (strides_equal && ((rows >= 0 && cols >= 0) || (rows <= 0 && cols <= 0))) {
            // Same stride: every window moves by the difference in begin padding, one sentence for all.
            const bool b_more = rows >= 0 && cols >= 0;
            const PoolPlan &more = b_more ? pb : pa, &less = b_more ? pa : pb;
            add("ab_window_shift",
                {side_name(b_more), num(more.h.pad_begin), num(more.w.pad_begin), side_name(!b_more),
                 num(less.h.pad_begin), num(less.w.pad_begin), num(rows < 0 ? -rows : rows),
                 num(cols < 0 ? -cols : cols)},
                {.window = true});
        } else {
            add("ab_window_stride",
                {num(cell.oh), num(cell.ow), num(ta.h_start), num(ta.w_start), num(tb.h_start),
                 num(tb.w_start), pair_text(pa.h.stride, pa.w.stride), pair_text(pb.h.stride, pb.w.stride)},
                {.window = true});
        }
        return;
    }
    if (ta.divisor != tb.divisor && ta.divisor_rule != DivisorRule::kNone &&
        tb.divisor_rule != DivisorRule::kNone) {
        const std::optional<int64_t>&oa = pa.params.divisor_override, &ob = pb.params.divisor_override;
        if (oa != ob) {
            const bool b_side = ob.has_value();
            add("ab_divisor_override",
                {side_name(b_side), num(b_side ? *ob : *oa), num(b_side ? ta.divisor : tb.divisor)},
                {.divisor = true});
        } else if (pa.params.count_include_pad != pb.params.count_include_pad) {
            const bool b_excludes = !pb.params.count_include_pad;
            const int64_t mine = b_excludes ? tb.divisor : ta.divisor,
                          other = b_excludes ? ta.divisor : tb.divisor;
            add("ab_divisor_padding", {side_name(b_excludes), num(mine), num(other), num(other - mine)},
                {.divisor = true});
        } else {
            add("ab_divisor", {num(ta.divisor), num(tb.divisor)}, {.divisor = true});
        }
        return;
    }
    if (op_differs) return;
    if (pa.op() == PoolOp::kLp && pa.params.norm_type != pb.params.norm_type) {
        const auto p_text = [](double p) {
            std::string t = std::to_string(p);
            t.erase(t.find_last_not_of('0') + 1);
            if (!t.empty() && t.back() == '.') t.pop_back();
            return t;
        };
        add("ab_norm_type", {p_text(pa.params.norm_type), p_text(pb.params.norm_type)}, {});
        return;
    }
    add("ab_result", {}, {});
}

bool same_except_ceil(const AxisShape& x, const AxisShape& y) {
    return x.input == y.input && x.kernel == y.kernel && x.stride == y.stride && x.dilation == y.dilation &&
           x.pad_begin == y.pad_begin && x.pad_end == y.pad_end && x.ceil_mode != y.ceil_mode &&
           x.end_padding_rule == y.end_padding_rule;
}

bool same_except_padding(const AxisShape& x, const AxisShape& y) {
    return x.input == y.input && x.kernel == y.kernel && x.stride == y.stride && x.dilation == y.dilation &&
           x.ceil_mode == y.ceil_mode && (x.pad_begin != y.pad_begin || x.pad_end != y.pad_end);
}

const char* rounding(const AxisShape& s) {
    return !s.ceil_mode ? "down" : s.dropped_last_window ? "up_dropped" : "up";
}

// Why one side has more outputs along an axis: the sentence for the extra rows (or columns).
Difference count_reason(const PoolPlan& more, const PoolPlan& less, bool b_more, bool rows) {
    const AxisShape &m = rows ? more.h : more.w, &l = rows ? less.h : less.w;
    const int64_t cm = rows ? more.output.h : more.output.w, cl = rows ? less.output.h : less.output.w;
    const char* along = rows ? "height" : "width";
    const char* line = rows ? "row" : "column";
    if (is_adaptive(more.op()) || is_adaptive(less.op()))
        return ab_difference("ab_output_size",
                             {side_name(b_more), along, num(cm), side_name(!b_more), num(cl)});
    if (same_except_ceil(m, l) && cm == cl + 1) {
        const int64_t start = m.window_start(cl);
        return ab_difference(
            start < m.input ? "ab_ceil_extra" : "ab_ceil_extra_in_padding",
            {side_name(b_more), line, num(cl), num(start), num(m.input + m.pad_end - 1), side_name(!b_more)});
    }
    if (same_except_padding(m, l))
        return ab_difference("ab_padding_extra",
                             {side_name(b_more), along, num(m.pad_begin), num(m.pad_end), num(m.padded_input),
                              num(l.padded_input), side_name(!b_more), num(cm), num(cl)});
    return ab_difference("ab_count",
                         {side_name(b_more), along, num(cm), num(m.padded_input), num(m.effective_kernel),
                          num(m.stride), rounding(m), side_name(!b_more), num(cl), num(l.padded_input),
                          num(l.effective_kernel), num(l.stride), rounding(l)});
}

// The cells only one side has, each with why its axis has more outputs, and for an average window that
// hangs past the padded input, what it divides by.
void explain_extra(Reasons& reasons, const AbComparison& cmp, const Tensor& input, bool b_more) {
    const AbSide &more = b_more ? cmp.b : cmp.a, &less = b_more ? cmp.a : cmp.b;
    const PoolPlan &pm = *more.plan, &pl = *less.plan;
    const AbPlace place = b_more ? AbPlace::kOnlyB : AbPlace::kOnlyA;
    const std::vector<OutputCell>& cells = b_more ? cmp.only_b : cmp.only_a;
    std::optional<Difference> row_reason, col_reason;
    if (pm.output.h > pl.output.h) row_reason = count_reason(pm, pl, b_more, true);
    if (pm.output.w > pl.output.w) col_reason = count_reason(pm, pl, b_more, false);
    // The extra cells tell the output's size; ceil_mode's sentence also where a window starts, and the
    // general count quotes the shape formula's division ("/ 2"), which reads like a divisor while one is
    // asked.
    const auto tells_of = [](const Difference& d) {
        return AbTells{
            .shape = true, .divisor = d.code == "ab_count", .window = d.code.rfind("ab_ceil_extra", 0) == 0};
    };
    for (const OutputCell& cell : cells) {
        if (row_reason && cell.oh >= pl.output.h)
            reasons.add(place, *row_reason, tells_of(*row_reason), cell);
        if (col_reason && cell.ow >= pl.output.w)
            reasons.add(place, *col_reason, tells_of(*col_reason), cell);
    }
    if (pm.op() != PoolOp::kAvg || pm.params.divisor_override) return;
    CellTrace trace;
    for (const OutputCell& cell : cells) {
        trace_cell(pm, input, cell, trace);
        if (trace.divisor_rule == DivisorRule::kWindowArea && trace.divisor < trace.rows * trace.cols)
            reasons.add(place,
                        ab_difference("ab_overhang_divisor",
                                      {side_name(b_more), num(trace.divisor), num(trace.rows * trace.cols)}),
                        {.divisor = true}, cell);
    }
}

// Settings that differ without a visible effect here: ceil_mode that adds nothing, count_include_pad
// without padding.
void add_notes(AbComparison& cmp) {
    const PoolPlan &pa = *cmp.a.plan, &pb = *cmp.b.plan;
    if (!is_adaptive(pa.op()) && !is_adaptive(pb.op())) {
        for (const bool rows : {true, false}) {
            const AxisShape &sa = rows ? pa.h : pa.w, &sb = rows ? pb.h : pb.w;
            const int64_t ca = rows ? pa.output.h : pa.output.w, cb = rows ? pb.output.h : pb.output.w;
            if (sa.ceil_mode == sb.ceil_mode || ca != cb) continue;
            const bool b_ceil = sb.ceil_mode;
            const AxisShape &ceil = b_ceil ? sb : sa, &floor = b_ceil ? sa : sb;
            if (ceil.dropped_last_window)
                cmp.notes.push_back(
                    {ab_difference("ab_ceil_dropped", {side_name(b_ceil), rows ? "row" : "column",
                                                       num(ceil.window_start(ceil.raw_output - 1))}),
                     AbPlace::kBoth,
                     {},
                     {.shape = true, .window = true}});
            else if (floor.remainder == 0 && floor.slide == ceil.slide && floor.stride == ceil.stride)
                cmp.notes.push_back({ab_difference("ab_ceil_exact", {rows ? "height" : "width",
                                                                     num(floor.slide), num(floor.stride)}),
                                     AbPlace::kBoth,
                                     {},
                                     {.shape = true}});
        }
    }
    const auto pads = [](const PoolPlan& p) {
        return p.h.pad_begin + p.h.pad_end + p.w.pad_begin + p.w.pad_end;
    };
    if (pa.op() == PoolOp::kAvg && pb.op() == PoolOp::kAvg &&
        pa.params.count_include_pad != pb.params.count_include_pad && !pa.params.divisor_override &&
        !pb.params.divisor_override && pads(pa) == 0 && pads(pb) == 0)
        cmp.notes.push_back({ab_difference("ab_no_padding_read", {}), AbPlace::kBoth, {}, {.divisor = true}});
}

}  // namespace

Result<AbComparison> compare_ab(const Tensor& input, const LayerSpec& a, const LayerSpec& b) {
    AbComparison cmp;
    cmp.a = plan_side(input, a);
    cmp.b = plan_side(input, b);
    // Both forward passes, and at most as much again for the traces of the cells that differ.
    const int64_t work =
        (cmp.a.plan ? plan_work(*cmp.a.plan) : 0) + (cmp.b.plan ? plan_work(*cmp.b.plan) : 0);
    if (work > kMaxAbWork / 2)
        return Error{"input", "comparing these layers window by window needs " + num(2 * work) +
                                  " window reads, more than " + num(kMaxAbWork) +
                                  ": use a smaller input or kernel"};
    for (AbSide* side : {&cmp.a, &cmp.b})
        if (side->plan) side->output = forward(*side->plan, input);
    if (!cmp.a.plan || !cmp.b.plan || cmp.same_layer()) return cmp;

    const Shape &oa = cmp.a.plan->output, &ob = cmp.b.plan->output;
    for (int64_t n = 0; n < oa.n; ++n)
        for (int64_t c = 0; c < oa.c; ++c)
            for (int64_t h = 0; h < std::max(oa.h, ob.h); ++h)
                for (int64_t w = 0; w < std::max(oa.w, ob.w); ++w) {
                    const bool in_a = h < oa.h && w < oa.w, in_b = h < ob.h && w < ob.w;
                    const OutputCell cell{n, c, h, w};
                    if (in_a && in_b) {
                        if (!same_value(cmp.a.output.values.at(n, c, h, w),
                                        cmp.b.output.values.at(n, c, h, w)))
                            cmp.differing.push_back(cell);
                    } else if (in_a) {
                        cmp.only_a.push_back(cell);
                    } else if (in_b) {
                        cmp.only_b.push_back(cell);
                    }
                }
    Reasons reasons(cmp.reasons);
    CellTrace ta, tb;
    for (const OutputCell& cell : cmp.differing) {
        trace_cell(*cmp.a.plan, input, cell, ta);
        trace_cell(*cmp.b.plan, input, cell, tb);
        explain_both(reasons, cmp, ta, tb);
    }
    if (!cmp.only_a.empty()) explain_extra(reasons, cmp, input, false);
    if (!cmp.only_b.empty()) explain_extra(reasons, cmp, input, true);
    add_notes(cmp);
    return cmp;
}

bool same_layer(const LayerSpec& a, const LayerSpec& b) {
    const auto written = [](LayerSpec l) {
        l.params.stride = effective_stride(l);
        return l;
    };
    return written(a) == written(b);
}

bool ab_reason_hidden(const AbReason& reason, const QuizHidden& hidden) {
    if (hidden.output_shape && (reason.tells.shape || reason.place != AbPlace::kBoth)) return true;
    for (const OutputCell& cell : reason.cells)
        if (hidden.hides_window(cell)) return true;
    for (const HiddenWindow& w : hidden.windows)
        if ((reason.tells.divisor && w.divisor) || (reason.tells.window && w.window)) return true;
    return false;
}

}  // namespace poolscope
