// Predict, then reveal, in the window: the open lesson step's quiz questions (lesson "quiz" key), or in quiz
// mode a question about every window as the timeline reaches it — answered before the result shows, checked
// by the core (quiz.h) with a specific hint, revealed on request, scored per lesson in the settings folder.
// GUI-free: the lesson column and the step panel draw the cards.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/quiz_scores.h"
#include "poolscope/language.h"
#include "poolscope/lesson.h"
#include "poolscope/quiz.h"
#include "poolscope/quiz_hidden.h"

namespace poolscope::app {

struct Computed;
struct Document;
struct Interaction;
struct LessonSession;
struct Playback;

// One question on screen and the student's answer so far.
struct QuizCard {
    std::string id;  // the score's question id ("step/question"); empty in quiz mode
    Question question;
    std::optional<StepQuestion>
        source;                      // the lesson's wording (prompt, options, explanation); none in quiz mode
    QuizAnswer answer;               // typed text, clicked cells, the choice
    std::string shape_h, shape_w;    // output_shape as typed
    std::optional<Verdict> verdict;  // the last check
    bool revealed = false;           // the answer is shown (after a right answer or on request)
    int attempts = 0;
};

struct QuizSession {
    bool quiz_mode = false;       // ask about every window before its value shows
    std::vector<QuizCard> cards;  // the step's questions, or quiz mode's one
    std::vector<Error> errors;    // a question the core cannot ask here (shown instead)
    bool reveal_all = false;      // --reveal: every card opens revealed (a teacher's answer slides)
    uint32_t seed = 1;            // "new numbers": the next seed
    QuizScores scores;            //
    bool scores_loaded = false;   //
    std::string scores_message;   // a scores file set aside, or a save that failed
    // What the cards were made from: rebuilt when any changes.
    uint64_t for_state = ~uint64_t{0}, for_lesson = ~uint64_t{0};
    int64_t for_step = -1;
    bool for_mode = false;
};

// Rebuilds the cards when the lesson step, the window's layer or input, the timeline step (quiz mode) or the
// mode changed. A lesson step's questions are asked while the window shows that step's layer (on the
// window's numbers, so "new numbers" asks again); otherwise quiz mode asks the current window's value.
void sync_quiz(QuizSession& q, const LessonSession& session, const Document& doc, const Computed& computed,
               const Playback& playback, const std::filesystem::path& settings_dir);

// Checks the card's answer (counting an attempt and, for a lesson question, its score, saved to
// `settings_dir` when not empty); a right answer reveals.
void check_card(QuizSession& q, const LessonSession& session, size_t index,
                const std::filesystem::path& settings_dir);
void reveal_card(QuizSession& q, size_t index);
// A click on input cell (h, w) for an argmax question (replaces) or a window-cells question (toggles).
void click_quiz_cell(QuizCard& card, int64_t h, int64_t w);
// "Try again with new numbers": a seeded input of the same shape in the window (an undoable edit).
void ask_with_new_numbers(QuizSession& q, Document& doc, Interaction& interaction);

// What the open cards hide, in every view (poolscope/quiz_hidden.h has the rule): a card is open until it is
// answered right or revealed. Every place that shows a number or a shape asks this before it does.
QuizHidden quiz_hidden(const QuizSession& quiz);
// The same rule for the two places that asked before it (the matrices panel and the step panel): the value of
// output cell (oh, ow) in any channel, and anything about the traced (current) window.
bool quiz_hides_cell(const QuizSession& q, int64_t oh, int64_t ow);
bool quiz_hides_current_value(const QuizSession& q, const Computed& computed);

// Stops a playing timeline on the first window from step `from` on that an open question hides something
// about (playing on would show its result, and quiz mode's next question would replace the open one); with
// the output shape hidden it does not move at all (where the windows end would tell the shape). Returns
// whether it held the timeline back.
bool hold_at_open_question(const QuizSession& q, const Computed& computed, Playback& playback, int64_t from);

// Whether the lesson step's `reveal` text is shown: the step has one, and every question of its quiz is
// answered right or revealed (a step without questions shows it at once).
bool step_reveal_shown(const LessonSession& session, const QuizSession& q);
// The card's hint and answer as the student reads them: a lesson's choice named by its option's text and the
// lesson's `why` (lesson_quiz_text in the core); other cards as the core checked them.
QuizText card_hint(const QuizCard& card, Language language);
QuizText card_answer(const QuizCard& card, Language language);

}  // namespace poolscope::app
