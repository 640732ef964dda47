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

bool same_layer_as_step(const AppState& state, const LessonStep& step) {
    PoolParams mine = state.params;
    if (state.stride_follows_kernel) mine.stride.reset();
    return mine == step.params;
}

void lesson_cards(AppState& state, const LessonSession& session, const LessonStep& step) {
    QuizSession& q = state.quiz;
    // A question is about the step's layer: while the window shows another, it waits (Reset step).
    if (step.kind == StepKind::kPool && !same_layer_as_step(state, step)) return;
    // On the window's numbers when they have the step's shape ("new numbers"), else the step's own.
    const Tensor* input = step.input && step.input->shape() == state.input.shape() ? &state.input : nullptr;
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

void sync_quiz(AppState& state, const Playback& playback, const std::filesystem::path& settings_dir) {
    QuizSession& q = state.quiz;
    if (!q.scores_loaded) {
        LoadedQuizScores loaded = load_quiz_scores(settings_dir);
        q.scores = std::move(loaded.scores);
        q.scores_message = std::move(loaded.message);
        q.scores_loaded = true;
    }
    const LessonSession& session = state.lessons.session;
    const LessonStep* step = current_step(session);
    const bool lesson_quiz = step && !step->quiz.empty();
    const int64_t timeline_step = q.quiz_mode && !lesson_quiz ? playback.step : -1;
    if (q.for_state == state.generation && q.for_lesson == session.generation &&
        q.for_step == timeline_step && q.for_mode == q.quiz_mode)
        return;
    q.for_state = state.generation;
    q.for_lesson = session.generation;
    q.for_step = timeline_step;
    q.for_mode = q.quiz_mode;
    q.cards.clear();
    q.errors.clear();
    if (lesson_quiz) return lesson_cards(state, session, *step);
    if (!q.quiz_mode || !state.plan || step_count(state) == 0) return;
    Result<Question> made =
        make_question(QuestionKind::kValue, *state.plan, state.input, cell_of_step(state, playback.step));
    if (!made) {
        q.errors = made.errors();
        return;
    }
    QuizCard card;
    card.question = std::move(made).value();
    q.cards.push_back(std::move(card));
}

void check_card(AppState& state, size_t index, const std::filesystem::path& settings_dir) {
    QuizSession& q = state.quiz;
    if (index >= q.cards.size()) return;
    QuizCard& card = q.cards[index];
    if (card.question.kind == QuestionKind::kOutputShape) {
        card.answer.shape = {typed_int(card.shape_h).value_or(-1), typed_int(card.shape_w).value_or(-1)};
    }
    card.verdict = check_answer(card.question, card.answer);
    ++card.attempts;
    if (card.verdict->correct) card.revealed = true;
    if (card.id.empty() || !is_open(state.lessons.session)) return;
    q.scores.record(state.lessons.session.path.string(), card.id, card.verdict->correct);
    std::string error;
    if (!settings_dir.empty() && !save_quiz_scores(settings_dir, q.scores, error)) q.scores_message = error;
}

void reveal_card(AppState& state, size_t index) {
    if (index < state.quiz.cards.size()) state.quiz.cards[index].revealed = true;
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

void ask_with_new_numbers(AppState& state) {
    Result<Tensor> fresh = poolscope::quiz_new_numbers(state.input, state.quiz.seed++);
    if (fresh) set_input(state, std::move(fresh).value(), "quiz-new-numbers");
}

bool quiz_hides_cell(const AppState& state, int64_t oh, int64_t ow) {
    for (const QuizCard& card : state.quiz.cards) {
        const QuestionKind k = card.question.kind;
        if (card.revealed || k == QuestionKind::kChoice || k == QuestionKind::kOutputShape ||
            is_network_question(k))
            continue;
        if (card.question.cell.oh == oh && card.question.cell.ow == ow) return true;
    }
    return false;
}

bool quiz_hides_current_value(const AppState& state) {
    if (!state.plan || state.traced_step < 0) return false;
    const OutputCell cell = cell_of_step(state, state.traced_step);
    return quiz_hides_cell(state, cell.oh, cell.ow);
}

}  // namespace poolscope::app
