// Wrapping for a multi-line text field (ImGui 1.86's InputTextMultiline cannot wrap): the field shows the
// text with soft line breaks, "\r\n" (ImGui draws "\r" as nothing, and no key or paste can type one), and
// every edit of what is shown is turned back into an edit of the text itself, so the saved text never gains
// a line break the user did not type. Pure text, no ImGui: the width of a piece of text is asked of
// `measure`.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace poolscope::app {

using MeasureText = std::function<float(std::string_view)>;

// `text` with a soft break wherever a line would pass `width` (between words, between Chinese characters,
// by the rules of model/line_breaks.h; inside a word only when the word alone is too wide). A text that
// holds a "\r" of its own is returned as it is (never wrapped, never changed).
std::string soft_wrap(std::string_view text, float width, const MeasureText& measure);
// The text a shown text stands for: its soft breaks taken out.
std::string without_soft_breaks(std::string_view shown);
// How many bytes of the text come before byte `shown_pos` of the shown text.
size_t text_offset(std::string_view shown, size_t shown_pos);
// Where byte `text_pos` of the text is in the shown text (after a soft break that falls there: the cursor
// goes to the start of the next line, where the next character is).
size_t shown_offset(std::string_view shown, size_t text_pos);

struct TextEdit {
    std::string text;   // the text after the edit
    size_t cursor = 0;  // where the cursor goes, in the text
};
// The user changed the field from `before` (a shown text) to `after`: the same edit on the text. Removing
// only a soft break is Backspace at the start of a wrapped line or Delete at the end of one: the character
// before (or after) it goes, as it would without wrapping.
TextEdit edit_through_soft_breaks(std::string_view before, std::string_view after);

}  // namespace poolscope::app
