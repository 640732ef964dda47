// PicturePooler: chooses the GPU or CPU path per update, keeps the display textures, and recomputes only
// on a change of picture, parameters or style (a slider drag recomputes once per frame at most).
#include "gpu/picture_pooler.h"

#include "platform/gl.h"

#include <chrono>
#include <cstring>

#include "image/picture.h"
#include "platform/gl_loader.h"

namespace poolscope::gpu {
namespace {

bool same_style(const ComposeStyle& a, const ComposeStyle& b) {
    return a.scale == b.scale && std::memcmp(a.tint, b.tint, sizeof a.tint) == 0;
}

}  // namespace

PicturePooler::~PicturePooler() {
    release();
}

void PicturePooler::release() {
    gpu_.reset();
    const GLuint textures[2] = {cpu_input_texture_, cpu_output_texture_};
    if (textures[0] || textures[1]) glDeleteTextures(2, textures);
    cpu_input_texture_ = cpu_output_texture_ = 0;
    input_texture_ = output_texture_ = 0;
    uploaded_generation_ = 0;
    params_.reset();
}

void PicturePooler::start(const Result<std::filesystem::path>& shader_dir) {
    gpu_.reset();
    has_gl_ = ensure_gl_loaded().ok();
    if (!shader_dir) {
        gpu_message_ = shader_dir.error_text() + "; pooling on the CPU instead";
        return;
    }
    Result<std::unique_ptr<GpuPooler>> made = GpuPooler::create(*shader_dir);
    if (!made) {
        gpu_message_ = made.error_text() + "; pooling on the CPU instead";
        return;
    }
    gpu_ = std::move(made.value());
    gpu_message_.clear();
}

void PicturePooler::set_prefer_cpu(bool prefer_cpu) {
    if (prefer_cpu == prefer_cpu_) return;
    prefer_cpu_ = prefer_cpu;
    params_.reset();  // recompute on the other path
}

void PicturePooler::upload_rgba8(unsigned& texture, const Tensor& values, const ComposeStyle& style) {
    if (!has_gl_) return;  // nothing to draw into; the pooled values and plan are still there
    GLint previous = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
    if (texture == 0) glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    const std::vector<unsigned char> rgba = image::to_rgba8(values, style.scale, style.tint);
    GLint alignment = 4;
    glGetIntegerv(GL_UNPACK_ALIGNMENT, &alignment);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, static_cast<GLsizei>(values.shape().w),
                 static_cast<GLsizei>(values.shape().h), 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    glPixelStorei(GL_UNPACK_ALIGNMENT, alignment);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
}

bool PicturePooler::update(const Tensor& input, uint64_t generation, const PoolParams& params,
                           const ComposeStyle& style) {
    const bool new_input = generation != uploaded_generation_;
    const bool new_style = !same_style(style, style_);
    if (!new_input && !new_style && params_ && *params_ == params) return false;
    const auto started = std::chrono::steady_clock::now();
    params_ = params;
    style_ = style;
    uploaded_generation_ = generation;

    Result<PoolPlan> plan = make_plan(input.shape(), params);
    const bool on_gpu = gpu_ && !prefer_cpu_ && GpuPooler::supports(params.op);
    if (gpu_ && new_input) gpu_->set_input(input);
    if (on_gpu) {
        if (new_input || new_style) input_texture_ = gpu_->compose(style, /*input=*/true);
    } else if (new_input || new_style || input_texture_ != cpu_input_texture_) {
        upload_rgba8(cpu_input_texture_, input, style);
        input_texture_ = cpu_input_texture_;
    }
    if (!plan) {
        plan_.reset();
        errors_ = plan.errors();
        output_texture_ = 0;
        backend_ = Backend::kNone;
    } else {
        plan_ = *plan;
        errors_.clear();
        bool pooled = false;
        if (on_gpu && gpu_->run(*plan)) {
            output_texture_ = gpu_->compose(style);
            backend_ = Backend::kGpu;
            pooled = true;
        }
        if (!pooled) {
            cpu_output_ = forward(*plan, input).values;
            upload_rgba8(cpu_output_texture_, cpu_output_, style);
            output_texture_ = cpu_output_texture_;
            backend_ = Backend::kCpu;
        }
    }
    if (has_gl_) glFinish();  // the figure below is what the student waits for, not the time to queue
    last_update_ms_ =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return true;
}

Tensor PicturePooler::output_values() {
    if (backend_ == Backend::kGpu && gpu_) return gpu_->read_output();
    return cpu_output_;
}

}  // namespace poolscope::gpu
