// Receptive fields by walking the layers backwards: each layer maps the set of its output cells asked about
// to the set of its input cells they read. Sets stay boxes (one index set per dimension) because every
// layer's windows are boxes; windows are marked with a difference array per axis, stepping by the dilation,
// so the cost is O(size of the axis) whatever the kernel.
#include "poolscope/receptive_field.h"
#include "int_text.h"

#include <algorithm>

namespace poolscope {
namespace {

using ::poolscope::detail::num;

constexpr int64_t kHuge = int64_t{1} << 62;

// a + b clamped to (-2^62, 2^62): the operands here stay within that range.
int64_t add(int64_t a, int64_t b) {
    return std::clamp(a + std::clamp(b, -kHuge, kHuge), -kHuge, kHuge);
}

IndexRuns runs_from_marks(const std::vector<int32_t>& marks) {
    IndexRuns r;
    for (size_t i = 0; i < marks.size(); ++i) {
        if (marks[i] <= 0) continue;
        const int64_t at = static_cast<int64_t>(i);
        if (!r.runs.empty() && r.runs.back().second == at)
            ++r.runs.back().second;
        else
            r.runs.push_back({at, at + 1});
    }
    return r;
}

// Windows of the output positions in `out`: position o reads taps o*stride - pad + t*dilation, t < kernel,
// those inside [0, input).
IndexRuns window_back(const IndexRuns& out, int64_t input, int64_t kernel, int64_t stride, int64_t pad,
                      int64_t dilation) {
    std::vector<int32_t> diff(static_cast<size_t>(input), 0);
    for (const auto& [begin, end] : out.runs)
        for (int64_t o = begin; o < end; ++o) {
            const int64_t start = o * stride - pad;
            // First and last tap inside the input.
            const int64_t t_first = start >= 0 ? 0 : (-start + dilation - 1) / dilation;
            const int64_t t_last = std::min(kernel - 1, start + (kernel - 1) * dilation < input
                                                            ? kernel - 1
                                                            : (input - 1 - start) / dilation);
            if (t_first > t_last || start + t_first * dilation >= input) continue;
            const int64_t first = start + t_first * dilation;
            const int64_t stop = first + (t_last - t_first + 1) * dilation;
            ++diff[static_cast<size_t>(first)];
            if (stop < input) --diff[static_cast<size_t>(stop)];
        }
    for (size_t i = static_cast<size_t>(dilation); i < diff.size(); ++i)
        diff[i] += diff[i - static_cast<size_t>(dilation)];
    return runs_from_marks(diff);
}

IndexRuns adaptive_back(const IndexRuns& out, int64_t input, int64_t output) {
    std::vector<int32_t> diff(static_cast<size_t>(input) + 1, 0);
    for (const auto& [begin, end] : out.runs)
        for (int64_t o = begin; o < end; ++o) {
            ++diff[static_cast<size_t>(adaptive_start(o, input, output))];
            --diff[static_cast<size_t>(adaptive_end(o, input, output))];
        }
    for (size_t i = 1; i < diff.size(); ++i)
        diff[i] += diff[i - 1];
    diff.pop_back();
    return runs_from_marks(diff);
}

IndexRuns merge(std::vector<std::pair<int64_t, int64_t>> runs) {
    std::sort(runs.begin(), runs.end());
    IndexRuns r;
    for (const auto& run : runs) {
        if (!r.runs.empty() && run.first <= r.runs.back().second)
            r.runs.back().second = std::max(r.runs.back().second, run.second);
        else
            r.runs.push_back(run);
    }
    return r;
}

// Flatten backwards: the merged dimension's set split into one set per original dimension; it must be a box.
Result<std::vector<IndexRuns>> unflatten(const IndexRuns& merged, const std::vector<int64_t>& sizes) {
    int64_t total = 1;
    for (int64_t s : sizes)
        total *= s;
    std::vector<IndexRuns> dims;
    if (merged.count() == total) {
        for (int64_t s : sizes)
            dims.push_back(IndexRuns::all(s));
        return dims;
    }
    std::vector<std::vector<char>> seen;
    for (int64_t s : sizes)
        seen.emplace_back(static_cast<size_t>(s), 0);
    for (const auto& [begin, end] : merged.runs)
        for (int64_t j = begin; j < end; ++j) {
            int64_t rest = j;
            for (size_t d = sizes.size(); d-- > 0;) {
                seen[d][static_cast<size_t>(rest % sizes[d])] = 1;
                rest /= sizes[d];
            }
        }
    int64_t box = 1;
    for (const std::vector<char>& s : seen) {
        std::vector<int32_t> marks(s.begin(), s.end());
        dims.push_back(runs_from_marks(marks));
        box *= dims.back().count();
    }
    if (box != merged.count())
        return Error{"cell",
                     "the cells before this Flatten do not form a box (rows x columns x channels); "
                     "PoolScope follows a receptive field through a Flatten for one cell or all of them"};
    return dims;
}

// The set of `layer`'s input cells that `out` (a set of its output cells) reads.
Result<CellSet> layer_back(const NetLayer& layer, const LayerShape& shape, const CellSet& out) {
    const std::vector<int64_t>& in = shape.input;
    const size_t rank = in.size();
    CellSet back = out;
    switch (layer.type) {
        case LayerType::kReLU:
        case LayerType::kSigmoid:
        case LayerType::kDropout:
        case LayerType::kSequential:
            return back;
        case LayerType::kLinear:
            back.dims.back() = IndexRuns::all(in.back());
            return back;
        case LayerType::kFlatten: {
            const int64_t r = static_cast<int64_t>(rank);
            const size_t start = static_cast<size_t>((layer.flatten.start_dim + r) % r);
            const size_t end = static_cast<size_t>((layer.flatten.end_dim + r) % r);
            Result<std::vector<IndexRuns>> split =
                unflatten(out.dims[start], {in.begin() + static_cast<std::ptrdiff_t>(start),
                                            in.begin() + static_cast<std::ptrdiff_t>(end) + 1});
            if (!split) return split.errors();
            back.dims.assign(out.dims.begin(), out.dims.begin() + static_cast<std::ptrdiff_t>(start));
            back.dims.insert(back.dims.end(), split->begin(), split->end());
            back.dims.insert(back.dims.end(), out.dims.begin() + static_cast<std::ptrdiff_t>(start) + 1,
                             out.dims.end());
            return back;
        }
        case LayerType::kConv2d: {
            const Conv2dLayer& c = layer.conv;
            const int64_t in_group = shape.in_channels / c.groups, out_group = c.out_channels / c.groups;
            std::vector<std::pair<int64_t, int64_t>> channels;
            for (const auto& [begin, end] : out.dims[rank - 3].runs)
                channels.push_back({begin / out_group * in_group, ((end - 1) / out_group + 1) * in_group});
            back.dims[rank - 3] = merge(channels);
            back.dims[rank - 2] = window_back(out.dims[rank - 2], in[rank - 2], c.kernel_size.h, c.stride.h,
                                              shape.padding.top, c.dilation.h);
            back.dims[rank - 1] = window_back(out.dims[rank - 1], in[rank - 1], c.kernel_size.w, c.stride.w,
                                              shape.padding.left, c.dilation.w);
            return back;
        }
        case LayerType::kPool: {
            const PoolParams& p = layer.pool;
            if (is_adaptive(p.op)) {
                back.dims[rank - 2] = adaptive_back(out.dims[rank - 2], in[rank - 2], shape.output[rank - 2]);
                back.dims[rank - 1] = adaptive_back(out.dims[rank - 1], in[rank - 1], shape.output[rank - 1]);
                return back;
            }
            const Pair s = p.effective_stride(), d = p.effective_dilation();
            const int64_t pad_h = p.op == PoolOp::kLp ? 0 : p.padding.top;
            const int64_t pad_w = p.op == PoolOp::kLp ? 0 : p.padding.left;
            back.dims[rank - 2] =
                window_back(out.dims[rank - 2], in[rank - 2], p.kernel_size.h, s.h, pad_h, d.h);
            back.dims[rank - 1] =
                window_back(out.dims[rank - 1], in[rank - 1], p.kernel_size.w, s.w, pad_w, d.w);
            return back;
        }
    }
    return back;
}

// The textbook's recurrence along one axis, from the input up to (and with) layer position `last`.
void textbook_axis(const Network& net, const NetworkShapes& shapes, size_t last, bool rows, AxisField& axis) {
    int64_t size = 1, jump = 1, start = 0;
    for (size_t i = 0; i <= last; ++i) {
        const LayerShape& shape = shapes.layers[i];
        const NetLayer* layer = layer_at(net, shape.index);
        if (!layer) return;
        int64_t k = 1, s = 1, pad = 0, d = 1;
        switch (layer->type) {
            case LayerType::kReLU:
            case LayerType::kSigmoid:
            case LayerType::kDropout:
            case LayerType::kSequential:
                continue;
            case LayerType::kFlatten:
            case LayerType::kLinear:
                return;
            case LayerType::kConv2d:
                k = rows ? layer->conv.kernel_size.h : layer->conv.kernel_size.w;
                s = rows ? layer->conv.stride.h : layer->conv.stride.w;
                pad = rows ? shape.padding.top : shape.padding.left;
                d = rows ? layer->conv.dilation.h : layer->conv.dilation.w;
                break;
            case LayerType::kPool: {
                const PoolParams& p = layer->pool;
                if (is_adaptive(p.op)) return;  // no constant stride
                k = rows ? p.kernel_size.h : p.kernel_size.w;
                s = rows ? p.effective_stride().h : p.effective_stride().w;
                pad = p.op == PoolOp::kLp ? 0 : rows ? p.padding.top : p.padding.left;
                d = rows ? p.effective_dilation().h : p.effective_dilation().w;
                break;
            }
        }
        // Saturating: a thousand stride-2 layers would overflow; past 2^62 the textbook has nothing to say.
        size = add(size, saturating_mul(saturating_mul(d, k - 1), jump));
        start = add(start, -saturating_mul(pad, jump));
        jump = saturating_mul(jump, s);
        if (size >= kHuge || jump >= kHuge || start <= -kHuge) return;
    }
    axis.textbook = true;
    axis.size = size;
    axis.jump = jump;
    axis.start = start;  // of output position 0; the caller moves it to the cell
}

}  // namespace

IndexRuns IndexRuns::all(int64_t size) {
    IndexRuns r;
    if (size > 0) r.runs.push_back({0, size});
    return r;
}

IndexRuns IndexRuns::one(int64_t index) {
    return IndexRuns{{{index, index + 1}}};
}

int64_t IndexRuns::count() const {
    int64_t n = 0;
    for (const auto& [begin, end] : runs)
        n += end - begin;
    return n;
}

bool IndexRuns::contains(int64_t index) const {
    auto it = std::upper_bound(runs.begin(), runs.end(), index,
                               [](int64_t v, const std::pair<int64_t, int64_t>& r) { return v < r.first; });
    return it != runs.begin() && index < std::prev(it)->second;
}

int64_t CellSet::count() const {
    int64_t n = 1;
    for (const IndexRuns& d : dims)
        n = saturating_mul(n, d.count());
    return n;
}

bool CellSet::contains(const std::vector<int64_t>& cell) const {
    if (cell.size() != dims.size()) return false;
    for (size_t i = 0; i < dims.size(); ++i)
        if (!dims[i].contains(cell[i])) return false;
    return true;
}

Result<ReceptiveField> receptive_field(const Network& net, const NetworkShapes& shapes,
                                       const std::vector<size_t>& layer, const std::vector<int64_t>& cell) {
    const std::optional<size_t> asked = shapes.find(layer);
    if (!asked || shapes.layers[*asked].output.empty())
        return Error{"layer", "layer " + size_list_text({layer.begin(), layer.end()}) +
                                  " has no output (it does not exist, or the network breaks before it)"};
    // A Sequential's output is its last layer's.
    const size_t last = *asked + shapes.layers[*asked].inner;
    const std::vector<int64_t>& out = shapes.layers[*asked].output;
    if (cell.empty() || cell.size() > out.size())
        return Error{"cell", "expected a cell of the output " + torch_size_text(out) + " (1 to " +
                                 num(static_cast<int64_t>(out.size())) + " indices), got " +
                                 num(static_cast<int64_t>(cell.size())) + " indices"};
    std::vector<int64_t> full(out.size() - cell.size(), 0);
    full.insert(full.end(), cell.begin(), cell.end());
    for (size_t i = 0; i < full.size(); ++i)
        if (full[i] < 0 || full[i] >= out[i])
            return Error{"cell",
                         "cell " + size_list_text(full) + " is outside the output " + torch_size_text(out)};
    int64_t work = 0;
    for (size_t i = 0; i <= last; ++i) {
        for (const std::vector<int64_t>* dims : {&shapes.layers[i].input, &shapes.layers[i].output})
            for (int64_t d : *dims) {
                if (d > kMaxFieldExtent)
                    return Error{shapes.layers[i].path,
                                 "a map of size " + torch_size_text(*dims) +
                                     " is larger than PoolScope follows receptive fields "
                                     "through (" +
                                     num(kMaxFieldExtent) + " per dimension)"};
                work += d;  // each layer marks at most its maps' extents (difference arrays, runs)
            }
        if (work > kMaxFieldWork)
            return Error{shapes.layers[i].path, "following this receptive field through " +
                                                    num(static_cast<int64_t>(i) + 1) +
                                                    " layers needs more work than PoolScope spends on one (" +
                                                    num(kMaxFieldWork) + " cells)"};
    }
    ReceptiveField field;
    field.layer = layer;
    field.cell = full;
    field.after.assign(shapes.layers.size(), std::nullopt);
    CellSet set;
    for (int64_t i : full)
        set.dims.push_back(IndexRuns::one(i));
    int64_t kept = 0;
    auto is_block = [&](size_t i) {
        return layer_at(net, shapes.layers[i].index)->type == LayerType::kSequential;
    };
    for (size_t i = last + 1; i-- > 0;) {
        if (is_block(i)) continue;
        const LayerShape& shape = shapes.layers[i];
        field.after[i] = set;
        for (const IndexRuns& d : set.dims)
            kept += static_cast<int64_t>(d.runs.size());
        if (kept > kMaxFieldRuns)
            return Error{shape.path, "the maps of this receptive field hold more than " + num(kMaxFieldRuns) +
                                         " separate runs of cells, more than PoolScope keeps"};
        Result<CellSet> back = layer_back(*layer_at(net, shape.index), shape, set);
        if (!back) return Error{shape.path, back.errors().front().message};
        set = std::move(back).value();
        // A window inside the padding reads no cell at all: then the whole set is empty, not a slab.
        if (std::any_of(set.dims.begin(), set.dims.end(), [](const IndexRuns& d) { return d.empty(); }))
            for (IndexRuns& d : set.dims)
                d.runs.clear();
    }
    // A Sequential's map is its last layer's; an empty one passes on what the layer before it made.
    for (size_t i = 0; i <= last; ++i) {
        if (!is_block(i) || i + shapes.layers[i].inner > last) continue;  // it holds the layer asked about
        std::optional<CellSet> made;
        for (size_t j = i + 1; j <= i + shapes.layers[i].inner; ++j)
            if (!is_block(j)) made = field.after[j];
        for (size_t j = i; !made && j-- > 0;)
            if (!is_block(j)) made = field.after[j];
        field.after[i] = made ? *made : set;
    }
    field.input = set;
    const size_t rank = shapes.input.size();
    if (rank >= 3) {
        field.channels = set.dims[rank - 3];
        for (bool rows : {true, false}) {
            AxisField axis;
            axis.cells = set.dims[rank - (rows ? 2 : 1)];
            axis.input = shapes.input[rank - (rows ? 2 : 1)];
            axis.count = axis.cells.count();
            axis.first = axis.cells.first();
            axis.last = axis.cells.last();
            axis.span = axis.last - axis.first + 1;
            axis.holes = axis.cells.runs.size() > 1;
            textbook_axis(net, shapes, last, rows, axis);
            if (axis.textbook) {
                axis.start = add(axis.start, saturating_mul(full[full.size() - (rows ? 2 : 1)], axis.jump));
                axis.clipped_begin = axis.start < 0;
                axis.clipped_end = add(axis.start, axis.size) > axis.input;
            }
            (rows ? field.h : field.w) = axis;
        }
    }
    return field;
}

}  // namespace poolscope
