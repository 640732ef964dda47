// The Image view: a real picture pooled live with the matrix view's parameters (AppState::params), the
// original and the result side by side (max and avg on demand), nearest-neighbour zoom and pan, hover a
// pooled pixel to see its window and numbers, and "As matrix" to take a crop into the matrix view.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "gpu/picture_pooler.h"
#include "image/picture.h"
#include "poolscope/trace.h"
#include "widgets/file_picker.h"

namespace poolscope::app {

struct AppState;
struct PanelContext;

struct ImageView {
    bool open = false;                                       // the view's tab is shown
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
    FilePicker picker;                           // File → Open picture (the lessons' file picker)
    bool open_dialog = false;                    // ask for the Open popup next frame
    bool bring_forward = false;                  // a picture was opened: show the view's tab
    bool show_matrices = false;                  // "As matrix": show the matrices' tab

    // Derived each frame from picture + channels (regenerated only when they change).
    Tensor view_tensor;            //
    uint64_t view_generation = 0;  //
    uint64_t made_from = 0;        // picture generation view_tensor was made from
    image::ChannelView made_for = image::ChannelView::kRgb;
    gpu::PicturePooler pooled;        // the op in AppState::params (or max when comparing)
    gpu::PicturePooler pooled_other;  // avg, when comparing
};

// Finds the shaders and the sample pictures next to `exe_dir` (or in the build tree) and starts the GPU
// pooler. Needs the window's OpenGL context to be current.
void start_image_view(ImageView& view, const std::filesystem::path& exe_dir);
// Opens a picture file and shows the view; problems go to view.message.
bool open_picture(ImageView& view, const std::filesystem::path& path);
// File → Open picture: the lessons' file picker on picture files (opened by view.open_dialog); call every
// frame, whichever tab is shown.
void draw_open_picture_popup(ImageView& view);
// Menu items for File (open, samples, show/hide); call inside an open menu.
void draw_image_view_menu_items(ImageView& view);
// The view's contents, in the main window's centre beside the matrices (a tab; nothing when closed).
void draw_image_view(PanelContext& ctx, ImageView& view);
// Frees the GL textures while the context is still current.
void release_image_view(ImageView& view);

}  // namespace poolscope::app
