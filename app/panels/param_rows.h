// The parameter panel's building blocks (panels/params_panel.cpp, panels/framework_rows.cpp): a labelled
// (h, w) pair, a checkbox with help, each field's reasons drawn under it once, and at the end the reasons
// no row showed, so an error is never invisible whatever the framework's rows are.
#pragma once

#include <set>
#include <string>

#include "i18n/i18n.h"
#include "panels/panels.h"

namespace poolscope::app {

struct ParamRows {
    PanelContext& ctx;
    std::set<std::string> shown;  // fields whose reasons are on screen

    // Label (error-coloured when the field has a reason), help marker, then h and w side by side; the
    // probe anchors are "param.<anchor>.h" / ".w". True when either changed (clamped to the typing range).
    bool pair(const std::string& label, const char* help, const char* field, const char* anchor, Pair& value);
    bool check(const std::string& label, const char* help, const char* anchor, bool& value);
    // The reasons for `field`, once per frame.
    void errors_of(const std::string& field);
    // Every reason whose field no row has shown.
    void remaining_errors();
    bool has_error(const char* field) const;
};

}  // namespace poolscope::app
