// English strings of authoring in the app: the step list edits, the recorded expected result and code line,
// the title and narration editors, File → New lesson (see string_sections.h).
#include "i18n/string_sections.h"

namespace poolscope::app {
namespace {

constexpr TranslationEntry kAuthorEnglish[] = {
    {"author.menu_new", "New lesson from the window"},
    {"author.menu_new_help", "Starts an unsaved lesson whose first step is the input and layer shown now."},
    {"author.step_of_fmt", "Step %d of %d"},
    {"author.move_up", "Move up"},
    {"author.move_down", "Move down"},
    {"author.duplicate", "Duplicate"},
    {"author.delete", "Delete"},
    {"author.record_expected", "Record expected result"},
    {"author.record_expected_help",
     "Writes what PoolScope computes for this step as its expected result: the output, the output shape of a "
     "shape step, or the framework's refusal. `poolscope check` verifies it."},
    {"author.generate_code", "Write code line"},
    {"author.generate_code_help",
     "Writes this step's code line from its layer, e.g. nn.MaxPool2d(3, stride=1, padding=1, "
     "ceil_mode=True), "
     "replacing the one there."},
    {"author.words", "Titles and narration"},
    {"author.lesson_title", "Lesson title"},
    {"author.step_title", "Step title"},
    {"author.narration", "Narration"},
    {"author.preview", "Preview"},
    {"author.markup_help", "A blank line starts a paragraph; *emphasis*, `code`."},
    {"author.moved", "Step moved."},
    {"author.duplicated", "Step duplicated: the copy is the current step."},
    {"author.deleted", "Step deleted (Ctrl+Z brings it back)."},
    {"author.rerecorded", "The steps the edit broke are re-recorded from the core."},
    {"author.broken_fmt",
     "This edit left %s failing: they no longer match their expected results or quiz answers (a later step "
     "inherits what changed)."},
    {"author.rerecord", "Re-record them"},
    {"author.undo_edit", "Undo the edit"},
    {"author.step_fmt", "step %d"},
    {"author.recorded", "Expected result recorded."},
    {"author.code_written", "Code line written from the layer."},
    {"author.failed", "Not changed:"},
    {"author.new_lesson_started", "A new lesson from the window: give it a title, add steps, then save it."},
    {"author.undone", "Lesson edit undone."},
    {"author.redone", "Lesson edit redone."},
    {"author.untitled", "(new lesson, not saved yet)"},
};

}  // namespace

std::span<const TranslationEntry> author_english_entries() {
    return kAuthorEnglish;
}

}  // namespace poolscope::app
