// A saved window placement from a monitor that is gone (or hand-edited to x = 16000) is moved onto a
// connected monitor at start; a reachable placement is kept as the user left it (issue 12, item 6).
#include <gtest/gtest.h>

#include "model/window_fit.h"

namespace poolscope::app {
namespace {

const MonitorRect kLaptop{0, 0, 1280, 800};
const MonitorRect kRightScreen{1280, -200, 1920, 1080};  // a second monitor, placed higher

TEST(WindowFit, OnScreenPlacementIsKept) {
    EXPECT_EQ(fit_window({100, 50, 800, 600}, {kLaptop}), (MonitorRect{100, 50, 800, 600}));
    // Partly off screen but with its title bar reachable: the user's choice stays.
    EXPECT_EQ(fit_window({1000, 100, 800, 600}, {kLaptop}), (MonitorRect{1000, 100, 800, 600}));
    EXPECT_EQ(fit_window({1500, -100, 800, 600}, {kLaptop, kRightScreen}),
              (MonitorRect{1500, -100, 800, 600}));
}

TEST(WindowFit, FarAwayPlacementMovesOntoThePrimaryMonitor) {
    EXPECT_EQ(fit_window({16000, 100, 800, 600}, {kLaptop}), (MonitorRect{480, 100, 800, 600}));
    EXPECT_EQ(fit_window({-16384, -16384, 800, 600}, {kLaptop}), (MonitorRect{0, 0, 800, 600}));
    EXPECT_EQ(fit_window({100, 16000, 800, 600}, {kLaptop, kRightScreen}), (MonitorRect{100, 200, 800, 600}));
}

TEST(WindowFit, TitleBarOffTheTopIsPulledDown) {
    // The body is on screen but the title bar is above it: the window could not be dragged.
    EXPECT_EQ(fit_window({100, -300, 800, 600}, {kLaptop}), (MonitorRect{100, 0, 800, 600}));
    // Only a sliver of the title bar on screen (50 px, less than kGrabColumns) is not enough.
    EXPECT_EQ(fit_window({1230, 100, 800, 600}, {kLaptop}), (MonitorRect{480, 100, 800, 600}));
}

TEST(WindowFit, ChoosesTheMonitorItOverlapsMostAndShrinksToFit) {
    // Title bar above the second monitor's top edge, body mostly on it.
    EXPECT_EQ(fit_window({2000, -400, 800, 600}, {kLaptop, kRightScreen}),
              (MonitorRect{2000, -200, 800, 600}));
    // Larger than the monitor, title bar off screen: moved and shrunk to its work area.
    EXPECT_EQ(fit_window({-5000, -50, 16384, 16384}, {kLaptop}), (MonitorRect{0, 0, 1280, 800}));
}

TEST(WindowFit, ExtremeValuesDoNotOverflow) {
    const int big = 2147483647;
    const MonitorRect r = fit_window({big, big, big, big}, {kLaptop});
    EXPECT_EQ(r, (MonitorRect{0, 0, 1280, 800}));
    const MonitorRect neg = fit_window({-big - 1, -big - 1, 320, 240}, {kLaptop});
    EXPECT_EQ(neg, (MonitorRect{0, 0, 320, 240}));
}

TEST(WindowFit, NoMonitorKnownKeepsThePlacement) {
    EXPECT_EQ(fit_window({16000, 0, 800, 600}, {}), (MonitorRect{16000, 0, 800, 600}));
}

}  // namespace
}  // namespace poolscope::app
