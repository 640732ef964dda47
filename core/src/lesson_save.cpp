// Writing lessons back: put_step() turns the editor's input and parameters into a step of the original
// document (other keys of that step, and unknown keys anywhere, are kept); save_lesson() writes atomically.
#include "poolscope/convention.h"
#include "poolscope/file_write.h"
#include "poolscope/json_layer.h"
#include "poolscope/json_params.h"
#include "poolscope/json_tensor.h"
#include "poolscope/lesson.h"
#include "poolscope/lesson_text.h"

namespace poolscope {

using nlohmann::json;

namespace {

// A new step stands on its own: a title saying where it is, the code line of its own layer (never the
// previous step's, which may have other parameters) and, as `expected`, what the core computes now (its
// output, or that PyTorch rejects it), so `poolscope check` has something to verify.
std::optional<Error> describe_new_step(nlohmann::ordered_json& document, size_t at, bool generate_code) {
    nlohmann::ordered_json& written = document["steps"][at];
    const bool stated = written.contains("expected");
    Result<Lesson> resolved = load_lesson_json(document);
    if (!resolved && !stated) {
        // A layer PyTorch rejects loads only as a step that expects the error: record that.
        written["expected"] = {{"error", true}};
        resolved = load_lesson_json(document);
    }
    if (!resolved) return resolved.errors().front();
    const LessonStep& step = resolved->steps[at];
    if (!written.contains("title")) {
        const std::string n = std::to_string(at + 1);
        written["title"] = {{"en", "Step " + n}, {"zh", "第 " + n + " 步"}};
    }
    if (generate_code) written["code"] = layer_code(step_layer(step));
    if (!stated) written["expected"] = expected_of_step(step);
    return std::nullopt;
}

// `code` rewritten for `now` when its last line is the line PoolScope writes for `was` (bare, or called on X
// as lessons write it: "nn.MaxPool2d(3)(X)"); lines above it (X = ...) stay. nullopt: the teacher's own.
std::optional<std::string> regenerated_code(const std::string& code, const LayerSpec& was,
                                            const LayerSpec& now) {
    const size_t cut = code.rfind('\n');
    const std::string head = cut == std::string::npos ? "" : code.substr(0, cut + 1);
    const std::string last = cut == std::string::npos ? code : code.substr(cut + 1);
    const std::string generated = layer_code(was);
    if (last == generated) return head + layer_code(now);
    if (last == generated + "(X)") return head + layer_code(now) + "(X)";
    return std::nullopt;
}

// After an edit, every step's own code line that PoolScope wrote for the step's old layer follows its new
// layer (the edited step, and later steps that inherit the change). `inserted`: a new step, not compared.
void follow_code_lines(nlohmann::ordered_json& document, const Lesson& before, std::optional<size_t> inserted,
                       std::optional<size_t> keep) {
    Result<Lesson> after = load_lesson_json(document);
    if (!after) return;
    nlohmann::ordered_json& steps = document["steps"];
    for (size_t j = 0; j < after->steps.size() && j < steps.size(); ++j) {
        if ((inserted && j == *inserted) || (keep && j == *keep)) continue;
        const size_t old = inserted && j > *inserted ? j - 1 : j;
        const LessonStep& now = after->steps[j];
        if (old >= before.steps.size() || now.kind == StepKind::kNetwork) continue;
        const LessonStep& was = before.steps[old];
        if (was.kind == StepKind::kNetwork || !steps[j].is_object()) continue;
        auto own = steps[j].find("code");
        if (own == steps[j].end() || !own->is_string()) continue;
        if (std::optional<std::string> code = regenerated_code(*own, step_layer(was), step_layer(now)))
            *own = *code;
    }
}

}  // namespace

const std::string& step_code(const LessonStep& step, Language language) {
    return language == Language::kChinese && !step.code_zh.empty() ? step.code_zh : step.code;
}

bool step_code_is_generated(const LessonStep& step) {
    if (step.code.empty()) return true;
    if (step.kind != StepKind::kPool && step.kind != StepKind::kShape) return false;
    return regenerated_code(step.code, step_layer(step), step_layer(step)).has_value();
}

Result<Lesson> put_step(const Lesson& lesson, const StepEdit& edit, StepPlacement placement, size_t index) {
    nlohmann::ordered_json document = lesson.document;
    if (!document.is_object() || !document.contains("steps") || !document["steps"].is_array())
        return Error{"/steps", "the lesson has no list of steps to edit"};
    nlohmann::ordered_json& steps = document["steps"];
    if (placement != StepPlacement::kAppend && index >= steps.size())
        return Error{"/steps/" + std::to_string(index),
                     "no such step (the lesson has " + std::to_string(steps.size()) + ")"};
    nlohmann::ordered_json step = nlohmann::ordered_json::object();
    if (placement == StepPlacement::kReplace && steps[index].is_object()) step = steps[index];
    // The step becomes a pool step on an explicit matrix with a fresh layer ("op" resets to PyTorch's
    // defaults, so only the parameters that differ are written).
    for (const char* key : {"input", "input_size", "op", "kind", "network"})
        step.erase(key);
    for (std::string_view key : kParamKeys)
        step.erase(std::string(key));
    for (std::string_view key : kLayerKeys)
        step.erase(std::string(key));
    step["input"] = nlohmann::ordered_json::parse(tensor_to_json(edit.input));
    step["op"] = std::string(op_name(edit.params.op));
    // "op" starts from the framework's defaults: the layer is written against them (layer_to_json).
    json params = json::object();
    layer_to_json(LayerSpec{edit.convention, edit.params, edit.pad_mode, edit.storage_order}, params);
    for (std::string_view key : kParamKeys)  // PyTorch's argument order, not alphabetical
        if (auto it = params.find(std::string(key)); it != params.end()) step[std::string(key)] = *it;
    for (const char* key : {"storage_order", "global_pool", "include_batch_in_index"})
        if (auto it = params.find(key); it != params.end()) step[key] = *it;
    // The framework is written only where it changes: a step inherits the one before it (PyTorch at first).
    const size_t position = placement == StepPlacement::kReplace       ? index
                            : placement == StepPlacement::kInsertAfter ? index + 1
                                                                       : steps.size();
    const Convention inherited = position > 0 && position - 1 < lesson.steps.size()
                                     ? lesson.steps[position - 1].convention
                                     : Convention::kPyTorch;
    if (edit.convention != inherited)
        step["convention"] = std::string(convention_name(edit.convention));
    else
        step.erase("convention");
    if (!edit.code.empty()) step["code"] = edit.code;
    switch (placement) {
        case StepPlacement::kReplace:
            steps[index] = std::move(step);
            break;
        case StepPlacement::kInsertAfter:
            steps.insert(steps.begin() + static_cast<std::ptrdiff_t>(index) + 1, std::move(step));
            break;
        case StepPlacement::kAppend:
            steps.push_back(std::move(step));
            break;
    }
    std::optional<size_t> inserted;
    if (placement != StepPlacement::kReplace) {
        inserted = placement == StepPlacement::kAppend ? steps.size() - 1 : index + 1;
        if (std::optional<Error> e = describe_new_step(document, *inserted, edit.code.empty())) return *e;
    }
    // Code lines PoolScope wrote follow the layers they describe; a teacher's own stay (the app marks them).
    std::optional<size_t> keep;
    if (placement == StepPlacement::kReplace && !edit.code.empty()) keep = index;
    follow_code_lines(document, lesson, inserted, keep);
    Result<Lesson> changed = load_lesson_json(std::move(document), lesson.source);
    if (changed) changed.value().text = lesson.text;  // the file it will be spliced into
    return changed;
}

std::string lesson_to_string(const Lesson& lesson) {
    return splice_lesson_text(lesson.text, lesson.document);
}

Result<bool> save_lesson(const Lesson& lesson, const std::filesystem::path& path) {
    return save_lesson_text(lesson_to_string(lesson), path);
}

Result<bool> save_lesson_text(std::string_view text, const std::filesystem::path& path) {
    // Never write what could not be opened again: over the loader's size limit, or text it would refuse.
    if (static_cast<int64_t>(text.size()) > kMaxLessonBytes)
        return Error{path.string(), "the lesson would be " + std::to_string(text.size()) +
                                        " bytes, more than the " + std::to_string(kMaxLessonBytes) +
                                        " a lesson may have, so it could not be opened again; the file is "
                                        "left as it was"};
    if (Result<Lesson> again = load_lesson_string(text, path.string()); !again)
        return Error{path.string(), "the text to write would not load again (" + again.error_text() +
                                        "); the file is left as it was"};
    // A temporary file renamed over the lesson (symlinks followed, mode and owner kept, read-only refused).
    return replace_file(path, text);
}

}  // namespace poolscope
