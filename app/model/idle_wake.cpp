// See idle_wake.h: a stat of the lesson file, the same test reload_if_changed() makes, without reloading.
#include "model/idle_wake.h"

namespace poolscope::app {

bool lesson_file_changed(const LessonSession& session) {
    if (!is_open(session) || session.path.empty()) return false;
    const std::optional<FileStamp> now = stamp_of(session.path);
    if (!now || now == session.stamp) return false;  // unchanged, or vanished (the lesson stays)
    return now != session.failed_stamp;              // a broken version is reported once
}

}  // namespace poolscope::app
