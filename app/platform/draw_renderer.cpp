// ImGui's draw data drawn with texels sampled nearest where that is exact and colours flat where they are
// one (see draw_renderer.h).
#include "platform/draw_renderer.h"

#include "platform/draw_batches.h"
#include "platform/gl.h"
#include "platform/sheet_textures.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace poolscope::app {
namespace {

#ifdef __EMSCRIPTEN__
constexpr const char* kVersion = "#version 300 es\n";
constexpr const char* kFragmentPrecision =
    "precision mediump float;\n";  // what the backend's ES 3 shader uses
#else
constexpr const char* kVersion = "#version 330 core\n";
constexpr const char* kFragmentPrecision = "";
#endif

// A flat-colour variant of the program. Not in the browser: there each program is compiled and checked
// while the page waits for its first frame, and what they save is llvmpipe's per-pixel interpolation.
#ifdef __EMSCRIPTEN__
constexpr bool kFlatPrograms = false;
#else
constexpr bool kFlatPrograms = true;
#endif

// Attribute slots shared by both variants, so one vertex array serves them.
constexpr unsigned kPosition = 0, kUv = 1, kColor = 2;

constexpr const char* kTexturedVertex =
    "uniform mat4 projection;\n"
    "in vec2 position;\n"
    "in vec2 uv;\n"
    "in vec4 color;\n"
    "out vec2 frag_uv;\n"
    "COLOR out vec4 frag_color;\n"
    "void main() {\n"
    "    frag_uv = uv;\n"
    "    frag_color = color;\n"
    "    gl_Position = projection * vec4(position.xy, 0, 1);\n"
    "}\n";
constexpr const char* kTexturedFragment =
    "uniform sampler2D atlas;\n"
    "in vec2 frag_uv;\n"
    "COLOR in vec4 frag_color;\n"
    "out vec4 out_color;\n"
    "void main() {\n"
    "    out_color = frag_color * texture(atlas, frag_uv.st);\n"
    "}\n";

// `flat`: the colour is the triangle's last vertex's, not interpolated (DrawRun::flat).
GLuint compile(GLenum type, const char* body, bool flat) {
    const char* parts[4] = {kVersion, type == GL_FRAGMENT_SHADER ? kFragmentPrecision : "",
                            flat ? "#define COLOR flat\n" : "#define COLOR\n", body};
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 4, parts, nullptr);
    glCompileShader(shader);
    return shader;
}

// Why a shader did not compile, if it did not (asked only once the link failed).
void say_compile_error(GLuint shader) {
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok) return;
    char log[512] = {};
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    std::fprintf(stderr, "poolscope: draw shader does not compile: %s\n", log);
}

// The program, or 0. Only the link's status is read back: a shader that did not compile fails the link,
// and in a browser each status read is a round trip to the GPU process while the page waits for its first
// frame (bench/README.md).
GLuint link(const char* vertex, const char* fragment, bool flat) {
    const GLuint vs = compile(GL_VERTEX_SHADER, vertex, flat),
                 fs = compile(GL_FRAGMENT_SHADER, fragment, flat);
    GLuint program = glCreateProgram();
    glAttachShader(program, vs);
    glAttachShader(program, fs);
    glBindAttribLocation(program, kPosition, "position");
    glBindAttribLocation(program, kUv, "uv");
    glBindAttribLocation(program, kColor, "color");
    glLinkProgram(program);
    GLint ok = 0;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (!ok) {
        say_compile_error(vs);
        say_compile_error(fs);
        glDeleteProgram(program);
        program = 0;
    }
    glDeleteShader(vs);
    glDeleteShader(fs);
    return program;
}

// The GL state render() changes, to put back after it (the GPU pooler and the retained frame set their own).
// Not the blend function and equation or the scissor box: in a browser, reading them is a round trip to
// the GPU process (WebGL keeps no copy), which waits behind the compositor's frames: 6 reads took 35 ms a
// frame, 66-150 ms of the first (bench/README.md). Nothing else draws with blending, and every pass that
// turns the scissor test on sets its box (retained_frame.cpp); the enables themselves are put back.
struct SavedState {
    GLint program, texture, sampler, active_texture, array_buffer, vertex_array;
    GLint viewport[4];
    GLboolean blend, cull, depth, stencil, scissor_test;

    void save() {
        glGetIntegerv(GL_ACTIVE_TEXTURE, &active_texture);
        glActiveTexture(GL_TEXTURE0);
        glGetIntegerv(GL_CURRENT_PROGRAM, &program);
        glGetIntegerv(GL_TEXTURE_BINDING_2D, &texture);
        glGetIntegerv(GL_SAMPLER_BINDING, &sampler);
        glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &array_buffer);
        glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &vertex_array);
        glGetIntegerv(GL_VIEWPORT, viewport);
        blend = glIsEnabled(GL_BLEND);
        cull = glIsEnabled(GL_CULL_FACE);
        depth = glIsEnabled(GL_DEPTH_TEST);
        stencil = glIsEnabled(GL_STENCIL_TEST);
        scissor_test = glIsEnabled(GL_SCISSOR_TEST);
    }
    void restore() const {
        glUseProgram(GLuint(program));
        glBindTexture(GL_TEXTURE_2D, GLuint(texture));
        glBindSampler(0, GLuint(sampler));
        glActiveTexture(GLenum(active_texture));
        glBindVertexArray(GLuint(vertex_array));
        glBindBuffer(GL_ARRAY_BUFFER, GLuint(array_buffer));
        const auto set = [](GLenum cap, GLboolean on) { on ? glEnable(cap) : glDisable(cap); };
        set(GL_BLEND, blend);
        set(GL_CULL_FACE, cull);
        set(GL_DEPTH_TEST, depth);
        set(GL_STENCIL_TEST, stencil);
        set(GL_SCISSOR_TEST, scissor_test);
        glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
    }
};

}  // namespace

bool samples_white_only(const ImDrawList& list, unsigned first, unsigned vtx_offset, ImVec2 white_uv) {
    return samples_white_only(list, list.IdxBuffer.Data + first, vtx_offset, white_uv);
}

bool samples_white_only(const ImDrawList& list, const ImDrawIdx* triangle, unsigned vtx_offset,
                        ImVec2 white_uv) {
    for (unsigned k = 0; k < 3; ++k) {
        const ImDrawVert& v = list.VtxBuffer.Data[triangle[k] + vtx_offset];
        if (v.uv.x != white_uv.x || v.uv.y != white_uv.y) return false;
    }
    return true;
}

bool DrawRenderer::create() {
    for (int flat = 0; flat < 2; ++flat) {
        Program& p = programs_[flat];
        if (flat && !kFlatPrograms) {  // the interpolating variant serves flat runs too
            p = programs_[0];
            break;
        }
        p.name = link(kTexturedVertex, kTexturedFragment, flat);
        if (!p.name) {
            destroy();
            return false;
        }
        p.projection = glGetUniformLocation(p.name, "projection");
        p.texture_unit = glGetUniformLocation(p.name, "atlas");
    }
    glGenSamplers(1, &nearest_);
    glSamplerParameteri(nearest_, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glSamplerParameteri(nearest_, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glSamplerParameteri(nearest_, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glSamplerParameteri(nearest_, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glGenVertexArrays(1, &vao_);
    glGenBuffers(1, &vertex_buffer_);
    glGenBuffers(1, &index_buffer_);
    GLint last_vao = 0, last_buffer = 0;
    glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &last_vao);
    glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &last_buffer);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vertex_buffer_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, index_buffer_);  // remembered by the vertex array
    glEnableVertexAttribArray(kPosition);
    glEnableVertexAttribArray(kUv);
    glEnableVertexAttribArray(kColor);
    const auto at = [](size_t offset) { return reinterpret_cast<const void*>(offset); };
    glVertexAttribPointer(kPosition, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert),
                          at(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(kUv, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(kColor, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert),
                          at(offsetof(ImDrawVert, col)));
    glBindVertexArray(GLuint(last_vao));
    glBindBuffer(GL_ARRAY_BUFFER, GLuint(last_buffer));
    return true;
}

void DrawRenderer::destroy() {
    if (programs_[1].name && programs_[1].name != programs_[0].name) glDeleteProgram(programs_[1].name);
    if (programs_[0].name) glDeleteProgram(programs_[0].name);
    programs_[0] = programs_[1] = Program();
    if (vao_) glDeleteVertexArrays(1, &vao_);
    if (vertex_buffer_) glDeleteBuffers(1, &vertex_buffer_);
    if (index_buffer_) glDeleteBuffers(1, &index_buffer_);
    if (nearest_) glDeleteSamplers(1, &nearest_);
    vao_ = vertex_buffer_ = index_buffer_ = nearest_ = 0;
}

void DrawRenderer::setup_state(const ImDrawData& data, int fb_width, int fb_height) {
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glViewport(0, 0, fb_width, fb_height);
    // Orthographic: ImGui's display rectangle onto clip space, y down.
    const float l = data.DisplayPos.x, r = data.DisplayPos.x + data.DisplaySize.x;
    const float t = data.DisplayPos.y, b = data.DisplayPos.y + data.DisplaySize.y;
    const float projection[16] = {
        2.0f / (r - l), 0.0f, 0.0f, 0.0f,  0.0f, 2.0f / (t - b),    0.0f,
        0.0f,           0.0f, 0.0f, -1.0f, 0.0f, (r + l) / (l - r), (t + b) / (b - t),
        0.0f,           1.0f};
    for (const Program& p : programs_) {
        glUseProgram(p.name);
        glUniformMatrix4fv(p.projection, 1, GL_FALSE, projection);
        glUniform1i(p.texture_unit, 0);
    }
    glBindVertexArray(vao_);
}

void DrawRenderer::order_list(const ImDrawList& list, const AtlasInfo& atlas, ListOrder& order) {
    // Each command's triangles in an order that switches programs less (draw_batches.h).
    order.indices.clear();
    order.runs.clear();
    order.cmd_runs.clear();
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
        order.cmd_runs.push_back(order.runs.size());
        if (!cmd.UserCallback) runs_.build(list, cmd, atlas, order.indices, order.runs);
    }
    order.cmd_runs.push_back(order.runs.size());
}

std::vector<uintptr_t> DrawRenderer::fingerprint(const ImDrawData& data, int fb_width, int fb_height,
                                                 const AtlasInfo& atlas) const {
    // Everything an order depends on short of the vertices' and indices' values, which ImGui only writes
    // while it builds a frame (hence the frame's number): the buffers, the commands, the target, the atlas.
    std::vector<uintptr_t> print;
    const auto bits = [](float v) {
        uint32_t u;
        std::memcpy(&u, &v, sizeof u);
        return uintptr_t(u);
    };
    print.insert(print.end(), {uintptr_t(ImGui::GetFrameCount()), uintptr_t(fb_width), uintptr_t(fb_height),
                               uintptr_t(atlas.texture), bits(atlas.white_uv.x), bits(atlas.white_uv.y),
                               bits(atlas.size.x), bits(atlas.size.y), bits(data.DisplayPos.x),
                               bits(data.DisplayPos.y), bits(data.FramebufferScale.x),
                               bits(data.FramebufferScale.y), uintptr_t(data.CmdListsCount)});
    for (int l = 0; l < data.CmdListsCount; ++l) {
        const ImDrawList& list = *data.CmdLists[l];
        print.insert(print.end(), {uintptr_t(&list), uintptr_t(list.IdxBuffer.Data),
                                   uintptr_t(list.IdxBuffer.Size), uintptr_t(list.VtxBuffer.Data),
                                   uintptr_t(list.VtxBuffer.Size), uintptr_t(list.CmdBuffer.Size)});
        for (const ImDrawCmd& cmd : list.CmdBuffer)
            print.insert(print.end(), {uintptr_t(cmd.IdxOffset), uintptr_t(cmd.ElemCount),
                                       uintptr_t(cmd.VtxOffset), uintptr_t(cmd.GetTexID()),
                                       reinterpret_cast<uintptr_t>(cmd.UserCallback), bits(cmd.ClipRect.x),
                                       bits(cmd.ClipRect.y), bits(cmd.ClipRect.z), bits(cmd.ClipRect.w)});
    }
    return print;
}

void DrawRenderer::prepare(const ImDrawData& data, int fb_width, int fb_height, const AtlasInfo& atlas) {
    prepared_for_.clear();
    if (fb_width <= 0 || fb_height <= 0 || !ready()) return;
    runs_.begin(fb_width, fb_height, data.DisplayPos, data.FramebufferScale);
    prepared_.resize(size_t(data.CmdListsCount));
    for (int l = 0; l < data.CmdListsCount; ++l)
        order_list(*data.CmdLists[l], atlas, prepared_[size_t(l)]);
    prepared_for_ = fingerprint(data, fb_width, fb_height, atlas);
}

void DrawRenderer::render(const ImDrawData& data, int fb_width, int fb_height, const AtlasInfo& atlas,
                          const SheetTextures* pictures) {
    draw_calls_ = 0;
    // What prepare() ordered serves this one call, if it is for this very draw data.
    const bool prepared =
        !prepared_for_.empty() && prepared_for_ == fingerprint(data, fb_width, fb_height, atlas);
    prepared_for_.clear();
    if (fb_width <= 0 || fb_height <= 0 || !ready()) return;
    SavedState saved;
    saved.save();
    setup_state(data, fb_width, fb_height);
    GLuint program = 0, sampler = 0;  // program 0: none chosen yet
    ImTextureID bound = nullptr;
    glBindTexture(GL_TEXTURE_2D, 0);
    glBindSampler(0, 0);
    const ImVec2 off = data.DisplayPos, scale = data.FramebufferScale;
    constexpr GLenum kIndexType = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
    if (!prepared) runs_.begin(fb_width, fb_height, off, scale);
    for (int l = 0; l < data.CmdListsCount; ++l) {
        const ImDrawList& list = *data.CmdLists[l];
        if (!prepared) order_list(list, atlas, scratch_);
        const ListOrder& order = prepared ? prepared_[size_t(l)] : scratch_;
        const std::vector<ImDrawIdx>& indices = order.indices;
        const std::vector<DrawRun>& runs = order.runs;
        const std::vector<size_t>& cmd_runs = order.cmd_runs;
        glBindBuffer(GL_ARRAY_BUFFER, vertex_buffer_);
        glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(list.VtxBuffer.Size) * GLsizeiptr(sizeof(ImDrawVert)),
                     list.VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(indices.size()) * GLsizeiptr(sizeof(ImDrawIdx)),
                     indices.data(), GL_STREAM_DRAW);
        for (size_t c = 0; c < size_t(list.CmdBuffer.Size); ++c) {
            const ImDrawCmd& cmd = list.CmdBuffer[int(c)];
            if (cmd.UserCallback) {
                if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
                    setup_state(data, fb_width, fb_height);
                    program = 0, sampler = 0;
                    bound = nullptr;
                    glBindTexture(GL_TEXTURE_2D, 0);
                    glBindSampler(0, 0);
                } else {
                    cmd.UserCallback(&list, &cmd);
                }
                continue;
            }
            const ImVec2 lo((cmd.ClipRect.x - off.x) * scale.x, (cmd.ClipRect.y - off.y) * scale.y);
            const ImVec2 hi((cmd.ClipRect.z - off.x) * scale.x, (cmd.ClipRect.w - off.y) * scale.y);
            if (hi.x <= lo.x || hi.y <= lo.y) continue;
            glScissor(int(lo.x), int(float(fb_height) - hi.y), int(hi.x - lo.x), int(hi.y - lo.y));
            const ImTextureID texture = cmd.GetTexID();
            if (texture != bound) {
                const GLuint name = !is_picture_texture(texture) ? GLuint(intptr_t(texture))
                                    : pictures                   ? pictures->texture_of(texture)
                                                                 : 0;
                glBindTexture(GL_TEXTURE_2D, name);
                bound = texture;
            }
            for (size_t r = cmd_runs[c]; r < cmd_runs[c + 1]; ++r) {
                const GLuint want = programs_[runs[r].flat].name;
                if (want != program) glUseProgram(want), program = want;
                const GLuint sample = runs[r].kind == RunKind::kTexels ? nearest_ : 0;
                if (sample != sampler) glBindSampler(0, sample), sampler = sample;
                const void* first = reinterpret_cast<const void*>(size_t(runs[r].offset) * sizeof(ImDrawIdx));
#ifdef __EMSCRIPTEN__
                glDrawElements(GL_TRIANGLES, GLsizei(runs[r].count), kIndexType,
                               first);  // WebGL: no VtxOffset
#else
                glDrawElementsBaseVertex(GL_TRIANGLES, GLsizei(runs[r].count), kIndexType,
                                         const_cast<void*>(first), GLint(cmd.VtxOffset));
#endif
                ++draw_calls_;
            }
        }
    }
    saved.restore();
}

}  // namespace poolscope::app
