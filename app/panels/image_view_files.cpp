// The Image view's pictures: the samples shipped with the app, opening a file (menu, popup, drops), and the
// GPU poolers' lifetime. The view itself is drawn in image_view.cpp.
#include <algorithm>
#include <utility>

#include <imgui.h>

#include "gpu/gpu_pooler.h"
#include "i18n/i18n.h"
#include "model/paths.h"
#include "panels/file_dialog_window.h"
#include "panels/image_view.h"
#include "widgets/palette.h"

namespace poolscope::app {
namespace {

void find_samples(ImageView& view, const std::filesystem::path& exe_dir) {
    // The same data lookup as lessons: an install's own prefix first, then the build's source tree.
    const std::filesystem::path assets = assets_dir(exe_dir);
    if (assets.empty()) return;
    const std::filesystem::path dir = assets / "images";
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return;
    view.sample_dir = dir.lexically_normal();
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (image::is_picture_file(entry.path())) view.samples.push_back(entry.path());
    }
    std::sort(view.samples.begin(), view.samples.end());
}

// ---- the tensor the student pools -------------------------------------------------------------------------

}  // namespace

void show_open_picture(PanelContext& ctx) {
    FileRequest request;
    request.purpose = FilePurpose::kOpen;
    request.dir = ctx.windows.get<ImageWindow>().view.sample_dir;
    request.extensions = ".png .jpg .jpeg .bmp";  // what image::is_picture_file reads
    request.title_key = "image.open_title";
    ask_for_file(ctx, std::move(request), "open_picture",
                 [](PanelContext& c, const std::filesystem::path& path) {
                     open_picture(c.windows.get<ImageWindow>().view,
                                  path);  // one that does not load says why in the view
                 });
}

void start_image_view(ImageView& view, const std::filesystem::path& exe_dir) {
    find_samples(view, exe_dir);
    view.shader_dir = gpu::find_shader_dir(exe_dir);  // the poolers compile their shaders when first shown
    view.poolers_due = true;
}

void start_poolers(ImageView& view) {
    if (!view.poolers_due) return;
    view.poolers_due = false;
    view.pooled.start(view.shader_dir);
    view.pooled_other.start(view.shader_dir);
}

bool open_picture(ImageView& view, const std::filesystem::path& path) {
    Result<image::Picture> picture = image::load_picture(path);
    view.bring_forward = true;
    if (!picture) {
        view.message = picture.error_text();
        view.message_is_error = true;
        return false;
    }
    view.picture = std::move(picture).value();
    view.message = view.picture->note;
    view.message_is_error = false;
    view.selected.reset();
    view.zoom = 1.0f;
    view.center_x = view.center_y = 0.5f;
    return true;
}

void ImageWindow::draw_menu_items(PanelContext& ctx) {
    View& shown = ctx.state.view;
    if (ImGui::MenuItem(tr("image.menu_open"))) show_open_picture(ctx);
    if (ImGui::BeginMenu(tr("image.menu_samples"), !view.samples.empty())) {
        for (const auto& sample : view.samples)
            if (ImGui::MenuItem(sample.filename().string().c_str())) open_picture(view, sample);
        ImGui::EndMenu();
    }
    const bool open = window_open(shown, kId);
    if (ImGui::MenuItem(tr("image.menu_show"), nullptr, open)) {
        set_window_open(shown, kId, !open);
        view.bring_forward = !open;
    }
}

void release_image_view(ImageView& view) {
    view.pooled.release();
    view.pooled_other.release();
}

}  // namespace poolscope::app
