// Lessons: a versioned JSON document of steps a teacher writes by hand (format in lessons/README.md).
// load_lesson_*() resolves every step up front (each step inherits what it does not change), so the app can
// jump to any step; the original JSON is kept so save_lesson() preserves keys PoolScope does not know.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "poolscope/convention.h"
#include "poolscope/language.h"
#include "poolscope/network.h"
#include "poolscope/network_shape.h"
#include "poolscope/pool_backward.h"
#include "poolscope/pool_forward.h"
#include "poolscope/pool_params.h"
#include "poolscope/pool_plan.h"
#include "poolscope/quiz.h"
#include "poolscope/result.h"
#include "poolscope/tensor.h"

namespace poolscope {

// The one format this build reads and writes.
inline constexpr std::string_view kLessonFormat = "poolscope-lesson/1";
// Hostile-file guards: bytes read, JSON nesting depth, elements of one step's input, steps per lesson.
inline constexpr int64_t kMaxLessonBytes = int64_t{4} << 20;
inline constexpr int kMaxLessonDepth = 64;
inline constexpr int64_t kMaxLessonElements = int64_t{1} << 20;
inline constexpr int64_t kMaxLessonSteps = 1000;
// Questions per step (a hostile-file guard; a real step asks one to three).
inline constexpr size_t kMaxStepQuestions = 32;
// Window reads check_lesson() may spend on one step (a lesson is a small worked example).
inline constexpr int64_t kMaxLessonWork = int64_t{1} << 26;

// Text in English and Simplified Chinese; either may be empty, then the other is shown.
struct LocalizedText {
    std::string en;
    std::string zh;

    const std::string& get(Language language) const;  // falls back to the other language
    bool empty() const { return en.empty() && zh.empty(); }
};

enum class StepKind {
    kPool,     // an input matrix pooled by the op (the default)
    kShape,    // the output-size walkthrough: sizes and parameters only, no matrix
    kNetwork,  // a network of layers (lesson_network.cpp): its shapes, a layer's receptive field
};

enum class Panel { kFormula, kArithmetic, kChannels };
inline constexpr int kPanelCount = 3;
std::string_view panel_name(Panel panel);

struct StepFocus {
    std::vector<int64_t>
        start_cell;  // output cell to start at: [h, w], [c, h, w] or [n, c, h, w]; empty = first
                     // (network steps: a cell of `layer`'s output, leading dimensions 0 when left out)
    std::vector<size_t>
        layer;              // network steps: the layer shown ([3] = net[3], [3, 1] = net[3][1]); empty = none
    bool autoplay = false;  //
    std::array<bool, kPanelCount> panels{true, true, false};  // formula, arithmetic, channels (inherited)
    bool shows(Panel panel) const { return panels[static_cast<size_t>(panel)]; }
};

// What the textbook prints, checked against the core by check_lesson().
struct StepExpected {
    std::optional<Tensor> output;      // values (rank as written)
    std::optional<Tensor> grad_input;  // the input's gradient for the step's grad_output (rank as written)
    std::optional<std::vector<int64_t>> shape;  // output shape as written: [H, W] ... [N, C, H, W]
    bool error = false;                         // the op must be rejected ...
    std::string error_field;                    // ... on this parameter, when set ("padding")
    std::string error_contains;                 // ... with a message containing this, when set
    // Network steps: D2L's table (one line per top-level layer that runs, "Conv2d output shape:\t
    // torch.Size([1, 6, 28, 28])"), the same sizes as lists, and the parameters of the layers that run.
    std::optional<std::vector<std::string>> table;
    std::optional<std::vector<std::vector<int64_t>>> shapes;
    std::optional<int64_t> parameters;
    bool any() const { return output || grad_input || shape || error || table || shapes || parameters; }
};

// A picture the app's Image view opens for a step (the matrix itself is the step's `input`, e.g. a crop).
struct StepPicture {
    std::string file;                            // relative to the lesson's folder, else the sample pictures
    std::string view = "rgb";                    // rgb, red, green, blue or gray
    std::optional<std::array<int64_t, 4>> crop;  // top, left, height, width of the crop the input shows
    bool operator==(const StepPicture&) const = default;
};

// A quiz question on a step ("quiz" in the lesson format): asked before the step's result is revealed. The
// stored answer is what the textbook says; check_lesson() verifies it is what the core computes.
struct StepQuestion {
    std::string path;  // "/steps/3/quiz/0" (or "/steps/3/quiz" for a lone question object), for messages
    QuestionKind kind = QuestionKind::kValue;
    std::vector<int64_t> cell;  // output cell as written ([h, w] ... [n, c, h, w]); empty = the focus cell
    std::vector<size_t> layer;  // network steps: the layer asked about; empty = the focus layer
    LocalizedText prompt;       // empty = the core's prompt for the kind (required for choice)
    std::vector<LocalizedText> options;  // choice: the options, in order
    std::vector<LocalizedText>
        option_why;             // choice: why each option is wrong (same length; empty = not given)
    LocalizedText explanation;  // shown after the reveal, with the core's walkthrough
    nlohmann::json answer;      // as written: a number, [h, w], [H_out, W_out], [[h, w], ...], an index
};

// Two settings of the step's layer the app shows side by side on the step's input (issue 29; "compare" in the
// lesson format, lessons/README.md): each side is the step's layer with its keys changed (a side that names
// "op" starts a new layer, as a step does). Not inherited.
struct StepCompare {
    LayerSpec a;  // "a": the step's layer when absent
    LayerSpec b;  // "b": likewise; a and b differ
    bool operator==(const StepCompare&) const = default;
};

// One step, fully resolved: everything inherited from earlier steps is filled in.
struct LessonStep {
    std::string path;  // "/steps/3": where the step lives in the document, for messages
    StepKind kind = StepKind::kPool;
    LocalizedText title;
    LocalizedText narration;  // light markup: blank line = paragraph, *emphasis*, `code`
    LocalizedText reveal;     // same markup; shown once every question of `quiz` is answered or revealed
    std::shared_ptr<const Tensor> input;  // pool steps: the input matrix (shared with steps that inherit it)
    Shape input_shape;                    // the input's shape (shape steps: the sizes written)
    int input_rank = 2;                   // how the input was written (2, 3 or 4)
    PoolParams params;                    // op and every parameter, in PyTorch's vocabulary
    Convention convention = Convention::kPyTorch;
    PadMode pad_mode = PadMode::kExplicit;  // TensorFlow "same"/"valid", ONNX auto_pad (step_layer())
    int64_t storage_order = 0;              // ONNX MaxPool indices
    std::string code;     // the snippet the step corresponds to, e.g. "nn.MaxPool2d(3, padding=1, stride=2)"
    std::string code_zh;  // the same with its comments in Chinese, when the lesson gives {"en", "zh"}
    StepFocus focus;
    StepExpected expected;
    std::optional<StepPicture> picture;  // inherited like the input
    std::optional<Tensor> grad_output;  // pool steps: the gradient arriving at the output (shaped like it, at
                                        // the input's rank; "ones" in the file), not inherited
    std::vector<StepQuestion> quiz;     // not inherited
    std::shared_ptr<const Network> network;  // network steps: the network, resolved (inherited and changed)
    std::optional<StepCompare> compare;      // pool steps: A/B settings to open, not inherited
};

struct Lesson {
    std::string source;  // file path or a name given by the caller; prefixes syntax errors
    LocalizedText title;
    LocalizedText description;  // what the lesson is about, for the lesson browser (may be empty)
    std::vector<LessonStep> steps;
    std::vector<Error> warnings;  // unknown keys and other things worth telling the author
    nlohmann::ordered_json
        document;      // the JSON as read (key order kept, plus edits), written by save_lesson()
    std::string text;  // the file's text as read (empty for a lesson made in memory): a save splices the
                       // edits into it, so untouched steps keep their bytes (lesson_text.h)
};

// Syntax errors have field "source:line:column"; semantic errors a JSON pointer ("/steps/3/padding").
// Warnings (unknown keys) go to lesson.warnings, and also to `warnings` when given (even if loading fails).
Result<Lesson> load_lesson_string(std::string_view text, std::string source = "<string>",
                                  std::vector<Error>* warnings = nullptr);
Result<Lesson> load_lesson_file(const std::filesystem::path& path, std::vector<Error>* warnings = nullptr);
// Resolves an already parsed document (the depth guard still applies).
Result<Lesson> load_lesson_json(nlohmann::ordered_json document, std::string source = "<json>",
                                std::vector<Error>* warnings = nullptr);

// The step's layer under its convention (the step's params in PyTorch's vocabulary, which the lesson format
// uses for every framework), and its plan through plan_layer(). Shape steps plan on their sizes.
LayerSpec step_layer(const LessonStep& step);
Result<PoolPlan> plan_step(const LessonStep& step);
// A network step's network with its shapes walked (network_shape.h); an error for other steps.
Result<NetworkShapes> step_network_shapes(const LessonStep& step);
// Writes `network` as step `index`'s "network" (in full, replacing a "change" of the inherited one) and
// reloads, keeping the step's other keys: what a Network view's edits become.
Result<Lesson> put_step_network(const Lesson& lesson, size_t index, const Network& network);
// Plans and runs a pool step (shape steps: an error saying there is no matrix).
Result<PoolOutput> compute_step(const LessonStep& step);
// The backward pass of a pool step with a grad_output (pool_backward.h); an error when it has none.
Result<BackwardOutput> compute_step_backward(const LessonStep& step);
// The step's `expected` as the core computes it: {"output": ...} (plus "grad_input" for a step with a
// grad_output), {"shape": [...]} for a shape step (at the rank its sizes were written), or {"error":
// {"field":
// ...}} when the framework rejects the layer. What "Record expected" and a new step write.
nlohmann::ordered_json expected_of_step(const LessonStep& step);

// Question `index` of the step's quiz as the core asks it, on the step's input, or on `input` when given (the
// same shape: "try again with new numbers", see quiz_new_numbers()).
Result<Question> make_step_question(const LessonStep& step, size_t index, const Tensor* input = nullptr);
// The stored answer of a step question in the form check_answer() takes.
Result<QuizAnswer> stored_answer(const StepQuestion& question);
// A quiz text of a lesson question in `language`, naming a multiple-choice option by its text: a wrong
// choice's hint becomes "“option” is not right: <the option's why>" (or a general reason when the lesson
// gives none), the reveal "The right answer is “option”". Any other text is returned unchanged.
QuizText lesson_quiz_text(const StepQuestion& question, const QuizText& text, Language language);

// Give-aways (warnings for `poolscope check`; `--strict` fails on them): a step's title, narration, code
// line, or a question's prompt, options or explanation that shows the answer of one of the step's questions
// (the rule is in lessons/README.md, "Give-aways"), a wrong choice option without a `why`, and a `reveal` on
// a step without questions (it would show at once). Each warning's field is the JSON path of the text
// ("/steps/2/narration/en").
std::vector<Error> find_give_aways(const Lesson& lesson);

// One failed expectation, with the step's JSON path as field.
struct CheckFailure {
    size_t step = 0;
    Error error;  // field "/steps/3/expected/output", message quoting expected and actual
};
// Verifies every step's expected results, and every quiz question's stored answer, against the core; empty =
// all pass.
std::vector<CheckFailure> check_lesson(const Lesson& lesson);

// After an edit (issue 29): the steps of `after` that fail check_lesson() but passed in `before` (a step
// inserted at `inserted` is new and not counted; the steps after it moved one down), i.e. the later steps
// that inherited the change.
std::vector<size_t> newly_failing_steps(const Lesson& before, const Lesson& after,
                                        std::optional<size_t> inserted = std::nullopt);
// Re-records the given steps from the core: each one's own `expected` and every computed question's `answer`
// (choice answers are the author's words and stay). Returns the reloaded lesson.
Result<Lesson> rerecord_steps(const Lesson& lesson, const std::vector<size_t>& steps);
// A question's answer as a lesson file writes it: a number ("nan"/"inf" as strings), [h, w], [H_out, W_out],
// [[h, w], ...], an option index, a layer's size, a field (n, or [rows, columns]) or a parameter count.
nlohmann::json recorded_answer(const Question& question);

// A question as the app's "Ask about..." writes it (issue 29): the answer is never typed, the core records
// it (a choice's right option is the author's).
struct QuestionDraft {
    QuestionKind kind = QuestionKind::kValue;
    std::vector<int64_t>
        cell;  // as a lesson writes it ([h, w] ... [n, c, h, w]); empty = the step's focus cell
    std::vector<size_t> layer;  // network steps; empty = the focus layer
    LocalizedText prompt;       // empty = the core's prompt for the kind (a choice needs one)
    std::vector<LocalizedText> options, option_why;  // choice: the options and why each wrong one is wrong
    int64_t correct_choice = 0;                      // choice: 0-based
};
// Appends the question to step `step`'s quiz with its recorded answer; the reloaded lesson, or why not.
Result<Lesson> add_step_question(const Lesson& lesson, size_t step, const QuestionDraft& draft);
// The question's prompt in both languages (empty: the core's own prompt again).
Result<Lesson> set_question_prompt(const Lesson& lesson, size_t step, size_t index,
                                   const LocalizedText& prompt);
// Moves question `from` to place `to` (0-based) among the step's questions.
Result<Lesson> move_step_question(const Lesson& lesson, size_t step, size_t from, size_t to);
// Deletes the question (a step left without questions loses its "quiz").
Result<Lesson> remove_step_question(const Lesson& lesson, size_t step, size_t index);

// Light narration markup, parsed for the app: paragraphs of spans.
struct TextSpan {
    std::string text;
    bool emphasis = false;
    bool code = false;
};
using Paragraph = std::vector<TextSpan>;
std::vector<Paragraph> parse_narration(std::string_view text);

// Authoring: what the app's editor holds, written as a step.
struct StepEdit {
    Tensor input;
    PoolParams params;
    Convention convention = Convention::kPyTorch;
    std::string code;                       // empty = leave the step's snippet alone
    PadMode pad_mode = PadMode::kExplicit;  // written as "padding": "same" ... when not explicit
    int64_t storage_order = 0;              // ONNX MaxPool indices
};
enum class StepPlacement { kReplace, kInsertAfter, kAppend };
// The step's code line as the UI in `language` shows it (its comments translated where the lesson does).
const std::string& step_code(const LessonStep& step, Language language);
// Whether the step's code line is the one PoolScope writes for its layer (or there is none): put_step then
// rewrites it for the edited layer; a line the teacher wrote is kept, and the app marks it once it no longer
// is the generated one.
bool step_code_is_generated(const LessonStep& step);
// Writes `edit` into the document as explicit input values and parameters (over step `index`, or as a new
// step after it / at the end), keeping the step's other keys, and reloads. The result is a new Lesson.
Result<Lesson> put_step(const Lesson& lesson, const StepEdit& edit, StepPlacement placement,
                        size_t index = 0);

// The document as text: spliced into lesson.text (untouched steps byte for byte), changed steps and new
// lessons in the canonical style (splice_lesson_text in lesson_text.h).
std::string lesson_to_string(const Lesson& lesson);
// Atomic (file_write.h): a temporary file in the same directory, flushed, then renamed over `path` (a
// symlink's target; mode and owner kept; a read-only file refused). Text the loader would refuse (over
// kMaxLessonBytes, a duplicate key...) is never written: the error says why and the file stays as it was.
Result<bool> save_lesson(const Lesson& lesson, const std::filesystem::path& path);
// The same for text already written (`poolscope fmt`, a merged lesson).
Result<bool> save_lesson_text(std::string_view text, const std::filesystem::path& path);

}  // namespace poolscope
