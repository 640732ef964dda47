// One hidden GL window for the whole gpu_tests program: GLFW is initialised once and torn down after the
// last test (re-initialising it between suites sometimes fails to get a new context from Xvfb).
#include "gl_test_environment.h"

#include <gtest/gtest.h>

#include <memory>

namespace poolscope::gpu {
namespace {

std::unique_ptr<GlTestWindow> g_window;

class GlEnvironment : public ::testing::Environment {
  public:
    void SetUp() override { g_window = std::make_unique<GlTestWindow>(); }
    void TearDown() override { g_window.reset(); }
};

[[maybe_unused]] ::testing::Environment* const g_environment =
    ::testing::AddGlobalTestEnvironment(new GlEnvironment);

}  // namespace

GlTestWindow& test_window() {
    return *g_window;
}

}  // namespace poolscope::gpu
