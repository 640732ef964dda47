// Predict, then reveal: quiz questions about one layer and input, answered before the app shows the result.
// make_question() builds a question and its answer from the core (plan + trace), check_answer() says right or
// wrong with a specific hint (a code and its values, worded by the app in its language; English templates in
// quiz_text.cpp), explain() gives the walkthrough shown after the reveal. GUI-free; see quiz_check.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "poolscope/pool_plan.h"
#include "poolscope/result.h"
#include "poolscope/tensor.h"
#include "poolscope/trace.h"

namespace poolscope {

enum class QuestionKind : uint8_t {
    kValue,        // the value of an output cell, typed (any op)
    kArgmax,       // which input cell wins the window (max ops), clicked
    kDivisor,      // what the window's sum is divided by (avg_pool2d, adaptive_avg_pool2d), typed
    kOutputShape,  // (H_out, W_out), typed; the formula walkthrough is the explanation
    kWindowCells,  // which input cells the window reads, clicked (a set)
    kChoice,       // multiple choice; the options' text lives in the lesson
    // Network steps (network_quiz.h): about one layer of the step's network, typed.
    kLayerShape,      // the size leaving the layer ("1, 16, 5, 5")
    kReceptiveField,  // how many input rows x columns an output cell of the layer depends on ("6x6")
    kParameterCount,  // the layer's parameters (weights and biases)
};
// "value", "argmax", "divisor", "output_shape", "window_cells", "choice", "layer_shape", "receptive_field",
// "parameter_count" (the lesson format's names).
std::string_view question_kind_name(QuestionKind kind);
std::optional<QuestionKind> parse_question_kind(std::string_view name);
inline bool is_network_question(QuestionKind kind) {
    return kind == QuestionKind::kLayerShape || kind == QuestionKind::kReceptiveField ||
           kind == QuestionKind::kParameterCount;
}

// An input cell in its channel plane (row, column), as the student clicks it.
struct CellRef {
    int64_t h = 0;
    int64_t w = 0;
    bool operator==(const CellRef&) const = default;
    auto operator<=>(const CellRef&) const = default;
};

// A hint, a prompt or an explanation line: a stable code and the values it quotes, in order. English
// templates: quiz_templates(); the app looks up "quiz.<code>" in its en/zh tables with the same values.
struct QuizText {
    std::string code;
    std::vector<std::string> args;
    bool operator==(const QuizText&) const = default;
};

// What a network question is about, and its answer, as the core computes it (network_quiz.cpp).
struct NetworkFacts {
    std::vector<size_t> layer;         // net[3] = {3}, net[3][1] = {3, 1}
    std::string layer_name;            // "net[3]"
    std::string layer_class;           // "AvgPool2d"
    std::string layer_type;            // "conv", "pool", "adaptive", "flatten", "linear", "block", "same"
    std::vector<int64_t> input;        // the size arriving at the layer
    std::vector<int64_t> output;       // kLayerShape's answer: the size leaving it
    std::optional<AxisShape> h, w;     // Conv2d and windowed pools: the output-size walkthrough
    int64_t out_channels = 0;          // Conv2d: out_channels; Linear: out_features
    int64_t weights = 0;               // kParameterCount's answer is weights + biases
    int64_t biases = 0;                //
    std::vector<int64_t> weight_dims;  // [out, in/groups, kh, kw] or [out, in]
    std::vector<int64_t> cell;         // kReceptiveField: the output cell, every dimension
    Pair span;                         // kReceptiveField's answer: rows x columns from the first to the last
    Pair count;                        // how many rows and columns are read (fewer than span: holes)
    Pair first, last;                  // the first and last row / column read
    bool textbook = false;             // the textbook's values exist (no adaptive pool, Flatten or Linear)
    Pair size, jump, start;            // the textbook's size, jump and start of this cell's field

    int64_t parameters() const {  // saturating: a fuzzed LazyLinear can hold INT64_MAX weights
        int64_t sum = 0;
        return __builtin_add_overflow(weights, biases, &sum) ? INT64_MAX : sum;
    }
};

struct Question {
    QuestionKind kind = QuestionKind::kValue;
    OutputCell cell;  // the window asked about (value, argmax, divisor, window_cells)
    QuizText prompt;  // e.g. {"prompt_value", {"max_pool2d", "(0, 1)"}}
    CellTrace trace;  // the window's computation (cell kinds), the source of hints and the explanation
    AxisShape h, w;   // output_shape: the per-axis walkthrough
    PoolOp op = PoolOp::kMax;
    bool adaptive = false;

    // The answer the core computes:
    float value = 0.0f;          // kValue
    CellRef argmax;              // kArgmax (-1, -1 when the window holds no input cell)
    int64_t divisor = 0;         // kDivisor
    Pair shape;                  // kOutputShape
    std::vector<CellRef> cells;  // kWindowCells: the input cells read, sorted (padding taps excluded)
    int64_t choice_count = 0;    // kChoice
    int64_t correct_choice = 0;  // kChoice: 0-based

    // What hints compare a wrong answer with: the layer, and the window's channel planes.
    PoolParams params;
    int64_t input_h = 0, input_w = 0;  // the input plane's size
    std::vector<float> input_plane;    // H*W, row-major; empty past kMaxQuizScan cells
    std::vector<float> output_plane;   // H_out*W_out, row-major; empty past kMaxQuizScan cells (or work)
    int64_t output_w = 0;              //

    NetworkFacts network;  // network questions
};

// What the student gave; only the member for the question's kind is read.
struct QuizAnswer {
    std::string text;  // kValue, kDivisor and the network kinds: as typed ("4.33", "13/3", "nan", "9",
                       // "1, 16, 5, 5", "6x6", "61706")
    std::optional<CellRef> cell;  // kArgmax
    Pair shape;                   // kOutputShape (h, w)
    std::vector<CellRef> cells;   // kWindowCells (order and duplicates do not matter)
    int64_t choice = -1;          // kChoice
};

struct Verdict {
    bool correct = false;
    QuizText hint;    // wrong: what went wrong, specific; right: empty code, or "rounded_ok" for a rounding
    QuizText reveal;  // the answer, for after the reveal: {"answer_value", {"4.3333335"}} ...
};

// Planes larger than this are not kept in a Question (hints that search a plane for the number typed are
// then skipped): a picture lesson's plane has millions of cells, and a lesson may ask many questions.
inline constexpr int64_t kMaxQuizScan = int64_t{1} << 16;

// What make_question() spends on a question of `kind` about `cell` of `plan`, counted in window reads of the
// fast path: the traced window (a traced tap costs kTracedTapReads reads: it is recorded, sorted and kept;
// measured, a value question on a 1024 x 1024 window takes ~360 ns a tap, forward() ~0.9 ns a read), the
// planes kept for hints, the output plane computed for them. Cheap (nothing is traced): the lesson loader
// adds it up over each step's questions and refuses a step whose quiz needs more than kMaxLessonWork, the
// window reads a lesson step may spend (lesson.h), so `check`, the window and the browser stay bounded.
inline constexpr int64_t kTracedTapReads = 400;
int64_t question_work(QuestionKind kind, const PoolPlan& plan, OutputCell cell);

// Whether a question of `kind` about `cell` fits `plan` (the checks make_question starts with, without
// tracing anything): argmax needs a max op, divisor an avg op, the cell must be in the output.
std::optional<Error> question_fits(QuestionKind kind, const PoolPlan& plan, OutputCell cell);

// A question of `kind` about output cell `cell` of `plan` on `input` (output_shape reads neither, so a shape
// step may pass any tensor). Fails when the kind does not fit the op (argmax needs a max op, divisor an avg
// op), the cell is outside the output, or the input does not have the plan's shape.
Result<Question> make_question(QuestionKind kind, const PoolPlan& plan, const Tensor& input, OutputCell cell);
// A multiple-choice question with `count` options, `correct` the right one (0-based).
Result<Question> make_choice_question(int64_t count, int64_t correct);

Verdict check_answer(const Question& question, const QuizAnswer& answer);

// The walkthrough shown after the reveal, one line each (e.g. for output_shape one line per axis).
std::vector<QuizText> explain(const Question& question);

// The typed-number rule (documented in lessons/README.md, "Quiz"): the exact float32 value; or a decimal
// equal to the value rounded to the decimals typed, with at least min(2, decimals the value needs) of them
// (4.5 as "4.5"; 13/3 as "4.33", "4.333" or "4.3333", not "4.3"); or a fraction "a/b" equal to the value
// within float rounding; "nan", "inf", "-inf" for non-finite values.
enum class NumberMatch { kUnreadable, kWrong, kNeedsMoreDecimals, kExact, kRounded };
NumberMatch match_number(std::string_view typed, float value);
// The decimals a rounded answer for `value` must have: min(2, the decimals that write it exactly).
int required_decimals(float value);
// The typed number as a double (decimals, a/b fractions, nan/inf); nullopt when it is not one.
std::optional<double> parse_typed_number(std::string_view typed);

// "Try again with new numbers": an input of the same shape and rank, seeded integers in [0, 9] (in [-9, 9]
// when `current` holds a negative value), so the same seed gives the same matrix everywhere.
Result<Tensor> quiz_new_numbers(const Tensor& current, uint32_t seed);

// English templates of every code make_question / check_answer / explain produce ({0}, {1}... as in
// error_text.h), and one filled in.
struct QuizTemplate {
    std::string_view code;
    std::string_view english;
};
std::vector<QuizTemplate> quiz_templates();
std::string quiz_english(const QuizText& text);

// Shortest float32 text that reads back to the same float ("4.3333335", "nan", "-inf").
std::string float_text(float v);
std::string cell_text(CellRef cell);  // "(1, 2)"

}  // namespace poolscope
