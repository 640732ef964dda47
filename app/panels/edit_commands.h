// The Edit commands that keys (shell/actions.h), menus and panels share: the clipboard (the input, the
// output, the layer as code). The zoom and UI scale steps are the view's (model/view.h).
#pragma once

#include "model/app_state.h"

namespace poolscope::app {

void copy_input(const Document& doc, const View& view, Interaction& interaction);
void copy_output(const Computed& computed, const QuizSession& quiz, const View& view,
                 Interaction& interaction);
void paste_input(Document& doc, Interaction& interaction);
// Puts the window's layer as code on the clipboard and says so in the status line.
void copy_layer_code(const Document& doc, Interaction& interaction);

}  // namespace poolscope::app
