// Questions written in the app (issue 29), the drawing side of model/lesson_questions.h: the "Questions on
// this step" list under "Author this lesson" with its "Ask about…" menu (question_editor.cpp), the same menu
// on a right-click over an output cell, and the multiple-choice dialog (choice_question_dialog.cpp).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/lesson_questions.h"
#include "panels/window.h"

namespace poolscope::app {

// What the question list holds between frames: each prompt as typed (refreshed from the lesson when it
// changes while no prompt field is being typed in), and the questions' summaries for the lesson's generation
// and the interface's language.
struct QuestionTexts {
    std::vector<std::array<std::string, 2>> prompts;  // [question][0 = English, 1 = Chinese]
    uint64_t generation = ~uint64_t{0};               // the session generation they were read at
    std::vector<QuestionSummary> shown;               //
    uint64_t shown_generation = ~uint64_t{0};         //
    std::optional<Language> shown_language;           //
    size_t shown_step = SIZE_MAX;                     // the step they are of
    std::optional<size_t> scroll_to;                  // a question just added: the column shows it once
    bool typing = false;                              // a prompt field was active last frame
    bool merge = false;                               // this typing session has made its undo entry
};

// The current step's questions: what each asks, its recorded answer, its prompts in both languages, up,
// down, delete; and "Ask about…".
void draw_question_editor(PanelContext& ctx, QuestionTexts& texts);

// Each output grid calls this once a frame, after its cells: a right-click on output cell `cell` while the
// lesson is being authored opens the Ask menu for that cell (one popup per grid, in the grid's ID scope).
void ask_about_output_cell(PanelContext& ctx, bool right_clicked, OutputCell cell);

// The multiple-choice question's dialog: its prompt and options in both languages, the right option, why
// each wrong one is wrong; "Add question" asks it on the current step.
class ChoiceQuestionDialog final : public Window {
  public:
    static constexpr const char* kId = "choice_question";
    ChoiceQuestionDialog();
    void draw(PanelContext& ctx) override;

  private:
    void reset();
    LocalizedText prompt_;
    std::vector<LocalizedText> options_, whys_;
    int right_ = 0;
    std::string problem_;                     // why "Add question" did not add it (translated)
    std::optional<Language> tab_chosen_for_;  // the interface language the tab was chosen for
    bool shown_ = false;                      // it was up last frame (opening anew starts empty)
};

}  // namespace poolscope::app
