// Quiz cards: each question of the lesson step (or quiz mode's question about the current window) with its
// answer field — a number, H_out and W_out, a click on a small copy of the input, or a choice — then Check,
// the core's specific hint when wrong, Reveal, the explanation, "New numbers" and the lesson's score.
#include <algorithm>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "i18n/i18n.h"
#include "i18n/quiz_text.h"
#include "model/number_text.h"
#include "panels/panels.h"
#include "panels/quiz_view.h"
#include "widgets/cell_sheet.h"
#include "widgets/matrix_grid.h"
#include "widgets/palette.h"
#include "widgets/rich_text.h"
#include "widgets/ui_probe.h"

namespace poolscope::app {
namespace {

bool answer_has(const QuizCard& card, CellRef cell) {
    if (card.question.kind == QuestionKind::kArgmax) return card.answer.cell == cell;
    for (const CellRef& c : card.answer.cells)
        if (c == cell) return true;
    return false;
}

bool solution_has(const Question& q, CellRef cell) {
    if (q.kind == QuestionKind::kArgmax) return q.argmax == cell;
    for (const CellRef& c : q.cells)
        if (c == cell) return true;
    return false;
}

// The question's input plane, small, to click cells in: the window's cells outlined, the answer's cells
// filled, and after the reveal the right ones ringed.
void click_grid(PanelContext& ctx, QuizCard& card, float width) {
    const Question& q = card.question;
    if (q.input_plane.empty() || q.input_h <= 0 || q.input_w <= 0) return;
    const float cell = std::clamp(width / static_cast<float>(q.input_w), 1.2f * ImGui::GetFontSize(),
                                  2.4f * ImGui::GetFontSize());
    GridLayout g{0, 0, q.input_h, q.input_w, cell};
    const GridHit hit = begin_matrix_grid("##quiz_cells", g);
    remember_item(ctx.probe, "quiz.grid");
    CellSheet sheet(ImGui::GetWindowDrawList(), g, ctx.sheets);
    for (int64_t r = 0; r < q.input_h; ++r)
        for (int64_t c = 0; c < q.input_w; ++c) {
            const bool chosen = answer_has(card, CellRef{r, c});
            CellStyle style{chosen ? palette::kOutputCurrent : palette::kInputFill, palette::kInputBorder,
                            palette::kText};
            if (card.revealed && solution_has(q, CellRef{r, c}))
                style.border = palette::kArgmax, style.border_width = 3;
            const float v = q.input_plane[static_cast<size_t>(r * q.input_w + c)];
            sheet.add(r, c, style, cell_value_text(v, ctx.fonts.has_symbols).c_str(), ctx.fonts.numbers);
        }
    sheet.finish();
    if (hit.clicked && !card.revealed) click_quiz_cell(card, hit.row, hit.col);
}

void answer_field(PanelContext& ctx, QuizCard& card, size_t index, float width) {
    const Language language = current_language();
    bool enter = false;
    switch (card.question.kind) {
        case QuestionKind::kValue:
        case QuestionKind::kDivisor:
        case QuestionKind::kLayerShape:  // network questions are typed too ("1, 16, 5, 5", "6x6", "61706")
        case QuestionKind::kReceptiveField:
        case QuestionKind::kParameterCount: {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%s", card.answer.text.c_str());
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
            enter = ImGui::InputText("##answer", buf, sizeof buf, ImGuiInputTextFlags_EnterReturnsTrue);
            card.answer.text = buf;
            remember_item(ctx.probe, ("quiz.answer" + std::to_string(index)).c_str());
            break;
        }
        case QuestionKind::kOutputShape: {
            char h[16], w[16];
            std::snprintf(h, sizeof h, "%s", card.shape_h.c_str());
            std::snprintf(w, sizeof w, "%s", card.shape_w.c_str());
            ImGui::TextUnformatted("H_out");
            ImGui::SameLine();
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 3.5f);
            enter |= ImGui::InputText("##h_out", h, sizeof h, ImGuiInputTextFlags_EnterReturnsTrue);
            remember_item(ctx.probe, ("quiz.answer" + std::to_string(index)).c_str());
            ImGui::SameLine();
            ImGui::TextUnformatted("W_out");
            ImGui::SameLine();
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 3.5f);
            enter |= ImGui::InputText("##w_out", w, sizeof w, ImGuiInputTextFlags_EnterReturnsTrue);
            card.shape_h = h;
            card.shape_w = w;
            break;
        }
        case QuestionKind::kArgmax:
        case QuestionKind::kWindowCells:
            click_grid(ctx, card, width);
            break;
        case QuestionKind::kChoice:
            if (card.source)
                for (size_t i = 0; i < card.source->options.size(); ++i) {
                    ImGui::PushID(static_cast<int>(i));
                    const std::string option = card.source->options[i].get(language);
                    // The button, then its text wrapped beside it: options are sentences.
                    if (ImGui::RadioButton("##option", card.answer.choice == static_cast<int64_t>(i)) &&
                        !card.revealed)
                        card.answer.choice = static_cast<int64_t>(i);
                    remember_item(ctx.probe,
                                  ("quiz.choice" + std::to_string(index) + "." + std::to_string(i)).c_str());
                    ImGui::SameLine();
                    ImGui::PushTextWrapPos(0.0f);
                    ImGui::TextUnformatted(option.c_str());
                    ImGui::PopTextWrapPos();
                    ImGui::PopID();
                }
            break;
    }
    if (!card.revealed) {
        if (ImGui::Button(tr("quizui.check")) || enter)
            check_card(ctx.state.quiz, ctx.state.lessons.session, index, ctx.settings_dir);
        remember_item(ctx.probe, ("quiz.check" + std::to_string(index)).c_str());
        ImGui::SameLine();
        if (ImGui::Button(tr("quizui.reveal"))) reveal_card(ctx.state.quiz, index);
        remember_item(ctx.probe, ("quiz.reveal" + std::to_string(index)).c_str());
    }
}

void verdict_lines(const QuizCard& card) {
    if (card.verdict) {
        const Verdict& v = *card.verdict;
        ImGui::TextColored(v.correct ? palette::kGoodText : palette::kErrorText, "%s",
                           v.correct ? tr("quizui.right") : tr("quizui.wrong"));
        const std::string hint = quiz_text(card_hint(card, current_language()));
        if (!hint.empty()) ImGui::TextWrapped("%s", hint.c_str());
    }
    if (!card.revealed) return;
    ImGui::TextColored(palette::kHeading, "%s", quiz_text(card_answer(card, current_language())).c_str());
    for (const QuizText& line : explain(card.question))
        ImGui::TextColored(palette::kMuted, "%s", quiz_text(line).c_str());
    if (card.source && !card.source->explanation.empty())
        draw_rich_text(card.source->explanation.get(current_language()));
}

}  // namespace

void draw_quiz_cards(PanelContext& ctx) {
    QuizSession& q = ctx.state.quiz;
    if (q.cards.empty() && q.errors.empty()) return;
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::PushTextWrapPos(0.0f);
    for (const Error& e : q.errors)
        ImGui::TextColored(palette::kErrorText, "%s", e.message.c_str());
    bool new_numbers = false;
    for (size_t i = 0; i < q.cards.size(); ++i) {
        QuizCard& card = q.cards[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::Separator();
        const std::string prompt = card.source && !card.source->prompt.empty()
                                       ? card.source->prompt.get(current_language())
                                       : quiz_text(card.question.prompt);
        ImGui::TextColored(palette::kHeading, "%s %s", tr("quizui.question"), prompt.c_str());
        answer_field(ctx, card, i, width);
        verdict_lines(card);
        new_numbers |= card.question.kind != QuestionKind::kChoice &&
                       card.question.kind != QuestionKind::kOutputShape && !card.question.input_plane.empty();
        ImGui::PopID();
    }
    if (new_numbers && ImGui::Button(tr("quizui.new_numbers")))
        ask_with_new_numbers(ctx.state.quiz, ctx.state.doc, ctx.state.interaction);
    remember_item(ctx.probe, "quiz.new_numbers");
    const LessonSession& session = ctx.state.lessons.session;
    if (is_open(session) && !q.cards.empty() && !q.cards[0].id.empty()) {
        if (const LessonScore* score = q.scores.lesson(session.path.string()))
            ImGui::TextColored(palette::kMuted, tr("quizui.score_fmt"), score->right(), score->answered(),
                               score->right_first_try());
    }
    if (!q.scores_message.empty()) ImGui::TextColored(palette::kMuted, "%s", q.scores_message.c_str());
    ImGui::PopTextWrapPos();
}

}  // namespace poolscope::app
