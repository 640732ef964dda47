// The gpu_tests program's single hidden GL window (a gtest global environment creates and destroys it).
#pragma once

#include "gl_test_window.h"

namespace poolscope::gpu {

// Valid between the environment's SetUp and TearDown, i.e. inside any test.
GlTestWindow& test_window();

}  // namespace poolscope::gpu
