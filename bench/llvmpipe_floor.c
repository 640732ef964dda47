// The frame-time floor of this machine's OpenGL: N full-window alpha-blended textured layers (what every
// ImGui window background, panel and cell costs a software rasteriser), swap and glFinish, vsync off.
// No ImGui and no PoolScope code: if one layer already costs more than a frame budget, no full-window UI
// can meet it on this renderer. Built and run by bench/llvmpipe_floor.sh.
#include <glad/gl.h>
// glad first: GLFW would otherwise pull in the system GL header.
#include <GLFW/glfw3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int by_value(const void* a, const void* b) {
    const double x = *(const double*)a, y = *(const double*)b;
    return (x > y) - (x < y);
}

int main(int argc, char** argv) {
    const int layers = argc > 1 ? atoi(argv[1]) : 1;
    const int width = argc > 2 ? atoi(argv[2]) : 1280, height = argc > 3 ? atoi(argv[3]) : 800;
    enum { kFrames = 300 };
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    GLFWwindow* window = glfwCreateWindow(width, height, "llvmpipe floor", NULL, NULL);
    if (!window) return 1;
    glfwMakeContextCurrent(window);
    if (!gladLoadGL(glfwGetProcAddress)) return 1;
    glfwSwapInterval(0);

    // One triangle covering the window; the fragment shader samples a texture and blends, like ImGui's.
    const char* vs =
        "#version 330 core\nvoid main(){vec2 p=vec2((gl_VertexID&1)*4-1,(gl_VertexID&2)*2-1);"
        "gl_Position=vec4(p,0,1);}";
    const char* fs =
        "#version 330 core\nuniform sampler2D t;out vec4 c;"
        "void main(){c=vec4(0.5)*texture(t,gl_FragCoord.xy/512.0);}";
    GLuint program = glCreateProgram(), v = glCreateShader(GL_VERTEX_SHADER),
           f = glCreateShader(GL_FRAGMENT_SHADER);
    glShaderSource(v, 1, &vs, NULL);
    glCompileShader(v);
    glShaderSource(f, 1, &fs, NULL);
    glCompileShader(f);
    glAttachShader(program, v);
    glAttachShader(program, f);
    glLinkProgram(program);
    glUseProgram(program);
    GLuint vao, texture;
    glGenVertexArrays(1, &vao);
    glBindVertexArray(vao);
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    static unsigned char pixels[512 * 512 * 4];
    for (int i = 0; i < 512 * 512 * 4; ++i)
        pixels[i] = (unsigned char)(i * 7);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 512, 512, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);

    double frame_ms[kFrames];
    for (int i = 0; i < kFrames; ++i) {
        const double start = now_ms();
        glfwPollEvents();
        glClear(GL_COLOR_BUFFER_BIT);
        for (int l = 0; l < layers; ++l)
            glDrawArrays(GL_TRIANGLES, 0, 3);
        glfwSwapBuffers(window);
        glFinish();
        frame_ms[i] = now_ms() - start;
    }
    qsort(frame_ms, kFrames, sizeof frame_ms[0], by_value);
    printf("{\"layers\": %d, \"size\": \"%dx%d\", \"p50_ms\": %.2f, \"p99_ms\": %.2f}\n", layers, width,
           height, frame_ms[kFrames / 2], frame_ms[kFrames * 99 / 100]);
    glfwTerminate();
    return 0;
}
