// What the window loop may check without drawing a frame when it wakes from an idle wait: drawing one
// costs tens of milliseconds of CPU under software GL, so a timer wake (the lesson file watch, twice a
// second) draws only when there is something new to show.
#pragma once

#include "model/lesson_session.h"

namespace poolscope::app {

// True when the open lesson's file differs on disk from what was last loaded or saved and is not the
// broken version already reported: the next frame's lesson_frame() has a reload (or a conflict) to show.
bool lesson_file_changed(const LessonSession& session);

}  // namespace poolscope::app
