// find_give_aways(): for each step with a quiz, every text on screen while a question is open (the step's
// title, narration and code line; the other questions' prompts, options, whys and explanations; the
// question's own prompt) is scanned for the question's answer (give_away_text.h). The step's `reveal` and the
// question's own explanation are shown only after it, so they may say anything. Also: a wrong choice option
// without a why, and a reveal on a step that asks nothing.
#include <string>
#include <vector>

#include "give_away_text.h"
#include "poolscope/lesson.h"

namespace poolscope {
namespace {

using Json = nlohmann::ordered_json;
using give_away::Answer;

constexpr Language kLanguages[] = {Language::kEnglish, Language::kChinese};

const char* code_of(Language language) {
    return language == Language::kChinese ? "zh" : "en";
}

// One text on screen, where it is written, and which question it belongs to (-1: the step's own).
struct ShownText {
    std::string path;
    std::string text;
    Language language = Language::kEnglish;
    int question = -1;
    bool after_answer = false;  // shown only once its question is answered (its explanation)
    bool own_choice = false;    // an option (or its why) of its question: it may name that question's answer
};

// The path of a text written at `owner[key]`: a plain string is English at the key itself.
std::string text_path(const Json* owner, const std::string& base, Language language) {
    if (owner && owner->is_string()) return base;
    return base + "/" + code_of(language);
}

const Json* member(const Json* object, const std::string& key) {
    if (!object || !object->is_object()) return nullptr;
    auto it = object->find(key);
    return it == object->end() ? nullptr : &*it;
}

void add_text(std::vector<ShownText>& out, const LocalizedText& text, const Json* json,
              const std::string& base, int question) {
    for (Language language : kLanguages) {
        const std::string& s = language == Language::kChinese ? text.zh : text.en;
        if (!s.empty()) out.push_back({text_path(json, base, language), s, language, question});
    }
}

std::vector<ShownText> texts_of(const LessonStep& step, const Json* step_json) {
    std::vector<ShownText> out;
    add_text(out, step.title, member(step_json, "title"), step.path + "/title", -1);
    add_text(out, step.narration, member(step_json, "narration"), step.path + "/narration", -1);
    if (!step.code.empty()) out.push_back({step.path + "/code", step.code, Language::kEnglish, -1});
    if (!step.code_zh.empty()) out.push_back({step.path + "/code/zh", step.code_zh, Language::kChinese, -1});
    const Json* quiz = member(step_json, "quiz");
    for (size_t k = 0; k < step.quiz.size(); ++k) {
        const StepQuestion& q = step.quiz[k];
        const Json* item = quiz && quiz->is_array() && k < quiz->size() ? &(*quiz)[k] : quiz;
        const int owner = static_cast<int>(k);
        add_text(out, q.prompt, member(item, "prompt"), q.path + "/prompt", owner);
        const size_t explained = out.size();
        add_text(out, q.explanation, member(item, "explanation"), q.path + "/explanation", owner);
        for (size_t e = explained; e < out.size(); ++e)
            out[e].after_answer = true;
        const Json* options = member(item, "options");
        for (size_t m = 0; m < q.options.size(); ++m) {
            const Json* option =
                options && options->is_array() && m < options->size() ? &(*options)[m] : nullptr;
            const std::string base = q.path + "/options/" + std::to_string(m);
            const bool split = member(option, "text") != nullptr;  // {"text": ..., "why": ...}
            const size_t first = out.size();
            add_text(out, q.options[m], split ? member(option, "text") : option,
                     split ? base + "/text" : base, owner);
            if (m < q.option_why.size())
                add_text(out, q.option_why[m], member(option, "why"), base + "/why", owner);
            for (size_t e = first; e < out.size(); ++e)
                out[e].own_choice = true;
        }
    }
    return out;
}

// What question `q` asks, as answers a text may show (in the text's language for a choice), and how the
// warning names it.
std::vector<Answer> answers_of(const StepQuestion& sq, const Question& q, Language language,
                               std::string& named) {
    Answer a;
    switch (q.kind) {
        case QuestionKind::kValue:
            a.kind = Answer::Kind::kValue;
            a.value = q.value;
            named = "the value " + float_text(q.value);
            return {a};
        case QuestionKind::kDivisor:
            a.kind = Answer::Kind::kDivisor;
            a.count = q.divisor;
            named = "the divisor " + std::to_string(q.divisor);
            return {a};
        case QuestionKind::kOutputShape:
            a.kind = Answer::Kind::kShape;
            a.h = q.shape.h;
            a.w = q.shape.w;
            named = "the output shape " + std::to_string(q.shape.h) + " x " + std::to_string(q.shape.w);
            return {a};
        case QuestionKind::kArgmax:
            a.kind = Answer::Kind::kCell;
            a.h = q.argmax.h;
            a.w = q.argmax.w;
            named = "the winning cell " + cell_text(q.argmax);
            return {a};
        case QuestionKind::kWindowCells:
            return {};  // a set of cells: not looked for in words
        case QuestionKind::kLayerShape: {
            a.kind = Answer::Kind::kSizes;
            a.sizes = q.network.output;
            std::string sizes;
            for (int64_t v : a.sizes)
                sizes += (sizes.empty() ? "" : ", ") + std::to_string(v);
            named = "the size leaving " + q.network.layer_name + ", [" + sizes + "]";
            return {a};
        }
        case QuestionKind::kReceptiveField:
            a.kind = Answer::Kind::kField;
            a.h = q.network.span.h;
            a.w = q.network.span.w;
            named = "the receptive field " + std::to_string(a.h) + " x " + std::to_string(a.w);
            return {a};
        case QuestionKind::kParameterCount:
            a.kind = Answer::Kind::kCount;
            a.count = q.network.parameters();
            named = "the parameter count " + std::to_string(a.count);
            return {a};
        case QuestionKind::kChoice: {
            const size_t right = static_cast<size_t>(q.correct_choice);
            if (right >= sq.options.size()) return {};
            const std::string& words = sq.options[right].get(language);
            named = "the right option \"" + words + "\"";
            // A number as the right option is looked for as a value ("= 144"), else word for word.
            if (std::optional<double> number = parse_typed_number(words);
                number && words.find('/') == std::string::npos) {
                a.kind = Answer::Kind::kValue;
                a.value = static_cast<float>(*number);
                return {a};
            }
            a.kind = Answer::Kind::kText;
            a.words = words;
            for (size_t m = 0; m < sq.options.size(); ++m)
                if (m != right) a.others.push_back(sq.options[m].get(language));
            return {a};
        }
    }
    return {};
}

void step_give_aways(const LessonStep& step, const Json* step_json, std::vector<Error>& warnings) {
    const std::vector<ShownText> texts = texts_of(step, step_json);
    for (size_t j = 0; j < step.quiz.size(); ++j) {
        Result<Question> q = make_step_question(step, j);
        if (!q) continue;  // reported by the loader or check_lesson()
        for (const ShownText& shown : texts) {
            const bool own = shown.question == static_cast<int>(j);
            if (own && (shown.after_answer || shown.own_choice)) continue;
            std::string named;
            for (const Answer& answer : answers_of(step.quiz[j], *q, shown.language, named)) {
                const std::optional<std::string> where = give_away::find_shown(shown.text, answer);
                if (!where) continue;
                warnings.push_back(
                    {shown.path, "shows the answer of " + step.quiz[j].path + " (" + named + ") as \"" +
                                     *where +
                                     "\" before it is answered: keep the result for the step's \"reveal\""});
                break;
            }
        }
    }
    // The shape leaving a layer that keeps its input's shape (ReLU, Sigmoid, Dropout, a pool of kernel 1) is
    // the shape arriving, which the layer before it (or the network's input) already shows on screen.
    for (size_t j = 0; j < step.quiz.size(); ++j) {
        if (step.quiz[j].kind != QuestionKind::kLayerShape) continue;
        Result<Question> q = make_step_question(step, j);
        if (!q || q->network.input != q->network.output) continue;
        warnings.push_back({step.quiz[j].path + "/layer",
                            "asks the shape leaving " + q->network.layer_name + " (" +
                                q->network.layer_class +
                                "), which keeps the shape arriving: the layer before it shows the answer on "
                                "screen; ask about the layer that makes that shape"});
    }
    // A wrong option should say why it is wrong: a student who picks it is told so (lesson_quiz_text).
    for (const StepQuestion& sq : step.quiz) {
        if (sq.kind != QuestionKind::kChoice) continue;
        Result<QuizAnswer> answer = stored_answer(sq);
        if (!answer) continue;
        for (size_t m = 0; m < sq.options.size(); ++m)
            if (static_cast<int64_t>(m) != answer->choice &&
                (m >= sq.option_why.size() || sq.option_why[m].empty()))
                warnings.push_back(
                    {sq.path + "/options/" + std::to_string(m),
                     "the wrong option \"" + sq.options[m].get(Language::kEnglish) +
                         "\" has no \"why\": a student who picks it hears only that it is wrong"});
    }
}

}  // namespace

std::vector<Error> find_give_aways(const Lesson& lesson) {
    std::vector<Error> warnings;
    const Json* steps = member(&lesson.document, "steps");
    for (size_t i = 0; i < lesson.steps.size(); ++i) {
        const LessonStep& step = lesson.steps[i];
        if (step.quiz.empty()) {
            if (!step.reveal.empty())
                warnings.push_back(
                    {step.path + "/reveal",
                     "this step asks no question, so its reveal shows at once: write it in the "
                     "narration, or add the quiz it answers"});
            continue;
        }
        const Json* step_json = steps && steps->is_array() && i < steps->size() ? &(*steps)[i] : nullptr;
        step_give_aways(step, step_json, warnings);
    }
    return warnings;
}

}  // namespace poolscope
