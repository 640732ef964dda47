// The loop's session (see window_session.h).
#include "window_session.h"

#include "testing/state_report.h"

namespace poolscope::app {

void WindowSession::write_report() {
    if (options.state_out) write_state_file(reported_state(app), *options.state_out, ++reports);
}

}  // namespace poolscope::app
