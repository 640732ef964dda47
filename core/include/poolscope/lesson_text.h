// Lessons as text: one canonical, human style (format_lesson_text, what `poolscope fmt` writes), saving an
// edited document into the file's own text so untouched steps keep their bytes (splice_lesson_text), and the
// three-way merge of the app's edits with a version changed on disk (merge_lesson_documents).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace poolscope {

// Lines the canonical style keeps a value on when it fits (matrix rows and number lists never wrap).
inline constexpr size_t kLessonTextWidth = 110;

// The canonical style: 2-space indent, known keys in a stable order (unknown and "x-" keys after them, in
// their order), a value on one line when it fits kLessonTextWidth, a list of numbers always on one line (a
// matrix is one row per line), UTF-8 kept as is, a trailing newline. Idempotent.
std::string format_lesson_text(const nlohmann::ordered_json& document);

// `document` written into `original` (the file's text it was loaded from): steps equal to one of the
// original's keep their bytes, as do the separators between steps kept in order and everything outside the
// step list when the lesson's other keys are unchanged; the rest is written in the canonical style. Falls
// back to format_lesson_text() when `original` is empty or not a lesson object. Always parses to `document`.
std::string splice_lesson_text(std::string_view original, const nlohmann::ordered_json& document);

// The app's edits (`ours`) and the file's new version (`theirs`), both changed from `base` (the document the
// app loaded): the lesson's keys and its steps are merged where only one side changed them. Steps are
// matched by their content (so added, removed and reordered steps merge too).
struct LessonMerge {
    nlohmann::ordered_json document;  // the merge (the file's version where both sides agree)
    std::vector<std::string>
        conflicts;  // where both changed the same thing differently: "/title", "/steps/2"
                    // (positions in the file's version); empty = `document` is good
};
LessonMerge merge_lesson_documents(const nlohmann::ordered_json& base, const nlohmann::ordered_json& ours,
                                   const nlohmann::ordered_json& theirs);

}  // namespace poolscope
