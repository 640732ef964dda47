// Give-aways (find_give_aways, lessons/README.md "Give-aways"): a text on screen while a question is open
// that shows its answer is a warning at the text's path, for every kind of answer and every way of writing
// it; a number that only states the setup ("kernel 2", "stride=2", "p = 2", "a 2×2 window") is not; the
// step's reveal and the question's own explanation may say anything; and no shipped lesson gives an answer
// away.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "lesson_test_util.h"
#include "poolscope/lesson.h"

namespace poolscope {
namespace {

using test::doc;

// D2L's X = 0..8 under nn.MaxPool2d(2, stride=1): (0, 1) is 5, (1, 1) is won by (2, 2), the output is 2x2.
std::string max_step(const std::string& texts, const std::string& quiz = "") {
    return R"({"input": {"arange": {"shape": [3, 3]}}, "op": "max_pool2d", "kernel_size": 2, "stride": 1, )" +
           texts + R"(, "quiz": [)" +
           (quiz.empty() ? R"({"kind": "value", "cell": [0, 1], "answer": 5},
                            {"kind": "argmax", "cell": [1, 1], "answer": [2, 2]},
                            {"kind": "output_shape", "answer": [2, 2]})"
                         : quiz) +
           "]}";
}

// The same X under nn.AvgPool2d(3, stride=1, padding=1): the corner divides by 9 and is 8/9 = 0.8888889.
std::string avg_step(const std::string& texts) {
    return R"({"input": {"arange": {"shape": [3, 3]}}, "op": "avg_pool2d", "kernel_size": 3, "stride": 1,
               "padding": 1, )" +
           texts + R"(, "quiz": [{"kind": "divisor", "cell": [0, 0], "answer": 9},
                                 {"kind": "value", "cell": [0, 0], "answer": 0.8889}]})";
}

std::vector<Error> give_aways(const std::string& step) {
    Result<Lesson> lesson = load_lesson_string(doc(step));
    EXPECT_TRUE(lesson) << lesson.error_text();
    if (!lesson) return {};
    EXPECT_TRUE(check_lesson(*lesson).empty());
    return find_give_aways(*lesson);
}

std::string all(const std::vector<Error>& warnings) {
    std::string s;
    for (const Error& e : warnings)
        s += e.field + ": " + e.message + "\n";
    return s;
}

// `text` (an English narration) gives away the answer of `question`, quoted as `excerpt`.
void expect_gives(const std::string& step, const std::string& question, const std::string& excerpt,
                  const std::string& field = "/steps/0/narration/en") {
    const std::vector<Error> w = give_aways(step);
    for (const Error& e : w)
        if (e.field == field &&
            e.message.find("the answer of /steps/0/quiz" +
                           (question.empty() ? " (" : "/" + question + " (")) != std::string::npos &&
            e.message.find("\"" + excerpt + "\"") != std::string::npos)
            return;
    ADD_FAILURE() << "expected " << field << " to give away quiz/" << question << " as \"" << excerpt
                  << "\"; got:\n"
                  << all(w);
}

void expect_none(const std::string& step) {
    const std::vector<Error> w = give_aways(step);
    EXPECT_TRUE(w.empty()) << all(w);
}

std::string narration(const std::string& en, const std::string& zh = "") {
    return R"("narration": {"en": ")" + en + R"(", "zh": ")" + zh + R"("})";
}

TEST(GiveAways, AValueWrittenAsAResult) {
    expect_gives(max_step(narration("The window at column 1 gives 5.")), "0", "gives 5");
    expect_gives(max_step(narration("max(1, 2, 4, 5) = 5 here")), "0", "= 5");
    expect_gives(max_step(narration("it outputs 5.0")), "0", "outputs 5.0");
    expect_gives(max_step(narration("", "右边的窗口输出 5。")), "0", "输出 5", "/steps/0/narration/zh");
    expect_gives(max_step(narration("", "所以得 5")), "0", "得 5", "/steps/0/narration/zh");
    expect_gives(avg_step(narration("the corner is ≈ 0.8889")), "1", "≈ 0.8889");
    expect_gives(avg_step(narration("about ≈ 0.89 at the corner")), "1", "≈ 0.89");
    expect_gives(avg_step(narration("a corner of 0.8889")), "1",
                 "0.8889");  // 2+ significant digits: anywhere
    expect_gives(avg_step(narration("the cell shows 0.889")), "1", "0.889");  // as a matrix cell prints it
    expect_gives(avg_step(narration("take 8/9 of it")), "1", "8/9");          // a division equal to it
    expect_gives(avg_step(narration("take 8 ÷ 9 of it")), "1", "8 ÷ 9");
}

TEST(GiveAways, ADivisorWrittenAsADivision) {
    expect_gives(avg_step(narration("so every window divides by 9, like a convolution")), "0",
                 "divides by 9");
    expect_gives(avg_step(narration("a kernel of 1 / 9 everywhere")), "0", "1 / 9");
    expect_gives(avg_step(narration("(0 + 1 + 3 + 4) / 9 at the corner")), "0", "/ 9");
    expect_gives(avg_step(narration("", "和除以 9")), "0", "除以 9", "/steps/0/narration/zh");
    expect_gives(avg_step(narration("the divisor is 9")), "0", "divisor is 9");
    // The code line shown beside the step counts too.
    expect_gives(avg_step(R"j("code": "F.conv2d(X, torch.full((1, 1, 3, 3), 1 / 9), padding=1)")j"), "0",
                 "1 / 9", "/steps/0/code");
}

TEST(GiveAways, AShapeOrAWinningCellWrittenAsAResult) {
    expect_gives(max_step(R"("title": {"en": "Why the output is 2×2", "zh": "为什么输出是 2×2"})"), "2",
                 "output is 2×2", "/steps/0/title/en");
    expect_gives(max_step(R"("title": {"en": "Why the output is 2×2", "zh": "为什么输出是 2×2"})"), "2",
                 "输出是 2×2", "/steps/0/title/zh");
    expect_gives(max_step(narration("3 - 2 + 1 = 2 places per axis")), "2", "= 2");
    expect_gives(max_step(narration("1.5 → 2")), "2", "→ 2");
    expect_gives(max_step(narration("the output is (2, 2)")), "2", "output is (2, 2)");
    expect_gives(max_step(narration("the bottom-right window's 8 wins at (2, 2)")), "1", "wins at (2, 2)");
    expect_gives(max_step(narration("in that window (2, 2) wins")), "1", "(2, 2) wins");
}

TEST(GiveAways, AnotherQuestionsPromptOptionsOrExplanationCount) {
    const std::string quiz = R"({"kind": "value", "cell": [0, 0], "answer": 4},
        {"kind": "choice", "prompt": {"en": "max_pool(X) = 4 at the corner. So max pooling is:"},
         "options": [{"text": "linear", "why": "no"}, "not linear"], "answer": 1,
         "explanation": "max_pool(a) + max_pool(b) = 2, not 4"})";
    expect_gives(max_step(R"("title": "T")", quiz), "0", "= 4", "/steps/0/quiz/1/prompt/en");
    // A question's explanation shows once it is answered, while the other may still be open; its own answer
    // it may show.
    const std::string explained = R"({"kind": "value", "cell": [0, 0], "answer": 4,
        "explanation": "It is the largest of 0, 1, 3, 4, and the winner is at (1, 1)."},
        {"kind": "argmax", "cell": [0, 0], "answer": [1, 1], "explanation": "The winner is at (1, 1)."})";
    const std::vector<Error> w = give_aways(max_step(R"("title": "T")", explained));
    ASSERT_EQ(w.size(), 1u) << all(w);
    EXPECT_EQ(w[0].field, "/steps/0/quiz/0/explanation");
    EXPECT_NE(w[0].message.find("\"is at (1, 1)\""), std::string::npos) << w[0].message;
    EXPECT_NE(w[0].message.find("/steps/0/quiz/1 (the winning cell (1, 1))"), std::string::npos)
        << w[0].message;
}

TEST(GiveAways, AChoiceByItsNumberOrWordForWord) {
    const std::string choice = R"({"kind": "choice", "prompt": "How many reads?",
        "options": [{"text": "48", "why": "one channel"}, "144", {"text": "192", "why": "count again"}],
        "answer": 1})";
    expect_gives(max_step(narration("3 · 3 · 4 · 2 · 2 = 144 reads"), choice), "0", "= 144");
    const std::string words = R"({"kind": "choice", "prompt": "Which PyTorch setting matches?",
        "options": [{"text": "padding=\"same\"", "why": "TensorFlow"}, "ceil_mode=True",
                    {"text": "count_include_pad=False", "why": "averages"}], "answer": 1})";
    expect_gives(max_step(narration("MXNet's full is PyTorch's `ceil_mode=True`."), words), "0",
                 "ceil_mode=True");
    // Naming every option is no give-away.
    expect_none(max_step(
        narration("Compare padding=\\\"same\\\", ceil_mode=True and count_include_pad=False."), words));
}

TEST(GiveAways, AWrongOptionWithoutAWhy) {
    const std::string choice = R"({"kind": "choice", "prompt": "Pick",
        "options": ["right", {"text": "wrong", "why": "because"}, {"en": "also wrong", "zh": "也不对"}],
        "answer": 0})";
    const std::vector<Error> w = give_aways(max_step(R"("title": "T")", choice));
    ASSERT_EQ(w.size(), 1u) << all(w);
    EXPECT_EQ(w[0].field, "/steps/0/quiz/0/options/2");
    EXPECT_NE(w[0].message.find("\"also wrong\" has no \"why\""), std::string::npos) << w[0].message;
}

TEST(GiveAways, ARevealOnAStepWithoutQuestions) {
    Result<Lesson> lesson = load_lesson_string(doc(R"({"input": [[1]], "op": "max_pool2d", "kernel_size": 1,
        "reveal": "Shown at once."})"));
    ASSERT_TRUE(lesson) << lesson.error_text();
    const std::vector<Error> w = find_give_aways(*lesson);
    ASSERT_EQ(w.size(), 1u) << all(w);
    EXPECT_EQ(w[0].field, "/steps/0/reveal");
}

TEST(GiveAways, NumbersThatStateTheSetupAreNone) {
    // The answers are 5, (2, 2) and 2x2, and 2 is everywhere in the layer.
    expect_none(max_step(narration(
        "A 2×2 window, kernel 2, stride=2 (or stride = 2), p = 2, kernel_size = 2, lp_pool2d, D2L 6.5.1, √5, "
        "x5, the window holds 2 real cells. Rows 0 to 5. The window at (2, 2). Compare 2.5 and 5.5.")));
    // The step's reveal, and each question's own explanation and options, may show its answer.
    expect_none(max_step(
        R"("title": "T", "reveal": {"en": "It outputs 5, the 8 wins at (2, 2), the output is 2×2."})",
        R"({"kind": "value", "cell": [0, 1], "answer": 5, "explanation": "It gives 5."},
                            {"kind": "choice", "prompt": "Which?", "options": ["7", {"text": "4", "why": "no"}],
                             "answer": 0})"));
    // Another cell's result is not this question's.
    expect_none(
        avg_step(narration("(0 + 1 + 3 + 4) / 4 = 2 would be the real cells' average; the next one is "
                           "3.0")));
}

// A network step: MaxPool2d(3, stride=1, dilation=2) on 1x1x9x9 leaves [1, 1, 5, 5]; output cell (2, 2)'s
// receptive field spans 5 x 5 input cells; a Conv2d(1, 4, 3) has 4 * 9 + 4 = 40 parameters.
std::string net_step(const std::string& texts) {
    return R"({"kind": "network", "network": {"input": [1, 1, 9, 9], "layers": [
                 {"type": "MaxPool2d", "kernel_size": 3, "stride": 1, "dilation": 2},
                 {"type": "Conv2d", "in_channels": 1, "out_channels": 4, "kernel_size": 3}]}, )" +
           texts + R"(, "quiz": [{"kind": "layer_shape", "layer": 0, "answer": [1, 1, 5, 5]},
                                 {"kind": "receptive_field", "layer": 0, "cell": [0, 2, 2], "answer": [5, 5]},
                                 {"kind": "parameter_count", "layer": 1, "answer": 40}]})";
}

TEST(GiveAways, ANetworkLayersSizeFieldOrParameters) {
    expect_gives(net_step(narration("It prints torch.Size([1, 1, 5, 5]).")), "0", "1, 1, 5, 5");
    expect_gives(net_step(narration("a map of 1 × 5 × 5 per example")), "0", "1 × 5 × 5");
    expect_gives(net_step(narration("Its receptive field spans 5 rows.")), "1", "spans 5");
    expect_gives(net_step(narration("", "它的感受野跨越 5 行。")), "1", "跨越 5", "/steps/0/narration/zh");
    expect_gives(net_step(narration("The field is 5×5 wide: = 5×5")), "1", "= 5×5");
    expect_gives(net_step(narration("The convolution has = 40 numbers to learn.")), "2", "= 40");
    // Setup numbers are none: the input size, the kernel, a 3×3 window.
    expect_none(net_step(narration("A 9×9 input, a 3×3 window with dilation=2, then a Conv2d(1, 4, 3).")));
}

// Asking the shape leaving a Sigmoid asks what the convolution before it shows: a warning at the question.
TEST(GiveAways, AShapeQuestionAboutALayerThatKeepsItsShape) {
    const std::string step = R"({"kind": "network", "network": {"input": [1, 1, 9, 9], "layers": [
                 {"type": "Conv2d", "in_channels": 1, "out_channels": 4, "kernel_size": 3},
                 {"type": "Sigmoid"}]},
               "quiz": [{"kind": "layer_shape", "layer": 1, "answer": [1, 4, 7, 7]}]})";
    const std::vector<Error> w = give_aways(step);
    ASSERT_EQ(w.size(), 1u) << all(w);
    EXPECT_EQ(w[0].field, "/steps/0/quiz/0/layer");
    EXPECT_NE(w[0].message.find("net[1] (Sigmoid), which keeps the shape arriving"), std::string::npos)
        << w[0].message;
    // The convolution itself changes the shape: no warning.
    expect_none(R"({"kind": "network", "network": {"input": [1, 1, 9, 9], "layers": [
                 {"type": "Conv2d", "in_channels": 1, "out_channels": 4, "kernel_size": 3},
                 {"type": "Sigmoid"}]},
               "quiz": [{"kind": "layer_shape", "layer": 0, "answer": [1, 4, 7, 7]}]})");
}

TEST(GiveAways, TheShippedLessonsGiveNothingAway) {
    size_t lessons = 0;
    for (const auto& entry : std::filesystem::directory_iterator(POOLSCOPE_LESSONS_DIR)) {
        if (entry.path().extension() != ".json" || entry.path().filename() == "schema.json") continue;
        Result<Lesson> lesson = load_lesson_file(entry.path());
        ASSERT_TRUE(lesson) << entry.path() << ": " << lesson.error_text();
        EXPECT_TRUE(find_give_aways(*lesson).empty()) << entry.path() << ":\n"
                                                      << all(find_give_aways(*lesson));
        ++lessons;
    }
    EXPECT_GE(lessons, 10u);
}

// The give-aways issue 26 found in the shipped lessons before their rewrite, as they were written.
TEST(GiveAways, TheOnesTheIssueFound) {
    expect_gives(
        avg_step(narration("By default (`count_include_pad=True`) the padded zeros count, so every window "
                           "divides by 9, just like a convolution with 1/9 everywhere and zero padding: "
                           "the corner is 8 / 9 ≈ 0.8889.")),
        "0", "divides by 9");
    expect_gives(avg_step(narration("the corner is 8 / 9 ≈ 0.8889.")), "1", "8 / 9");
    const std::string lp = R"({"input": {"arange": {"shape": [3, 3], "start": 1}}, "op": "lp_pool2d",
        "kernel_size": 2, "stride": 1, "norm_type": 2, )";
    expect_gives(
        lp + narration("With p = 2 the window gives √(1² + 2² + 4² + 5²) = √46 ≈ 6.7823, less than the sum") +
            R"(, "quiz": {"kind": "value", "cell": [0, 0], "answer": 6.7823}})",
        "", "≈ 6.7823");
    const std::string quirk = R"({"input": {"arange": {"shape": [3, 3], "start": 1}}, "op": "lp_pool2d",
        "kernel_size": 2, "stride": 2, "ceil_mode": true, "norm_type": 1, )";
    expect_gives(quirk + narration("the window over 3 and 6 gives (9 / 2) · 4 = 18, not 9.") +
                     R"(, "quiz": [{"kind": "output_shape", "answer": [2, 2]},
                                   {"kind": "value", "cell": [0, 1], "answer": 18}]})",
                 "1", "= 18");
}

}  // namespace
}  // namespace poolscope
