// The open lesson's own undo history: whole-lesson snapshots taken before each step-list edit (move,
// duplicate, delete), separate from the matrix editor's EditHistory so Ctrl+Z can undo either.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "poolscope/edit_history.h"
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
    // The matrix editor's present state when the last lesson edit was made (undo_route.h): while it is
    // unchanged, no matrix edit came after, so Ctrl+Z belongs to the lesson.
    std::optional<EditSnapshot> matrix_at_edit;
};

}  // namespace poolscope::app
