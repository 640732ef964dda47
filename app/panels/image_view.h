// The Image view: a real picture pooled live with the matrix view's parameters (AppState::params), the
// original and the result side by side (max and avg on demand), nearest-neighbour zoom and pan, hover a
// pooled pixel to see its window and numbers, and "As matrix" to take a crop into the matrix view. It is a
// registered window (a tab beside the matrices, while open in the view) with its File menu items; Open
// picture asks the file dialog (panels/file_dialog_window.h).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "gpu/picture_pooler.h"
#include "image/picture.h"
#include "panels/window.h"
#include "poolscope/trace.h"

namespace poolscope::app {

struct ImageView {
    std::optional<image::Picture> picture;                   //
    image::ChannelView channels = image::ChannelView::kRgb;  //
    bool compare_ops = false;                                // max and avg results side by side
    bool same_size = true;               // draw results as large as the original (else true pixel size)
    float zoom = 1.0f;                   // 1 = the picture fits its pane
    float center_x = 0.5f;               // picture point at the pane centre, 0..1 of its width
    float center_y = 0.5f;               //
    std::optional<OutputCell> selected;  // last clicked pooled pixel ("As matrix" crops its window)
    std::string message;                 // one line: loading problems, shrink notes, GPU fallback
    bool message_is_error = false;       //
    std::filesystem::path sample_dir;    // assets/images of the build tree or the install
    std::vector<std::filesystem::path> samples;  // the pictures shipped in sample_dir
    bool bring_forward = false;                  // a picture was opened: open and show the view's tab
    bool show_matrices = false;                  // "As matrix": show the matrices' tab
    // The main window's layout (shell/main_window.cpp): whether the tab was in front last frame, and the
    // height its heading, tools, captions and button took there, so the rows under it leave the picture room;
    // and whether the room is tight (presentation, where the rows drop their headings): no heading (the tab
    // names the view) and the display options behind one button.
    bool in_front = false;
    float chrome_h = 0.0f;
    bool compact = false;

    // Derived each frame from picture + channels (regenerated only when they change).
    Tensor view_tensor;            //
    uint64_t view_generation = 0;  //
    uint64_t made_from = 0;        // picture generation view_tensor was made from
    image::ChannelView made_for = image::ChannelView::kRgb;
    gpu::PicturePooler pooled;        // the op in AppState::params (or max when comparing)
    gpu::PicturePooler pooled_other;  // avg, when comparing
    // Where the poolers' shaders are; they are compiled the first time the view is drawn, not at start-up
    // (two programs cost llvmpipe ~10-20 ms, the browser's SwiftShader more, before the first frame).
    Result<std::filesystem::path> shader_dir = std::filesystem::path();
    bool poolers_due =
        false;  // start_image_view() ran (the window has GL) and the poolers wait for start_poolers()
};

// The view's tab (kTab: the main window draws it beside the matrices while it is open) and its File menu
// items: open, samples, show/hide.
class ImageWindow final : public Window {
  public:
    static constexpr const char* kId = window_id::kImage;
    ImageWindow();
    void draw(PanelContext& ctx) override;
    void draw_menu_items(PanelContext& ctx) override;
    ImageView view;
};

// File → Open picture (and the view's Open button): the file dialog on picture files.
void show_open_picture(PanelContext& ctx);

// Finds the shaders and the sample pictures next to `exe_dir` (or in the build tree); the GPU poolers start
// when the view is first drawn (start_poolers), with the window's OpenGL context current.
void start_image_view(ImageView& view, const std::filesystem::path& exe_dir);
void start_poolers(ImageView& view);
// Opens a picture file and brings the view's tab forward; problems go to view.message.
bool open_picture(ImageView& view, const std::filesystem::path& path);
// Frees the GL textures while the context is still current.
void release_image_view(ImageView& view);

}  // namespace poolscope::app
