// Text, expected and code edits go through the same path as the step-list edits: a changed copy of the JSON
// document, reloaded by the core (commit_lesson_edit), so what the panel previews is what will be saved.
#include "model/lesson_step_text.h"

#include <utility>

#include "model/lesson_step_edits.h"

namespace poolscope::app {
namespace {

using Json = nlohmann::ordered_json;

const char* language_key(Language language) {
    return language == Language::kChinese ? "zh" : "en";
}

// Where the field lives in the document: the lesson itself or the current step; nullptr when missing.
Json* owner_of(Json& document, const LessonSession& session, LessonTextField field) {
    if (!document.is_object()) return nullptr;
    if (field == LessonTextField::kLessonTitle) return &document;
    auto steps = document.find("steps");
    if (steps == document.end() || !steps->is_array() || session.step >= steps->size()) return nullptr;
    Json& step = (*steps)[session.step];
    return step.is_object() ? &step : nullptr;
}

const char* key_of(LessonTextField field) {
    switch (field) {
        case LessonTextField::kNarration:
            return "narration";
        case LessonTextField::kReveal:
            return "reveal";
        case LessonTextField::kLessonTitle:
        case LessonTextField::kStepTitle:
            break;
    }
    return "title";
}

const LocalizedText* text_of(const LessonSession& session, LessonTextField field) {
    if (!session.lesson) return nullptr;
    if (field == LessonTextField::kLessonTitle) return &session.lesson->title;
    const LessonStep* step = current_step(session);
    if (!step) return nullptr;
    if (field == LessonTextField::kNarration) return &step->narration;
    if (field == LessonTextField::kReveal) return &step->reveal;
    return &step->title;
}

}  // namespace

std::string lesson_text(const LessonSession& session, LessonTextField field, Language language) {
    const LocalizedText* text = text_of(session, field);
    if (!text) return {};
    return language == Language::kChinese ? text->zh : text->en;
}

Result<bool> set_lesson_text(LessonSession& session, LessonTextField field, Language language,
                             const std::string& text, bool merge_with_last) {
    if (!session.lesson) return Error{"lesson", "no lesson is open"};
    Json document = session.lesson->document;
    Json* owner = owner_of(document, session, field);
    if (!owner) return Error{"/steps", "the lesson has no step to edit"};
    Json& value = (*owner)[key_of(field)];
    // A plain string is English (lessons/README.md); the edit needs both languages apart.
    if (value.is_string()) value = Json{{"en", value.get<std::string>()}};
    if (!value.is_object()) value = Json::object();
    if (text.empty())
        value.erase(language_key(language));
    else
        value[language_key(language)] = text;
    if (value.empty()) owner->erase(key_of(field));
    return commit_lesson_edit(session, std::move(document), session.step, merge_with_last);
}

Result<bool> record_expected(LessonSession& session) {
    const LessonStep* step = current_step(session);
    if (!step) return Error{"lesson", "no lesson is open"};
    Json document = session.lesson->document;
    Json* owner = owner_of(document, session, LessonTextField::kStepTitle);
    if (!owner) return Error{step->path, "the step is not an object"};
    (*owner)["expected"] = expected_of_step(*step);
    return commit_lesson_edit(session, std::move(document), session.step);
}

Result<bool> generate_step_code(LessonSession& session) {
    const LessonStep* step = current_step(session);
    if (!step) return Error{"lesson", "no lesson is open"};
    Json document = session.lesson->document;
    Json* owner = owner_of(document, session, LessonTextField::kStepTitle);
    if (!owner) return Error{step->path, "the step is not an object"};
    (*owner)["code"] = layer_code(step_layer(*step));
    return commit_lesson_edit(session, std::move(document), session.step);
}

Result<bool> new_lesson(LessonSession& session, const StepEdit& first) {
    Lesson blank;
    blank.source = "<new lesson>";
    blank.document = Json{{"format", "poolscope-lesson/1"},
                          {"title", {{"en", "New lesson"}, {"zh", "新课程"}}},
                          {"steps", Json::array()}};
    Result<Lesson> made = put_step(blank, first, StepPlacement::kAppend);
    if (!made) return made.errors();
    close_lesson(session);
    session.failures = check_lesson(*made);
    session.lesson = std::move(made).value();
    session.step = 0;
    session.dirty = true;  // nothing on disk yet: Save asks where
    ++session.generation;
    return true;
}

}  // namespace poolscope::app
