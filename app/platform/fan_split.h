// ImGui fills a convex shape (a rounded frame, a panel's background, a circle) as a fan: every triangle
// shares the shape's first vertex. For a panel that means long slivers from one corner to every point of the
// far edge, each crossing dozens of llvmpipe's tiles and 4×4 blocks for a few pixels. The same polygon cut
// into ears from its shortest diagonals covers the same pixels, each once (top-left fill rule, one colour),
// with triangles that stay near their corners. GL-free: draw_batches.cpp feeds it, tests check it.
#pragma once

#include <array>
#include <vector>

#include <imgui.h>

namespace poolscope::app {

// The fan ImGui's anti-aliased AddConvexPolyFilled() writes: triangles (b, b+2k, b+2k+2) for k = k0, k0+1,
// ... (its inner vertices are every second one). Returns how many consecutive triangles of `indices` from
// triangle `at` form one (0 or 1: none worth splitting).
size_t fan_length(const ImDrawIdx* indices, size_t triangles, size_t at);

// The polygon of the `count` fan triangles at `fan` (vertex positions from `vertices`, indices relative to
// them plus `vtx_offset`) as the same number of triangles, cut at the shortest diagonals first. False (and
// nothing written) when the polygon is not convex, winding once (a shape too small for ImGui's half-pixel
// inset can fold), or its vertices differ in colour or UV: the fan is then drawn as it is.
bool split_fan(const ImDrawIdx* fan, size_t count, const ImDrawVert* vertices, unsigned vtx_offset,
               std::vector<std::array<ImDrawIdx, 3>>& out);

}  // namespace poolscope::app
