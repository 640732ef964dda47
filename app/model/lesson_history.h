// The open lesson's own undo history: whole-lesson snapshots taken before each step-list edit (move,
// duplicate, delete), separate from the matrix editor's EditHistory so Ctrl+Z can undo either.
#pragma once

#include <cstddef>
#include <vector>

#include "poolscope/lesson.h"

namespace poolscope::app {

// A lesson as it was before an edit, with the step that was current and whether it was unsaved.
struct LessonSnapshot {
    Lesson lesson;
    size_t step = 0;
    bool dirty = false;
};

struct LessonHistory {
    std::vector<LessonSnapshot> undo;  // most recent last
    std::vector<LessonSnapshot> redo;  // cleared by a new edit
};

}  // namespace poolscope::app
