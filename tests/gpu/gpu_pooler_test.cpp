// The GPU pooler against the CPU core: thousands of random (op, kernel, stride, padding, dilation,
// ceil_mode, count_include_pad, divisor_override) cases on odd-sized random planes with negative,
// fractional, infinite and NaN values. Max pooling must match the core bit for bit; avg within 1e-6
// relative. Also the shader lookup and the clear errors for a missing or broken shader.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <random>
#include <string>

#include <unistd.h>

#include "gl_test_environment.h"
#include "gpu/gpu_pooler.h"
#include "poolscope/pool_forward.h"
#include "poolscope/pool_plan.h"

namespace poolscope::gpu {
namespace {

std::string describe(const PoolParams& p, const Shape& s) {
    const Pair st = p.effective_stride();
    return std::string(op_name(p.op)) + " input " + std::to_string(s.c) + "x" + std::to_string(s.h) + "x" +
           std::to_string(s.w) + " kernel (" + std::to_string(p.kernel_size.h) + "," +
           std::to_string(p.kernel_size.w) + ") stride (" + std::to_string(st.h) + "," +
           std::to_string(st.w) + ") padding (" + std::to_string(p.padding.top) + "," +
           std::to_string(p.padding.left) + ") dilation (" + std::to_string(p.dilation.h) + "," +
           std::to_string(p.dilation.w) + ") ceil_mode " + std::to_string(p.ceil_mode) +
           " count_include_pad " + std::to_string(p.count_include_pad) + " divisor_override " +
           (p.divisor_override ? std::to_string(*p.divisor_override) : "none");
}

uint32_t bits(float v) {
    uint32_t b;
    std::memcpy(&b, &v, sizeof b);
    return b;
}

// Max: the same float (NaN counts as equal to NaN). Avg: within 1e-6 of the core's value, relative.
::testing::AssertionResult close_enough(PoolOp op, float gpu, float cpu) {
    if (std::isnan(cpu) || std::isnan(gpu)) {
        if (std::isnan(cpu) && std::isnan(gpu)) return ::testing::AssertionSuccess();
    } else if (op == PoolOp::kMax) {
        if (bits(gpu) == bits(cpu) || gpu == cpu) return ::testing::AssertionSuccess();
    } else if (gpu == cpu || std::fabs(gpu - cpu) <= 1e-6 * std::fabs(cpu)) {
        return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << "gpu " << gpu << " cpu " << cpu;
}

class GpuPoolerTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        if (!test_window().ok()) return;
        Result<std::filesystem::path> dir = find_shader_dir({});
        if (!dir) return;
        Result<std::unique_ptr<GpuPooler>> made = GpuPooler::create(*dir);
        if (made)
            pooler_ = std::move(made.value());
        else
            create_error_ = made.error_text();
    }
    static void TearDownTestSuite() { pooler_.reset(); }
    void SetUp() override {
        ASSERT_TRUE(test_window().ok()) << test_window().error();
        ASSERT_TRUE(pooler_) << create_error_;
    }

    // Pools `input` on both paths and compares every output cell; returns the number of cells compared.
    static int64_t compare(const Tensor& input, const PoolParams& params) {
        Result<PoolPlan> plan = make_plan(input.shape(), params);
        if (!plan) return 0;
        pooler_->set_input(input);
        Result<Shape> out = pooler_->run(*plan);
        EXPECT_TRUE(out.ok()) << out.error_text();
        if (!out) return 0;
        EXPECT_EQ(out->h, plan->output.h);
        EXPECT_EQ(out->w, plan->output.w);
        const Tensor gpu = pooler_->read_output();
        const PoolOutput cpu = forward(*plan, input);
        int64_t failures = 0;
        for (int64_t c = 0; c < plan->output.c; ++c)
            for (int64_t h = 0; h < plan->output.h; ++h)
                for (int64_t w = 0; w < plan->output.w; ++w) {
                    ::testing::AssertionResult same =
                        close_enough(params.op, gpu.at(0, c, h, w), cpu.values.at(0, c, h, w));
                    if (!same && ++failures <= 3)
                        ADD_FAILURE() << describe(params, input.shape()) << " at (" << c << "," << h << ","
                                      << w << "): " << same.message();
                }
        return plan->output.numel();
    }

    static std::unique_ptr<GpuPooler> pooler_;
    static std::string create_error_;
};
std::unique_ptr<GpuPooler> GpuPoolerTest::pooler_;
std::string GpuPoolerTest::create_error_;

Tensor random_planes(std::mt19937& rng, Shape shape, bool specials) {
    Tensor t(shape, 0.0f, 3);
    std::uniform_real_distribution<float> value(-100.0f, 100.0f);
    std::uniform_int_distribution<int> special(0, 40);
    for (int64_t i = 0; i < t.numel(); ++i) {
        float v = value(rng);
        if (specials) {
            const int s = special(rng);
            if (s == 0) v = std::numeric_limits<float>::quiet_NaN();
            if (s == 1) v = std::numeric_limits<float>::infinity();
            if (s == 2) v = -std::numeric_limits<float>::infinity();
            if (s == 3) v = -0.0f;
        }
        t.data()[i] = v;
    }
    return t;
}

PoolParams random_params(std::mt19937& rng, PoolOp op) {
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    PoolParams p;
    p.op = op;
    p.kernel_size = {pick(1, 5), pick(1, 5)};
    if (pick(0, 3) > 0) p.stride = Pair{pick(1, 4), pick(1, 4)};
    p.padding = Padding::symmetric(
        {pick(0, static_cast<int>(p.kernel_size.h / 2)), pick(0, static_cast<int>(p.kernel_size.w / 2))});
    if (op == PoolOp::kMax) p.dilation = {pick(1, 3), pick(1, 3)};
    p.ceil_mode = pick(0, 1) == 1;
    p.count_include_pad = pick(0, 1) == 1;
    if (op == PoolOp::kAvg && pick(0, 3) == 0) {
        int d = pick(-5, 9);
        p.divisor_override = d == 0 ? 3 : d;
    }
    return p;
}

TEST_F(GpuPoolerTest, MaxPoolingMatchesTheCoreExactlyOnRandomCases) {
    std::mt19937 rng(1234);
    int valid = 0;
    int64_t cells = 0;
    for (int i = 0; i < 1500; ++i) {
        const Shape shape{1, std::uniform_int_distribution<int64_t>(1, 3)(rng),
                          std::uniform_int_distribution<int64_t>(1, 19)(rng),
                          std::uniform_int_distribution<int64_t>(1, 23)(rng)};
        const int64_t n = compare(random_planes(rng, shape, i % 2 == 1), random_params(rng, PoolOp::kMax));
        valid += n > 0;
        cells += n;
        if (HasFailure()) break;
    }
    EXPECT_GT(valid, 600) << "too few valid parameter combinations were drawn";
    RecordProperty("cells_compared", static_cast<int>(cells));
}

TEST_F(GpuPoolerTest, AvgPoolingMatchesTheCoreWithinOneMillionthOnRandomCases) {
    std::mt19937 rng(99);
    int valid = 0;
    for (int i = 0; i < 1500; ++i) {
        const Shape shape{1, std::uniform_int_distribution<int64_t>(1, 3)(rng),
                          std::uniform_int_distribution<int64_t>(1, 19)(rng),
                          std::uniform_int_distribution<int64_t>(1, 23)(rng)};
        valid += compare(random_planes(rng, shape, false), random_params(rng, PoolOp::kAvg)) > 0;
        if (HasFailure()) break;
    }
    EXPECT_GT(valid, 600) << "too few valid parameter combinations were drawn";
}

// Every corner of the grid on one odd-sized plane: ceil_mode overhang, padding on both ends, dilation.
TEST_F(GpuPoolerTest, EveryParameterCombinationOnAnOddPlane) {
    std::mt19937 rng(7);
    const Tensor input = random_planes(rng, Shape{1, 2, 11, 13}, false);
    int valid = 0;
    for (PoolOp op : {PoolOp::kMax, PoolOp::kAvg})
        for (int k = 1; k <= 4; ++k)
            for (int s = 1; s <= 3; ++s)
                for (int pad = 0; pad <= k / 2; ++pad)
                    for (int d = 1; d <= (op == PoolOp::kMax ? 3 : 1); ++d)
                        for (bool ceil : {false, true})
                            for (int rule = 0; rule < (op == PoolOp::kAvg ? 3 : 1); ++rule) {
                                PoolParams p;
                                p.op = op;
                                p.kernel_size = {k, k + 1 > 4 ? k : k + 1};
                                p.stride = Pair{s, s == 3 ? 1 : s};
                                p.padding = Padding::symmetric({pad, pad});
                                p.dilation = {d, d};
                                p.ceil_mode = ceil;
                                p.count_include_pad = rule != 1;
                                if (rule == 2) p.divisor_override = 5;
                                valid += compare(input, p) > 0;
                            }
    EXPECT_GT(valid, 150);
}

// A 256×256 RGB picture with 8-bit values, the app's everyday case.
TEST_F(GpuPoolerTest, EightBitPictureWithTheLessonsParameters) {
    std::mt19937 rng(5);
    Tensor picture(Shape{1, 3, 256, 256}, 0.0f, 3);
    std::uniform_int_distribution<int> byte(0, 255);
    for (int64_t i = 0; i < picture.numel(); ++i)
        picture.data()[i] = static_cast<float>(byte(rng));
    for (PoolOp op : {PoolOp::kMax, PoolOp::kAvg})
        for (int k : {2, 3}) {
            PoolParams p;
            p.op = op;
            p.kernel_size = {k, k};
            p.stride = Pair{2, 2};
            EXPECT_GT(compare(picture, p), 0);
        }
}

// The test must be able to fail: a changed input changes the GPU output.
TEST_F(GpuPoolerTest, OutputFollowsTheInput) {
    Tensor a(Shape{1, 1, 4, 4}, 1.0f, 3);
    PoolParams p;
    Result<PoolPlan> plan = make_plan(a.shape(), p);
    ASSERT_TRUE(plan.ok());
    pooler_->set_input(a);
    ASSERT_TRUE(pooler_->run(*plan).ok());
    EXPECT_EQ(pooler_->read_output().at(0, 0, 1, 1), 1.0f);
    a.at(0, 0, 3, 2) = 42.0f;
    pooler_->set_input(a);
    ASSERT_TRUE(pooler_->run(*plan).ok());
    EXPECT_EQ(pooler_->read_output().at(0, 0, 1, 1), 42.0f);
}

TEST_F(GpuPoolerTest, AdaptiveOpsAndMismatchedPlansAreRefusedWithAMessage) {
    Tensor a(Shape{1, 1, 6, 6}, 1.0f, 3);
    pooler_->set_input(a);
    PoolParams adaptive;
    adaptive.op = PoolOp::kAdaptiveAvg;
    adaptive.output_size = {2, 2};
    Result<PoolPlan> plan = make_plan(a.shape(), adaptive);
    ASSERT_TRUE(plan.ok());
    Result<Shape> out = pooler_->run(*plan);
    ASSERT_FALSE(out.ok());
    EXPECT_NE(out.error_text().find("adaptive_avg_pool2d"), std::string::npos) << out.error_text();

    Result<PoolPlan> other = make_plan(Shape{1, 1, 5, 6}, PoolParams{});
    ASSERT_TRUE(other.ok());
    out = pooler_->run(*other);
    ASSERT_FALSE(out.ok());
    EXPECT_NE(out.error_text().find("1x6x6"), std::string::npos) << out.error_text();
}

// Shader lookup and failures: a directory without shaders, and a pool.frag that does not compile.
class ShaderFailureTest : public GpuPoolerTest {};

std::filesystem::path temp_dir(const std::string& name) {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                      ("poolscope-gpu-test-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

TEST_F(ShaderFailureTest, MissingShaderDirectoryIsAClearError) {
    const std::filesystem::path dir = temp_dir("missing");
    Result<std::unique_ptr<GpuPooler>> made = GpuPooler::create(dir);
    ASSERT_FALSE(made.ok());
    EXPECT_NE(made.error_text().find("cannot read the shader file"), std::string::npos) << made.error_text();
    EXPECT_NE(made.error_text().find(dir.string()), std::string::npos) << made.error_text();
    std::filesystem::remove_all(dir);
}

TEST_F(ShaderFailureTest, BrokenShaderReportsTheCompilerLog) {
    Result<std::filesystem::path> good = find_shader_dir({});
    ASSERT_TRUE(good.ok()) << good.error_text();
    const std::filesystem::path dir = temp_dir("broken");
    for (const char* file : {"fullscreen.vert", "compose.frag"})
        std::filesystem::copy_file(*good / file, dir / file);
    std::ofstream(dir / "pool.frag") << "#version 330 core\nvoid main() { this is not glsl; }\n";
    Result<std::unique_ptr<GpuPooler>> made = GpuPooler::create(dir);
    ASSERT_FALSE(made.ok());
    EXPECT_NE(made.error_text().find("pool.frag does not compile"), std::string::npos) << made.error_text();
    std::filesystem::remove_all(dir);
}

TEST_F(ShaderFailureTest, LookupPrefersTheEnvironmentOverrideAndNamesWhereItLooked) {
    const std::filesystem::path dir = temp_dir("env");
    ::setenv("POOLSCOPE_SHADER_DIR", dir.c_str(), 1);
    const auto dirs = shader_search_dirs("/opt/poolscope/bin");
    ASSERT_GE(dirs.size(), 2u);
    EXPECT_EQ(dirs.front(), dir);
    // Right after the override: an installed copy uses the shaders of its own prefix.
    EXPECT_EQ(dirs[1], std::filesystem::path("/opt/poolscope/bin/../share/poolscope/shaders"));
    Result<std::filesystem::path> found = find_shader_dir("/opt/poolscope/bin");
    ::unsetenv("POOLSCOPE_SHADER_DIR");
    ASSERT_TRUE(found.ok()) << "the build tree's shaders/ should still be found";
    EXPECT_EQ(found->filename(), "shaders");
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace poolscope::gpu
