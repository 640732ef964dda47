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

void ProbeRecord::new_frame() {
    clipped_text.clear();
    clipped_seen.clear();
    cell_px = 0.0f;
    panels_shown.clear();
    cell_tip.clear();
    shown_text.clear();
}

}  // namespace poolscope::app
