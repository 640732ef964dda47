// Times what a student's slider drag costs on the GPU path: for a 1024×1024 RGB picture, the time from a
// parameter change (new plan) to the pooled result composed into the screen texture, glFinish-timed.
// Not a test (speed targets live in bench/); run: xvfb-run -a build/tests/gpu/gpu_pool_timing
#include <glad/gl.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

#include "gl_test_window.h"
#include "gpu/gpu_pooler.h"
#include "poolscope/pool_forward.h"
#include "poolscope/pool_plan.h"

using namespace poolscope;

int main() {
    gpu::GlTestWindow window;
    if (!window.ok()) {
        std::fprintf(stderr, "gpu_pool_timing: %s\n", window.error().c_str());
        return 1;
    }
    Result<std::filesystem::path> dir = gpu::find_shader_dir({});
    if (!dir) return std::fprintf(stderr, "%s\n", dir.error_text().c_str()), 1;
    Result<std::unique_ptr<gpu::GpuPooler>> pooler = gpu::GpuPooler::create(*dir);
    if (!pooler) return std::fprintf(stderr, "%s\n", pooler.error_text().c_str()), 1;

    Tensor picture(Shape{1, 3, 1024, 1024}, 0.0f, 3);
    std::mt19937 rng(1);
    std::uniform_int_distribution<int> byte(0, 255);
    for (int64_t i = 0; i < picture.numel(); ++i)
        picture.data()[i] = static_cast<float>(byte(rng));
    (*pooler)->set_input(picture);
    std::printf("renderer: %s\n", window.renderer().c_str());
    std::printf("%-44s %10s %10s %10s\n", "parameters (1024x1024 RGB)", "gpu med ms", "gpu max ms", "cpu ms");

    struct Case {
        const char* name;
        PoolOp op;
        int k, s, pad, d;
    };
    const Case cases[] = {
        {"max k2 s2", PoolOp::kMax, 2, 2, 0, 1},       {"avg k2 s2", PoolOp::kAvg, 2, 2, 0, 1},
        {"max k3 s2 p1", PoolOp::kMax, 3, 2, 1, 1},    {"avg k3 s2 p1", PoolOp::kAvg, 3, 2, 1, 1},
        {"max k3 s1 p1", PoolOp::kMax, 3, 1, 1, 1},    {"avg k3 s1 p1", PoolOp::kAvg, 3, 1, 1, 1},
        {"max k5 s1 p2 d2", PoolOp::kMax, 5, 1, 2, 2}, {"avg k7 s1 p3", PoolOp::kAvg, 7, 1, 3, 1},
    };
    using Clock = std::chrono::steady_clock;
    for (const Case& c : cases) {
        PoolParams p;
        p.op = c.op;
        p.kernel_size = {c.k, c.k};
        p.stride = Pair{c.s, c.s};
        p.padding = Padding::symmetric({c.pad, c.pad});
        p.dilation = {c.d, c.d};
        std::vector<double> ms;
        for (int run = 0; run < 12; ++run) {
            p.ceil_mode = run % 2 == 1;  // a real parameter change every run
            glFinish();
            const auto t0 = Clock::now();
            Result<PoolPlan> plan = make_plan(picture.shape(), p);
            if (!plan || !(*pooler)->run(*plan)) return 1;
            (*pooler)->compose(gpu::ComposeStyle{});
            glFinish();
            ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        }
        ms.erase(ms.begin(), ms.begin() + 2);  // first runs include shader JIT and allocation
        std::sort(ms.begin(), ms.end());
        const auto t0 = Clock::now();
        Result<PoolPlan> plan = make_plan(picture.shape(), p);
        PoolOutput cpu = forward(*plan, picture);
        const double cpu_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        std::printf("%-44s %10.1f %10.1f %10.1f\n", c.name, ms[ms.size() / 2], ms.back(), cpu_ms);
    }
    return 0;
}
