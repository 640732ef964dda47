// Timeline panel: play/pause, step, jump to start/end, a scrubber over every output cell, and the speed.
#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "i18n/i18n.h"
#include "i18n/screen_words.h"
#include "model/quiz_session.h"
#include "panels/panels.h"
#include "panels/row_room.h"
#include "widgets/help.h"
#include "widgets/text_fit.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {

void draw_timeline_panel(PanelContext& ctx) {
    AppState& state = ctx.state;
    Playback& playback = ctx.playback;
    const int64_t steps = step_count(state.computed);
    ImGui::BeginDisabled(steps == 0);
    // Compact buttons keep the timeline on one line at 1280 wide (large fonts, a lesson open), so the
    // matrices keep that row's height.
    const bool in_bar = ctx.measured.timeline_in_bar;  // presentation's menu bar (shell/main_window.cpp)
    const float button = in_bar ? ImGui::GetFontSize() * 1.9f : ImGui::GetFrameHeight() * 1.25f;
    const float buttons_x = ImGui::GetCursorPosX();
    if (ImGui::Button("|<##start", ImVec2(button, 0))) step_by(playback, -steps, steps);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("timeline.start"));
    ImGui::SameLine();
    if (ImGui::Button("<##back", ImVec2(button, 0))) step_by(playback, -1, steps);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("timeline.back"));
    ImGui::SameLine();
    const std::string play_label =
        std::string(playback.playing ? tr("timeline.pause") : tr("timeline.play")) + "###play";
    if (ImGui::Button(play_label.c_str(), ImVec2(button * 2.2f, 0))) toggle_play(playback, steps);
    remember_item(ctx.probe, "ui.play");
    ImGui::SameLine();
    if (ImGui::Button(">##forward", ImVec2(button, 0))) step_by(playback, +1, steps);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("timeline.forward"));
    remember_item(ctx.probe, "ui.forward");
    ImGui::SameLine();
    if (ImGui::Button(">|##end", ImVec2(button, 0))) step_by(playback, steps, steps);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("timeline.end"));
    ImGui::SameLine();

    int step = static_cast<int>(playback.step) + 1;
    // The whole label is text (no %d of the slider's own): "Window 2 of 4: output (0, 1)", or one line
    // when there is no output. ImGui formats it, so a '%' in it is doubled.
    // The window count tells the output's size: not while a shape question is open (issue 26).
    // In presentation's menu bar the timeline has one line: the hidden count says so in a few words.
    const std::string label =
        quiz_hidden(state.quiz).output_shape
            ? std::string(tr(in_bar ? "window.count_hidden_short" : "window.count_hidden"))
            : timeline_label(playback.step, steps,
                             steps > 0 ? cell_of_step(state.computed, playback.step) : OutputCell{},
                             state.computed.plan.has_value());
    // The widest label this output gives (its last window has the most digits): the timeline's width must
    // not change while it plays.
    // A label as wide as most outputs give ("Window 88 of 88: output (8, 8)") is the least the bar keeps, so
    // answering a shape question moves no button (and the open question's width tells nothing).
    const bool hidden = quiz_hidden(state.quiz).output_shape;
    std::string widest = timeline_label(87, 88, OutputCell{0, 0, 8, 8}, true);
    if (steps > 0 && !hidden) {
        const std::string last =
            timeline_label(steps - 1, steps, cell_of_step(state.computed, steps - 1), true);
        if (ImGui::CalcTextSize(last.c_str()).x > ImGui::CalcTextSize(widest.c_str()).x) widest = last;
    }
    if (ImGui::CalcTextSize(tr("window.count_hidden_short")).x > ImGui::CalcTextSize(widest.c_str()).x)
        widest = tr("window.count_hidden_short");
    std::string scrub_format;
    for (char ch : label)
        scrub_format += ch == '%' ? std::string("%%") : std::string(1, ch);
    // The scrubber's label must be readable whole: when the buttons leave too little room (large fonts,
    // presentation mode), the scrubber and the speed go to a line of their own.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float scrub_min =
        std::max(ImGui::CalcTextSize(label.c_str()).x, ImGui::CalcTextSize(widest.c_str()).x) +
        style.FramePadding.x * 2.0f + 8.0f;
    // Presentation drops the word "speed" (its tooltip says it) so the timeline stays on one line.
    const std::string speed_word = ctx.state.view.presentation ? "" : std::string(tr("timeline.speed")) + " ";
    const std::string speed_format = speed_word + "%.2g/s";
    const float speed_w = ImGui::CalcTextSize((speed_word + "0.25/s").c_str()).x +
                          style.FramePadding.x * 2.0f + ImGui::GetFontSize();
    // What one line needs in the menu bar (with the short hidden count there), for the main window's choice
    // of the menu bar (shell/main_window.cpp).
    const float bar_scrub_min = ImGui::CalcTextSize(widest.c_str()).x + style.FramePadding.x * 2.0f + 8.0f;
    ctx.measured.timeline_one_line_w = ImGui::GetCursorPosX() - buttons_x +
                                       std::max(bar_scrub_min, hidden ? 0.0f : scrub_min) + speed_w +
                                       style.ItemSpacing.x;
    if (!in_bar && ImGui::GetContentRegionAvail().x < scrub_min + speed_w + style.ItemSpacing.x)
        ImGui::NewLine();
    ImGui::SetNextItemWidth(
        std::max(scrub_min, ImGui::GetContentRegionAvail().x - speed_w - style.ItemSpacing.x));
    if (ImGui::SliderInt("##scrub", &step, 1, static_cast<int>(std::max<int64_t>(steps, 1)),
                         scrub_format.c_str())) {
        playback.playing = false;
        jump_to(playback, step - 1, steps);
    }
    remember_item(ctx.probe, "ui.scrubber");
    check_framed_text(ctx.probe, "timeline", label);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::SetNextItemWidth(in_bar ? speed_w : -1.0f);
    ImGui::SliderFloat("##speed", &playback.speed, kMinSpeed, kMaxSpeed, speed_format.c_str(),
                       ImGuiSliderFlags_Logarithmic);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("timeline.speed_help"));
}

}  // namespace poolscope::app
