// The status line (see interaction.h; it expires in model/status_line.h).
#include "model/interaction.h"

#include <utility>

namespace poolscope::app {

void set_status(Interaction& interaction, std::string text, bool is_error) {
    interaction.status = std::move(text);
    interaction.status_is_error = is_error;
    interaction.status_since = -1;  // a new line: its time starts when the next frame sees it
}

}  // namespace poolscope::app
