// What the Image view draws: a picture and its pooled result as GL textures, recomputed only when the
// picture, the parameters or the colour style change. Pooling runs on the GPU (GpuPooler) when the shaders
// load, otherwise on the CPU with the core; either way the numbers are the core's (tests/gpu checks it).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gpu/gpu_pooler.h"
#include "poolscope/pool_forward.h"
#include "poolscope/pool_plan.h"

namespace poolscope::gpu {

enum class Backend { kNone, kGpu, kCpu };

class PicturePooler {
  public:
    PicturePooler() = default;
    ~PicturePooler();  // releases the GL objects; the owner keeps the context current until then
    PicturePooler(const PicturePooler&) = delete;
    PicturePooler& operator=(const PicturePooler&) = delete;

    // Starts the GPU path with the shaders in `shader_dir`; on any failure keeps the reason (shown to the
    // student) and pools on the CPU from then on. Needs a current OpenGL 3.3 context.
    void start(const Result<std::filesystem::path>& shader_dir);
    bool gpu_available() const { return gpu_ != nullptr; }
    // Pool with the core on the CPU even when the GPU path works (a software renderer such as llvmpipe is
    // slower than the core's vector kernels). The next update() recomputes.
    void set_prefer_cpu(bool prefer_cpu);
    bool prefer_cpu() const { return prefer_cpu_; }
    const std::string& gpu_message() const { return gpu_message_; }

    // Pools `input` (N = 1; 1 or 3 channels are drawn) with `params`. `generation` names the input: pass a
    // new value whenever its values change, so it is uploaded again. Returns true when something changed.
    bool update(const Tensor& input, uint64_t generation, const PoolParams& params,
                const ComposeStyle& style);

    bool ok() const { return plan_.has_value(); }
    const std::optional<PoolPlan>& plan() const { return plan_; }
    const std::vector<Error>& errors() const { return errors_; }  // why the params were rejected
    Backend backend() const { return backend_; }                  // path used by the last update
    double last_update_ms() const { return last_update_ms_; }     // wall time of the last recompute

    unsigned input_texture() const { return input_texture_; }    // RGBA8, nearest filtering
    unsigned output_texture() const { return output_texture_; }  // RGBA8, nearest filtering; 0 if !ok()
    // The pooled numbers of the last update (GPU read-back or the CPU result), rank 3.
    Tensor output_values();

    // Deletes every GL object now (the destructor does it too).
    void release();

  private:
    void upload_rgba8(unsigned& texture, const Tensor& values, const ComposeStyle& style);

    std::unique_ptr<GpuPooler> gpu_;
    std::string gpu_message_;
    bool prefer_cpu_ = false;
    bool has_gl_ = false;  // start() ran with a GL context: results become textures (headless tests: no)
    uint64_t uploaded_generation_ = 0;
    std::optional<PoolParams> params_;
    ComposeStyle style_;
    std::optional<PoolPlan> plan_;
    std::vector<Error> errors_;
    Backend backend_ = Backend::kNone;
    double last_update_ms_ = 0.0;
    Tensor cpu_output_;            // CPU path only
    unsigned input_texture_ = 0;   // owned here on the CPU path; the GPU pooler owns it otherwise
    unsigned output_texture_ = 0;  //
    unsigned cpu_input_texture_ = 0;
    unsigned cpu_output_texture_ = 0;
};

}  // namespace poolscope::gpu
