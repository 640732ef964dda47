// The colours that carry meaning, shared by the grids and their legend so the two always agree.
#pragma once

#include <imgui.h>

namespace poolscope::app::palette {

inline constexpr ImU32 kInputFill = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 kInputBorder = IM_COL32(150, 158, 170, 255);
inline constexpr ImU32 kText = IM_COL32(30, 34, 40, 255);
inline constexpr ImU32 kPaddingFill = IM_COL32(214, 226, 240, 255);
inline constexpr ImU32 kPaddingBorder = IM_COL32(160, 178, 200, 255);
inline constexpr ImU32 kPaddingText = IM_COL32(80, 100, 130, 255);
inline constexpr ImU32 kOverhangFill = IM_COL32(246, 240, 226, 255);
inline constexpr ImU32 kOverhangBorder = IM_COL32(205, 190, 160, 255);
inline constexpr ImU32 kOverhangText = IM_COL32(160, 140, 110, 255);
inline constexpr ImU32 kWindow = IM_COL32(242, 140, 20, 255);
inline constexpr ImU32 kWindowTap = IM_COL32(255, 196, 110, 150);
inline constexpr ImU32 kArgmax = IM_COL32(214, 40, 60, 255);
inline constexpr ImU32 kSelected = IM_COL32(40, 110, 230, 255);
inline constexpr ImU32 kReaders = IM_COL32(60, 170, 90, 255);
inline constexpr ImU32 kReadersFill = IM_COL32(200, 240, 205, 255);
inline constexpr ImU32 kOutputDone = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 kOutputPending = IM_COL32(236, 238, 242, 255);
inline constexpr ImU32 kOutputCurrent = IM_COL32(255, 214, 150, 255);
inline constexpr ImU32 kError = IM_COL32(200, 30, 40, 255);
inline const ImVec4 kErrorText = ImVec4(0.78f, 0.10f, 0.14f, 1.0f);
inline const ImVec4 kHeading = ImVec4(0.13f, 0.27f, 0.52f, 1.0f);
inline const ImVec4 kMuted = ImVec4(0.42f, 0.45f, 0.50f, 1.0f);

}  // namespace poolscope::app::palette
