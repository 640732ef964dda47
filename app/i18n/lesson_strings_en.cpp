// English strings of the lesson player (see lesson_strings.h).
#include "i18n/lesson_strings.h"

namespace poolscope::app {
namespace {

constexpr TranslationEntry kLessonEnglish[] = {
    // File menu
    {"menu.open_lesson", "Open lesson…"},
    {"menu.browse_lessons", "Browse lessons…"},
    {"menu.recent_lessons", "Recent lessons"},
    {"menu.save_lesson", "Save lesson"},
    {"menu.save_lesson_as", "Save lesson as…"},
    {"menu.close_lesson", "Close lesson"},
    // Lesson column
    {"help.lesson",
     "A lesson walks through a worked example step by step. PgDn / PgUp (or the arrows) move between steps; "
     "each step sets the input and parameters. Afterwards, change anything you like: \"Reset step\" brings "
     "the lesson's version back. The badge says whether the answer the lesson prints is what PoolScope "
     "(the same arithmetic as PyTorch) computes."},
    {"lesson.step_of_fmt", "Step %d of %d"},
    {"lesson.prev_help", "Previous step (PgUp)"},
    {"lesson.next_help", "Next step (PgDn)"},
    {"lesson.reset_step", "Reset step"},
    {"lesson.reset_help", "Put back this step's input and parameters"},
    {"lesson.badge_matches", "✓ Expected result matches"},
    {"lesson.badge_matches_help", "The result this step expects is exactly what the core computes."},
    {"lesson.badge_differs", "✗ Expected result differs"},
    {"lesson.badge_none", "No expected result in this step"},
    {"lesson.playing_freely",
     "You changed the input or parameters, so the window no longer shows this step. Reset step brings it "
     "back."},
    {"lesson.badge_not_shown", "Expected result: see Reset step"},
    {"lesson.badge_not_shown_help",
     "The step's expected result is what the core computes for the lesson's version of this step; the "
     "window shows something else now."},
    {"lesson.other_framework",
     "This step uses another framework's rules, which the window does not compute yet: the matrices show "
     "PyTorch's pooling."},
    {"lesson.untitled_step", "(a step without a title: add \"title\" in the file)"},
    {"lesson.recent_ignored_fmt", "The recent lessons list %s is damaged and was ignored."},
    {"lesson.recent_unwritable_fmt", "Cannot write the recent lessons list %s."},
    {"lesson.code", "Code"},
    {"lesson.copy_code", "Copy"},
    {"lesson.channels", "channels"},
    {"lesson.look_at_fmt", "Look at: %s"},
    {"lesson.shape_step", "This step has sizes only, larger than the matrix editor holds:"},
    {"lesson.dirty_help", "Changed in the app and not saved yet (Ctrl+S saves)"},
    {"lesson.reload_failed",
     "The file was changed on disk but does not load; still showing the last good version:"},
    {"lesson.reloaded", "The lesson changed on disk and was reloaded."},
    {"lesson.changed_on_disk_unsaved",
     "The file changed on disk, but the lesson has unsaved changes here: not reloaded. Saving (Ctrl+S) "
     "asks whether to keep both, take the file's version, overwrite it or save as another file."},
    {"lesson.picture_missing_fmt",
     "The step's picture \"%s\" was found neither next to the lesson nor among the sample pictures."},
    {"lesson.open_failed_help",
     "Fix the file in a text editor (poolscope check FILE says the same), then Try again."},
    {"lesson.try_again", "Try again"},
    {"lesson.dismiss", "Close"},
    {"lesson.warnings_fmt", "%d warning(s) in this file"},
    {"lesson.open_failed", "Cannot open the lesson:"},
    {"lesson.saved", "Lesson saved."},
    {"lesson.save_failed", "Cannot save the lesson:"},
    // The external-change question (model/lesson_conflict.h)
    {"lesson.conflict_ask", "The file changed on disk since it was opened: choose how to save."},
    {"lesson.conflict_title", "The file changed on disk"},
    {"lesson.conflict_fmt",
     "%s was changed by another program since PoolScope opened it, and the lesson has unsaved changes here."},
    {"lesson.conflict_keep_both", "Keep both"},
    {"lesson.conflict_keep_both_help",
     "Put the steps changed here into the file's version (not possible where both changed the same step)."},
    {"lesson.conflict_take_file", "Take the file's"},
    {"lesson.conflict_take_file_help", "Reload the file's version; the changes made here are dropped."},
    {"lesson.conflict_overwrite", "Overwrite"},
    {"lesson.conflict_overwrite_help",
     "Write this version over the file; the other program's changes are lost."},
    {"lesson.conflict_save_as", "Save as new file..."},
    {"lesson.conflict_save_as_help", "Write this version to another file; the changed file stays as it is."},
    {"lesson.conflict_cancel", "Cancel"},
    {"lesson.conflict_merged", "Merged with the file's changes and saved."},
    {"lesson.conflict_took_file", "Took the file's version; the changes made here were dropped."},
    {"lesson.dropped_unknown_fmt", "Cannot open %s: drop a lesson (.json) or a picture (PNG, JPEG, BMP)."},
    // Authoring
    {"lesson.author", "Author this lesson"},
    {"lesson.author_help",
     "Save what the editor shows now (input and parameters) into the lesson, then save the file. Other "
     "keys in the file are kept."},
    {"lesson.save_new_step", "Save as new step"},
    {"lesson.save_over_step", "Save over this step"},
    {"lesson.save", "Save"},
    {"lesson.save_as", "Save as…"},
    {"lesson.step_saved", "Step saved in the lesson (not yet in the file)."},
    {"lesson.step_failed", "Cannot save the step:"},
    // Unsaved changes
    {"lesson.unsaved_title", "Unsaved changes"},
    {"lesson.unsaved_fmt", "The lesson %s has changes that are not saved."},
    {"lesson.unsaved_quit", "Save them before quitting?"},
    {"lesson.unsaved_open", "Save them before opening another lesson?"},
    {"lesson.unsaved_save", "Save"},
    {"lesson.unsaved_discard", "Discard"},
    {"lesson.unsaved_cancel", "Cancel"},
    // Browser
    {"browser.title", "Lessons"},
    {"help.browser",
     "The lessons that come with PoolScope. Click one to read what it is about; double-click it (or press "
     "Enter) to open it. Teachers can write their own: see "
     "lessons/README.md, then File → Open lesson."},
    {"browser.lesson", "Lesson"},
    {"browser.languages", "Languages"},
    {"browser.steps", "Steps"},
    {"browser.file", "File"},
    {"browser.broken", "(does not load — hover for why)"},
    {"browser.none", "No lessons found."},
    {"browser.recent", "Recently opened"},
    // File picker
    // The browser page's link (--from-url, model/app_options.cpp say_url_notes).
    {"url.bad_step_fmt", "The link's step=%s is not a step number (1, 2, 3 …): the lesson starts at step 1."},
    {"url.step_past_end_fmt",
     "The link's step=%lld is past the lesson's last step (%lld): the lesson starts at step 1."},
};

}  // namespace

std::span<const TranslationEntry> lesson_english_table() {
    return kLessonEnglish;
}

}  // namespace poolscope::app
