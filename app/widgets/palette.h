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
inline constexpr ImU32 kDiffersFill = IM_COL32(255, 214, 214, 255);  // compare view: a value that differs
inline constexpr ImU32 kOutputDone = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 kOutputPending = IM_COL32(236, 238, 242, 255);
inline constexpr ImU32 kOutputCurrent = IM_COL32(255, 214, 150, 255);
inline constexpr ImU32 kError = IM_COL32(200, 30, 40, 255);
inline const ImVec4 kErrorText = ImVec4(0.78f, 0.10f, 0.14f, 1.0f);
inline const ImVec4 kHeading = ImVec4(0.13f, 0.27f, 0.52f, 1.0f);
inline const ImVec4 kMuted = ImVec4(0.42f, 0.45f, 0.50f, 1.0f);
inline const ImVec4 kGoodText = ImVec4(0.13f, 0.50f, 0.22f, 1.0f);        // "matches", "saved"
inline const ImVec4 kCodeText = ImVec4(0.55f, 0.16f, 0.10f, 1.0f);        // inline code in narration
inline const ImVec4 kOkText = ImVec4(0.20f, 0.45f, 0.20f, 1.0f);          // a status that went well
inline const ImVec4 kCodeBackground = ImVec4(0.92f, 0.93f, 0.95f, 1.0f);  // code snippets
inline constexpr ImU32 kCodeFill = IM_COL32(234, 236, 241, 255);          // inline code in narration
inline constexpr ImU32 kCellBackground = IM_COL32(255, 255, 255, 255);    // behind a matrix
inline constexpr ImU32 kPictureBackdrop = IM_COL32(60, 64, 72, 255);      // around a picture
inline constexpr ImU32 kPictureOutline = IM_COL32(255, 255, 255, 230);    // a window outlined on a picture
inline const ImVec4 kWinnerText = ImVec4(0.84f, 0.16f, 0.24f, 1.0f);      // the max of a window
inline const ImVec4 kValueText = ImVec4(0.12f, 0.13f, 0.16f, 1.0f);       // other values

}  // namespace poolscope::app::palette
