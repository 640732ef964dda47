// The GPU pooler: max_pool2d and avg_pool2d of a picture's channel planes in GLSL 3.30 fragment shaders
// (shaders/pool.frag), four channel planes per RGBA32F texture in and out, plus a compose pass that turns the
// planes into an RGBA8 texture for the screen. The CPU core is the reference; tests/gpu holds the GPU to it.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "poolscope/pool_plan.h"
#include "poolscope/result.h"
#include "poolscope/tensor.h"

namespace poolscope::gpu {

// Where the shaders are looked for, in order:
//   1. $POOLSCOPE_SHADER_DIR (a developer override),
//   2. the app's data folders for "shaders" (model/paths.h: an installed PoolScope uses its own prefix's
//   copy,
//      else <source>/shaders of the build tree).
std::vector<std::filesystem::path> shader_search_dirs(const std::filesystem::path& exe_dir);
// The first search directory that holds every shader file, or an error listing where it looked.
Result<std::filesystem::path> find_shader_dir(const std::filesystem::path& exe_dir);

// How compose() draws the planes: three planes as RGB, one plane as grey times `tint`.
struct ComposeStyle {
    float scale = 1.0f / 255.0f;         // value * scale is the brightness in [0, 1]
    float tint[3] = {1.0f, 1.0f, 1.0f};  // one-plane pictures only
};

class GpuPooler {
  public:
    // Needs a current OpenGL 3.3 context. Fails (with the file name and the GLSL compiler's log) when a
    // shader is missing or does not compile; the caller then pools on the CPU.
    static Result<std::unique_ptr<GpuPooler>> create(const std::filesystem::path& shader_dir);
    ~GpuPooler();
    GpuPooler(const GpuPooler&) = delete;
    GpuPooler& operator=(const GpuPooler&) = delete;

    static bool supports(PoolOp op) { return op == PoolOp::kMax || op == PoolOp::kAvg; }

    // Uploads the planes of batch 0, four per RGBA32F texture, bit for bit. Precondition: 1 <= channels.
    void set_input(const Tensor& picture);
    const Shape& input_shape() const { return input_shape_; }

    // Pools every uploaded plane into output planes sized plan.output (the core's plan decides the size).
    // Fails, without touching GL, when the op is adaptive or the plan is for another input shape.
    Result<Shape> run(const PoolPlan& plan);
    const Shape& output_shape() const { return output_shape_; }

    // Reads the output planes back (glReadPixels): an N=1 tensor shaped output_shape(), rank 3.
    Tensor read_output();
    // Draws the output planes (1 or 3 of them) into an RGBA8 texture sized like the output; returns it.
    // With `input` true it draws the uploaded input planes instead.
    unsigned compose(const ComposeStyle& style, bool input = false);

  private:
    GpuPooler() = default;

    unsigned program_pool_ = 0;
    unsigned program_compose_ = 0;
    unsigned vao_ = 0;
    unsigned fbo_ = 0;
    std::vector<unsigned> input_planes_;   // channel 4g + i is component i of texture g
    std::vector<unsigned> output_planes_;  //
    std::vector<float> interleaved_;       // upload/read-back buffer, kept to avoid reallocating
    unsigned composed_output_ = 0;
    unsigned composed_input_ = 0;
    Shape input_shape_{0, 0, 0, 0};
    Shape output_shape_{0, 0, 0, 0};
};

}  // namespace poolscope::gpu
