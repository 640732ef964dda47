// The lesson loader: guards (size, depth) → parse with line:column errors → resolve each step on top of the
// previous one (lesson_step.cpp: input, layer, convention, code, panels carry over) → validate each step's
// plan. This file reads the document; the readers live in lesson_inputs.cpp and lesson_json_text.cpp.
#include "poolscope/lesson.h"

#include <algorithm>
#include <fstream>
#include <limits>
#include <sstream>

#include "lesson_reading.h"
#include "poolscope/file_read.h"
#include "poolscope/json_guard.h"

namespace poolscope {

const std::string& LocalizedText::get(Language language) const {
    if (language == Language::kChinese) return zh.empty() ? en : zh;
    return en.empty() ? zh : en;
}

std::string_view panel_name(Panel panel) {
    switch (panel) {
        case Panel::kFormula:
            return "formula";
        case Panel::kArithmetic:
            return "arithmetic";
        case Panel::kChannels:
            return "channels";
    }
    return "";
}

using namespace lesson_reading;

namespace {

template <typename Json>
int json_depth(const Json& root) {
    // Iterative, so a deep document built in memory cannot overflow the stack here either.
    int deepest = 0;
    std::vector<std::pair<const Json*, int>> todo{{&root, 1}};
    while (!todo.empty()) {
        auto [node, depth] = todo.back();
        todo.pop_back();
        if (!node->is_structured()) continue;
        deepest = std::max(deepest, depth);
        if (depth > kMaxLessonDepth) return depth;
        for (const Json& child : *node)
            todo.push_back({&child, depth + 1});
    }
    return deepest;
}

}  // namespace

// ---- The document ------------------------------------------------------------------------------------

Result<Lesson> load_lesson_json(nlohmann::ordered_json original, std::string source,
                                std::vector<Error>* warnings) {
    if (json_depth(original) > kMaxLessonDepth)
        return Error{"/", "nested more than " + std::to_string(kMaxLessonDepth) + " levels deep"};
    // Read through a plain json copy (the shared readers take nlohmann::json); keep the ordered original.
    const json doc(original);
    Context ctx;
    Lesson lesson;
    lesson.source = std::move(source);
    auto finish = [&]() -> Result<Lesson> {
        if (warnings) *warnings = ctx.warnings;
        if (!ctx.errors.empty()) return ctx.errors;
        lesson.warnings = ctx.warnings;
        lesson.document = std::move(original);
        return std::move(lesson);
    };
    if (!doc.is_object()) {
        ctx.error("/", "expected a lesson object {\"format\": \"" + std::string(kLessonFormat) +
                           "\", \"title\": ..., \"steps\": [...]}, got " + brief(doc));
        return finish();
    }
    ctx.check_keys(doc, "", {"format", "title", "description", "steps"});
    auto format = doc.find("format");
    if (format == doc.end()) {
        ctx.error("/format",
                  "missing; a lesson starts with \"format\": \"" + std::string(kLessonFormat) + "\"");
    } else if (!format->is_string() || format->get<std::string>() != kLessonFormat) {
        const bool newer =
            format->is_string() && format->get<std::string>().rfind("poolscope-lesson/", 0) == 0;
        ctx.error("/format",
                  std::string(newer ? "a version this PoolScope does not read: " : "expected ") +
                      (newer ? brief(*format) + " (this build reads \"" + std::string(kLessonFormat) + "\")"
                             : "\"" + std::string(kLessonFormat) + "\", got " + brief(*format)));
        return finish();  // the rest may mean something else in another version
    }
    if (auto it = doc.find("title"); it != doc.end()) {
        if (auto t = read_text(ctx, *it, "/title")) lesson.title = *t;
    } else {
        ctx.error("/title", "missing; give the lesson a title ({\"en\": ..., \"zh\": ...})");
    }
    if (auto it = doc.find("description"); it != doc.end()) {
        if (auto t = read_text(ctx, *it, "/description")) lesson.description = *t;
    }
    auto steps = doc.find("steps");
    if (steps == doc.end() || !steps->is_array() || steps->empty()) {
        ctx.error("/steps", "expected a non-empty list of steps" +
                                (steps == doc.end() ? std::string() : ", got " + brief(*steps)));
        return finish();
    }
    if (static_cast<int64_t>(steps->size()) > kMaxLessonSteps) {
        ctx.error("/steps", std::to_string(steps->size()) + " steps, more than the limit of " +
                                std::to_string(kMaxLessonSteps));
        return finish();
    }
    Carry carry;
    for (size_t i = 0; i < steps->size(); ++i)
        read_step(ctx, (*steps)[i], child("/steps", i), carry, lesson.steps);
    return finish();
}

Result<Lesson> load_lesson_string(std::string_view text, std::string source, std::vector<Error>* warnings) {
    if (warnings) warnings->clear();
    if (static_cast<int64_t>(text.size()) > kMaxLessonBytes)
        return Error{source, "the file has " + std::to_string(text.size()) +
                                 " bytes, more than the limit of " + std::to_string(kMaxLessonBytes) +
                                 " for a lesson"};
    if (auto deep = check_depth(text, source)) return *deep;
    nlohmann::ordered_json document;  // ordered: saving keeps the author's key order
    try {
        document = nlohmann::ordered_json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        // e.byte counts from 1 and points at the character that was read last.
        const size_t offset = e.byte > 0 ? static_cast<size_t>(e.byte - 1) : 0;
        std::string what = e.what();
        const size_t column_at = what.find("column");
        const size_t colon = column_at == std::string::npos ? std::string::npos : what.find(": ", column_at);
        std::string message = colon == std::string::npos ? what : what.substr(colon + 2);
        return Error{where(source, position_of(text, offset)), "JSON syntax error: " + printable(message)};
    } catch (const nlohmann::json::exception& e) {
        // Number overflow (e.g. 1e400) carries no position; find the quoted token in the text instead.
        const std::string what = e.what();
        const size_t open = what.find('\''), close = what.rfind('\'');
        size_t offset = 0;
        if (open != std::string::npos && close > open + 1) {
            const size_t found = text.find(what.substr(open + 1, close - open - 1));
            if (found != std::string_view::npos) offset = found;
        }
        const size_t bracket = what.find("] ");
        return Error{
            where(source, position_of(text, offset)),
            "JSON error: " + printable(bracket == std::string::npos ? what : what.substr(bracket + 2))};
    }
    // A key written twice parses, but one of its values is silently lost (and `fmt` would drop it for good):
    // say where both are.
    if (const std::vector<DuplicateKey> twice = duplicate_keys(text); !twice.empty()) {
        std::vector<Error> errors;
        for (const DuplicateKey& d : twice)
            errors.push_back(Error{d.path, "the key \"" + printable(quote_prefix(d.key)) +
                                               "\" is written twice in this object, on lines " +
                                               std::to_string(d.first_line) + " and " +
                                               std::to_string(d.line) +
                                               "; JSON keeps only the last, so the first is silently lost: "
                                               "remove one of them"});
        return errors;
    }
    Result<Lesson> lesson = load_lesson_json(std::move(document), std::move(source), warnings);
    if (lesson) lesson.value().text = std::string(text);
    return lesson;
}

Result<Lesson> load_lesson_file(const std::filesystem::path& path, std::vector<Error>* warnings) {
    if (warnings) warnings->clear();
    // Regular files only (a FIFO would block the open forever), read up to the size limit and no further.
    Result<std::string> text = read_regular_file(path, kMaxLessonBytes, "lesson");
    if (!text) return text.errors();
    return load_lesson_string(text.value(), path.string(), warnings);
}

}  // namespace poolscope
