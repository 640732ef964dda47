// The probe's record (see probe_record.h).
#include "testing/probe_record.h"

namespace poolscope::app {

void ProbeRecord::rect_shown(std::string_view name, const ScreenRect& rect) {
    anchors.insert_or_assign(std::string(name), rect);
}

// One entry per text, however often it is drawn; a hash set, so a panel drawing thousands of texts (a huge
// window's arithmetic) costs O(1) per text, not a scan of the list.
void ProbeRecord::text_cut(std::string_view panel, std::string_view text) {
    std::string key(panel);
    key += '\x1f';
    key += text;
    if (!clipped_seen.insert(std::move(key)).second) return;
    clipped_text.push_back({std::string(panel), std::string(text)});
}

// Tooltips are their own ImGui windows ("##Tooltip_00"): they are named so whatever panel made them. Texts
// outside any scope (menus, dialogs, the status bar) take their window's name without ImGui's "##" and ids.
void ProbeRecord::text_drawn(const char* window, std::string_view text) {
    if (text.empty()) return;
    std::string_view owner = window ? window : "";
    ScreenText item;
    if (owner.rfind("##Tooltip", 0) == 0) {
        item.panel = "tooltip";
    } else if (!scopes.empty()) {
        item.panel = scopes.back();
        item.row = scope_row, item.col = scope_col;
    } else {
        if (const size_t slash = owner.rfind('/'); slash != std::string_view::npos)
            owner = owner.substr(slash + 1);
        if (const size_t hashes = owner.find("##"); hashes != std::string_view::npos) {
            const std::string_view label = owner.substr(0, hashes), id = owner.substr(hashes + 2);
            owner = label.empty() ? id : label;
        }
        if (const size_t under = owner.rfind('_');
            under != std::string_view::npos && under + 9 == owner.size())
            owner = owner.substr(0, under);  // a child window's "_1A2B3C4D" id
        item.panel = owner;
    }
    item.text = text;
    screen_text.push_back(std::move(item));
}

void ProbeRecord::new_frame() {
    clipped_text.clear();
    clipped_seen.clear();
    cell_px = 0.0f;
    panels_shown.clear();
    cell_tip.clear();
    screen_text.clear();
    scopes.clear();
    scope_row = scope_col = -1;
    shown_text.clear();
}

}  // namespace poolscope::app
