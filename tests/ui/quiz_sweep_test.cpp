// Predict, then reveal, over every shipped quiz step (issue 26): each step opened fresh, in English and
// Chinese, is read back through the state report's layout.screen_text (every text the frame draws, tooltips
// included) while the mouse hovers every output cell, after Copy output and with Compare frameworks and the
// A/B view open; no open question's answer may be anywhere. The input is also shifted by 5/16 so that every
// value is a number no label, index or size could be (4 -> 4.3125), and the values are looked for as the app
// writes them (cell, hover and arithmetic forms). After Reveal the same search must find them, so the search
// can see.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "headless_app.h"
#include "i18n/i18n.h"
#include "model/gradient_view.h"
#include "model/lesson_player.h"
#include "model/number_text.h"
#include "model/quiz_session.h"
#include "model/view.h"
#include "panels/edit_commands.h"
#include "shipped_lessons.h"

namespace poolscope::app::testing {
namespace {

// One text the screen showed, and where: a panel, a grid ("grid.output0" with its cell), "tooltip@c,oh,ow"
// for an output cell's tooltip, "clipboard", "compare.*".
struct Seen {
    std::string panel;
    std::string text;
    int64_t row = -1, col = -1;
};

// The panel a text came from, without the view it was seen in ("compare.lesson" -> "lesson").
std::string base_panel(const std::string& panel) {
    for (const char* view : {"compare.", "backward.", "unpool.", "ab."})
        if (panel.rfind(view, 0) == 0) return panel.substr(std::string(view).size());
    return panel;
}

bool is_digit_or_dot(char c) {
    return (c >= '0' && c <= '9') || c == '.';
}

// `needle` in `text` as a whole number: no digit or decimal point glued to either side.
bool has_number(const std::string& text, const std::string& needle) {
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
        const bool left = at > 0 && is_digit_or_dot(text[at - 1]) && !(needle[0] == '.');
        const size_t end = at + needle.size();
        // "4." ending a sentence is still the number 4; "4.5" is not.
        const bool right = end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) ||
                                                 (text[end] == '.' && end + 1 < text.size() &&
                                                  std::isdigit(static_cast<unsigned char>(text[end + 1]))));
        if (!left && !right) return true;
    }
    return false;
}

class QuizSweep : public HeadlessApp, public ::testing::WithParamInterface<Language> {
  protected:
    void settle() {
        for (int i = 0; i < 16; ++i) {
            FrameInput input;
            input.dt = 1.0f;  // animations end, as a screenshot's do
            input.now = ImGui::GetTime();
            ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
            const FrameResult result = run_frame(a, std::move(input));
            if (i >= 3 && !result.layout_changed) break;
        }
    }

    void take_screen(std::vector<Seen>& seen, const std::string& rename = {}) {
        const nlohmann::json shown = report();  // kept: a range-for over report()[...] would dangle
        for (const auto& item : shown["layout"]["screen_text"]) {
            Seen s{rename.empty() ? item["panel"].get<std::string>() : rename,
                   item["text"].get<std::string>()};
            if (item.contains("cell")) s.row = item["cell"][0], s.col = item["cell"][1];
            seen.push_back(std::move(s));
        }
    }

    // Everything the step shows: the screen, each output cell's tooltip under the mouse, Copy output, and
    // the Compare frameworks view.
    std::vector<Seen> everything_shown() {
        std::vector<Seen> seen;
        settle();
        take_screen(seen);
        if (a.state.computed.plan && a.probe.anchors.count("grid.output0")) {
            const Shape out = a.state.computed.plan->output;
            const Shape in = a.state.doc.input.shape();
            for (int64_t c = 0; c < in.c; ++c) {
                const std::string grid = "grid.output" + std::to_string(c);
                if (!a.probe.anchors.count(grid)) continue;
                for (int64_t oh = 0; oh < std::min<int64_t>(out.h, 8); ++oh)
                    for (int64_t ow = 0; ow < std::min<int64_t>(out.w, 8); ++ow) {
                        const ScreenRect r = a.probe.anchors.at(grid);
                        ImGui::GetIO().MousePos = ImVec2(r.x + (float(ow) + 0.5f) * r.w / float(out.w),
                                                         r.y + (float(oh) + 0.5f) * r.h / float(out.h));
                        frames(2);
                        const nlohmann::json shown = report();
                        for (const auto& item : shown["layout"]["screen_text"])
                            if (item["panel"] == "tooltip")
                                seen.push_back({"tooltip@" + std::to_string(c) + "," + std::to_string(oh) +
                                                    "," + std::to_string(ow),
                                                item["text"].get<std::string>()});
                    }
            }
            ImGui::GetIO().MousePos = ImVec2(-1, -1);
        }
        ImGui::SetClipboardText("");
        copy_output(a.state.computed, a.state.quiz, a.state.view, a.state.interaction);
        seen.push_back({"clipboard", ImGui::GetClipboardText()});
        for (PassView pass : {PassView::kBackward, PassView::kUnpool}) {  // the gradient and MaxUnpool views
            a.state.gradient.pass = pass;
            settle();
            std::vector<Seen> other;
            take_screen(other);
            for (Seen& s : other)
                s.panel = (pass == PassView::kBackward ? "backward." : "unpool.") + s.panel;
            seen.insert(seen.end(), other.begin(), other.end());
        }
        a.state.gradient.pass = PassView::kForward;
        open_window(a.state.view, window_id::kCompare);
        settle();
        std::vector<Seen> compare;
        take_screen(compare);
        for (Seen& s : compare)
            s.panel = "compare." + s.panel;
        seen.insert(seen.end(), compare.begin(), compare.end());
        close_window(a.state.view, window_id::kCompare);
        // The A/B view (issue 29): the step's layer beside itself with one setting changed, or the step's own
        // "compare"; its grids and reasons hold back what an open question asks.
        const bool ab_was_open = window_open(a.state.view, window_id::kAbSettings);
        open_window(a.state.view, window_id::kAbSettings);
        settle();
        std::vector<Seen> ab;
        take_screen(ab);
        for (Seen& s : ab)
            s.panel = "ab." + s.panel;
        seen.insert(seen.end(), ab.begin(), ab.end());
        set_window_open(a.state.view, window_id::kAbSettings, ab_was_open);
        settle();
        return seen;
    }

    // The forms a value is written in on screen: a cell's, a hover's, the arithmetic's.
    std::vector<std::string> value_forms(float v) const {
        const bool symbols = a.fonts.has_symbols;
        std::vector<std::string> forms{cell_value_text(v, symbols), exact_value_text(v, symbols),
                                       arithmetic_value_text(v, symbols)};
        std::sort(forms.begin(), forms.end());
        forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
        return forms;
    }

    // Whether `s` may show output values at all: the input grid always may; an output cell and its
    // tooltip may unless its own value is hidden (then it must be blank).
    static bool cell_of(const Seen& s, OutputCell& cell) {
        int c = 0, oh = 0, ow = 0;
        if (s.panel.rfind("grid.output", 0) == 0 && s.row >= 0) {
            cell = {0, std::stoll(s.panel.substr(11)), s.row, s.col};
            return true;
        }
        if (s.panel.rfind("compare.compare_values", 0) == 0 &&
            s.row >= 0) {  // Compare: channel 0 of each framework
            cell = {0, 0, s.row, s.col};
            return true;
        }
        for (const char* grid :
             {"abview.grid.a.values", "abview.grid.b.values"})  // A/B: channel 0, both sides
            if (s.panel.find(grid) != std::string::npos && s.row >= 0) {
                cell = {0, 0, s.row, s.col};
                return true;
            }
        if (std::sscanf(s.panel.c_str(), "tooltip@%d,%d,%d", &c, &oh, &ow) == 3) {
            cell = {0, c, oh, ow};
            return true;
        }
        return false;
    }

    // What an open question's answer looks like wherever it would leak; each found is a problem. `values`:
    // also search value answers everywhere (only meaningful on the shifted input, whose values are unlike
    // any other number on screen).
    std::vector<std::string> leaks(const std::vector<Seen>& seen, bool values) const {
        std::vector<std::string> problems;
        const QuizHidden hidden = quiz_hidden(a.state.quiz);
        // Each panel's texts joined too: narration is drawn a word at a time ("(1, " "1)").
        std::map<std::string, std::string> joined;
        for (const Seen& s : seen)
            if (s.row < 0) joined[s.panel] += s.text;
        auto report_if = [&](bool found, const std::string& what, const std::string& where) {
            if (found) problems.push_back(what + " in " + where);
        };
        for (const QuizCard& card : a.state.quiz.cards) {
            if (card.revealed) continue;
            const Question& q = card.question;
            if (q.kind == QuestionKind::kOutputShape) {
                const std::string h = std::to_string(q.shape.h), w = std::to_string(q.shape.w);
                // The step's own text may name a window of the same size ("a 2×2 window" over a 3×3 X):
                // that is the kernel, and `poolscope check --strict` judges the lesson's words.
                const bool kernel_alike = a.state.doc.params.kernel_size == q.shape;
                for (const std::string& form : {h + " × " + w, h + "×" + w, h + " x " + w, "instead of " + h,
                                                "instead of " + w, "而不是 " + h, "而不是 " + w})
                    for (const auto& [panel, text] : joined) {
                        const bool lesson_text = base_panel(panel) == "lesson" || base_panel(panel) == "code";
                        if (!(kernel_alike && lesson_text))
                            report_if(has_number(text, form), "shape \"" + form + "\"", panel);
                    }
            }
            if (q.kind == QuestionKind::kDivisor) {
                const std::string d = std::to_string(q.divisor);
                for (const std::string& form : {"/ " + d, "/" + d, "÷ " + d, "÷" + d})
                    for (const auto& [panel, text] :
                         joined)  // the Output size formula's "/ stride" is not it
                        if (base_panel(panel) != "formula")
                            report_if(has_number(text, form), "divisor \"" + form + "\"", panel);
            }
        }
        // Backward and MaxUnpool would answer a forward question (where the gradient goes, which maxima come
        // back): both say they wait instead.
        if (!hidden.windows.empty() || hidden.output_shape)
            for (const char* pass : {"backward.matrices", "unpool.matrices"})
                report_if(!joined.count(pass) ||
                              joined.at(pass).find(tr("quizui.backward_waits")) == std::string::npos,
                          "the grids, not the notice that they wait,", pass);
        for (const Seen& s : seen) {  // an output cell or its tooltip whose value is hidden shows none
            OutputCell cell;
            if (!cell_of(s, cell) || !hidden.hides_value(cell)) continue;
            // Unshifted, a tooltip's "(0, 1)" reads like the value 1: its values are judged shifted.
            if (!values && s.panel.rfind("tooltip@", 0) == 0) continue;
            const float v = a.state.computed.output.values.at(0, cell.c, cell.oh, cell.ow);
            for (const std::string& form : value_forms(v))
                report_if(has_number(s.text, form), "hidden value " + form, s.panel);
        }
        if (!values) return problems;
        for (const HiddenWindow& w : hidden.windows) {
            if (!w.value) continue;
            const float v = a.state.computed.output.values.at(0, w.cell.c, w.cell.oh, w.cell.ow);
            for (const std::string& form : value_forms(v))
                for (const auto& [panel, text] : joined) {
                    if (panel.rfind("tooltip@", 0) == 0) {  // another cell's tooltip shows its own value
                        OutputCell cell;
                        cell_of(Seen{panel, "", -1, -1}, cell);
                        if (!hidden.hides_value(cell)) continue;
                    }
                    // An input value the window's arithmetic quotes is a given, even when it equals the
                    // answer (a maximum always does): there the answer is only its "= v".
                    const bool a_given = input_holds(v, w.cell.c);
                    report_if(has_number(text, a_given ? "= " + form : form),
                              "value " + form + " of (" + std::to_string(w.cell.oh) + ", " +
                                  std::to_string(w.cell.ow) + ")",
                              panel);
                }
        }
        return problems;
    }

    bool input_holds(float v, int64_t channel) const {
        const Shape in = a.state.doc.input.shape();
        for (int64_t h = 0; h < in.h; ++h)
            for (int64_t w = 0; w < in.w; ++w)
                if (a.state.doc.input.at(0, channel, h, w) == v) return true;
        return false;
    }

    // A network question's answer as the view would write it: the shape leaving the layer ("torch.Size([1,
    // 16, 5, 5])", "1 × 16 × 5 × 5"), the receptive field's extent ("6 × 6"), the parameter count.
    static std::vector<std::string> network_forms(const Question& q) {
        const NetworkFacts& n = q.network;
        if (q.kind == QuestionKind::kLayerShape) {
            std::string commas, times;
            for (size_t i = 0; i < n.output.size(); ++i) {
                commas += (i ? ", " : "") + std::to_string(n.output[i]);
                times += (i ? " × " : "") + std::to_string(n.output[i]);
            }
            return {"torch.Size([" + commas + "])", times};
        }
        if (q.kind == QuestionKind::kReceptiveField) {
            const std::string h = std::to_string(n.span.h), w = std::to_string(n.span.w);
            return {h + " × " + w, h + "×" + w, h + " x " + w, h + "x" + w};
        }
        if (q.kind == QuestionKind::kParameterCount) return {std::to_string(n.weights + n.biases)};
        return {};
    }

    // Panels' texts joined, the lesson's own words left out (`poolscope check --strict` judges those).
    static std::map<std::string, std::string> shown_outside_lesson(const std::vector<Seen>& seen) {
        std::map<std::string, std::string> joined;
        for (const Seen& s : seen)
            if (base_panel(s.panel) != "lesson") joined[s.panel] += s.text + "\n";
        return joined;
    }

    // The asked layer's card as the Network view reports it (the state report's network_view.cards).
    nlohmann::json card_of(const std::string& layer_name) {
        const nlohmann::json shown = report();
        for (const auto& card : shown["network_view"]["cards"])
            if (card["name"] == layer_name) return card;
        return nullptr;
    }

    // Each open network question's answer: its card shows "?", and its text is nowhere but in the lesson's
    // words (a lone digit like a pool's 0 parameters is too common to search for); revealed, the card shows
    // it.
    std::vector<std::string> network_sweep(const std::vector<Seen>& seen) {
        std::vector<std::string> problems;
        std::vector<Question> asked;
        for (const QuizCard& card : a.state.quiz.cards)
            if (!card.revealed && !network_forms(card.question).empty()) asked.push_back(card.question);
        const char* field_of[] = {"", "shape", "parameters"};
        auto field = [&](const Question& q) {
            return q.kind == QuestionKind::kLayerShape       ? field_of[1]
                   : q.kind == QuestionKind::kParameterCount ? field_of[2]
                                                             : field_of[0];
        };
        for (const Question& q : asked) {
            if (*field(q)) {
                const nlohmann::json card = card_of(q.network.layer_name);
                if (card.is_null() || card[field(q)] != "?")
                    problems.push_back(q.network.layer_name + "'s card shows its " + field(q) + " (" +
                                       (card.is_null() ? std::string("no card") : card[field(q)].dump()) +
                                       ") while asked");
            }
            for (const std::string& form : network_forms(q))
                if (form.size() > 1)
                    for (const auto& [panel, text] : shown_outside_lesson(seen))
                        if (has_number(text, form))
                            problems.push_back(std::string(question_kind_name(q.kind)) + " answer \"" + form +
                                               "\" of " + q.network.layer_name + " in " + panel);
        }
        for (size_t i = 0; i < a.state.quiz.cards.size(); ++i)
            reveal_card(a.state.quiz, i);
        settle();
        for (const Question& q : asked) {
            if (!*field(q)) continue;
            const nlohmann::json card = card_of(q.network.layer_name);
            const std::vector<std::string> forms = network_forms(q);
            if (card.is_null() ||
                std::find(forms.begin(), forms.end(), card[field(q)].get<std::string>()) == forms.end())
                problems.push_back("the " + std::string(question_kind_name(q.kind)) + " answer of " +
                                   q.network.layer_name + " is not on its card after Reveal");
        }
        return problems;
    }

    // Whether the revealed answers are on screen now (each value in some output cell, each shape somewhere).
    std::vector<std::string> missing_after_reveal(const std::vector<Seen>& seen,
                                                  const std::vector<Question>& asked) const {
        std::vector<std::string> missing;
        for (const Question& q : asked) {
            bool found = false;
            if (q.kind == QuestionKind::kValue) {
                const float v = a.state.computed.output.values.at(0, q.cell.c, q.cell.oh, q.cell.ow);
                for (const Seen& s : seen)
                    for (const std::string& form : value_forms(v))
                        found |= s.panel == "grid.output" + std::to_string(q.cell.c) && s.row == q.cell.oh &&
                                 s.col == q.cell.ow && has_number(s.text, form);
            } else if (q.kind == QuestionKind::kOutputShape) {
                const std::string form = std::to_string(q.shape.h) + " × " + std::to_string(q.shape.w);
                for (const Seen& s : seen)
                    found |= s.text.find(form) != std::string::npos;
            } else {
                continue;
            }
            if (!found) missing.push_back(std::string(question_kind_name(q.kind)));
        }
        return missing;
    }

    // Opens the step fresh, optionally shifts its input, and returns the problems found.
    std::vector<std::string> sweep_step(const std::filesystem::path& file, size_t step, bool shifted,
                                        int& questions) {
        std::vector<std::string> problems;
        const std::string where = file.filename().string() + " step " + std::to_string(step + 1) +
                                  (shifted ? " (input + 5/16)" : "") + " [" +
                                  language_code(current_language()) + "]: ";
        if (!open_lesson_now(a.state, a.playback, file, step) || a.state.lessons.session.step != step)
            return {};
        const LessonStep* ls = current_step(a.state.lessons.session);
        if (!ls) return {};
        if (ls->kind == StepKind::kNetwork) {  // the Network view: its cards and receptive fields
            if (shifted) return {};            // (no input values to shift)
            settle();
            questions += static_cast<int>(a.state.quiz.cards.size());
            std::vector<Seen> seen;
            take_screen(seen);
            for (std::string& p : network_sweep(seen))
                problems.push_back(where + p);
            return problems;
        }
        if (shifted) {
            Tensor input = a.state.doc.input;
            for (int64_t i = 0; i < input.numel(); ++i)
                input.data()[i] += 0.3125f;
            set_input(a.state.doc, a.state.interaction, std::move(input));
        }
        settle();
        if (!quiz_hidden(a.state.quiz).any()) return {};
        questions += static_cast<int>(a.state.quiz.cards.size());
        const std::vector<Seen> seen = everything_shown();
        // QUIZ_SWEEP_DUMP="05-output-size.json step 4 [en]": print what that step showed, to see a failure.
        if (const char* dump = std::getenv("QUIZ_SWEEP_DUMP"); dump && where.find(dump) != std::string::npos)
            for (const Seen& s : seen)
                std::printf("%s [%lld,%lld] %s\n", s.panel.c_str(), static_cast<long long>(s.row),
                            static_cast<long long>(s.col), s.text.c_str());
        for (std::string& p : leaks(seen, shifted))
            problems.push_back(where + p);
        std::vector<Question> asked;
        for (size_t i = 0; i < a.state.quiz.cards.size(); ++i)
            if (!a.state.quiz.cards[i].revealed)
                asked.push_back(a.state.quiz.cards[i].question), reveal_card(a.state.quiz, i);
        std::vector<Seen> after;
        settle();
        take_screen(after);
        for (const std::string& kind : missing_after_reveal(after, asked))
            problems.push_back(where + "the " + kind + " answer is not on screen after Reveal");
        return problems;
    }
};

// One test per language, so the two halves run side by side.
TEST_P(QuizSweep, NoShippedQuizStepShowsAnOpenQuestionsAnswerAnywhereUntilRevealed) {
    a.shell.save_enabled = false;
    std::vector<std::string> problems;
    int questions = 0;
    set_language(GetParam());
    for (const std::filesystem::path& file : shipped_lessons())
        for (size_t step = 0; step < 40; ++step)
            for (bool shifted : {false, true})
                for (std::string& p : sweep_step(file, step, shifted, questions))
                    problems.push_back(std::move(p));
    EXPECT_GT(questions, 40);
    std::string text;
    for (const std::string& p : problems)
        text += "  " + p + "\n";
    EXPECT_TRUE(problems.empty()) << problems.size() << " leak(s):\n" << text;
}

INSTANTIATE_TEST_SUITE_P(BothLanguages, QuizSweep, ::testing::Values(Language::kEnglish, Language::kChinese),
                         [](const auto& info) { return std::string(language_code(info.param)); });

}  // namespace
}  // namespace poolscope::app::testing
