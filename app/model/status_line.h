// How long the window's one-line messages stay: the menu bar's status ("Could not paste…", "Took a 8 x 8
// crop…") and the lesson column's message ("reloaded", "saved"). They expire after a few seconds, and the
// next edit clears the status, so a line never describes something that is no longer true.
#pragma once

namespace poolscope::app {

struct Interaction;
struct LessonPlayer;

constexpr double kStatusSeconds = 4.0;       // a result ("copied", "reloaded")
constexpr double kErrorStatusSeconds = 8.0;  // a problem: longer, to be read

// Once per frame, before anything posts a message, with the frame's clock (seconds): messages posted since
// the last call are stamped with `now`, messages older than their time are cleared.
void expire_messages(Interaction& interaction, LessonPlayer& player, double now);
// Seconds from `now` until the first line on screen expires (one not stamped yet counts from `now`), or a
// negative value when none is shown. The window loop sleeps no longer than that, so an expired line leaves
// the screen although no input comes to draw a frame.
double seconds_to_next_expiry(const Interaction& interaction, const LessonPlayer& player, double now);

}  // namespace poolscope::app
