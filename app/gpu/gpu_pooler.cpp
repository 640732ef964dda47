// GpuPooler: shader lookup and compilation, RGBA32F plane upload (four channels per texture), the pooling and
// compose passes, read-back. Each pass saves and restores the GL state it touches, so it can run in the
// middle of an ImGui frame.
#include "gpu/gpu_pooler.h"

#include "platform/gl.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "model/paths.h"
#include "platform/gl_loader.h"

namespace poolscope::gpu {
namespace {

constexpr const char* kVertexFile = "fullscreen.vert";
constexpr const char* kPoolFile = "pool.frag";
constexpr const char* kComposeFile = "compose.frag";

Result<std::string> read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{"shaders", "cannot read the shader file " + path.string()};
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

Result<unsigned> compile(GLenum kind, const std::filesystem::path& path) {
    Result<std::string> source = read_text(path);
    if (!source) return source.errors();
    const GLuint shader = glCreateShader(kind);
    const char* text = source->c_str();
    glShaderSource(shader, 1, &text, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok == GL_TRUE) return shader;
    GLint length = 0;
    glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
    std::string log(static_cast<size_t>(length > 0 ? length : 1), '\0');
    glGetShaderInfoLog(shader, length, nullptr, log.data());
    glDeleteShader(shader);
    while (!log.empty() && (log.back() == '\0' || log.back() == '\n'))
        log.pop_back();
    return Error{"shaders", "the shader " + path.string() + " does not compile: " + log};
}

Result<unsigned> link(const std::filesystem::path& dir, const char* fragment_file) {
    Result<unsigned> vs = compile(GL_VERTEX_SHADER, dir / kVertexFile);
    if (!vs) return vs.errors();
    Result<unsigned> fs = compile(GL_FRAGMENT_SHADER, dir / fragment_file);
    if (!fs) {
        glDeleteShader(*vs);
        return fs.errors();
    }
    const GLuint program = glCreateProgram();
    glAttachShader(program, *vs);
    glAttachShader(program, *fs);
    glLinkProgram(program);
    glDeleteShader(*vs);
    glDeleteShader(*fs);
    GLint ok = GL_FALSE;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (ok == GL_TRUE) return program;
    char log[1024] = {};
    glGetProgramInfoLog(program, sizeof log, nullptr, log);
    glDeleteProgram(program);
    return Error{"shaders", std::string("the shaders in ") + dir.string() + " do not link (" + fragment_file +
                                "): " + log};
}

// Saves what our passes change and puts it back, so ImGui's own drawing is unaffected.
class SavedGlState {
  public:
    SavedGlState() {
        glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &draw_fbo_);
        glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read_fbo_);
        glGetIntegerv(GL_VIEWPORT, viewport_);
        glGetIntegerv(GL_CURRENT_PROGRAM, &program_);
        glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &vao_);
        glGetIntegerv(GL_ACTIVE_TEXTURE, &active_texture_);
        for (int unit = 0; unit < 3; ++unit) {
            glActiveTexture(GL_TEXTURE0 + unit);
            glGetIntegerv(GL_TEXTURE_BINDING_2D, &textures_[unit]);
        }
        glGetIntegerv(GL_UNPACK_ALIGNMENT, &unpack_alignment_);
        glGetIntegerv(GL_PACK_ALIGNMENT, &pack_alignment_);
        scissor_ = glIsEnabled(GL_SCISSOR_TEST);
        blend_ = glIsEnabled(GL_BLEND);
        depth_ = glIsEnabled(GL_DEPTH_TEST);
        cull_ = glIsEnabled(GL_CULL_FACE);
        glDisable(GL_SCISSOR_TEST);
        glDisable(GL_BLEND);
        glDisable(GL_DEPTH_TEST);
        glDisable(GL_CULL_FACE);
    }
    ~SavedGlState() {
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(draw_fbo_));
        glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(read_fbo_));
        glViewport(viewport_[0], viewport_[1], viewport_[2], viewport_[3]);
        glUseProgram(static_cast<GLuint>(program_));
        glBindVertexArray(static_cast<GLuint>(vao_));
        for (int unit = 0; unit < 3; ++unit) {
            glActiveTexture(GL_TEXTURE0 + unit);
            glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(textures_[unit]));
        }
        glActiveTexture(static_cast<GLenum>(active_texture_));
        glPixelStorei(GL_UNPACK_ALIGNMENT, unpack_alignment_);
        glPixelStorei(GL_PACK_ALIGNMENT, pack_alignment_);
        if (scissor_) glEnable(GL_SCISSOR_TEST);
        if (blend_) glEnable(GL_BLEND);
        if (depth_) glEnable(GL_DEPTH_TEST);
        if (cull_) glEnable(GL_CULL_FACE);
    }
    SavedGlState(const SavedGlState&) = delete;
    SavedGlState& operator=(const SavedGlState&) = delete;

  private:
    GLint draw_fbo_ = 0, read_fbo_ = 0, viewport_[4] = {}, program_ = 0, vao_ = 0, active_texture_ = 0;
    GLint textures_[3] = {}, unpack_alignment_ = 4, pack_alignment_ = 4;
    GLboolean scissor_ = GL_FALSE, blend_ = GL_FALSE, depth_ = GL_FALSE, cull_ = GL_FALSE;
};

// Integer-coordinate reads only, but NEAREST also keeps the picture's pixels square when ImGui magnifies it.
void set_nearest(GLuint texture) {
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
}

void resize_planes(std::vector<unsigned>& planes, size_t count) {
    if (planes.size() > count) {
        glDeleteTextures(static_cast<GLsizei>(planes.size() - count), planes.data() + count);
        planes.resize(count);
    }
    while (planes.size() < count) {
        GLuint texture = 0;
        glGenTextures(1, &texture);
        set_nearest(texture);
        planes.push_back(texture);
    }
}

size_t texture_count(int64_t channels) {
    return static_cast<size_t>((channels + 3) / 4);
}

GLint uniform(GLuint program, const char* name) {
    return glGetUniformLocation(program, name);
}

}  // namespace

std::vector<std::filesystem::path> shader_search_dirs(const std::filesystem::path& exe_dir) {
    std::vector<std::filesystem::path> dirs;
    if (const char* env = std::getenv("POOLSCOPE_SHADER_DIR"); env && *env) dirs.emplace_back(env);
    for (std::filesystem::path& dir : app::data_dirs(exe_dir, "shaders"))
        dirs.push_back(std::move(dir));  // the app's one data lookup (model/paths.h)
    return dirs;
}

Result<std::filesystem::path> find_shader_dir(const std::filesystem::path& exe_dir) {
    std::string looked;
    for (const std::filesystem::path& dir : shader_search_dirs(exe_dir)) {
        std::error_code ec;
        bool complete = true;
        for (const char* file : {kVertexFile, kPoolFile, kComposeFile})
            complete = complete && std::filesystem::is_regular_file(dir / file, ec);
        if (complete) return dir.lexically_normal();
        looked += (looked.empty() ? "" : ", ") + dir.lexically_normal().string();
    }
    return Error{"shaders", "the GPU shaders (" + std::string(kPoolFile) + ") were not found in " +
                                (looked.empty() ? std::string("any search directory") : looked)};
}

Result<std::unique_ptr<GpuPooler>> GpuPooler::create(const std::filesystem::path& shader_dir) {
    Result<GlInfo> gl = ensure_gl_loaded();
    if (!gl) return gl.errors();
    Result<unsigned> pool = link(shader_dir, kPoolFile);
    if (!pool) return pool.errors();
    Result<unsigned> compose = link(shader_dir, kComposeFile);
    if (!compose) {
        glDeleteProgram(*pool);
        return compose.errors();
    }
    std::unique_ptr<GpuPooler> pooler(new GpuPooler());
    pooler->program_pool_ = *pool;
    pooler->program_compose_ = *compose;
    glGenVertexArrays(1, &pooler->vao_);
    glGenFramebuffers(1, &pooler->fbo_);
    return pooler;
}

GpuPooler::~GpuPooler() {
    // The owner destroys the pooler while its context is still current (before glfwDestroyWindow).
    resize_planes(input_planes_, 0);
    resize_planes(output_planes_, 0);
    const GLuint composed[2] = {composed_output_, composed_input_};
    glDeleteTextures(2, composed);
    glDeleteFramebuffers(1, &fbo_);
    glDeleteVertexArrays(1, &vao_);
    glDeleteProgram(program_pool_);
    glDeleteProgram(program_compose_);
}

void GpuPooler::set_input(const Tensor& picture) {
    const Shape& s = picture.shape();
    input_shape_ = Shape{1, s.c, s.h, s.w};
    SavedGlState saved;
    resize_planes(input_planes_, texture_count(s.c));
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glActiveTexture(GL_TEXTURE0);
    const size_t plane = static_cast<size_t>(s.h * s.w);
    interleaved_.resize(plane * 4);
    for (size_t g = 0; g < input_planes_.size(); ++g) {
        std::fill(interleaved_.begin(), interleaved_.end(), 0.0f);
        for (int64_t i = 0; i < 4 && static_cast<int64_t>(g) * 4 + i < s.c; ++i) {
            const float* values = picture.plane(0, static_cast<int64_t>(g) * 4 + i);
            for (size_t p = 0; p < plane; ++p)
                interleaved_[p * 4 + static_cast<size_t>(i)] = values[p];
        }
        glBindTexture(GL_TEXTURE_2D, input_planes_[g]);
        // RGBA32F keeps every float bit for bit (NaN, infinities, negatives); row ih is texture row y = ih.
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA32F, static_cast<GLsizei>(s.w), static_cast<GLsizei>(s.h), 0,
                     GL_RGBA, GL_FLOAT, interleaved_.data());
    }
}

Result<Shape> GpuPooler::run(const PoolPlan& plan) {
    if (!supports(plan.op()))
        return Error{"op", std::string(op_name(plan.op())) +
                               " runs on the CPU; the GPU pooler does max_pool2d "
                               "and avg_pool2d"};
    if (plan.input.c != input_shape_.c || plan.input.h != input_shape_.h || plan.input.w != input_shape_.w)
        return Error{"input", "the plan is for a " + shape_text(plan.input) + " input but the GPU holds a " +
                                  shape_text(input_shape_) + " picture"};
    const Shape out{1, plan.output.c, plan.output.h, plan.output.w};
    SavedGlState saved;
    const size_t textures = texture_count(out.c);
    const bool reallocate =
        out.w != output_shape_.w || out.h != output_shape_.h || textures != output_planes_.size();
    resize_planes(output_planes_, textures);
    const PoolParams& p = plan.params;
    const Pair k = p.kernel_size, s = p.effective_stride(), d = p.effective_dilation();
    glUseProgram(program_pool_);
    glBindVertexArray(vao_);
    glUniform1i(uniform(program_pool_, "u_input"), 0);
    glUniform2i(uniform(program_pool_, "u_input_size"), static_cast<GLint>(plan.input.w),
                static_cast<GLint>(plan.input.h));
    glUniform1i(uniform(program_pool_, "u_op"), plan.op() == PoolOp::kMax ? 0 : 1);
    glUniform2i(uniform(program_pool_, "u_kernel"), static_cast<GLint>(k.w), static_cast<GLint>(k.h));
    glUniform2i(uniform(program_pool_, "u_stride"), static_cast<GLint>(s.w), static_cast<GLint>(s.h));
    glUniform2i(uniform(program_pool_, "u_pad_begin"), static_cast<GLint>(plan.w.pad_begin),
                static_cast<GLint>(plan.h.pad_begin));
    glUniform2i(uniform(program_pool_, "u_pad_end"), static_cast<GLint>(plan.w.pad_end),
                static_cast<GLint>(plan.h.pad_end));
    glUniform2i(uniform(program_pool_, "u_dilation"), static_cast<GLint>(d.w), static_cast<GLint>(d.h));
    const int rule = p.divisor_override ? 2 : p.count_include_pad ? 0 : 1;
    glUniform1i(uniform(program_pool_, "u_divisor_rule"), rule);
    glUniform1i(uniform(program_pool_, "u_divisor_override"),
                static_cast<GLint>(p.divisor_override.value_or(1)));
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glViewport(0, 0, static_cast<GLsizei>(out.w), static_cast<GLsizei>(out.h));
    glActiveTexture(GL_TEXTURE0);
    for (size_t g = 0; g < textures; ++g) {
        const GLuint target = output_planes_[g];
        glBindTexture(GL_TEXTURE_2D, target);
        if (reallocate)
            glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA32F, static_cast<GLsizei>(out.w),
                         static_cast<GLsizei>(out.h), 0, GL_RGBA, GL_FLOAT, nullptr);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, target, 0);
        glBindTexture(GL_TEXTURE_2D, input_planes_[g]);
        glDrawArrays(GL_TRIANGLES, 0, 3);
    }
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, 0, 0);
    output_shape_ = out;
    return out;
}

Tensor GpuPooler::read_output() {
    Tensor out(output_shape_, 0.0f, 3);
    SavedGlState saved;
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    const size_t plane = static_cast<size_t>(output_shape_.h * output_shape_.w);
    interleaved_.resize(plane * 4);
    for (size_t g = 0; g < output_planes_.size(); ++g) {
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, output_planes_[g], 0);
        glReadPixels(0, 0, static_cast<GLsizei>(output_shape_.w), static_cast<GLsizei>(output_shape_.h),
                     GL_RGBA, GL_FLOAT, interleaved_.data());
        for (int64_t i = 0; i < 4 && static_cast<int64_t>(g) * 4 + i < output_shape_.c; ++i) {
            float* values = out.plane(0, static_cast<int64_t>(g) * 4 + i);
            for (size_t p = 0; p < plane; ++p)
                values[p] = interleaved_[p * 4 + static_cast<size_t>(i)];
        }
    }
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, 0, 0);
    return out;
}

unsigned GpuPooler::compose(const ComposeStyle& style, bool input) {
    const std::vector<unsigned>& planes = input ? input_planes_ : output_planes_;
    const Shape& shape = input ? input_shape_ : output_shape_;
    unsigned& target = input ? composed_input_ : composed_output_;
    if (planes.empty() || shape.h < 1 || shape.w < 1) return 0;
    SavedGlState saved;
    if (target == 0) glGenTextures(1, &target);
    set_nearest(target);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, static_cast<GLsizei>(shape.w), static_cast<GLsizei>(shape.h), 0,
                 GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, target, 0);
    glViewport(0, 0, static_cast<GLsizei>(shape.w), static_cast<GLsizei>(shape.h));
    glUseProgram(program_compose_);
    glBindVertexArray(vao_);
    const bool rgb = shape.c >= 3;
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, planes[0]);
    glUniform1i(uniform(program_compose_, "u_planes"), 0);
    glUniform1i(uniform(program_compose_, "u_channels"), rgb ? 3 : 1);
    glUniform1f(uniform(program_compose_, "u_scale"), style.scale);
    glUniform3f(uniform(program_compose_, "u_tint"), style.tint[0], style.tint[1], style.tint[2]);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, 0, 0);
    return target;
}

}  // namespace poolscope::gpu
