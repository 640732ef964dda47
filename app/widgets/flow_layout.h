// Flowing items along a line and onto the next, the way text wraps (legend swatches, button rows).
#pragma once

namespace poolscope::app {

// Puts the next item, `width` pixels wide, on the last item's line `spacing` after it (negative: the
// style's item spacing) when it ends inside the window's content region; else the item starts the next
// line. Deciding first matters: SameLine then NewLine leaves the line's end, past the edge, in the window's
// content size, and the panel grows a horizontal scrollbar for it.
void same_line_if_room(float width, float spacing = -1.0f);

// What same_line_if_room needs for ImGui's own widgets: a button's and a checkbox's width with `label`
// (the part before any "##").
float button_width(const char* label);
float checkbox_width(const char* label);

// Wraps the texts that follow (until ImGui::PopTextWrapPos) at the panel's visible right edge.
// PushTextWrapPos(0) wraps at ImGui's work rectangle, which in a panel that scrolls sideways is as wide as
// last frame's content: a text wrapped there keeps the content that wide, and the scrollbar never leaves.
void push_wrap_at_visible_edge();

}  // namespace poolscope::app
