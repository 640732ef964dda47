// The probe's record (see probe_record.h).
#include "testing/probe_record.h"

namespace poolscope::app {

void ProbeRecord::rect_shown(std::string_view name, const ScreenRect& rect) {
    anchors.insert_or_assign(std::string(name), rect);
}

void ProbeRecord::text_cut(std::string_view panel, std::string_view text) {
    for (const ClippedText& c : clipped_text)
        if (c.panel == panel && c.text == text) return;  // one entry per text, however often it is drawn
    clipped_text.push_back({std::string(panel), std::string(text)});
}

void ProbeRecord::new_frame() {
    clipped_text.clear();
    cell_px = 0.0f;
}

}  // namespace poolscope::app
