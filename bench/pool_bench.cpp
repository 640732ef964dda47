// Core throughput: forward() on the two shapes (max with and without indices, avg), the memcpy of
// the same input bytes (this machine's memory-bandwidth floor), and building a full step trace of 64×64.
// `pool_bench --write-inputs DIR` writes the exact input tensors so the PyTorch baseline times the same data.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "poolscope/pool_forward.h"
#include "poolscope/trace.h"

namespace poolscope {
namespace {

struct Case {
    const char* name;  // also the input file name (raw little-endian float32, NCHW)
    Shape shape;
    Pair kernel, stride, padding;
};

// The shapes: a ResNet stem and an image.
const Case kStem{"stem", {1, 64, 112, 112}, {3, 3}, {2, 2}, {1, 1}};
const Case kImage{"image", {1, 3, 1024, 1024}, {2, 2}, {2, 2}, {0, 0}};

// A deterministic pseudo-random pattern in [-1, 1) (an LCG; no NaN, few ties), so branchy code sees data
// like real activations rather than a predictable ramp.
Tensor make_input(const Shape& shape) {
    Tensor t(shape);
    uint32_t state = 12345u;
    for (int64_t i = 0; i < t.numel(); ++i) {
        state = state * 1664525u + 1013904223u;
        t.data()[i] = static_cast<float>(state >> 8) / 8388608.0f - 1.0f;
    }
    return t;
}

PoolPlan plan_for(const Case& c, PoolOp op) {
    PoolParams p;
    p.op = op;
    p.kernel_size = c.kernel;
    p.stride = c.stride;
    p.padding = Padding::symmetric(c.padding);
    return make_plan(c.shape, p).value();
}

// Steady state: the output buffers are reused, as the app does when it re-runs the same plan.
void BM_Forward(benchmark::State& state, const Case& c, PoolOp op, bool with_indices) {
    const Tensor x = make_input(c.shape);
    const PoolPlan plan = plan_for(c, op);
    PoolOutput out;
    forward_into(plan, x, out, with_indices);
    for (auto _ : state) {
        forward_into(plan, x, out, with_indices);
        benchmark::DoNotOptimize(out.values.data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(state.iterations() * x.numel() * 4);
}

// The same at a capped instruction set, to show what each dispatch level buys (bench/README.md).
void BM_ForwardIsa(benchmark::State& state, const Case& c, PoolOp op, bool with_indices, ForwardIsa isa) {
    set_forward_isa_limit(isa);
    if (forward_isa() != isa) {
        set_forward_isa_limit(ForwardIsa::kAvx2);
        state.SkipWithError("this CPU lacks that instruction set");
        return;
    }
    BM_Forward(state, c, op, with_indices);
    set_forward_isa_limit(ForwardIsa::kAvx2);
}

// forward() as a one-off call: allocates (and zero-fills) fresh output and index buffers every time.
void BM_ForwardAllocating(benchmark::State& state, const Case& c, PoolOp op) {
    const Tensor x = make_input(c.shape);
    const PoolPlan plan = plan_for(c, op);
    for (auto _ : state) {
        PoolOutput out = forward(plan, x);
        benchmark::DoNotOptimize(out.values.data());
        benchmark::ClobberMemory();
    }
}

void BM_CopyInput(benchmark::State& state, const Case& c) {
    const Tensor x = make_input(c.shape);
    std::vector<float> dst(static_cast<size_t>(x.numel()));
    for (auto _ : state) {
        std::memcpy(dst.data(), x.data(), static_cast<size_t>(x.numel()) * sizeof(float));
        benchmark::DoNotOptimize(dst.data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(state.iterations() * x.numel() * 4);
}

// Every output cell's window of a 64×64 input (kernel 3, stride 1, padding 1: 4096 cells), one CellTrace
// reused, as the app does when the student scrubs or drags a slider.
void BM_TraceAllCells64(benchmark::State& state, PoolOp op) {
    const Shape shape{1, 1, 64, 64};
    const Tensor x = make_input(shape);
    PoolParams p;
    p.op = op;
    p.kernel_size = {3, 3};
    p.stride = Pair{1, 1};
    p.padding = Padding::symmetric({1, 1});
    const PoolPlan plan = make_plan(shape, p).value();
    CellTrace t;
    for (auto _ : state) {
        for (int64_t oh = 0; oh < plan.output.h; ++oh)
            for (int64_t ow = 0; ow < plan.output.w; ++ow) {
                trace_cell(plan, x, {0, 0, oh, ow}, t);
                benchmark::DoNotOptimize(t.result);
            }
    }
}

void register_all() {
    for (const Case* c : {&kStem, &kImage}) {
        const std::string n = c->name;
        benchmark::RegisterBenchmark(("forward/" + n + "/max_indices").c_str(), BM_Forward, *c, PoolOp::kMax,
                                     true);
        benchmark::RegisterBenchmark(("forward/" + n + "/max").c_str(), BM_Forward, *c, PoolOp::kMax, false);
        benchmark::RegisterBenchmark(("forward/" + n + "/avg").c_str(), BM_Forward, *c, PoolOp::kAvg, false);
        benchmark::RegisterBenchmark(("forward_allocating/" + n + "/max_indices").c_str(),
                                     BM_ForwardAllocating, *c, PoolOp::kMax);
        benchmark::RegisterBenchmark(("forward_allocating/" + n + "/avg").c_str(), BM_ForwardAllocating, *c,
                                     PoolOp::kAvg);
        benchmark::RegisterBenchmark(("copy/" + n).c_str(), BM_CopyInput, *c);
        for (auto [isa, isa_name] :
             {std::pair{ForwardIsa::kPortable, "portable"}, {ForwardIsa::kAvx2, "avx2"}}) {
            const std::string prefix = "isa/" + n + "/";
            const std::string suffix = std::string("/") + isa_name;
            benchmark::RegisterBenchmark((prefix + "max_indices" + suffix).c_str(), BM_ForwardIsa, *c,
                                         PoolOp::kMax, true, isa);
            benchmark::RegisterBenchmark((prefix + "max" + suffix).c_str(), BM_ForwardIsa, *c, PoolOp::kMax,
                                         false, isa);
            benchmark::RegisterBenchmark((prefix + "avg" + suffix).c_str(), BM_ForwardIsa, *c, PoolOp::kAvg,
                                         false, isa);
        }
    }
    benchmark::RegisterBenchmark("trace_all_cells_64x64/max", BM_TraceAllCells64, PoolOp::kMax);
    benchmark::RegisterBenchmark("trace_all_cells_64x64/avg", BM_TraceAllCells64, PoolOp::kAvg);
}

bool write_file(const std::string& path, const void* data, size_t bytes) {
    FILE* f = std::fopen(path.c_str(), "wb");
    const bool ok = f && std::fwrite(data, 1, bytes, f) == bytes;
    if (f && std::fclose(f) != 0) return false;
    if (!ok) std::fprintf(stderr, "pool_bench: cannot write %s\n", path.c_str());
    return ok;
}

// <case>.f32: the input; <case>.<op>.f32 / <case>.max.i64: our outputs, which the PyTorch script compares
// with its own so every row of the table is known to compute the same thing.
int write_inputs(const std::string& dir) {
    for (const Case* c : {&kStem, &kImage}) {
        const Tensor x = make_input(c->shape);
        const std::string base = dir + "/" + c->name;
        if (!write_file(base + ".f32", x.data(), static_cast<size_t>(x.numel()) * sizeof(float))) return 1;
        const PoolOutput max = forward(plan_for(*c, PoolOp::kMax), x);
        const PoolOutput avg = forward(plan_for(*c, PoolOp::kAvg), x);
        if (!write_file(base + ".max.f32", max.values.data(), static_cast<size_t>(max.values.numel()) * 4) ||
            !write_file(base + ".max.i64", max.indices.data(), max.indices.size() * 8) ||
            !write_file(base + ".avg.f32", avg.values.data(), static_cast<size_t>(avg.values.numel()) * 4))
            return 1;
    }
    return 0;
}

}  // namespace
}  // namespace poolscope

int main(int argc, char** argv) {
    if (argc == 3 && std::strcmp(argv[1], "--write-inputs") == 0) return poolscope::write_inputs(argv[2]);
    poolscope::register_all();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
