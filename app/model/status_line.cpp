// Message expiry (see status_line.h). A message is stamped the first frame it is seen rather than where it
// is posted, so the dozen places that post one need no clock.
#include "model/status_line.h"

#include <algorithm>
#include <string>

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

// Seconds until `text` expires (see age()), or -1 when there is none.
double left(const std::string& text, bool is_error, double since, double now) {
    if (text.empty()) return -1;
    const double start = since < 0 ? now : since;
    return std::max(0.0, start + (is_error ? kErrorStatusSeconds : kStatusSeconds) - now);
}

}  // namespace

double seconds_to_next_expiry(const Interaction& interaction, const LessonPlayer& player, double now) {
    const double status =
        left(interaction.status, interaction.status_is_error, interaction.status_since, now);
    const double message = left(player.message, player.message_is_error, player.message_since, now);
    if (status < 0 || message < 0) return std::max(status, message);
    return std::min(status, message);
}

void expire_messages(Interaction& interaction, LessonPlayer& player, double now) {
    age(interaction.status, interaction.status_is_error, interaction.status_since, now);
    age(player.message, player.message_is_error, player.message_since, now);
}

}  // namespace poolscope::app
