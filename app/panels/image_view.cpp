// Image view. Sections: the derived view tensor · pane geometry
// (zoom/pan shared by all panes) · hover tooltip from the core's trace · "As matrix" · the window.
// Opening pictures (files, samples, the Open popup, the File menu) is in image_view_files.cpp.
// No pooled value is computed here: the PicturePooler (GPU or core) and trace_cell() supply every number.
#include "panels/image_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include <imgui.h>

#include "i18n/i18n.h"
#include "model/app_state.h"
#include "model/paths.h"
#include "panels/panels.h"
#include "widgets/flow_layout.h"
#include "widgets/help.h"
#include "widgets/palette.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {
namespace {

constexpr float kMinZoom = 0.25f;
constexpr float kMaxZoom = 64.0f;
constexpr int64_t kCropSide = 8;  // "As matrix" crops at most this many rows/columns (the grid stays legible)

ImTextureID texture_id(unsigned texture) {
    return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture));
}

void refresh_view_tensor(ImageView& view) {
    if (!view.picture) return;
    if (view.made_from == view.picture->generation && view.made_for == view.channels) return;
    view.view_tensor = image::channel_view(*view.picture, view.channels);
    view.made_from = view.picture->generation;
    view.made_for = view.channels;
    ++view.view_generation;
}

gpu::ComposeStyle style_of(const ImageView& view) {
    gpu::ComposeStyle style;
    image::view_tint(view.channels, style.tint);
    return style;
}

// The params each result pane shows: the matrix view's own, or its max and avg twins when comparing.
PoolParams params_for(const PoolParams& params, bool compare, bool second) {
    PoolParams p = params;
    if (!compare) return p;
    const bool adaptive = is_adaptive(p.op);
    p.op = second ? (adaptive ? PoolOp::kAdaptiveAvg : PoolOp::kAvg)
                  : (adaptive ? PoolOp::kAdaptiveMax : PoolOp::kMax);
    return p;
}

// ---- pane geometry ----------------------------------------------------------------------------------------

struct Pane {
    ImVec2 min, size;  // screen rectangle
    ImVec2 origin;     // screen position of pixel (0, 0)
    float pixel = 1;   // screen size of one pixel
    int64_t w = 0, h = 0;

    ImVec2 at(float x, float y) const { return ImVec2(origin.x + x * pixel, origin.y + y * pixel); }
    bool pixel_under(ImVec2 mouse, int64_t& row, int64_t& col) const {
        col = static_cast<int64_t>(std::floor((mouse.x - origin.x) / pixel));
        row = static_cast<int64_t>(std::floor((mouse.y - origin.y) / pixel));
        return row >= 0 && col >= 0 && row < h && col < w;
    }
};

// Every pane shows the same part of the picture: its centre sits on (center_x, center_y) of the picture.
Pane place(const ImageView& view, ImVec2 min, ImVec2 size, int64_t w, int64_t h, float pixel) {
    Pane pane{min, size, {}, pixel, w, h};
    pane.origin = ImVec2(min.x + size.x * 0.5f - view.center_x * static_cast<float>(w) * pixel,
                         min.y + size.y * 0.5f - view.center_y * static_cast<float>(h) * pixel);
    return pane;
}

float fit_pixel(ImVec2 size, const Shape& s) {
    return std::max(0.01f, std::min(size.x / static_cast<float>(s.w), size.y / static_cast<float>(s.h)));
}

// Wheel zooms about the mouse; dragging pans. Shared by every pane.
void handle_zoom_and_pan(ImageView& view, const Pane& pane) {
    ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsItemHovered() && io.MouseWheel != 0.0f) {
        const ImVec2 m = io.MousePos;
        const float px = (m.x - pane.origin.x) / (pane.pixel * static_cast<float>(pane.w));
        const float py = (m.y - pane.origin.y) / (pane.pixel * static_cast<float>(pane.h));
        const float old_zoom = view.zoom;
        view.zoom = std::clamp(view.zoom * std::pow(1.25f, io.MouseWheel), kMinZoom, kMaxZoom);
        const float k = old_zoom / view.zoom;  // keep the picture point under the mouse still
        view.center_x = px + (view.center_x - px) * k;
        view.center_y = py + (view.center_y - py) * k;
    }
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
        view.center_x -= io.MouseDelta.x / (pane.pixel * static_cast<float>(pane.w));
        view.center_y -= io.MouseDelta.y / (pane.pixel * static_cast<float>(pane.h));
    }
    view.center_x = std::clamp(view.center_x, 0.0f, 1.0f);
    view.center_y = std::clamp(view.center_y, 0.0f, 1.0f);
}

void draw_picture(ImDrawList* draw, const Pane& pane, unsigned texture) {
    draw->AddRectFilled(pane.min, ImVec2(pane.min.x + pane.size.x, pane.min.y + pane.size.y),
                        palette::kPictureBackdrop);
    if (texture)
        draw->AddImage(texture_id(texture), pane.origin,
                       pane.at(static_cast<float>(pane.w), static_cast<float>(pane.h)));
}

// The window of one output pixel on the original: its frame, and each tap when there is room.
void outline_window(ImDrawList* draw, const Pane& pane, const CellTrace& t) {
    const float x0 = static_cast<float>(t.w_start), y0 = static_cast<float>(t.h_start);
    const float x1 = static_cast<float>(t.w_start + (t.cols - 1) * t.step_w + 1);
    const float y1 = static_cast<float>(t.h_start + (t.rows - 1) * t.step_h + 1);
    const float thick = std::clamp(pane.pixel * 0.25f, 1.5f, 3.0f);
    draw->AddRect(pane.at(x0, y0), pane.at(x1, y1), palette::kPictureOutline, 0, 0, thick + 2.0f);
    draw->AddRect(pane.at(x0, y0), pane.at(x1, y1), palette::kWindow, 0, 0, thick);
    // A window smaller than a few screen pixels gets a ring around it, so the eye finds it.
    const ImVec2 a = pane.at(x0, y0), b = pane.at(x1, y1);
    if (b.x - a.x < 10.0f)
        draw->AddCircle(ImVec2((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f), 12.0f, palette::kWindow, 0, 2.0f);
    if (pane.pixel >= 6.0f && (t.step_h > 1 || t.step_w > 1))
        for (const Tap& tap : t.taps) {
            const float x = static_cast<float>(tap.iw), y = static_cast<float>(tap.ih);
            draw->AddRect(pane.at(x, y), pane.at(x + 1, y + 1), palette::kWindowTap, 0, 0, 1.5f);
        }
    if (t.argmax_tap >= 0 && pane.pixel >= 3.0f) {
        const Tap& best = t.taps[static_cast<size_t>(t.argmax_tap)];
        const float x = static_cast<float>(best.iw), y = static_cast<float>(best.ih);
        draw->AddRect(pane.at(x, y), pane.at(x + 1, y + 1), palette::kArgmax, 0, 0, 2.0f);
    }
}

// ---- hover: the numbers from the core's trace -------------------------------------------------------------

std::string number(float v) {
    char buffer[32];
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
    std::snprintf(buffer, sizeof buffer, "%.6g", static_cast<double>(v));
    return buffer;
}

const char* channel_name(const ImageView& view, int64_t c) {
    static const char* const kRgb[] = {"R", "G", "B"};
    if (view.channels == image::ChannelView::kRgb) return kRgb[std::clamp<int64_t>(c, 0, 2)];
    switch (view.channels) {
        case image::ChannelView::kRed:
            return "R";
        case image::ChannelView::kGreen:
            return "G";
        case image::ChannelView::kBlue:
            return "B";
        default:
            return tr("image.gray");
    }
}

void window_tooltip(const ImageView& view, const PoolPlan& plan, const std::vector<CellTrace>& traces) {
    const CellTrace& first = traces.front();
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(tr_fmt("image.hover_fmt", std::string(op_name(plan.op())).c_str(),
                                  static_cast<int>(first.cell.oh), static_cast<int>(first.cell.ow),
                                  static_cast<int>(first.h_start), static_cast<int>(first.w_start),
                                  static_cast<int>(first.rows), static_cast<int>(first.cols))
                               .c_str());
    const bool small = first.rows * first.cols <= 25;
    for (const CellTrace& t : traces) {
        ImGui::Separator();
        ImGui::TextColored(palette::kHeading, "%s", channel_name(view, t.cell.c));
        if (small &&
            ImGui::BeginTable("##taps", static_cast<int>(t.cols),
                              ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedSame,
                              ImVec2(static_cast<float>(t.cols) * ImGui::GetFontSize() * 3.2f, 0.0f))) {
            for (size_t i = 0; i < t.taps.size(); ++i) {
                ImGui::TableNextColumn();
                const Tap& tap = t.taps[i];
                const bool winner = static_cast<int64_t>(i) == t.argmax_tap;
                const ImVec4 colour = tap.kind == TapKind::kInput
                                          ? (winner ? palette::kWinnerText : palette::kValueText)
                                          : palette::kMuted;
                ImGui::TextColored(colour, "%s",
                                   tap.kind == TapKind::kOverhang ? "·" : number(tap.value).c_str());
            }
            ImGui::EndTable();
        }
        if (is_max(plan.op()))
            ImGui::TextUnformatted(tr_fmt("image.max_result_fmt", number(t.result).c_str()).c_str());
        else
            ImGui::TextUnformatted(tr_fmt("image.avg_result_fmt", number(t.sum).c_str(),
                                          static_cast<long long>(t.divisor), number(t.result).c_str())
                                       .c_str());
    }
    ImGui::TextDisabled("%s", tr("image.click_to_select"));
    ImGui::EndTooltip();
}

// ---- "As matrix" ------------------------------------------------------------------------------------------

void take_crop(ImageView& view, Document& doc, Interaction& interaction, const PoolPlan& plan) {
    const Shape& s = view.view_tensor.shape();
    int64_t top = 0, left = 0;
    if (view.selected && view.selected->oh < plan.output.h && view.selected->ow < plan.output.w) {
        top = std::max<int64_t>(plan.h.window_start(view.selected->oh), 0);
        left = std::max<int64_t>(plan.w.window_start(view.selected->ow), 0);
    } else {  // no pixel picked: the middle of what the panes show
        top = static_cast<int64_t>(view.center_y * static_cast<float>(s.h)) - kCropSide / 2;
        left = static_cast<int64_t>(view.center_x * static_cast<float>(s.w)) - kCropSide / 2;
    }
    top = std::clamp<int64_t>(top, 0, std::max<int64_t>(s.h - kCropSide, 0));
    left = std::clamp<int64_t>(left, 0, std::max<int64_t>(s.w - kCropSide, 0));
    Tensor crop = image::crop(view.view_tensor, top, left, kCropSide, kCropSide);
    crop.set_rank(crop.shape().c == 1 ? 2 : 3);
    const int rows = static_cast<int>(crop.shape().h), cols = static_cast<int>(crop.shape().w);
    set_input(doc, interaction, std::move(crop));
    set_status(interaction,
               tr_fmt("image.cropped_fmt", rows, cols, static_cast<int>(top), static_cast<int>(left),
                      view.picture->name.c_str()),
               false);
}

// ---- the window's parts -----------------------------------------------------------------------------------

// The display options: both results, their size, the GPU path, the zoom and Fit.
void draw_view_options(PanelContext& ctx, ImageView& view) {
    same_line_if_room(checkbox_width(tr("image.compare")));
    ImGui::Checkbox(tr("image.compare"), &view.compare_ops);
    same_line_if_room(checkbox_width(tr("image.same_size")));
    ImGui::Checkbox(tr("image.same_size"), &view.same_size);
    if (view.pooled.gpu_available()) {
        same_line_if_room(checkbox_width(tr("image.use_gpu")));
        bool use_gpu = !view.pooled.prefer_cpu();
        if (ImGui::Checkbox(tr("image.use_gpu"), &use_gpu)) {
            view.pooled.set_prefer_cpu(!use_gpu);
            view.pooled_other.set_prefer_cpu(!use_gpu);
        }
    }
    same_line_if_room(ImGui::GetFontSize() * 7.0f);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
    ImGui::SliderFloat("##zoom", &view.zoom, kMinZoom, kMaxZoom, tr("image.zoom_fmt"),
                       ImGuiSliderFlags_Logarithmic);
    same_line_if_room(button_width(tr("image.fit")));
    if (ImGui::Button(tr("image.fit"))) view.zoom = 1.0f, view.center_x = view.center_y = 0.5f;
    remember_item(ctx.probe, "image_view.fit");  // the toolbar's last tool
}

void draw_toolbar(PanelContext& ctx, ImageView& view) {
    // The tools flow onto a second line in a narrow panel rather than being cut.
    if (ImGui::Button(tr("image.open_button"))) show_open_picture(ctx);
    static const char* const kViewKeys[image::kChannelViewCount] = {
        "image.view_rgb", "image.view_red", "image.view_green", "image.view_blue", "image.view_gray"};
    float combo_w = 0.0f;  // as wide as its widest choice ("RGB (3 channels)"), the arrow beside it
    for (const char* key : kViewKeys)
        combo_w = std::max(combo_w, ImGui::CalcTextSize(tr(key)).x);
    combo_w += ImGui::GetStyle().FramePadding.x * 2.0f + ImGui::GetFrameHeight();
    same_line_if_room(combo_w);
    ImGui::SetNextItemWidth(combo_w);
    if (ImGui::BeginCombo("##channels", tr(kViewKeys[static_cast<int>(view.channels)]))) {
        for (int i = 0; i < image::kChannelViewCount; ++i)
            if (ImGui::Selectable(tr(kViewKeys[i]), i == static_cast<int>(view.channels)))
                view.channels = static_cast<image::ChannelView>(i);
        ImGui::EndCombo();
    }
    if (!view.compact) return draw_view_options(ctx, view);
    // Presentation: the room goes to the picture, the display options behind one button (as a big grid folds
    // the matrices' legend). In presentation's font they took two more lines of a 650-px laptop screen.
    same_line_if_room(button_width(tr("image.options")));
    if (ImGui::Button(tr("image.options"))) ImGui::OpenPopup("##image_options");
    remember_item(ctx.probe, "image_view.options");
    if (ImGui::BeginPopup("##image_options")) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 18.0f);  // the options on a line or two
        draw_view_options(ctx, view);
        ImGui::PopTextWrapPos();
        ImGui::EndPopup();
    }
}

std::string describe_result(const gpu::PicturePooler& pooler) {
    if (!pooler.ok()) return {};
    const Shape& o = pooler.plan()->output;
    const char* path = pooler.backend() == gpu::Backend::kGpu ? tr("image.on_gpu") : tr("image.on_cpu");
    return tr_fmt("image.result_fmt", std::string(op_name(pooler.plan()->op())).c_str(),
                  static_cast<int>(o.w), static_cast<int>(o.h), static_cast<int>(o.c), path,
                  pooler.last_update_ms());
}

}  // namespace

ImageWindow::ImageWindow() : Window({kId, Placement::kTab, "image.title", nullptr, Menu::kFile}) {}

void ImageWindow::draw(PanelContext& ctx) {
    start_poolers(view);
    if (!view.picture && !view.samples.empty() && view.message.empty())
        open_picture(view, view.samples.front());
    const float font = ImGui::GetFontSize();
    if (!view.compact)
        panel_heading(view.picture ? view.picture->name.c_str() : tr("image.title"), tr("image.help"));
    const ImVec2 pos = ImGui::GetWindowPos(), lo = ImGui::GetWindowContentRegionMin(),
                 hi = ImGui::GetWindowContentRegionMax();
    remember_rect(ctx.probe, "image_view.content", pos.x + lo.x, pos.y + lo.y, hi.x - lo.x, hi.y - lo.y);
    draw_toolbar(ctx, view);
    if (!view.message.empty())
        ImGui::TextColored(view.message_is_error ? palette::kErrorText : palette::kMuted, "%s",
                           view.message.c_str());
    // The GPU path's failure stays visible for as long as the view pools on the CPU because of it.
    if (!view.pooled.gpu_available()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette::kErrorText);
        ImGui::TextWrapped("%s", view.pooled.gpu_message().c_str());
        ImGui::PopStyleColor();
    }
    if (!view.picture) {
        ImGui::TextDisabled("%s", tr("image.no_picture"));
        return;
    }

    // Pool (only when the picture, view or params changed: PicturePooler compares them).
    refresh_view_tensor(view);
    const gpu::ComposeStyle style = style_of(view);
    const PoolParams& params = ctx.state.doc.params;
    view.pooled.update(view.view_tensor, view.view_generation, params_for(params, view.compare_ops, false),
                       style);
    if (view.compare_ops)
        view.pooled_other.update(view.view_tensor, view.view_generation, params_for(params, true, true),
                                 style);

    const Shape& in = view.view_tensor.shape();
    if (view.compact) {  // the picture's name, which the heading would have given
        ImGui::TextColored(palette::kHeading, "%s", view.picture->name.c_str());
        ImGui::SameLine(0, font);
    }
    ImGui::TextColored(
        palette::kMuted, "%s",
        tr_fmt("image.input_fmt", static_cast<int>(in.w), static_cast<int>(in.h), static_cast<int>(in.c))
            .c_str());
    for (const gpu::PicturePooler* p : {&view.pooled, view.compare_ops ? &view.pooled_other : nullptr}) {
        if (!p) continue;
        const std::string result = describe_result(*p);
        same_line_if_room(ImGui::CalcTextSize(result.c_str()).x, font * 1.5f);
        ImGui::TextColored(palette::kMuted, "%s", result.c_str());
    }
    for (const Error& e : view.pooled.errors())
        ImGui::TextColored(palette::kErrorText, "%s: %s", e.field.c_str(), e.message.c_str());

    // Panes: original | result (| avg result).
    const int panes = view.compare_ops ? 3 : 2;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float caption = ImGui::GetTextLineHeightWithSpacing();
    // "As matrix" under the panes, its hint beside it where that fits, else in its tooltip: wrapped under it,
    // the hint took two lines of the picture's height in presentation at 1366x650.
    const std::string hint = view.selected ? tr_fmt("image.selected_fmt", static_cast<int>(view.selected->oh),
                                                    static_cast<int>(view.selected->ow))
                                           : std::string(tr("image.as_matrix_hint"));
    const bool hint_beside = button_width(tr("image.as_matrix")) + ImGui::GetStyle().ItemSpacing.x +
                                 ImGui::CalcTextSize(hint.c_str()).x <=
                             ImGui::GetContentRegionAvail().x;
    const float button_row = ImGui::GetFrameHeightWithSpacing();
    const ImVec2 pane_size((avail.x - gap * static_cast<float>(panes - 1)) / static_cast<float>(panes),
                           std::max(40.0f, avail.y - caption - button_row));
    view.chrome_h = ImGui::GetCursorPosY() + caption + button_row + ImGui::GetStyle().WindowPadding.y;
    const float pixel_in = fit_pixel(pane_size, in) * view.zoom;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const gpu::PicturePooler* results[2] = {&view.pooled, view.compare_ops ? &view.pooled_other : nullptr};

    // Captions.
    ImGui::TextUnformatted(tr("image.original"));
    for (int i = 0; i < panes - 1; ++i) {
        ImGui::SameLine(static_cast<float>(i + 1) * (pane_size.x + gap) + ImGui::GetStyle().WindowPadding.x);
        const gpu::PicturePooler& r = *results[i];
        ImGui::TextUnformatted(
            r.ok() ? tr_fmt("image.pooled_fmt", std::string(op_name(r.plan()->op())).c_str()).c_str()
                   : tr("image.rejected"));
    }

    Pane original{};
    std::optional<Pane> result_panes[2];
    std::optional<std::pair<int, OutputCell>> hovered;  // (pane, output cell)
    for (int i = 0; i < panes; ++i) {
        if (i > 0) ImGui::SameLine(0, gap);
        const ImVec2 min = ImGui::GetCursorScreenPos();
        ImGui::PushID(i);
        ImGui::InvisibleButton("##pane", pane_size);
        ImGui::PopID();
        static const char* const kPaneAnchors[] = {"image_view.original", "image_view.result",
                                                   "image_view.result2"};
        remember_item(ctx.probe, kPaneAnchors[i]);
        draw->PushClipRect(min, ImVec2(min.x + pane_size.x, min.y + pane_size.y), true);
        if (i == 0) {
            original = place(view, min, pane_size, in.w, in.h, pixel_in);
            draw_picture(draw, original, view.pooled.input_texture());
            handle_zoom_and_pan(view, original);
        } else {
            const gpu::PicturePooler& r = *results[i - 1];
            if (!r.ok()) {
                draw->AddRectFilled(min, ImVec2(min.x + pane_size.x, min.y + pane_size.y),
                                    palette::kPictureBackdrop);
                draw->PopClipRect();
                continue;
            }
            const Shape& o = r.plan()->output;
            const float pixel =
                view.same_size ? pixel_in * static_cast<float>(in.w) / static_cast<float>(o.w) : pixel_in;
            const Pane pane = place(view, min, pane_size, o.w, o.h, pixel);
            result_panes[i - 1] = pane;
            draw_picture(draw, pane, r.output_texture());
            handle_zoom_and_pan(view, pane);
            int64_t row = 0, col = 0;
            if (ImGui::IsItemHovered() && pane.pixel_under(ImGui::GetIO().MousePos, row, col)) {
                hovered = std::make_pair(i - 1, OutputCell{0, 0, row, col});
                if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
                    ImGui::GetIO().MouseDragMaxDistanceSqr[0] < 16.0f)
                    view.selected = OutputCell{0, 0, row, col};
            }
        }
        draw->PopClipRect();
    }

    // Selected and hovered output pixels: frame them in their pane and their window on the original.
    auto mark = [&](int pane_index, OutputCell cell, ImU32 colour) {
        const gpu::PicturePooler& r = *results[pane_index];
        if (!r.ok() || !result_panes[pane_index] || cell.oh >= r.plan()->output.h ||
            cell.ow >= r.plan()->output.w)
            return std::vector<CellTrace>{};
        const Pane& pane = *result_panes[pane_index];
        draw->PushClipRect(pane.min, ImVec2(pane.min.x + pane.size.x, pane.min.y + pane.size.y), true);
        const float x = static_cast<float>(cell.ow), y = static_cast<float>(cell.oh);
        draw->AddRect(pane.at(x, y), pane.at(x + 1, y + 1), palette::kPictureOutline, 0, 0, 4.0f);
        draw->AddRect(pane.at(x, y), pane.at(x + 1, y + 1), colour, 0, 0, 2.0f);
        draw->PopClipRect();
        std::vector<CellTrace> traces;
        for (int64_t c = 0; c < r.plan()->output.c; ++c)
            traces.push_back(trace_cell(*r.plan(), view.view_tensor, OutputCell{0, c, cell.oh, cell.ow}));
        draw->PushClipRect(original.min,
                           ImVec2(original.min.x + original.size.x, original.min.y + original.size.y), true);
        outline_window(draw, original, traces.front());
        draw->PopClipRect();
        return traces;
    };
    if (view.selected)
        for (int i = 0; i < panes - 1; ++i)
            mark(i, *view.selected, palette::kSelected);
    if (hovered) {
        const std::vector<CellTrace> traces = mark(hovered->first, hovered->second, palette::kWindow);
        if (!traces.empty()) window_tooltip(view, *results[hovered->first]->plan(), traces);
    }

    // "As matrix" under the panes.
    const bool can_crop = view.pooled.ok();
    if (!can_crop) ImGui::BeginDisabled();
    if (ImGui::Button(tr("image.as_matrix"))) {
        take_crop(view, ctx.state.doc, ctx.state.interaction, *view.pooled.plan());
        view.show_matrices = true;  // the crop is in the matrix view: bring it forward
    }
    remember_item(ctx.probe, "image_view.as_matrix");
    if (!hint_beside && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s", hint.c_str());
    if (!can_crop) ImGui::EndDisabled();
    if (!hint_beside) return;
    ImGui::SameLine();
    ImGui::TextDisabled("%s", hint.c_str());
}

}  // namespace poolscope::app
