// ParamRows (see param_rows.h).
#include "panels/param_rows.h"

#include <algorithm>

#include <imgui.h>

#include "i18n/error_text.h"
#include "widgets/help.h"
#include "widgets/palette.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {
namespace {

// UI limits for typed values: wide enough to provoke every framework's errors, small enough to draw.
constexpr int kMinTyped = -4;
constexpr int kMaxTyped = 64;

void error_line(const Error& e) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kErrorText);
    ImGui::TextWrapped("%s", error_text(e).c_str());
    ImGui::PopStyleColor();
}

}  // namespace

bool ParamRows::has_error(const char* field) const {
    return std::any_of(ctx.state.computed.errors.begin(), ctx.state.computed.errors.end(),
                       [&](const Error& e) { return e.field == field; });
}

void ParamRows::errors_of(const std::string& field) {
    if (!shown.insert(field).second) return;
    for (const Error& e : ctx.state.computed.errors)
        if (e.field == field) error_line(e);
}

void ParamRows::remaining_errors() {
    for (const Error& e : ctx.state.computed.errors)
        if (!shown.count(e.field)) error_line(e);
}

bool ParamRows::pair(const std::string& label, const char* help, const char* field, const char* anchor,
                     Pair& value) {
    const bool error = has_error(field);
    if (error) ImGui::PushStyleColor(ImGuiCol_Text, palette::kErrorText);
    ImGui::TextUnformatted(label.c_str());
    if (error) ImGui::PopStyleColor();
    ImGui::SameLine();
    help_marker(help);
    ImGui::PushID(anchor);
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    bool changed = false;
    int h = static_cast<int>(value.h), w = static_cast<int>(value.w);
    ImGui::SetNextItemWidth(half);
    if (ImGui::InputInt("##h", &h)) changed = true;
    remember_item(ctx.probe, (std::string("param.") + anchor + ".h").c_str());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(half);
    if (ImGui::InputInt("##w", &w)) changed = true;
    remember_item(ctx.probe, (std::string("param.") + anchor + ".w").c_str());
    ImGui::PopID();
    if (changed) {
        value.h = std::clamp(h, kMinTyped, kMaxTyped);
        value.w = std::clamp(w, kMinTyped, kMaxTyped);
    }
    errors_of(field);
    return changed;
}

bool ParamRows::check(const std::string& label, const char* help, const char* anchor, bool& value) {
    const std::string id = label + "###" + anchor;
    const bool changed = ImGui::Checkbox(id.c_str(), &value);
    remember_item(ctx.probe, anchor);
    ImGui::SameLine();
    help_marker(help);
    return changed;
}

}  // namespace poolscope::app
