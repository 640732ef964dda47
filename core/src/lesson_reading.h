// Internal to the lesson loader (core/src/lesson*.cpp): the reading context that collects errors and
// warnings, the small JSON readers, and one step's resolution on top of the previous step (Carry).
// lesson.cpp reads the document; lesson_step.cpp one step; lesson_inputs.cpp inputs; lesson_json_text.cpp
// text guards and message helpers.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "poolscope/lesson.h"

namespace poolscope::lesson_reading {

using nlohmann::json;

// ---- Text guards and message helpers (lesson_json_text.cpp) ------------------------------------------

// Messages must stay valid UTF-8 even when they quote a broken file: escape every non-ASCII byte.
std::string printable(std::string_view text);

struct LineColumn {
    size_t line = 1;
    size_t column = 1;
};

LineColumn position_of(std::string_view text, size_t offset);
std::string where(const std::string& source, LineColumn lc);
// nlohmann's parser keeps a stack per nesting level and destroys values recursively: refuse deep nesting
// before it ever sees the text.
std::optional<Error> check_depth(std::string_view text, const std::string& source);
// A JSON value quoted in a message, cut short so a gigantic array cannot flood the report.
std::string brief(const json& v);
// JSON Pointer paths ("/steps/2/kernel_size").
std::string child(const std::string& path, std::string_view key);
std::string child(const std::string& path, size_t index);
// Edit distance counting a swap of neighbours as one edit ("stpe" is one typo away from "step").
size_t edit_distance(std::string_view a, std::string_view b);

struct Context {
    std::vector<Error> errors;
    std::vector<Error> warnings;

    void error(std::string field, std::string message) {
        errors.push_back({std::move(field), std::move(message)});
    }
    // Unknown keys are warnings (an older PoolScope reading a newer lesson still works), with a hint for
    // typos.
    void check_keys(const json& object, const std::string& path, const std::vector<std::string_view>& known);
};

// ---- Readers (lesson_inputs.cpp) ---------------------------------------------------------------------

bool read_int(const json& v, int64_t& out);
std::optional<LocalizedText> read_text(Context& ctx, const json& v, const std::string& path);
// A shape as written: [H, W], [C, H, W] or [N, C, H, W] (or one integer for a square H×W). Checked against
// the lesson's element limit before anything is allocated.
std::optional<std::pair<Shape, int>> read_shape(Context& ctx, const json& v, const std::string& path);
std::optional<float> read_float(Context& ctx, const json& object, std::string_view key, float fallback,
                                const std::string& path);
// Nested values ([[...]] at any rank up to 4).
std::optional<Tensor> read_values(Context& ctx, const json& v, const std::string& path);
// An input: nested values, a generator, or the previous input with an edit.
std::optional<Tensor> read_input(Context& ctx, const json& v, const std::string& path,
                                 const std::shared_ptr<const Tensor>& previous, int nesting = 0);
// {"file": "landscape.png", "view": "red", "crop": [top, left, height, width]}; only `file` is required.
std::optional<StepPicture> read_picture(Context& ctx, const json& v, const std::string& path);

// ---- One step (lesson_step.cpp) ----------------------------------------------------------------------

// What a step hands to the next one.
struct Carry {
    std::shared_ptr<const Tensor> input;
    std::optional<std::pair<Shape, int>> size;  // from the last input or input_size
    std::optional<LayerSpec> layer;  // the current layer (params, padding mode, ONNX storage order)
    Convention convention = Convention::kPyTorch;
    std::string code;
    std::string code_zh;
    std::array<bool, kPanelCount> panels{true, true, false};
    std::optional<StepPicture> picture;
    std::optional<nlohmann::json> network;  // the last network, resolved to its full JSON
};

// Reads steps[i] on top of `carry`, appends it to `steps` when it resolves, and updates `carry`.
void read_step(Context& ctx, const json& v, const std::string& path, Carry& carry,
               std::vector<LessonStep>& steps);

// ---- A/B settings (lesson_compare.cpp) --------------------------------------------------------------

// Reads a pool step's "compare" ({"a": {...}, "b": {...}}) on top of the step's resolved layer, and checks
// that both sides plan on the step's input and differ.
void read_compare(Context& ctx, const json& v, const std::string& path, LessonStep& step);
// check_lesson() for a step's compare: the comparison runs within its limit, and shows a difference on the
// step's input or says why the setting changes nothing (a note), else it teaches nothing.
void check_compare(const LessonStep& step, size_t index, std::vector<CheckFailure>& failures);

// ---- Network steps (lesson_network.cpp) ---------------------------------------------------------------

// Whether step `v` is a network step: "kind": "network", or a "network" key.
bool is_network_step(const json& v);
// The rest of a network step, after its title, narration and code: the network (its own, or the previous
// one, changed), focus, expected results and quiz, validated; appends the step when it resolves.
void read_network_step(Context& ctx, const json& v, const std::string& path, Carry& carry, LessonStep& step,
                       std::vector<LessonStep>& steps);
// check_lesson() for a network step: its error, D2L's table, the sizes and the parameters it expects.
void check_network_step(const LessonStep& step, size_t index, std::vector<CheckFailure>& failures);
// What a network step should state as `expected` (expected_of_step): the table and parameters, or the error.
nlohmann::ordered_json network_expected(const LessonStep& step);

// ---- Quiz questions (lesson_quiz.cpp) -----------------------------------------------------------------

// Reads a step's "quiz" (one question object or a list of them) into step.quiz.
void read_quiz(Context& ctx, const json& v, const std::string& path, LessonStep& step);
// Builds each question once the step has resolved, so a kind that does not fit the op, or a cell outside the
// output, is a load error at its path.
void check_quiz_fits(Context& ctx, const LessonStep& step);

}  // namespace poolscope::lesson_reading
