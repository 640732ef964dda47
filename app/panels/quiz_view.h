// Predict, then reveal (model/quiz_session.h) on screen: the cards in the lesson column or the step panel.
#pragma once

#include "panels/panels.h"

namespace poolscope::app {

void draw_quiz_cards(PanelContext& ctx);

}  // namespace poolscope::app
