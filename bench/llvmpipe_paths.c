// What one textured, blended pixel costs this machine's OpenGL (Mesa llvmpipe under Xvfb), shader by shader
// and blend by blend (issue 34). Mesa's source has fast paths for window-aligned quads that sample a texture
// 1:1 (a texture-only shader, nearest sampling, no blending or premultiplied blending, a BGRA texture, no
// depth buffer): if they ran here, a grid's cell picture drawn that way would cost a copy per pixel. This
// measures whether they do. Each frame draws LAYERS layers of 228 quads of 60×60 pixels, each inside one
// 64×64 tile (so no layer covers a whole tile and llvmpipe cannot drop the layers under it), 1:1 texels,
// and reports the process's CPU time per frame (all llvmpipe threads) and the p50 frame time.
// Variants (argv[1]):
//   imgui           colour × texture, colour interpolated, straight alpha: ImGui's shader and blend
//   flat            the same with a flat colour: our renderer's flat program
//   texture         the texture alone, premultiplied blending, a BGRA texture: Mesa's blend fast path
//   texture-opaque  the texture alone, blending off: Mesa's blit fast path
//   colour          a flat colour alone (no texture), straight alpha
// Built and run by bench/llvmpipe_paths.sh.
#include <glad/gl.h>
// glad first: GLFW would otherwise pull in the system GL header.
#include <GLFW/glfw3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

enum { kWidth = 1280, kHeight = 800, kFrames = 200, kTexture = 1024, kCols = 19, kRows = 12, kQuad = 60 };

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static double cpu_ms(void) {  // this process, every thread (llvmpipe rasterises on its own threads)
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

static int by_value(const void* a, const void* b) {
    const double x = *(const double*)a, y = *(const double*)b;
    return (x > y) - (x < y);
}

static GLuint program(const char* fragment_body) {
    const char* vertex =
        "#version 330 core\nin vec2 p; in vec2 uv; in vec4 col; out vec2 f_uv; out vec4 f_col; flat out vec4 "
        "f_flat;\nvoid main() { f_uv = uv; f_col = col; f_flat = col;\n"
        "gl_Position = vec4(p.x / 640.0 - 1.0, 1.0 - p.y / 400.0, 0, 1); }";
    char fragment[512];
    snprintf(fragment, sizeof fragment,
             "#version 330 core\nuniform sampler2D t; in vec2 f_uv; in vec4 f_col; flat in vec4 f_flat; out "
             "vec4 c;\nvoid main() { c = %s; }",
             fragment_body);
    const char* sources[2] = {vertex, fragment};
    const GLenum types[2] = {GL_VERTEX_SHADER, GL_FRAGMENT_SHADER};
    const GLuint p = glCreateProgram();
    for (int i = 0; i < 2; ++i) {
        const GLuint s = glCreateShader(types[i]);
        glShaderSource(s, 1, &sources[i], NULL);
        glCompileShader(s);
        glAttachShader(p, s);
    }
    glBindAttribLocation(p, 0, "p");
    glBindAttribLocation(p, 1, "uv");
    glBindAttribLocation(p, 2, "col");
    glLinkProgram(p);
    GLint ok = 0;
    glGetProgramiv(p, GL_LINK_STATUS, &ok);
    return ok ? p : 0;
}

typedef struct {
    float x, y, u, v;
    unsigned col;
} Vertex;

int main(int argc, char** argv) {
    const char* variant = argc > 1 ? argv[1] : "imgui";
    const int layers = argc > 2 ? atoi(argv[2]) : 10;
    const char* body = NULL;
    int blend = 1, premultiplied = 0, bgra = 0;
    if (!strcmp(variant, "imgui")) body = "f_col * texture(t, f_uv)";
    if (!strcmp(variant, "flat")) body = "f_flat * texture(t, f_uv)";
    if (!strcmp(variant, "texture")) body = "texture(t, f_uv)", premultiplied = 1, bgra = 1;
    if (!strcmp(variant, "texture-opaque")) body = "texture(t, f_uv)", blend = 0, bgra = 1;
    if (!strcmp(variant, "colour")) body = "f_flat";
    if (!body) return fprintf(stderr, "llvmpipe_paths: unknown variant %s\n", variant), 2;

    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_DEPTH_BITS, 0);  // as PoolScope's window: llvmpipe's quad paths need none
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    GLFWwindow* window = glfwCreateWindow(kWidth, kHeight, "llvmpipe paths", NULL, NULL);
    if (!window) return 1;
    glfwMakeContextCurrent(window);
    if (!gladLoadGL(glfwGetProcAddress)) return 1;
    glfwSwapInterval(0);
    const GLuint p = program(body);
    if (!p) return fprintf(stderr, "llvmpipe_paths: the shader does not link\n"), 1;
    glUseProgram(p);

    // A cell picture: opaque cells, transparent 2-px gaps (premultiplied: a clear texel is all zero).
    static unsigned pixels[kTexture * kTexture];
    for (int y = 0; y < kTexture; ++y)
        for (int x = 0; x < kTexture; ++x)
            pixels[y * kTexture + x] = (x % 20 < 2 || y % 20 < 2) ? 0u : 0xff80c0e0u;
    GLuint texture;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    // An unsized GL_RGBA with GL_BGRA data lets Mesa keep the texture BGRA, the format its fast paths read.
    glTexImage2D(GL_TEXTURE_2D, 0, bgra ? GL_RGBA : GL_RGBA8, kTexture, kTexture, 0, bgra ? GL_BGRA : GL_RGBA,
                 GL_UNSIGNED_BYTE, pixels);

    enum { kQuads = kCols * kRows };
    static Vertex vertices[4 * kQuads];
    static unsigned short indices[6 * kQuads];
    for (int q = 0; q < kQuads; ++q) {
        const float x = 2.0f + 64.0f * (q % kCols), y = 2.0f + 64.0f * (q / kCols);
        const float u = (40.0f * (q % kCols)) / kTexture, v = (40.0f * (q / kCols)) / kTexture;
        const float du = (float)kQuad / kTexture;
        const unsigned col = 0xf0ffffffu;  // white, slightly translucent: blending has work to do
        vertices[4 * q + 0] = (Vertex){x, y, u, v, col};
        vertices[4 * q + 1] = (Vertex){x + kQuad, y, u + du, v, col};
        vertices[4 * q + 2] = (Vertex){x + kQuad, y + kQuad, u + du, v + du, col};
        vertices[4 * q + 3] = (Vertex){x, y + kQuad, u, v + du, col};
        const unsigned short b = (unsigned short)(4 * q);
        const unsigned short quad[6] = {b, b + 1, b + 2, b, b + 2, b + 3};
        memcpy(&indices[6 * q], quad, sizeof quad);
    }
    GLuint vao, buffers[2];
    glGenVertexArrays(1, &vao);
    glBindVertexArray(vao);
    glGenBuffers(2, buffers);
    glBindBuffer(GL_ARRAY_BUFFER, buffers[0]);
    glBufferData(GL_ARRAY_BUFFER, sizeof vertices, vertices, GL_STATIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, buffers[1]);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof indices, indices, GL_STATIC_DRAW);
    for (int a = 0; a < 3; ++a)
        glEnableVertexAttribArray(a);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(Vertex), (void*)0);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(Vertex), (void*)8);
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(Vertex), (void*)16);
    if (blend) glEnable(GL_BLEND);
    if (premultiplied)
        glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    else
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

    double frame_ms[kFrames];
    const double cpu_start = cpu_ms();
    for (int i = 0; i < kFrames; ++i) {
        const double start = now_ms();
        glfwPollEvents();
        glClear(GL_COLOR_BUFFER_BIT);
        for (int l = 0; l < layers; ++l)
            glDrawElements(GL_TRIANGLES, 6 * kQuads, GL_UNSIGNED_SHORT, 0);
        glfwSwapBuffers(window);
        glFinish();
        frame_ms[i] = now_ms() - start;
    }
    const double cpu_per_frame = (cpu_ms() - cpu_start) / kFrames;
    qsort(frame_ms, kFrames, sizeof frame_ms[0], by_value);
    printf("{\"variant\": \"%s\", \"layers\": %d, \"px_per_layer\": %d, \"cpu_ms_per_frame\": %.2f, "
           "\"p50_ms\": %.2f}\n",
           variant, layers, kQuads * kQuad * kQuad, cpu_per_frame, frame_ms[kFrames / 2]);
    glfwTerminate();
    return 0;
}
