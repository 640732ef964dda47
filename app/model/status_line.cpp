// Message expiry (see status_line.h). A message is stamped the first frame it is seen rather than where it
// is posted, so the dozen places that post one need no clock.
#include "model/status_line.h"

#include "model/interaction.h"
#include "model/lesson_player.h"

namespace poolscope::app {
namespace {

// Clears `text` when it has been shown longer than its time; stamps it when it is new (since < 0).
void age(std::string& text, bool is_error, double& since, double now) {
    if (text.empty()) return;
    if (since < 0) since = now;
    if (now - since >= (is_error ? kErrorStatusSeconds : kStatusSeconds)) text.clear();
}

}  // namespace

void expire_messages(Interaction& interaction, LessonPlayer& player, double now) {
    age(interaction.status, interaction.status_is_error, interaction.status_since, now);
    age(player.message, player.message_is_error, player.message_since, now);
}

}  // namespace poolscope::app
