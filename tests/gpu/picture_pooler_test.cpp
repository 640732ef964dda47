// The Image view's pooling path end to end on the sample pictures: the GPU path and the CPU fallback
// (missing or broken shaders) give the core's numbers, and both draw the same screen pixels.
#include <gtest/gtest.h>

#include <glad/gl.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <vector>

#include <unistd.h>

#include "gl_test_environment.h"
#include "gpu/picture_pooler.h"
#include "image/picture.h"
#include "poolscope/pool_forward.h"

namespace poolscope::gpu {
namespace {

const std::filesystem::path kImages = std::filesystem::path(POOLSCOPE_SOURCE_DIR) / "assets" / "images";

std::vector<unsigned char> texture_pixels(unsigned texture, const Shape& shape) {
    std::vector<unsigned char> pixels(static_cast<size_t>(shape.h * shape.w * 4));
    glBindTexture(GL_TEXTURE_2D, texture);
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    return pixels;
}

class PicturePoolerTest : public ::testing::Test {
  protected:
    void SetUp() override { ASSERT_TRUE(test_window().ok()) << test_window().error(); }

    // Pools the landscape with a few parameter sets and checks numbers and pixels against the core.
    static void expect_core_results(PicturePooler& pooler, Backend expected_backend) {
        Result<image::Picture> picture = image::load_picture(kImages / "landscape.png");
        ASSERT_TRUE(picture.ok()) << picture.error_text();
        for (image::ChannelView view : {image::ChannelView::kRgb, image::ChannelView::kGray}) {
            const Tensor input = image::channel_view(*picture, view);
            ComposeStyle style;
            image::view_tint(view, style.tint);
            for (PoolOp op : {PoolOp::kMax, PoolOp::kAvg}) {
                PoolParams p;
                p.op = op;
                p.kernel_size = {3, 3};
                p.stride = Pair{2, 2};
                p.padding = Padding::symmetric({1, 1});
                p.ceil_mode = true;
                EXPECT_TRUE(
                    pooler.update(input, picture->generation + static_cast<uint64_t>(view), p, style));
                EXPECT_FALSE(
                    pooler.update(input, picture->generation + static_cast<uint64_t>(view), p, style))
                    << "nothing changed, so nothing should be recomputed";
                ASSERT_TRUE(pooler.ok());
                EXPECT_EQ(pooler.backend(), expected_backend);
                const PoolOutput cpu = forward(*pooler.plan(), input);
                const Tensor got = pooler.output_values();
                ASSERT_EQ(got.shape(), cpu.values.shape());
                for (int64_t i = 0; i < got.numel(); ++i) {
                    const float want = cpu.values.data()[i];
                    ASSERT_LE(std::fabs(got.data()[i] - want), 1e-6f * std::fabs(want)) << "element " << i;
                }
                const std::vector<unsigned char> want_pixels =
                    image::to_rgba8(cpu.values, style.scale, style.tint);
                const std::vector<unsigned char> pixels =
                    texture_pixels(pooler.output_texture(), cpu.values.shape());
                ASSERT_EQ(pixels.size(), want_pixels.size());
                int off = 0;
                for (size_t i = 0; i < pixels.size(); ++i)
                    off += std::abs(int(pixels[i]) - int(want_pixels[i])) > 1;
                EXPECT_EQ(off, 0) << "screen pixels differ from the core's values";
            }
        }
        PoolParams bad;
        bad.kernel_size = {2, 2};
        bad.padding = Padding::symmetric({2, 2});
        EXPECT_TRUE(pooler.update(image::channel_view(*picture, image::ChannelView::kRgb), 999, bad, {}));
        EXPECT_FALSE(pooler.ok());
        ASSERT_FALSE(pooler.errors().empty());
        EXPECT_EQ(pooler.errors().front().field, "padding");
        EXPECT_EQ(pooler.output_texture(), 0u);
        EXPECT_NE(pooler.input_texture(), 0u) << "the picture is still shown when the params are rejected";
    }
};

TEST_F(PicturePoolerTest, GpuPathGivesTheCoresNumbersAndPixels) {
    PicturePooler pooler;
    pooler.start(find_shader_dir({}));
    ASSERT_TRUE(pooler.gpu_available()) << pooler.gpu_message();
    expect_core_results(pooler, Backend::kGpu);
}

TEST_F(PicturePoolerTest, PreferringTheCpuGivesTheSameNumbersAndPixels) {
    PicturePooler pooler;
    pooler.start(find_shader_dir({}));
    ASSERT_TRUE(pooler.gpu_available()) << pooler.gpu_message();
    pooler.set_prefer_cpu(true);
    expect_core_results(pooler, Backend::kCpu);
    pooler.set_prefer_cpu(false);
    expect_core_results(pooler, Backend::kGpu);
}

TEST_F(PicturePoolerTest, MissingShadersFallBackToTheCpuWithAClearMessage) {
    const std::filesystem::path empty =
        std::filesystem::temp_directory_path() / ("poolscope-no-shaders-" + std::to_string(::getpid()));
    std::filesystem::create_directories(empty);
    PicturePooler pooler;
    pooler.start(empty);
    EXPECT_FALSE(pooler.gpu_available());
    EXPECT_NE(pooler.gpu_message().find("cannot read the shader file"), std::string::npos)
        << pooler.gpu_message();
    EXPECT_NE(pooler.gpu_message().find("pooling on the CPU instead"), std::string::npos);
    expect_core_results(pooler, Backend::kCpu);
    std::filesystem::remove_all(empty);
}

TEST_F(PicturePoolerTest, BrokenShaderFallsBackToTheCpu) {
    const std::filesystem::path good = *find_shader_dir({});
    const std::filesystem::path broken =
        std::filesystem::temp_directory_path() / ("poolscope-broken-shaders-" + std::to_string(::getpid()));
    std::filesystem::remove_all(broken);
    std::filesystem::create_directories(broken);
    std::filesystem::copy_file(good / "fullscreen.vert", broken / "fullscreen.vert");
    std::filesystem::copy_file(good / "pool.frag", broken / "pool.frag");
    std::ofstream(broken / "compose.frag")
        << "#version 330 core\nout vec4 c;\nvoid main() { c = undefined_name; }\n";
    PicturePooler pooler;
    pooler.start(broken);
    EXPECT_FALSE(pooler.gpu_available());
    EXPECT_NE(pooler.gpu_message().find("compose.frag does not compile"), std::string::npos)
        << pooler.gpu_message();
    expect_core_results(pooler, Backend::kCpu);
    std::filesystem::remove_all(broken);
}

TEST_F(PicturePoolerTest, NoShaderDirectoryFoundFallsBackToo) {
    PicturePooler pooler;
    pooler.start(
        Result<std::filesystem::path>(Error{"shaders", "the GPU shaders were not found in /nowhere"}));
    EXPECT_FALSE(pooler.gpu_available());
    EXPECT_NE(pooler.gpu_message().find("/nowhere"), std::string::npos);
    expect_core_results(pooler, Backend::kCpu);
}

// Adaptive ops are not in the shaders: the GPU-capable pooler still answers, on the CPU.
TEST_F(PicturePoolerTest, AdaptiveOpsUseTheCpuEvenWithShaders) {
    PicturePooler pooler;
    pooler.start(find_shader_dir({}));
    ASSERT_TRUE(pooler.gpu_available());
    Result<image::Picture> picture = image::load_picture(kImages / "patterns.png");
    ASSERT_TRUE(picture.ok());
    PoolParams p;
    p.op = PoolOp::kAdaptiveMax;
    p.output_size = {7, 9};
    ASSERT_TRUE(pooler.update(picture->rgb, picture->generation, p, {}));
    ASSERT_TRUE(pooler.ok());
    EXPECT_EQ(pooler.backend(), Backend::kCpu);
    EXPECT_TRUE(pooler.output_values().identical(forward(*pooler.plan(), picture->rgb).values));
}

}  // namespace
}  // namespace poolscope::gpu
