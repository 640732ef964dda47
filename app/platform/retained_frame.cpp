// Drawing only the damaged rectangles into a retained texture (see retained_frame.h).
#include "platform/retained_frame.h"

#include "platform/gl.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "model/env_flag.h"
#include "platform/renderer.h"
#include "platform/window.h"

namespace poolscope::app {

namespace {

bool is_whole(const std::vector<PixelRect>& rects, int width, int height) {
    return rects.size() == 1 && rects[0].x0 <= 0 && rects[0].y0 <= 0 && rects[0].x1 >= width &&
           rects[0].y1 >= height;
}

}  // namespace

void RetainedFrame::plan(PlatformWindow& window, int width, int height) {
    planned_frame_ = -1;
    if (width <= 0 || height <= 0) return;
    const ImDrawData& data = *ImGui::GetDrawData();
    planned_ = damage_.update(data, ImGui::GetIO().Fonts->TexID, width, height);
    planned_frame_ = ImGui::GetFrameCount();
    if (is_whole(planned_, width, height)) prepare_draw_data(window, data, width, height);
}

bool RetainedFrame::draw(PlatformWindow& window, int width, int height, const ImVec4& clear) {
    if (width <= 0 || height <= 0) return false;
    // The damage plan() found for this frame, if it ran; what happens below may still make it the whole
    // window (plan()'s damage tracker already holds this frame: it is not invalidated again).
    const bool planned = planned_frame_ == ImGui::GetFrameCount();
    planned_frame_ = -1;
    bool whole = false;
    const auto lose_contents = [&] { planned ? void(whole = true) : damage_.invalidate(); };
    if (width != width_ || height != height_) {
        destroy();
        width_ = width, height_ = height;
        lose_contents();  // the back buffer's old size holds nothing of use
        mode_ = Mode::kProbe;
        probe_frames_ = 0;
    }
    if (mode_ == Mode::kProbe && probe_frames_++ > 0) {
        const bool kept = !env_flag("POOLSCOPE_RETAIN_TEXTURE") && back_buffer_kept(width, height);
        probe_pixels_ = {};
        mode_ = kept ? Mode::kDirect : Mode::kTexture;
        if (!kept) lose_contents();  // a new texture holds nothing yet
    }
    if (mode_ == Mode::kTexture && !fbo_ && !create_texture(width, height)) {
        damage_.invalidate();  // drawn elsewhere this frame (draw_imgui draws it whole): nothing kept here
        return false;
    }
    ImDrawData* data = ImGui::GetDrawData();
    std::vector<PixelRect> rects =
        planned ? std::move(planned_) : damage_.update(*data, ImGui::GetIO().Fonts->TexID, width, height);
    if (whole) rects = {PixelRect{0, 0, width, height}};
    const unsigned target = mode_ == Mode::kTexture ? fbo_ : 0;
    glBindFramebuffer(GL_FRAMEBUFFER, target);
    glViewport(0, 0, width, height);
    last_damage_px_ = 0;
    if (is_whole(rects, width, height)) {
        // Everything changed (a resize, a new lesson, a scroll): the frame as ImGui made it, uncut, in the
        // order plan() may have worked out already. The cut would only drop triangles outside the window.
        last_damage_px_ = int64_t(width) * height;
        glClearColor(clear.x, clear.y, clear.z, 1.0f);
        glDisable(GL_SCISSOR_TEST);
        glClear(GL_COLOR_BUFFER_BIT);
        render_draw_data(window, *data, width, height);
    } else if (!rects.empty()) {
        // Each rectangle: clear it, then draw only the triangles that reach into it, with every clip
        // rectangle cut down to it (the backend's scissor keeps the rasteriser inside it).
        struct Saved {
            ImVec4 clip;
            unsigned offset, count;
        };
        std::vector<Saved> saved;
        for (int l = 0; l < data->CmdListsCount; ++l)
            for (const ImDrawCmd& cmd : data->CmdLists[l]->CmdBuffer)
                saved.push_back({cmd.ClipRect, cmd.IdxOffset, cmd.ElemCount});
        const std::vector<PixelRect>& boxes = damage_.triangle_boxes();
        const ImVec2 off = data->DisplayPos, scale = data->FramebufferScale;
        glClearColor(clear.x, clear.y, clear.z, 1.0f);
        std::vector<ImVector<ImDrawIdx>> kept_indices(size_t(data->CmdListsCount));
        for (const PixelRect& r : rects) {
            last_damage_px_ += r.area();
            glEnable(GL_SCISSOR_TEST);
            glScissor(r.x0, height - r.y1, r.x1 - r.x0, r.y1 - r.y0);
            glClear(GL_COLOR_BUFFER_BIT);
            glDisable(GL_SCISSOR_TEST);
            const ImVec4 cut(off.x + float(r.x0) / scale.x, off.y + float(r.y0) / scale.y,
                             off.x + float(r.x1) / scale.x, off.y + float(r.y1) / scale.y);
            size_t c = 0, t = 0;
            for (int l = 0; l < data->CmdListsCount; ++l) {
                ImDrawList& list = *data->CmdLists[l];
                ImVector<ImDrawIdx>& indices = kept_indices[size_t(l)];
                indices.resize(0);
                for (ImDrawCmd& cmd : list.CmdBuffer) {
                    const Saved& was = saved[c++];
                    cmd.ClipRect = ImVec4(std::max(was.clip.x, cut.x), std::max(was.clip.y, cut.y),
                                          std::min(was.clip.z, cut.z), std::min(was.clip.w, cut.w));
                    cmd.IdxOffset = unsigned(indices.Size);
                    for (unsigned i = 0; i + 2 < was.count; i += 3, ++t) {
                        if (t >= boxes.size() || intersect(boxes[t], r).empty()) continue;
                        for (unsigned k = 0; k < 3; ++k)
                            indices.push_back(list.IdxBuffer[int(was.offset + i + k)]);
                    }
                    cmd.ElemCount = unsigned(indices.Size) - cmd.IdxOffset;
                }
                list.IdxBuffer.swap(indices);
            }
            render_draw_data(window, *data, width, height);
            for (int l = 0; l < data->CmdListsCount; ++l)  // the full index buffers back
                data->CmdLists[l]->IdxBuffer.swap(kept_indices[size_t(l)]);
        }
        size_t c = 0;  // the draw data as ImGui made it, for anyone reading it after us
        for (int l = 0; l < data->CmdListsCount; ++l)
            for (ImDrawCmd& cmd : data->CmdLists[l]->CmdBuffer) {
                cmd.ClipRect = saved[c].clip;
                cmd.IdxOffset = saved[c].offset;
                cmd.ElemCount = saved[c++].count;
            }
    }
    if (mode_ == Mode::kProbe) {  // the frame as drawn, to compare with the back buffer after the swap
        probe_pixels_.resize(size_t(width) * height);
        glReadBuffer(GL_BACK);
        glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, probe_pixels_.data());
    }
    if (check_) check_against_full(window, width, height, clear);
    if (mode_ != Mode::kTexture) return true;  // drawn where the window shows it
    // The whole retained picture to the window. llvmpipe shades this copy like a full-window quad (about
    // half of a frame's cost), which is why kDirect is preferred whenever the back buffer survives.
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glBlitFramebuffer(0, 0, width, height, 0, 0, width, height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return true;
}

bool RetainedFrame::create_texture(int width, int height) {
    glGenTextures(1, &texture_);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glGenFramebuffers(1, &fbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_, 0);
    const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (!complete) {
        glDeleteFramebuffers(1, &fbo_);
        glDeleteTextures(1, &texture_);
        fbo_ = texture_ = 0;
    }
    return complete;
}

bool RetainedFrame::back_buffer_kept(int width, int height) {
    // The last frame was drawn whole into the back buffer and read back before the swap. If the back buffer
    // still holds it, drawing only the damage into it is safe (Mesa's software GLX keeps one back buffer;
    // GPU drivers rotate several, and the texture is used there).
    if (probe_pixels_.size() != size_t(width) * height) return false;
    std::vector<uint32_t> shown(size_t(width) * height);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, shown.data());
    return shown == probe_pixels_;
}

void RetainedFrame::check_against_full(PlatformWindow& window, int width, int height, const ImVec4& clear) {
    // The whole frame is drawn into a surface of the same format as the retained one, so that blending
    // rounds the same way and any differing pixel is a damage bug: in the texture mode a second texture,
    // in the back-buffer mode the back buffer itself, after reading what the damage left there (it then
    // holds the whole frame, which is what it should hold anyway).
    std::vector<uint32_t> whole(size_t(width) * height), kept(size_t(width) * height);
    if (mode_ == Mode::kTexture) {
        if (!check_fbo_) {
            glGenTextures(1, &check_texture_);
            glBindTexture(GL_TEXTURE_2D, check_texture_);
            glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
            glGenFramebuffers(1, &check_fbo_);
            glBindFramebuffer(GL_FRAMEBUFFER, check_fbo_);
            glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, check_texture_, 0);
        }
        glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
        glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, kept.data());
        glBindFramebuffer(GL_FRAMEBUFFER, check_fbo_);
    } else {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glReadBuffer(GL_BACK);
        glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, kept.data());
    }
    glViewport(0, 0, width, height);
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    render_draw_data(window, *ImGui::GetDrawData(), width, height);
    if (mode_ != Mode::kTexture) glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, whole.data());
    if (mode_ == Mode::kProbe) probe_pixels_ = whole;  // the back buffer holds this now
    for (size_t i = 0; i < whole.size(); ++i) {        // colour only: alpha is not shown
        int worst = 0;
        for (int shift = 0; shift < 24; shift += 8)
            worst = std::max(worst, std::abs(int(whole[i] >> shift & 0xFF) - int(kept[i] >> shift & 0xFF)));
        check_differing_px_ += worst > 0;
        check_max_step_ = std::max(check_max_step_, worst);
    }
    check_damage_px_ += last_damage_px_;
    ++check_frames_;
}

void RetainedFrame::destroy() {
    if (check_ && check_frames_ > 0) {
        std::fprintf(stderr,
                     "{\"damage_check\": {\"mode\": \"%s\", \"frames\": %lld, \"differing_px\": %lld, "
                     "\"damage_px\": %lld, \"largest_step\": %d}}\n",
                     mode_ == Mode::kDirect    ? "back buffer"
                     : mode_ == Mode::kTexture ? "texture"
                                               : "probe",
                     static_cast<long long>(check_frames_), static_cast<long long>(check_differing_px_),
                     static_cast<long long>(check_damage_px_), check_max_step_);
        check_frames_ = 0;
    }
    if (check_fbo_) glDeleteFramebuffers(1, &check_fbo_);
    if (check_texture_) glDeleteTextures(1, &check_texture_);
    check_fbo_ = check_texture_ = 0;
    if (fbo_) glDeleteFramebuffers(1, &fbo_);
    if (texture_) glDeleteTextures(1, &texture_);
    fbo_ = texture_ = 0;
    width_ = height_ = 0;
}

}  // namespace poolscope::app
