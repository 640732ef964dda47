// The step trace: random access to any output cell's computation, recorded with the same window bounds
// the reference kernels use (start = o*stride - pad, end clipped, dilation steps), so what the student
// sees is literally how PyTorch got the number.
#pragma once

#include <cstdint>
#include <vector>

#include "poolscope/pool_plan.h"
#include "poolscope/tensor.h"

namespace poolscope {

enum class TapKind : uint8_t {
    kInput,     // a real input cell
    kPadding,   // explicit padding: -inf for max, 0 for avg
    kOverhang,  // past the end padding, only reachable through ceil_mode; never read
};

// What a window reads at input coordinates (ih, iw) of a windowed layer with axes h and w (PoolPlan::h, ::w):
// an input cell, padding, or the ceil_mode overhang past the end padding. The trace's taps carry the same.
TapKind tap_kind(const AxisShape& h, const AxisShape& w, int64_t ih, int64_t iw);

struct Tap {
    int64_t ih = 0;  // input row (may be < 0 or >= H)
    int64_t iw = 0;  // input column
    TapKind kind = TapKind::kInput;
    float value = 0.0f;    // the value the op sees: the input, -inf / 0 for padding, 0 for overhang
    bool counted = false;  // avg: counted in the divisor; max: compared
};

enum class DivisorRule : uint8_t {
    kNone,          // max pooling
    kWindowArea,    // count_include_pad: window clipped to the padded input (overhang not counted)
    kRealCells,     // count_include_pad = false: input cells only
    kOverride,      // divisor_override
    kAdaptiveArea,  // adaptive avg: window height * width
};

struct OutputCell {
    int64_t n = 0, c = 0, oh = 0, ow = 0;
    bool operator==(const OutputCell&) const = default;
};

// A window with more taps than this is traced with its input cells only (PyTorch accepts kernels of 2^31, and
// listing every padding tap of such a window would take gigabytes); `taps_clipped` says so.
inline constexpr int64_t kMaxTraceTaps = int64_t{1} << 16;

struct CellTrace {
    OutputCell cell;
    int64_t h_start = 0, w_start = 0;  // window origin in input coordinates (o*stride - pad)
    int64_t rows = 0, cols = 0;        // tap grid size (kernel h × w, or the adaptive window)
    int64_t step_h = 1, step_w = 1;    // distance between taps (dilation)
    std::vector<Tap> taps;             // rows*cols taps, row-major: the order values are compared/summed
    bool taps_clipped = false;         // rows*cols > kMaxTraceTaps: `taps` lists only the input cells
    float result = 0.0f;
    int64_t argmax_tap = -1;    // max: index into taps of the winner (-1: no input cell in window)
    int64_t argmax_index = -1;  // max: PyTorch's index h*W + w within the channel plane
    float sum = 0.0f;           // avg: the float32 running sum, in tap order
    int64_t divisor = 0;        // avg: what the sum was divided by
    DivisorRule divisor_rule = DivisorRule::kNone;
    int64_t divisor_h = 0, divisor_w = 0;  // avg: the divisor's factors (not for an override)
    // lp_pool2d (avg_pool2d of x^p, then lp_finish): `sum` and `divisor` are those of the x^p average.
    std::vector<float> powered;  // lp: x^p of each tap, parallel to `taps` (0 where the tap is not an input)
    double norm_type = 0.0;      // lp: p
    float lp_mean = 0.0f;        // lp: sum / divisor, what avg_pool2d gives
    float lp_scaled = 0.0f;      // lp: the mean (-0.0 as +0.0) times lp_area: the window's sum of x^p
    int64_t lp_area = 0;         // lp: kh * kw, the factor PyTorch multiplies by (even for a clipped window)
    // ONNX LpPool instead: (sum of |x|^p)^(1/p), no average and no scaling. `powered` holds |x|^p, `sum` and
    // lp_scaled their float32 sum (what is rooted); divisor, lp_mean and lp_area stay 0.
    bool lp_norm = false;
};

// Fills `out` (reusing its storage) with the computation of output cell `cell` (must be in range).
void trace_cell(const PoolPlan& plan, const Tensor& input, OutputCell cell, CellTrace& out);
CellTrace trace_cell(const PoolPlan& plan, const Tensor& input, OutputCell cell);

// The output cells (in channel n, c of the input cell) whose windows read input cell (ih, iw).
std::vector<OutputCell> windows_reading(const PoolPlan& plan, int64_t n, int64_t c, int64_t ih, int64_t iw);

}  // namespace poolscope
