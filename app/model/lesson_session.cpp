// LessonSession (see lesson_session.h): every decision about the open lesson that does not need a window,
// so tests/app/lesson_session_test.cpp can check it without a display.
#include "model/lesson_session.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <system_error>

#include "image/picture.h"
#include "model/app_state.h"
#include "model/lesson_step_edits.h"
#include "model/playback.h"
#include "poolscope/generators.h"

namespace poolscope::app {

std::optional<FileStamp> stamp_of(const std::filesystem::path& path) {
    std::error_code ec;
    FileStamp stamp;
    stamp.mtime = std::filesystem::last_write_time(path, ec);
    if (ec) return std::nullopt;
    stamp.size = std::filesystem::file_size(path, ec);
    if (ec) return std::nullopt;
    return stamp;
}

bool is_open(const LessonSession& session) {
    return session.lesson.has_value();
}

size_t step_total(const LessonSession& session) {
    return session.lesson ? session.lesson->steps.size() : 0;
}

const LessonStep* current_step(const LessonSession& session) {
    if (!session.lesson || session.step >= session.lesson->steps.size()) return nullptr;
    return &session.lesson->steps[session.step];
}

namespace {

// Takes a freshly loaded lesson into the session, keeping the step where it still exists.
void adopt(LessonSession& session, Lesson lesson, size_t step) {
    session.failures = check_lesson(lesson);
    session.lesson = std::move(lesson);
    session.step = session.lesson->steps.empty() ? 0 : std::min(step, session.lesson->steps.size() - 1);
    session.load_errors.clear();
    session.failed_stamp.reset();
    session.history = {};  // snapshots of another version would undo what this one brought
    session.broken_by_edit.clear();
    ++session.generation;
}

}  // namespace

Result<bool> open_lesson(LessonSession& session, const std::filesystem::path& path, size_t step) {
    const std::optional<FileStamp> stamp = stamp_of(path);
    Result<Lesson> loaded = load_lesson_file(path);
    if (!loaded) return loaded.errors();
    if (loaded->steps.empty()) return Error{path.string(), "the lesson has no steps"};
    adopt(session, std::move(loaded).value(), step);
    session.path = path;
    session.stamp = stamp;
    session.dirty = false;
    return true;
}

void close_lesson(LessonSession& session) {
    const uint64_t generation = session.generation + 1;
    session = LessonSession{};
    session.generation = generation;
}

bool go_to_step(LessonSession& session, size_t index) {
    const size_t total = step_total(session);
    if (total == 0) return false;
    index = std::min(index, total - 1);
    if (index == session.step) return false;
    session.step = index;
    ++session.generation;
    return true;
}

bool next_step(LessonSession& session) {
    return go_to_step(session, session.step + 1);
}

bool previous_step(LessonSession& session) {
    return session.step > 0 && go_to_step(session, session.step - 1);
}

StepBadge step_badge(const LessonSession& session, size_t index) {
    if (!session.lesson || index >= session.lesson->steps.size()) return StepBadge::kNoExpectation;
    for (const CheckFailure& f : session.failures)
        if (f.step == index) return StepBadge::kDiffers;
    return session.lesson->steps[index].expected.any() ? StepBadge::kMatches : StepBadge::kNoExpectation;
}

std::vector<std::string> step_failures(const LessonSession& session, size_t index) {
    std::vector<std::string> out;
    for (const CheckFailure& f : session.failures)
        if (f.step == index) out.push_back(f.error.field + ": " + f.error.message);
    return out;
}

ReloadOutcome reload_if_changed(LessonSession& session) {
    if (!session.lesson || session.path.empty()) return ReloadOutcome::kUnchanged;
    const std::optional<FileStamp> now = stamp_of(session.path);
    if (!now || now == session.stamp) return ReloadOutcome::kUnchanged;  // a vanished file: keep what we have
    if (now == session.failed_stamp) return ReloadOutcome::kFailed;      // already reported
    if (session.dirty) return ReloadOutcome::kConflict;                  // never drop unsaved work
    Result<Lesson> loaded = load_lesson_file(session.path);
    if (loaded && loaded->steps.empty()) loaded = Error{session.path.string(), "the lesson has no steps"};
    if (!loaded) {
        session.load_errors = loaded.errors();
        session.failed_stamp = now;  // the lesson on screen stays as it was
        return ReloadOutcome::kFailed;
    }
    adopt(session, std::move(loaded).value(), session.step);
    session.stamp = now;
    return ReloadOutcome::kReloaded;
}

Result<bool> put_current(LessonSession& session, const StepEdit& edit, StepPlacement placement) {
    if (!session.lesson) return Error{"lesson", "no lesson is open"};
    Result<Lesson> changed = put_step(*session.lesson, edit, placement, session.step);
    if (!changed) return changed.errors();
    Lesson lesson = std::move(changed).value();
    const size_t step = placement == StepPlacement::kReplace       ? session.step
                        : placement == StepPlacement::kInsertAfter ? session.step + 1
                                                                   : lesson.steps.size() - 1;
    // An edit like the step-list ones: undoable (the later steps it breaks may want it back, issue 29).
    return commit_lesson_edit(session, std::move(lesson.document), step);
}

Result<bool> save_session(LessonSession& session, const std::filesystem::path& path) {
    if (!session.lesson) return Error{"lesson", "no lesson is open"};
    const std::filesystem::path target = path.empty() ? session.path : path;
    if (target.empty()) return Error{"lesson", "the lesson has no file yet: use Save As"};
    std::string text = lesson_to_string(*session.lesson);
    Result<bool> saved = save_lesson_text(text, target);
    if (!saved) return saved;
    session.lesson->text = std::move(text);  // what the next save splices into, and the base of a merge
    session.path = target;
    session.lesson->source = target.string();
    session.stamp = stamp_of(target);
    session.failed_stamp.reset();
    session.load_errors.clear();
    session.dirty = false;
    return true;
}

namespace {

// The step's input as the window holds it: one image (the first of a batch), rank as written.
Tensor window_input(const LessonStep& step) {
    const Tensor& in = *step.input;
    if (in.shape().n == 1) return in;
    Shape s = in.shape();
    s.n = 1;
    Tensor first(s, 0.0f, std::min(in.rank(), 3));
    std::copy(in.data(), in.data() + s.numel(), first.data());
    return first;
}

}  // namespace

// What the window's matrix editor shows for a step: a pool step's input; for a shape step, the inherited
// input when it has the step's sizes, else 0, 1, 2, ... in that shape (the values do not matter, the sizes
// do). nullopt when the sizes are more than the editor holds.
std::optional<Tensor> step_input_for_window(const LessonStep& step) {
    if (step.kind == StepKind::kNetwork) return std::nullopt;  // a network has no one matrix to edit
    if (step.kind == StepKind::kPool)
        return step.input ? std::optional<Tensor>(window_input(step)) : std::nullopt;
    Shape shape = step.input_shape;
    shape.n = 1;
    if (step.input) {
        const Shape& in = step.input->shape();
        if (in.c == shape.c && in.h == shape.h && in.w == shape.w) return window_input(step);
    }
    if (shape.c < 1 || shape.h < 1 || shape.w < 1 || shape.c > kMaxEditChannels || shape.h > kMaxEditSize ||
        shape.w > kMaxEditSize)
        return std::nullopt;
    Result<Tensor> arange = make_arange(shape, 0.0f, 1.0f, shape.c > 1 ? 3 : 2);
    return arange ? std::optional<Tensor>(std::move(arange).value()) : std::nullopt;
}

namespace {

// A network step's network goes into the document (the Network view shows it, an undoable edit), and its
// focus cell becomes the view's chosen cell; the pooling layer the matrices hold stays as it was.
void apply_network_step(const LessonStep& step, AppState& state) {
    if (!step.network) return;
    state.doc.network = step.network;
    commit_edit(state.doc, "lesson-step");
    state.doc.history.break_merge();
    state.interaction.network_cell.reset();
    if (!step.focus.layer.empty() && !step.focus.start_cell.empty()) {
        const std::vector<int64_t>& c = step.focus.start_cell;
        // The view draws channel 0 of a map: the cell's last two indices (one for a 3-D map's width).
        std::vector<int64_t> cell(c.end() - std::min<ptrdiff_t>(2, static_cast<ptrdiff_t>(c.size())),
                                  c.end());
        state.interaction.network_cell = NetworkCellRef{step.focus.layer, cell};
    }
}

}  // namespace

std::filesystem::path resolve_step_picture(const LessonSession& session, const StepPicture& picture,
                                           const std::filesystem::path& samples_dir) {
    std::vector<std::filesystem::path> candidates;
    if (!session.path.empty()) candidates.push_back(session.path.parent_path() / picture.file);
    if (!samples_dir.empty()) candidates.push_back(samples_dir / picture.file);
    for (const std::filesystem::path& candidate : candidates) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
    }
    return {};
}

void apply_step(const LessonSession& session, AppState& state, Playback& playback) {
    const LessonStep* step = current_step(session);
    if (!step) return;
    if (step->kind == StepKind::kNetwork) return apply_network_step(*step, state);
    std::optional<Tensor> input = step_input_for_window(*step);
    if (!input) return;  // a shape larger than the editor: the lesson column shows its walkthrough instead
    state.doc.input = std::move(*input);
    state.doc.params = step->params;
    state.doc.stride_follows_kernel = !step->params.stride.has_value();
    state.doc.convention = step->convention;  // the window computes what the step's framework computes
    state.doc.pad_mode = step->pad_mode;
    state.doc.storage_order = step->storage_order;
    state.interaction.editor = {};
    commit_edit(state.doc, "lesson-step");
    state.doc.history.break_merge();
    playback.playing = false;
    FocusRequest focus;
    const std::vector<int64_t>& cell = step->focus.start_cell;
    focus.cell = cell.size() >= 2 ? std::pair{cell[cell.size() - 2], cell[cell.size() - 1]}
                                  : std::pair<int64_t, int64_t>{0, 0};  // int64_t is not long everywhere
    if (step->focus.autoplay) focus.play = FocusRequest::Play::kAutoplay;
    state.interaction.focus = focus;
    if (step->compare) open_window(state.view, window_id::kAbSettings);  // the step's A/B settings beside it
    // A step with a gradient is about the backward pass: the window shows it; any other step the forward.
    if (step->grad_output) {
        state.gradient.pass = PassView::kBackward;
        set_grad_output(state.gradient, *step->grad_output);
    } else {
        state.gradient.pass = PassView::kForward;
    }
}

StepEdit edit_from_document(const Document& doc) {
    const LayerSpec layer = layer_of(doc);  // the window's layer, stride as the student left it
    StepEdit edit;
    edit.input = doc.input;
    edit.params = layer.params;
    edit.convention = layer.convention;
    edit.pad_mode = layer.pad_mode;
    edit.storage_order = layer.storage_order;
    return edit;
}

bool differs_from_step(const LessonSession& session, const Document& doc) {
    const LessonStep* step = current_step(session);
    if (!step) return false;
    // A network step: the Network view's network (the student's edits) against the step's.
    if (step->kind == StepKind::kNetwork) return !same_network(doc.network.get(), step->network.get());
    PoolParams mine = doc.params;
    if (doc.stride_follows_kernel) mine.stride.reset();
    if (!(mine == step->params)) return true;
    if (doc.convention != step->convention || doc.pad_mode != step->pad_mode ||
        doc.storage_order != step->storage_order)
        return true;
    if (step->kind == StepKind::kShape) {  // only the sizes matter
        const Shape& a = doc.input.shape();
        const Shape& b = step->input_shape;
        return a.c != b.c || a.h != b.h || a.w != b.w;
    }
    return step->input && !window_input(*step).identical(doc.input);
}

bool window_shows_step(const LessonSession& session, const Document& doc, const GradientView& g) {
    const LessonStep* step = current_step(session);
    if (!step || differs_from_step(session, doc)) return false;
    // A gradient step is shown by the Backward view with the step's grad_output, any other by the Forward.
    // The window plans under the step's convention (apply_step), so any framework's step can be shown.
    if (step->grad_output.has_value() != (g.pass == PassView::kBackward)) return false;
    return !step->grad_output || (g.pending ? *g.pending : g.grad_output).identical(*step->grad_output);
}

StepBadge window_badge(const LessonSession& session, const Document& doc, const GradientView& gradient) {
    const StepBadge badge = step_badge(session, session.step);
    if (badge == StepBadge::kMatches && !window_shows_step(session, doc, gradient))
        return StepBadge::kNotShown;
    return badge;
}

DropTarget route_dropped_path(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".json") return DropTarget::kLesson;
    if (image::is_picture_file(path)) return DropTarget::kPicture;
    return DropTarget::kUnknown;
}

}  // namespace poolscope::app
