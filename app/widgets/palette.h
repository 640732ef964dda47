// The colours that carry meaning, shared by the grids and their legend so the two always agree. The matrix
// colours come from model/matrix_colors.h (kLightColors), which the exports (app/export) draw with too.
#pragma once

#include <imgui.h>

#include "model/matrix_colors.h"

namespace poolscope::app::palette {

constexpr ImU32 im_color(Rgba c) {
    return IM_COL32(c.r, c.g, c.b, c.a);
}
inline constexpr const MatrixColors& kColors = kLightColors;

inline constexpr ImU32 kInputFill = im_color(kColors.input_fill);
inline constexpr ImU32 kInputBorder = im_color(kColors.input_border);
inline constexpr ImU32 kText = im_color(kColors.text);
inline constexpr ImU32 kPaddingFill = im_color(kColors.padding_fill);
inline constexpr ImU32 kPaddingBorder = im_color(kColors.padding_border);
inline constexpr ImU32 kPaddingText = im_color(kColors.padding_text);
inline constexpr ImU32 kOverhangFill = im_color(kColors.overhang_fill);
inline constexpr ImU32 kOverhangBorder = im_color(kColors.overhang_border);
inline constexpr ImU32 kOverhangText = im_color(kColors.overhang_text);
inline constexpr ImU32 kWindow = im_color(kColors.window);
inline constexpr ImU32 kWindowTap = im_color(kColors.window_tap);
inline constexpr ImU32 kArgmax = im_color(kColors.argmax);
inline constexpr ImU32 kSelected = IM_COL32(40, 110, 230, 255);
inline constexpr ImU32 kReaders = IM_COL32(60, 170, 90, 255);
inline constexpr ImU32 kReadersFill = IM_COL32(200, 240, 205, 255);
inline constexpr ImU32 kDiffersFill = IM_COL32(255, 214, 214, 255);  // compare view: a value that differs
inline constexpr ImU32 kOutputDone = im_color(kColors.output_done);
inline constexpr ImU32 kOutputPending = im_color(kColors.output_pending);
inline constexpr ImU32 kOutputCurrent = im_color(kColors.output_current);
inline constexpr ImU32 kError = IM_COL32(200, 30, 40, 255);
inline const ImVec4 kErrorText = ImVec4(0.78f, 0.10f, 0.14f, 1.0f);
inline const ImVec4 kHeading = ImVec4(0.13f, 0.27f, 0.52f, 1.0f);
inline const ImVec4 kMuted = ImVec4(0.42f, 0.45f, 0.50f, 1.0f);
inline const ImVec4 kGoodText = ImVec4(0.13f, 0.50f, 0.22f, 1.0f);        // "matches", "saved"
inline const ImVec4 kCodeText = ImVec4(0.55f, 0.16f, 0.10f, 1.0f);        // inline code in narration
inline const ImVec4 kOkText = ImVec4(0.20f, 0.45f, 0.20f, 1.0f);          // a status that went well
inline const ImVec4 kCodeBackground = ImVec4(0.92f, 0.93f, 0.95f, 1.0f);  // code snippets
inline constexpr ImU32 kCodeFill = IM_COL32(234, 236, 241, 255);          // inline code in narration
inline constexpr ImU32 kMapGridLight = IM_COL32(214, 218, 226, 255);      // a small map's cell lines
inline constexpr ImU32 kCellBackground = IM_COL32(255, 255, 255, 255);    // behind a matrix
inline constexpr ImU32 kPictureBackdrop = IM_COL32(60, 64, 72, 255);      // around a picture
inline constexpr ImU32 kPictureOutline = IM_COL32(255, 255, 255, 230);    // a window outlined on a picture
inline const ImVec4 kWinnerText = ImVec4(0.84f, 0.16f, 0.24f, 1.0f);      // the max of a window
inline const ImVec4 kValueText = ImVec4(0.12f, 0.13f, 0.16f, 1.0f);       // other values

}  // namespace poolscope::app::palette
