// The lesson player's windows (what they do is in model/lesson_player.h; their keys, PgUp/PgDn, Ctrl+O,
// Ctrl+S, are in panels/actions_table.h): the column at the main window's right with the File menu's lesson
// items (lesson_panel.cpp) and "Author this lesson" (lesson_authoring.cpp), the browser (lesson_browser.cpp),
// and the dialogs: Open / Save as through the file dialog (panels/file_dialog_window.h), the unsaved-changes
// question and the external-change question (lesson_dialogs.cpp).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/lesson_player.h"
#include "panels/file_dialog_window.h"
#include "panels/question_authoring.h"
#include "panels/window.h"
#include "widgets/wrapped_input.h"

namespace poolscope::app {

// What the authoring text fields hold between frames: a copy of the lesson's texts, refreshed when the
// lesson changes while no field is being typed in (the field's own edits change the lesson too, one
// keystroke at a time).
struct AuthoringTexts {
    static constexpr int kFields = 3;        // lesson title, step title, narration
    std::string text[kFields][2];            // [field][0 = English, 1 = Chinese]
    uint64_t generation = ~uint64_t{0};      // the session generation they were read at
    bool typing = false;                     // a field was active last frame
    bool merge = false;                      // this typing session has already made its undo entry
    std::optional<Language> tab_chosen_for;  // the interface language the tab was last chosen for
    WrappedInput narration_field[2];         // the narration editors' wrapped text (English, Chinese)
    QuestionTexts questions;                 // the step's questions (question_editor.cpp)
};

// The column, while a lesson is open (or one failed to open): title, narration, badge, step navigation,
// the quiz cards and "Author this lesson".
class LessonColumn final : public Window {
  public:
    static constexpr const char* kId = "lesson";
    LessonColumn();
    float width(const PanelContext& ctx) const override;
    void draw(PanelContext& ctx) override;
    void draw_menu_items(PanelContext& ctx) override;  // new, open, browse, recent, save, save as, close

  private:
    AuthoringTexts texts_;
    size_t reveal_step_ = SIZE_MAX;  // the step whose quiz reveal was drawn last frame (it scrolls into view
    int reveal_scrolls_ = 0;  // as it appears, over a few frames: the column learns its new height late)
};

// "Author this lesson" at the foot of the column (lesson_authoring.cpp).
void draw_lesson_authoring(PanelContext& ctx, AuthoringTexts& texts);
// After an edit that left steps failing (LessonSession::broken_by_edit, issue 29): which, and one click to
// re-record them or to take the edit back. Under the step's badge, or under the authoring buttons while
// those are open (where the edit was made).
void broken_steps_banner(PanelContext& ctx);

// File → Browse lessons: the shipped lessons (read when it opens) and the recent ones.
class LessonBrowser final : public Window {
  public:
    static constexpr const char* kId = window_id::kLessonBrowser;
    LessonBrowser();
    void draw(PanelContext& ctx) override;

  private:
    std::vector<BrowserEntry> rows_;  // scan_lessons() of the lessons folder, when the window opened
    bool shown_ = false;              // it was open last frame
};

// File → Open lesson (Ctrl+O) and Save lesson as (Ctrl+Shift+S), from wherever they are asked for.
void show_open_lesson(PanelContext& ctx);
void show_save_lesson_as(PanelContext& ctx);
// Save (Ctrl+S): where it came from, or asks where for a lesson never saved.
void save_or_ask_where(PanelContext& ctx);
// The file dialog asking where to save a lesson (.json, `name` suggested in `dir`); `then` gets the file.
void ask_where_to_save(PanelContext& ctx, const std::filesystem::path& dir, std::string name,
                       const char* asked_by, FileChosen then);

}  // namespace poolscope::app
