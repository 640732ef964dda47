// QuizSession behaviour: cards made from the lesson step or the current window, answers checked by the
// core, scores recorded per lesson and saved.
#include "model/quiz_session.h"

#include <algorithm>
#include <charconv>

#include "model/app_state.h"
#include "model/lesson_session.h"
#include "model/playback.h"

namespace poolscope::app {
namespace {

bool same_layer_as_step(const Document& doc, const LessonStep& step) {
    PoolParams mine = doc.params;
    if (doc.stride_follows_kernel) mine.stride.reset();
    return mine == step.params;
}

void lesson_cards(QuizSession& q, const Document& doc, const LessonSession& session, const LessonStep& step) {
    // A question is about the step's layer: while the window shows another, it waits (Reset step).
    if (step.kind == StepKind::kPool && !same_layer_as_step(doc, step)) return;
    // On the window's numbers when they have the step's shape ("new numbers"), else the step's own.
    const Tensor* input = step.input && step.input->shape() == doc.input.shape() ? &doc.input : nullptr;
    for (size_t i = 0; i < step.quiz.size(); ++i) {
        Result<Question> made = make_step_question(step, i, input);
        if (!made) {
            for (const Error& e : made.errors())
                q.errors.push_back(e);
            continue;
        }
        QuizCard card;
        card.id = quiz_question_id(session.step, i);
        card.question = std::move(made).value();
        card.source = step.quiz[i];
        q.cards.push_back(std::move(card));
    }
}

std::optional<int64_t> typed_int(const std::string& text) {
    std::string t = text;
    t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
    int64_t v = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || end != t.data() + t.size() || t.empty()) return std::nullopt;
    return v;
}

}  // namespace

void sync_quiz(QuizSession& q, const LessonSession& session, const Document& doc, const Computed& computed,
               const Playback& playback, const std::filesystem::path& settings_dir) {
    if (!q.scores_loaded) {
        LoadedQuizScores loaded = load_quiz_scores(settings_dir);
        q.scores = std::move(loaded.scores);
        q.scores_message = std::move(loaded.message);
        q.scores_loaded = true;
    }
    const LessonStep* step = current_step(session);
    const bool lesson_quiz = step && !step->quiz.empty();
    const int64_t timeline_step = q.quiz_mode && !lesson_quiz ? playback.step : -1;
    // A network step's questions are about the step's own network: the student's edits in the Network view
    // (which move the document on) keep the cards and what is typed in them.
    const uint64_t state_key = step && step->kind == StepKind::kNetwork ? 0 : computed.generation;
    if (q.for_state == state_key && q.for_lesson == session.generation && q.for_step == timeline_step &&
        q.for_mode == q.quiz_mode)
        return;
    q.for_state = state_key;
    q.for_lesson = session.generation;
    q.for_step = timeline_step;
    q.for_mode = q.quiz_mode;
    q.cards.clear();
    q.errors.clear();
    if (lesson_quiz) {
        lesson_cards(q, doc, session, *step);
    } else if (q.quiz_mode && computed.plan && step_count(computed) > 0) {
        Result<Question> made = make_question(QuestionKind::kValue, *computed.plan, doc.input,
                                              cell_of_step(computed, playback.step));
        if (!made) {
            q.errors = made.errors();
            return;
        }
        QuizCard card;
        card.question = std::move(made).value();
        q.cards.push_back(std::move(card));
    }
    for (QuizCard& card : q.cards)  // --reveal: the answer key
        card.revealed = card.revealed || q.reveal_all;
}

void check_card(QuizSession& q, const LessonSession& session, size_t index,
                const std::filesystem::path& settings_dir) {
    if (index >= q.cards.size()) return;
    QuizCard& card = q.cards[index];
    if (card.question.kind == QuestionKind::kOutputShape) {
        card.answer.shape = {typed_int(card.shape_h).value_or(-1), typed_int(card.shape_w).value_or(-1)};
    }
    card.verdict = check_answer(card.question, card.answer);
    ++card.attempts;
    if (card.verdict->correct) card.revealed = true;
    if (card.id.empty() || !is_open(session)) return;
    q.scores.record(session.path.string(), card.id, card.verdict->correct);
    std::string error;
    if (!settings_dir.empty() && !save_quiz_scores(settings_dir, q.scores, error)) q.scores_message = error;
}

void reveal_card(QuizSession& q, size_t index) {
    if (index < q.cards.size()) q.cards[index].revealed = true;
}

void click_quiz_cell(QuizCard& card, int64_t h, int64_t w) {
    const CellRef cell{h, w};
    if (card.question.kind == QuestionKind::kArgmax) {
        card.answer.cell = cell;
        return;
    }
    std::vector<CellRef>& cells = card.answer.cells;
    const auto it = std::find(cells.begin(), cells.end(), cell);
    if (it == cells.end())
        cells.push_back(cell);
    else
        cells.erase(it);
}

void ask_with_new_numbers(QuizSession& q, Document& doc, Interaction& interaction) {
    Result<Tensor> fresh = poolscope::quiz_new_numbers(doc.input, q.seed++);
    if (fresh) set_input(doc, interaction, std::move(fresh).value(), "quiz-new-numbers");
}

QuizHidden quiz_hidden(const QuizSession& quiz) {
    std::vector<const Question*> open;
    for (const QuizCard& card : quiz.cards)
        if (!card.revealed) open.push_back(&card.question);
    return hidden_by(open);
}

bool hold_at_open_question(const QuizSession& q, const Computed& computed, Playback& playback, int64_t from) {
    if (playback.step <= from) return false;  // stepped back or stayed: nothing new shown
    const QuizHidden hidden = quiz_hidden(q);
    int64_t stop = hidden.output_shape ? from : playback.step + 1;
    for (const HiddenWindow& w : hidden.windows) {  // any channel: the timeline steps all channels at once
        const int64_t s = step_of_cell(computed, w.cell.oh, w.cell.ow);
        if (s >= from) stop = std::min(stop, s);  // one at `from` holds it there: answer, then play on
    }
    if (stop > playback.step) return false;
    playback.step = stop;
    playback.playing = false;
    playback.time_left = 0.0f;
    return true;
}

bool quiz_hides_cell(const QuizSession& q, int64_t oh, int64_t ow) {
    for (const HiddenWindow& w : quiz_hidden(q).windows)
        if (w.value && w.cell.oh == oh && w.cell.ow == ow) return true;
    return false;
}

bool quiz_hides_current_value(const QuizSession& q, const Computed& computed) {
    if (!computed.plan || computed.traced_step < 0) return false;
    const OutputCell cell = cell_of_step(computed, computed.traced_step);
    for (const HiddenWindow& w : quiz_hidden(q).windows)
        if (w.cell.oh == cell.oh && w.cell.ow == cell.ow) return true;
    return false;
}

bool step_reveal_shown(const LessonSession& session, const QuizSession& q) {
    const LessonStep* step = current_step(session);
    if (!step || step->reveal.empty()) return false;
    if (step->quiz.empty()) return true;
    // The step's own cards (quiz mode's card has no id): while the window shows another layer there are none.
    const std::vector<QuizCard>& cards = q.cards;
    if (cards.empty() || cards.front().id.empty()) return false;
    return std::all_of(cards.begin(), cards.end(), [](const QuizCard& c) { return c.revealed; });
}

QuizText card_hint(const QuizCard& card, Language language) {
    if (!card.verdict) return {};
    return card.source ? lesson_quiz_text(*card.source, card.verdict->hint, language) : card.verdict->hint;
}

QuizText card_answer(const QuizCard& card, Language language) {
    const QuizText reveal =
        card.verdict ? card.verdict->reveal : check_answer(card.question, QuizAnswer{}).reveal;
    return card.source ? lesson_quiz_text(*card.source, reveal, language) : reveal;
}

}  // namespace poolscope::app
