// x86 max/avg pooling kernels, vectorised across 8 output columns at a time with AVX2, chosen at run time.
// (An AVX-512 variant, 16 columns per block, measured no faster on the benchmark machine: the kernels are
// bound by loads, shuffles and the fold's dependency chains rather than vector width, so it was dropped.)
// Each lane runs exactly the scalar reference's sequence for its own output cell (same taps, same order, same
// float operations), so results are bit-identical to the step trace; only independent output cells share an
// instruction.
#include "pool_kernels.h"

#if defined(__x86_64__) || defined(__i386__)

#include <immintrin.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <limits>
#include <vector>

// Only the functions below that carry these attributes use AVX2; the rest of the file (and the program)
// stays baseline x86-64, and they run only after have_avx2() said yes.
#define POOLSCOPE_AVX2 __attribute__((target("avx2")))
#define POOLSCOPE_AVX2_INLINE __attribute__((target("avx2"), always_inline)) inline

namespace poolscope::kernels {

namespace {

std::atomic<int> isa_limit{static_cast<int>(ForwardIsa::kAvx2)};

bool cpu_has_avx2() {
    static const bool yes = __builtin_cpu_supports("avx2");
    return yes;
}
bool have_avx2() {
    return cpu_has_avx2() && isa_limit.load(std::memory_order_relaxed) >= static_cast<int>(ForwardIsa::kAvx2);
}

constexpr int64_t kLanes = 8;
constexpr float kNegInf = -std::numeric_limits<float>::infinity();
// _mm256_shuffle_ps picks the even floats of 16 in this column order; stride-2 kernels compute in that
// order and put the columns back in place once per block, at the store.
constexpr int kStride2Order[kLanes] = {0, 1, 4, 5, 2, 3, 6, 7};

// One plan's geometry, plus the padded row buffers. A row buffer holds one input row at offset pad_left,
// surrounded by the padding value (-inf for max, 0 for avg), so border windows need no special case:
// -inf never wins a `v > best` comparison and adding +0.0 to a sum that starts at +0.0 changes no bit.
struct Layout {
    int64_t H = 0, W = 0, OH = 0, OW = 0;
    int64_t kh = 0, kw = 0, sh = 0, sw = 0, dh = 0, dw = 0, pad_top = 0, pad_left = 0, pad_bottom = 0,
            pad_right = 0;
    int64_t blocks = 0;       // ceil(OW / 8)
    int64_t row_len = 0;      // floats per row buffer
    int64_t slots = 0;        // row buffers
    bool cache_rows = false;  // slot = ih % slots, reused by the next output row; else slot = tap row
};

struct RowBuffers {
    float* data = nullptr;   // slots * row_len
    int64_t* key = nullptr;  // which plane row each slot holds (plane * H + ih), -1 for none
    uint8_t* nan = nullptr;  // whether that row holds a NaN
};

bool make_layout(const PoolPlan& plan, Layout& L) {
    const int64_t lanes = kLanes;
    const PoolParams& p = plan.params;
    const Pair k = p.kernel_size, s = p.effective_stride(), d = p.effective_dilation();
    L.H = plan.input.h;
    L.W = plan.input.w;
    L.OH = plan.output.h;
    L.OW = plan.output.w;
    L.kh = k.h;
    L.kw = k.w;
    L.sh = s.h;
    L.sw = s.w;
    L.dh = d.h;
    L.dw = d.w;
    L.pad_top = plan.h.pad_begin;
    L.pad_left = plan.w.pad_begin;
    L.pad_bottom = plan.h.pad_end;
    L.pad_right = plan.w.pad_end;
    // Odd geometries (huge strides or kernels) go to the scalar loops; they are not worth buffers here.
    if (L.sw > 64 || L.kh > 64 || L.kw > 1024 || L.dw > 1024 || L.H * L.W >= (int64_t{1} << 30)) return false;
    L.blocks = (L.OW + lanes - 1) / lanes;
    // Furthest float any lane's load touches (+2*lanes: a stride-2 tap loads that many), or the whole row.
    const int64_t reach = (L.blocks * lanes - 1) * L.sw + (L.kw - 1) * L.dw + 1 + 2 * lanes;
    L.row_len = (std::max(reach, L.pad_left + L.W + 1) + 7) / 8 * 8;
    const int64_t span = (L.kh - 1) * L.dh + 1;
    L.cache_rows = span <= 32;
    // A power of two at least the span: the rows of one window get distinct slots, found with a mask.
    int64_t pow2 = 1;
    while (pow2 < span)
        pow2 *= 2;
    L.slots = L.cache_rows ? pow2 : L.kh;
    return L.slots * L.row_len <= (int64_t{1} << 22);
}

// The buffer holding input row ih of plane `plane`, copying it in unless the slot already has it.
POOLSCOPE_AVX2_INLINE const float* fetch_row(const Layout& L, RowBuffers& R, const float* planes,
                                             int64_t plane, int64_t ih, int64_t slot, bool& any_nan) {
    float* buf = R.data + slot * L.row_len;
    const int64_t key = plane * L.H + ih;
    if (R.key[slot] != key) {
        R.key[slot] = key;
        const int64_t W = L.W;  // a local: the stores below must not make the compiler reload it
        const float* src = planes + key * W;
        float* dst = buf + L.pad_left;
        __m256 nan = _mm256_setzero_ps();
        int64_t i = 0;
        for (; i + kLanes <= W; i += kLanes) {
            const __m256 v = _mm256_loadu_ps(src + i);
            nan = _mm256_or_ps(nan, _mm256_cmp_ps(v, v, _CMP_UNORD_Q));
            _mm256_storeu_ps(dst + i, v);
        }
        bool has_nan = _mm256_movemask_ps(nan) != 0;
        for (; i < W; ++i) {
            dst[i] = src[i];
            has_nan |= src[i] != src[i];
        }
        R.nan[slot] = has_nan;
    }
    any_nan |= R.nan[slot] != 0;
    return buf;
}

// One tap of the max fold for 8 cells: `v > best || isnan(v)` takes over (value and index), in tap order.
// Without NaN in the window the test is just `v > best`, and without indices that is exactly
// _mm256_max_ps(v, best) (it returns `best` on ties, so the first of equal values stays).
template <bool kIdx, bool kMayNan>
POOLSCOPE_AVX2_INLINE void max_step(__m256 v, __m256i tap_index, __m256& best, __m256i& index) {
    if constexpr (!kIdx && !kMayNan) {
        best = _mm256_max_ps(v, best);
    } else if constexpr (!kMayNan) {  // max_ps is the same choice as the blend, on faster ports
        const __m256 take = _mm256_cmp_ps(v, best, _CMP_GT_OQ);
        best = _mm256_max_ps(v, best);
        index = _mm256_castps_si256(
            _mm256_blendv_ps(_mm256_castsi256_ps(index), _mm256_castsi256_ps(tap_index), take));
    } else {
        __m256 take = _mm256_cmp_ps(v, best, _CMP_GT_OQ);
        if constexpr (kMayNan) take = _mm256_or_ps(take, _mm256_cmp_ps(v, v, _CMP_UNORD_Q));
        best = _mm256_blendv_ps(best, v, take);
        if constexpr (kIdx)
            index = _mm256_castps_si256(
                _mm256_blendv_ps(_mm256_castsi256_ps(index), _mm256_castsi256_ps(tap_index), take));
    }
}

// The flat input index of tap column offset `offset` for each lane (tap0: the window's first column).
POOLSCOPE_AVX2_INLINE __m256i tap_at(__m256i tap0, int64_t offset) {
    return _mm256_add_epi32(tap0, _mm256_set1_epi32(static_cast<int32_t>(offset)));
}

// sum + v with `sum` as the first source operand. When both are NaN, x86 returns the first source's NaN,
// and the scalar reference's `sum += v` keeps its running sum's NaN; the compiler treats addition as
// commutative and might swap the operands of an intrinsic, so the order is pinned with one instruction.
POOLSCOPE_AVX2_INLINE __m256 add_in_order(__m256 sum, __m256 v) {
    __m256 r;
    asm("vaddps %2, %1, %0" : "=x"(r) : "x"(sum), "x"(v));
    return r;
}

// Stores one block of 8 results (and indices) in column order; `count` < 8 for the row's last block.
template <int kS, bool kIdx>
POOLSCOPE_AVX2_INLINE void store_block(__m256 values, __m256i index, int64_t count, float* out,
                                       int64_t* idx) {
    if constexpr (kS == 2) {
        values = _mm256_castpd_ps(_mm256_permute4x64_pd(_mm256_castps_pd(values), 0xD8));
        if constexpr (kIdx) index = _mm256_permute4x64_epi64(index, 0xD8);
    }
    if (count == kLanes) {
        _mm256_storeu_ps(out, values);
        if constexpr (kIdx) {
            _mm256_storeu_si256(reinterpret_cast<__m256i*>(idx),
                                _mm256_cvtepi32_epi64(_mm256_castsi256_si128(index)));
            _mm256_storeu_si256(reinterpret_cast<__m256i*>(idx + 4),
                                _mm256_cvtepi32_epi64(_mm256_extracti128_si256(index, 1)));
        }
        return;
    }
    alignas(32) float v[kLanes];
    alignas(32) int32_t i[kLanes];
    _mm256_store_ps(v, values);
    _mm256_store_si256(reinterpret_cast<__m256i*>(i), index);
    for (int64_t j = 0; j < count; ++j) {
        out[j] = v[j];
        if constexpr (kIdx) idx[j] = i[j];
    }
}

// The 8 lanes' floats at column offset `offset` of their windows (lane order as the kernel runs).
// Stride 2 picks the even or odd floats of 16, by the parity of `offset`.
template <int kS>
POOLSCOPE_AVX2_INLINE __m256 load_tap(const float* src, int64_t offset, __m256i gather_lanes) {
    if constexpr (kS == 1) {
        return _mm256_loadu_ps(src + offset);
    } else if constexpr (kS == 2) {
        const float* t = src + (offset & ~int64_t{1});
        const __m256 a = _mm256_loadu_ps(t), c = _mm256_loadu_ps(t + 8);
        return (offset & 1) ? _mm256_shuffle_ps(a, c, 0xDD) : _mm256_shuffle_ps(a, c, 0x88);
    } else {
        return _mm256_i32gather_ps(src + offset, gather_lanes, 4);
    }
}

// One output row of max pooling. rows[r] is the buffer of the r-th in-range window row (input row
// row_base[r] / W); seed/colbase are per lane (in the kernel's lane order): the first in-range column of
// the window and the window's start column. kS: stride 1, 2 or 0 (any, by gather); kKw: width or 0 (any);
// kDw: dilation 1 or 0 (any; with stride 2 a known dilation makes each tap's even/odd pick a constant).
template <int kS, int kKw, int kDw, bool kIdx, bool kMayNan>
POOLSCOPE_AVX2_INLINE void max_row(const Layout& L, const float* const* rows, const int32_t* row_base,
                                   int64_t nrows, const int32_t* seed, const int32_t* colbase,
                                   int32_t seed_row, float* out, int64_t* idx) {
    const int64_t kw = kKw ? kKw : L.kw, s = kS ? kS : L.sw, dw = kDw ? kDw : L.dw;
    const __m256i gather_lanes =
        _mm256_mullo_epi32(_mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7), _mm256_set1_epi32(static_cast<int>(s)));
    for (int64_t b = 0; b < L.blocks; ++b) {
        const int64_t ow0 = b * kLanes;
        __m256 best = _mm256_set1_ps(kNegInf);
        __m256i index = _mm256_setzero_si256();
        __m256i cols = _mm256_setzero_si256();
        if constexpr (kIdx) {
            index = _mm256_add_epi32(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(seed + ow0)),
                                     _mm256_set1_epi32(seed_row));
            cols = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(colbase + ow0));
        }
        // Each row's taps are folded on their own (starting from the row's first tap), then the row
        // results are folded in row order into the window's: the fold keeps "the last NaN, else the first
        // maximum", which composes over consecutive segments exactly like this, and the rows' short
        // independent chains overlap instead of forming one long dependency chain.
        for (int64_t r = 0; r < nrows; ++r) {
            const float* src = rows[r] + ow0 * s;
            __m256i tap0 = _mm256_setzero_si256();
            if constexpr (kIdx) tap0 = _mm256_add_epi32(cols, _mm256_set1_epi32(row_base[r]));
            __m256 row_best = load_tap<kS>(src, 0, gather_lanes);
            __m256i row_index = tap0;
            for (int64_t q = 1; q < kw; ++q)
                max_step<kIdx, kMayNan>(load_tap<kS>(src, q * dw, gather_lanes), tap_at(tap0, q * dw),
                                        row_best, row_index);
            max_step<kIdx, kMayNan>(row_best, row_index, best, index);
        }
        store_block<kS, kIdx>(best, index, std::min(kLanes, L.OW - ow0), out + ow0,
                              kIdx ? idx + ow0 : nullptr);
    }
}

// One output row of avg pooling: each lane's float sum over its window's in-range rows (padding columns
// add +0.0, which changes no bit), then one division by that lane's divisor.
template <int kS, int kKw>
POOLSCOPE_AVX2_INLINE void avg_row(const Layout& L, const float* const* rows, int64_t nrows,
                                   const float* divisor, float* out) {
    const int64_t kw = kKw ? kKw : L.kw, s = kS ? kS : L.sw;
    const __m256i gather_lanes =
        _mm256_mullo_epi32(_mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7), _mm256_set1_epi32(static_cast<int>(s)));
    for (int64_t b = 0; b < L.blocks; ++b) {
        const int64_t ow0 = b * kLanes;
        __m256 sum = _mm256_setzero_ps();
        for (int64_t r = 0; r < nrows; ++r) {
            const float* src = rows[r] + ow0 * s;
            for (int64_t q = 0; q < kw; ++q)
                sum = add_in_order(sum, load_tap<kS>(src, q, gather_lanes));
        }
        const __m256 result = _mm256_div_ps(sum, _mm256_loadu_ps(divisor + ow0));
        store_block<kS, false>(result, _mm256_setzero_si256(), std::min(kLanes, L.OW - ow0), out + ow0,
                               nullptr);
    }
}

// Column of lane j in a block (stride 2 runs in shuffle order; everything else in column order).
int64_t lane_column(const Layout& L, int64_t j) {
    return L.sw == 2 ? kStride2Order[j] : j;
}

// The padded row buffers of one call (storage owned here, outside the AVX2 functions).
struct RowStorage {
    std::vector<float> data;
    std::vector<int64_t> key;
    std::vector<uint8_t> nan;
    RowBuffers view;

    RowStorage(const Layout& L, float padding)
        : data(static_cast<size_t>(L.slots * L.row_len), padding),
          key(static_cast<size_t>(L.slots), -1),
          nan(static_cast<size_t>(L.slots), 0) {
        view = {data.data(), key.data(), nan.data()};
    }
};

// Every plane and output row of max pooling, the row loop and the kernels in one function (no call per row).
template <int kS, int kKw, int kDw, bool kIdx>
POOLSCOPE_AVX2 void run_max(const Layout& L, const float* in, float* out, int64_t* indices, int64_t planes,
                            const int32_t* seed, const int32_t* colbase, RowBuffers R) {
    const float* rows[64];
    int32_t row_base[64];
    for (int64_t plane = 0; plane < planes; ++plane) {
        for (int64_t oh = 0; oh < L.OH; ++oh) {
            const int64_t hs = oh * L.sh - L.pad_top;
            int64_t h0 = hs;
            if (h0 < 0) h0 += (-h0 + L.dh - 1) / L.dh * L.dh;  // the first in-range tap row
            const int64_t h1 = std::min(hs + (L.kh - 1) * L.dh + 1, L.H);
            int64_t nrows = 0;
            bool any_nan = false;
            for (int64_t ih = h0; ih < h1; ih += L.dh, ++nrows) {
                const int64_t slot = L.cache_rows ? (ih & (L.slots - 1)) : nrows;
                rows[nrows] = fetch_row(L, R, in, plane, ih, slot, any_nan);
                row_base[nrows] = static_cast<int32_t>(ih * L.W);
            }
            const int64_t at = (plane * L.OH + oh) * L.OW;
            int64_t* idx = kIdx ? indices + at : nullptr;
            if (any_nan)
                max_row<kS, kKw, kDw, kIdx, true>(L, rows, row_base, nrows, seed, colbase,
                                                  static_cast<int32_t>(h0 * L.W), out + at, idx);
            else
                max_row<kS, kKw, kDw, kIdx, false>(L, rows, row_base, nrows, seed, colbase,
                                                   static_cast<int32_t>(h0 * L.W), out + at, idx);
        }
    }
}

using RunMaxFn = void (*)(const Layout&, const float*, float*, int64_t*, int64_t, const int32_t*,
                          const int32_t*, RowBuffers);

template <int kS, int kDw>
RunMaxFn pick_max_width(int64_t kw, bool with_indices) {
    if (kw == 2) return with_indices ? run_max<kS, 2, kDw, true> : run_max<kS, 2, kDw, false>;
    if (kw == 3) return with_indices ? run_max<kS, 3, kDw, true> : run_max<kS, 3, kDw, false>;
    return with_indices ? run_max<kS, 0, kDw, true> : run_max<kS, 0, kDw, false>;
}

// Every plane and output row of avg pooling, the row loop and the kernel in one function.
template <int kS, int kKw>
POOLSCOPE_AVX2 void run_avg(const Layout& L, const PoolParams& p, const float* in, float* out, int64_t planes,
                            const int64_t* divisor_w, const int64_t* empty_w, int64_t empty_count,
                            float* divisor, RowBuffers R) {
    const float* rows[64];
    for (int64_t plane = 0; plane < planes; ++plane) {
        int64_t last_divisor_h = -1;
        for (int64_t oh = 0; oh < L.OH; ++oh) {
            float* o = out + (plane * L.OH + oh) * L.OW;
            const int64_t hs = oh * L.sh - L.pad_top;
            const int64_t h_end = std::min(hs + L.kh, L.H + L.pad_bottom);
            const int64_t h0 = std::max<int64_t>(hs, 0), h1 = std::min(h_end, L.H);
            if (h0 >= h1) {  // an empty window: the reference writes 0 (PyTorch's rules never get here)
                std::fill(o, o + L.OW, 0.0f);
                continue;
            }
            const int64_t divisor_h = p.count_include_pad ? h_end - hs : h1 - h0;
            if (divisor_h != last_divisor_h) {  // the per-lane float divisors, as the reference converts them
                last_divisor_h = divisor_h;
                for (int64_t b = 0; b < L.blocks; ++b)
                    for (int64_t j = 0; j < kLanes; ++j) {
                        const int64_t ow = b * kLanes + lane_column(L, j);
                        const int64_t d = ow >= L.OW           ? 1
                                          : p.divisor_override ? *p.divisor_override
                                                               : divisor_h * divisor_w[ow];
                        divisor[b * kLanes + j] = static_cast<float>(d);
                    }
            }
            int64_t nrows = 0;
            bool any_nan = false;
            for (int64_t ih = h0; ih < h1; ++ih, ++nrows)
                rows[nrows] =
                    fetch_row(L, R, in, plane, ih, L.cache_rows ? (ih & (L.slots - 1)) : nrows, any_nan);
            avg_row<kS, kKw>(L, rows, nrows, divisor, o);
            for (int64_t e = 0; e < empty_count; ++e)
                o[empty_w[e]] = 0.0f;
        }
    }
}

using RunAvgFn = void (*)(const Layout&, const PoolParams&, const float*, float*, int64_t, const int64_t*,
                          const int64_t*, int64_t, float*, RowBuffers);

template <int kS>
RunAvgFn pick_avg_width(int64_t kw) {
    return kw == 2 ? run_avg<kS, 2> : kw == 3 ? run_avg<kS, 3> : run_avg<kS, 0>;
}

}  // namespace

bool max_pool_x86(const PoolPlan& plan, const float* in, float* out, int64_t* indices) {
    Layout L;
    if (!have_avx2() || !make_layout(plan, L)) return false;
    std::vector<int32_t> seed(static_cast<size_t>(L.blocks * kLanes)), colbase(seed.size());
    for (int64_t b = 0; b < L.blocks; ++b)
        for (int64_t j = 0; j < kLanes; ++j) {
            const int64_t ow = b * kLanes + lane_column(L, j);
            const int64_t start = ow * L.sw - L.pad_left;
            int64_t w0 = start;
            if (w0 < 0) w0 += (-w0 + L.dw - 1) / L.dw * L.dw;  // the first in-range tap column
            colbase[static_cast<size_t>(b * kLanes + j)] = static_cast<int32_t>(start);
            seed[static_cast<size_t>(b * kLanes + j)] = static_cast<int32_t>(ow < L.OW ? w0 : 0);
        }
    const bool with_indices = indices != nullptr;
    const RunMaxFn run = L.sw == 1                ? pick_max_width<1, 0>(L.kw, with_indices)
                         : L.sw == 2 && L.dw == 1 ? pick_max_width<2, 1>(L.kw, with_indices)
                         : L.sw == 2              ? pick_max_width<2, 0>(L.kw, with_indices)
                                                  : pick_max_width<0, 0>(L.kw, with_indices);
    RowStorage storage(L, kNegInf);
    run(L, in, out, indices, plan.input.n * plan.input.c, seed.data(), colbase.data(), storage.view);
    return true;
}

bool avg_pool_x86(const PoolPlan& plan, const float* in, float* out) {
    Layout L;
    // A dilated average (ONNX, TensorFlow) takes the portable loop.
    if (plan.params.effective_dilation() != Pair{1, 1}) return false;
    if (!have_avx2() || !make_layout(plan, L)) return false;
    const PoolParams& p = plan.params;
    std::vector<int64_t> divisor_w(static_cast<size_t>(L.OW));
    std::vector<int64_t> empty_w;  // columns whose window holds no input cell (the reference writes 0)
    for (int64_t ow = 0; ow < L.OW; ++ow) {
        const int64_t ws = ow * L.sw - L.pad_left;
        const int64_t w_end = std::min(ws + L.kw, L.W + L.pad_right);
        const int64_t w0 = std::max<int64_t>(ws, 0), w1 = std::min(w_end, L.W);
        divisor_w[static_cast<size_t>(ow)] = p.count_include_pad ? w_end - ws : w1 - w0;
        if (w0 >= w1) empty_w.push_back(ow);
    }
    std::vector<float> divisor(static_cast<size_t>(L.blocks * kLanes));
    const RunAvgFn run = L.sw == 1   ? pick_avg_width<1>(L.kw)
                         : L.sw == 2 ? pick_avg_width<2>(L.kw)
                                     : pick_avg_width<0>(L.kw);
    RowStorage storage(L, 0.0f);
    run(L, p, in, out, plan.input.n * plan.input.c, divisor_w.data(), empty_w.data(),
        static_cast<int64_t>(empty_w.size()), divisor.data(), storage.view);
    return true;
}

}  // namespace poolscope::kernels

namespace poolscope {

void set_forward_isa_limit(ForwardIsa limit) {
    kernels::isa_limit.store(static_cast<int>(limit), std::memory_order_relaxed);
}

ForwardIsa forward_isa() {
    return kernels::have_avx2() ? ForwardIsa::kAvx2 : ForwardIsa::kPortable;
}

}  // namespace poolscope

#else  // not x86: forward() uses its portable loops

namespace poolscope {
void set_forward_isa_limit(ForwardIsa) {}
ForwardIsa forward_isa() {
    return ForwardIsa::kPortable;
}
namespace kernels {
bool max_pool_x86(const PoolPlan&, const float*, float*, int64_t*) {
    return false;
}
bool avg_pool_x86(const PoolPlan&, const float*, float*) {
    return false;
}
}  // namespace kernels
}  // namespace poolscope

#endif
