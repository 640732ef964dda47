// The three-way merge behind "keep both": edits to different steps (or the lesson's own keys) on each side
// merge; the same step changed on both sides is a conflict naming the file's step.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "poolscope/lesson_text.h"

namespace poolscope {
namespace {

using Json = nlohmann::ordered_json;

Json step(const std::string& title, int kernel = 2) {
    return Json{{"title", {{"en", title}}}, {"op", "max_pool2d"}, {"kernel_size", kernel}};
}
// A vector, not a Json: `Json steps = {step("a")}` is a one-step array under GCC but the step itself under
// clang (which does not apply CWG 2137 to a single element of the class's own type).
Json lesson(std::vector<Json> steps, const std::string& title = "L") {
    return Json{
        {"format", "poolscope-lesson/1"}, {"title", {{"en", title}}}, {"steps", Json(std::move(steps))}};
}

TEST(LessonMerge, EditsToDifferentStepsMerge) {
    const Json base = lesson({step("a"), step("b"), step("c")});
    const Json ours = lesson({step("a", 3), step("b"), step("c")});
    const Json theirs = lesson({step("a"), step("b"), step("c", 4)});
    const LessonMerge merged = merge_lesson_documents(base, ours, theirs);
    EXPECT_TRUE(merged.conflicts.empty());
    EXPECT_EQ(merged.document, lesson({step("a", 3), step("b"), step("c", 4)}));
}

TEST(LessonMerge, AddedAndRemovedStepsOnEachSideMerge) {
    const Json base = lesson({step("a"), step("b"), step("c")});
    const Json ours = lesson({step("a"), step("b"), step("b2"), step("c")});  // the app added a step
    const Json theirs = lesson({step("b"), step("c"), step("d")});  // the editor removed one, added one
    const LessonMerge merged = merge_lesson_documents(base, ours, theirs);
    EXPECT_TRUE(merged.conflicts.empty());
    EXPECT_EQ(merged.document, lesson({step("b"), step("b2"), step("c"), step("d")}));
}

TEST(LessonMerge, TheSameStepChangedOnBothSidesConflicts) {
    const Json base = lesson({step("a"), step("b"), step("c")});
    const Json ours = lesson({step("a"), step("b", 3), step("c")});
    const Json theirs = lesson({step("a"), step("b", 4), step("c")});
    const LessonMerge merged = merge_lesson_documents(base, ours, theirs);
    EXPECT_EQ(merged.conflicts, std::vector<std::string>{"/steps/1"});
    // The same change on both sides is no conflict.
    EXPECT_TRUE(merge_lesson_documents(base, ours, ours).conflicts.empty());
}

TEST(LessonMerge, LessonKeysMergeKeyByKey) {
    const Json base = lesson({step("a")});
    Json ours = lesson({step("a", 3)});
    ours["description"] = Json{{"en", "added in the app"}};
    const Json theirs = lesson({step("a")}, "Renamed in the editor");
    LessonMerge merged = merge_lesson_documents(base, ours, theirs);
    EXPECT_TRUE(merged.conflicts.empty());
    EXPECT_EQ(merged.document["title"]["en"], "Renamed in the editor");
    EXPECT_EQ(merged.document["description"]["en"], "added in the app");
    EXPECT_EQ(merged.document["steps"][0]["kernel_size"], 3);
    ours["title"]["en"] = "Renamed in the app";
    merged = merge_lesson_documents(base, ours, theirs);
    EXPECT_EQ(merged.conflicts, std::vector<std::string>{"/title"});
}

}  // namespace
}  // namespace poolscope
