// Helpers the lesson tests share: a lesson document around some steps, a load that must succeed, and a search
// for one error by its JSON path.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "poolscope/lesson.h"

namespace poolscope::test {

// A format-1 lesson titled "T" whose steps array holds `steps` (comma-separated step objects).
inline std::string doc(const std::string& steps) {
    return R"({"format": "poolscope-lesson/1", "title": "T", "steps": [)" + steps + "]}";
}

// Loads `text` as t.json; a failure fails the test with the loader's message and gives an empty lesson.
inline Lesson load_ok(const std::string& text) {
    Result<Lesson> r = load_lesson_string(text, "t.json");
    EXPECT_TRUE(r.ok()) << r.error_text();
    return r.ok() ? r.value() : Lesson{};
}

// True when some error has exactly this field and a message containing `part`.
inline bool has_error(const Result<Lesson>& r, const std::string& field, const std::string& part) {
    for (const Error& e : r.errors())
        if (e.field == field && e.message.find(part) != std::string::npos) return true;
    return false;
}

}  // namespace poolscope::test
