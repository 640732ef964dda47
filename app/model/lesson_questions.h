// The current step's quiz questions written from the window (issue 29): "Ask about…" an output cell's value,
// divisor or winning cell, the output shape, or a multiple choice, each with its answer recorded by the core
// (never typed); prompts in English and Chinese, reordered and deleted. Every change is a lesson edit
// (commit_lesson_edit: undoable, re-checked, saved as the step's "quiz"). GUI-free; the authoring panel and
// the matrices' right-click menu call these through model/lesson_authoring.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/lesson_session.h"
#include "poolscope/language.h"
#include "poolscope/quiz.h"
#include "poolscope/result.h"
#include "poolscope/trace.h"

namespace poolscope::app {

// The kinds "Ask about…" offers on a pool step, in the menu's order (a shape step: the shape and a choice).
inline constexpr QuestionKind kAskableKinds[] = {QuestionKind::kValue,       QuestionKind::kDivisor,
                                                 QuestionKind::kArgmax,      QuestionKind::kWindowCells,
                                                 QuestionKind::kOutputShape, QuestionKind::kChoice};
// Whether a kind asks about one output cell (value, divisor, winning cell, the cells its window reads).
bool question_about_a_cell(QuestionKind kind);

// The cell as the step's questions write it: [h, w], or [c, h, w] (channel c > 0), or [n, c, h, w] (n > 0),
// as lessons write them by hand.
std::vector<int64_t> written_cell(const LessonStep& step, OutputCell cell);

// Why the current step cannot be asked a question of `kind` about `cell` (choice questions need no cell and
// are always possible), for the menu to grey the item out and say why.
enum class AskBlock {
    kNone,           // it can
    kNoStep,         // no lesson is open
    kNoMatrix,       // a shape step asks only the output shape; a network step only a choice here
    kNeedsMaxOp,     // argmax: a max op
    kNeedsAvgOp,     // divisor: an average op
    kOutsideOutput,  // the cell is not in the step's output
    kLayerRejected,  // the step's layer does not plan (its framework refuses it)
    kAlreadyAsked,   // the step already asks exactly this
};
AskBlock why_not_ask(const LessonSession& session, QuestionKind kind, OutputCell cell);

// Appends the question to the current step with the answer the core computes (a choice keeps the author's
// right option).
Result<bool> add_question(LessonSession& session, const QuestionDraft& draft);
// The prompt of question `index` in `language` as written (no fallback), and setting it (empty: the core's
// own prompt for that language, or the other language's); `merge_with_last` makes one typing session one
// undo entry.
std::string question_prompt(const LessonSession& session, size_t index, Language language);
Result<bool> set_question_prompt_text(LessonSession& session, size_t index, Language language,
                                      const std::string& text, bool merge_with_last = false);
// Moves question `index` one place up (delta -1) or down (+1); deletes it.
Result<bool> move_question(LessonSession& session, size_t index, int delta);
Result<bool> delete_question(LessonSession& session, size_t index);

// What the editor shows of one question of the current step, worded by the caller (QuizText codes, as the
// quiz cards word them).
struct QuestionSummary {
    QuestionKind kind = QuestionKind::kValue;
    std::vector<int64_t> cell;   // as written (empty: the step's focus cell)
    QuizText core_prompt;        // what the student reads when the lesson gives no prompt
    QuizText answer;             // the recorded answer, as the reveal words it (a choice: its option)
    bool answer_matches = true;  // the recorded answer is still what the core computes
    std::string recorded;        // the answer as the file writes it ("4.5", "[1, 2]"), for when it is not
    std::vector<LocalizedText> options;  // a choice's options and which is right
    int64_t right_option = -1;
    std::string error;  // the core cannot ask it any more (why), in English
};
std::vector<QuestionSummary> question_summaries(const LessonSession& session, Language language);

}  // namespace poolscope::app
