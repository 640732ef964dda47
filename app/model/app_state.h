// The window's model, in parts that each function takes on its own (reading order): the document the
// student edits (document.h), what the core computed from it (computed.h), what the student is doing
// (interaction.h, and the timeline, playback.h), how it is all shown (view.h), and the lesson player, the
// quiz and the Backward view, which own their own data. AppState holds the parts; nothing here draws.
#pragma once

#include <string>

#include "model/computed.h"
#include "model/document.h"
#include "model/gradient_view.h"
#include "model/interaction.h"
#include "model/lesson_player.h"
#include "model/playback.h"
#include "model/quiz_session.h"
#include "model/view.h"

namespace poolscope::app {

struct AppState {
    Document doc;             // what the student edits; undo covers it; a lesson step describes it
    Computed computed;        // what the core computed from `doc` (recompute())
    Interaction interaction;  // selection, hover, focus request, animation, status line
    View view;                // zoom, scale, presentation mode, open windows
    GradientView gradient;    // the Backward and Unpool views (gradient_view.h)
    QuizSession quiz;         // predict, then reveal (quiz_session.h)
    LessonPlayer lessons;     // the open lesson, browser rows, recent files (lesson_player.h)
};

// Fresh state with the default document (make_default_document()).
AppState make_default_state();

// Edits that replace the input or go back in the history: the document changes and the cell selection,
// which pointed into the old input, goes.
void set_input(Document& doc, Interaction& interaction, Tensor input, const std::string& merge_key = {});
bool undo(Document& doc, Interaction& interaction);
bool redo(Document& doc, Interaction& interaction);
// Resizes the input keeping the overlapping values (new cells are 0).
void resize_input(Document& doc, Interaction& interaction, int64_t channels, int64_t height, int64_t width);

}  // namespace poolscope::app
