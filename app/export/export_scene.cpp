// The export scene (see export_scene.h): an AppState set to the request's input and layer, recomputed and
// stepped through its window positions exactly as the window's timeline does (the Backward view's pass
// updated at each step as the window updates it); a walkthrough is the model's lines for the layer's sizes.
#include "export/export_scene.h"

#include <algorithm>
#include <cstdio>

#include "i18n/error_text.h"
#include "i18n/i18n.h"
#include "i18n/screen_words.h"
#include "model/app_state.h"
#include "model/gradient_step_text.h"
#include "model/input_extent.h"
#include "model/line_breaks.h"
#include "model/number_text.h"
#include "model/playback.h"

namespace poolscope::app {
namespace {

// A grid's label in the export's language (the window's stays as it is).
std::string label(Language language, const char* key, int64_t channel, int64_t rows, int64_t cols) {
    char text[256];
    std::snprintf(text, sizeof text, tr_in(language, key), static_cast<int>(channel), static_cast<int>(rows),
                  static_cast<int>(cols));
    return text;
}

// A sentence as tokens the layout may wrap between (words; Chinese characters), all in one role.
std::vector<ArithmeticToken> sentence_tokens(const std::string& text, TokenRole role) {
    std::vector<ArithmeticToken> tokens;
    for (std::string& piece : break_pieces(text))
        if (piece != "\n") tokens.push_back({std::move(piece), role});
    return tokens;
}

void fill_grids(const Document& doc, const Computed& computed, const SceneRequest& request,
                ExportScene& scene) {
    const Extent e = input_extent(doc, computed);
    scene.first_row = e.first_row, scene.first_col = e.first_col;
    scene.rows = e.last_row - e.first_row + 1, scene.cols = e.last_col - e.first_col + 1;
    const bool max = is_max(doc.params.op);
    const std::string pad_text = max ? (request.symbols ? "−∞" : "-inf") : "0";
    for (int64_t r = e.first_row; r <= e.last_row; ++r)
        for (int64_t c = e.first_col; c <= e.last_col; ++c)
            scene.kinds.push_back(kind_of(doc, computed, r, c));
    const Shape& in = doc.input.shape();
    const Shape& out = computed.plan->output;
    scene.out_rows = out.h, scene.out_cols = out.w;
    for (int64_t ch = 0; ch < scene.channels; ++ch) {
        std::vector<std::string>& texts = scene.input_text.emplace_back();
        size_t i = 0;
        for (int64_t r = e.first_row; r <= e.last_row; ++r)
            for (int64_t c = e.first_col; c <= e.last_col; ++c, ++i)
                texts.push_back(scene.kinds[i] == TapKind::kInput
                                    ? cell_value_text(doc.input.at(0, ch, r, c), request.symbols)
                                : scene.kinds[i] == TapKind::kPadding ? pad_text
                                                                      : "·");
        std::vector<std::string>& outputs = scene.output_text.emplace_back();
        for (int64_t r = 0; r < out.h; ++r)
            for (int64_t c = 0; c < out.w; ++c)
                outputs.push_back(cell_value_text(computed.output.values.at(0, ch, r, c), request.symbols));
        scene.input_labels.push_back(label(request.language, "matrices.input_label_fmt", ch, in.h, in.w));
        scene.output_labels.push_back(label(request.language, "matrices.output_label_fmt", ch, out.h, out.w));
    }
    for (int64_t r = 0; r < out.h; ++r)
        for (int64_t c = 0; c < out.w; ++c)
            scene.step_of_output.push_back(step_of_cell(computed, r, c));
}

void forward_steps(AppState& state, Playback& playback, const SceneRequest& request, ExportScene& scene) {
    fill_grids(state.doc, state.computed, request, scene);
    const int64_t steps = step_count(state.computed);
    const bool show_channel = scene.channels > 1;
    for (int64_t s = 0; s < steps; ++s) {
        playback.step = s;
        update_traces(state.computed, state.doc, playback);
        SceneStep& step = scene.steps.emplace_back();
        step.cell = cell_of_step(state.computed, s);
        step.caption = window_position_text(s, steps, step.cell, request.language);
        step.traces = state.computed.traces;
        for (const CellTrace& t : state.computed.traces)
            step.lines.push_back(arithmetic_tokens(t, state.doc.params.op, request.symbols, show_channel));
        if (request.smooth && s > 0)
            for (int k = 1; k <= request.between_frames; ++k)
                scene.frames.push_back(
                    {s, static_cast<float>(k) / static_cast<float>(request.between_frames + 1)});
        scene.frames.push_back({s, 1.0f});
    }
}

// The Backward view's grids as it draws them: the input without its ring, grad_output in the output's
// place, grad_input after each window (the model's running sum: the core's grad_input at the last step).
Result<bool> backward_steps(AppState& state, Playback& playback, const SceneRequest& request,
                            ExportScene& scene) {
    GradientView& g = state.gradient;
    const Shape& out = state.computed.plan->output;
    if (request.grad_output) {
        const Shape& given = request.grad_output->shape();
        if (given.n != 1 || given.c != out.c || given.h != out.h || given.w != out.w)
            return Error{"grad_output", "is " + shape_text(given) +
                                            ", but the output it flows back from is " + shape_text(out)};
        set_grad_output(g, *request.grad_output);
    }
    g.pass = PassView::kBackward;
    const int64_t steps = step_count(state.computed);
    const Shape& in = state.doc.input.shape();
    const Language language = request.language;
    scene.first_row = scene.first_col = 0;
    scene.rows = in.h, scene.cols = in.w;
    scene.kinds.assign(static_cast<size_t>(in.h * in.w), TapKind::kInput);
    scene.out_rows = out.h, scene.out_cols = out.w;
    scene.share_note = tr_in(language, "grad.share_each_fmt");
    for (int64_t s = 0; s < steps; ++s) {
        playback.step = s;
        update_traces(state.computed, state.doc, playback);
        update_gradients(g, state.doc, state.computed, playback);
        if (!g.result || !g.plan)
            return g.errors.empty() ? Error{"backward", "this layer has no backward pass"} : g.errors.front();
        if (s == 0)
            for (int64_t ch = 0; ch < scene.channels; ++ch) {
                std::vector<std::string>& inputs = scene.input_text.emplace_back();
                for (int64_t r = 0; r < in.h; ++r)
                    for (int64_t c = 0; c < in.w; ++c)
                        inputs.push_back(cell_value_text(g.input.at(0, ch, r, c), request.symbols));
                std::vector<std::string>& grads = scene.output_text.emplace_back();
                for (int64_t r = 0; r < out.h; ++r)
                    for (int64_t c = 0; c < out.w; ++c)
                        grads.push_back(cell_value_text(g.grad_output.at(0, ch, r, c), request.symbols));
                scene.input_labels.push_back(label(language, "grad.input_fmt", ch, 0, 0));
                scene.output_labels.push_back(label(language, "grad.output_fmt", ch, 0, 0));
                scene.grad_input_labels.push_back(label(language, "grad.input_grad_fmt", ch, 0, 0));
            }
        SceneStep& step = scene.steps.emplace_back();
        step.cell = cell_of_step(state.computed, s);
        step.caption = grad_step_header(step.cell, s, steps, language);
        for (int64_t ch = 0; ch < scene.channels; ++ch) {
            const OutputGradTrace& t = g.step_traces[static_cast<size_t>(ch)];
            step.traces.push_back(t.window);
            std::vector<std::string>& values = step.grad_input_text.emplace_back();
            for (int64_t r = 0; r < in.h; ++r)
                for (int64_t c = 0; c < in.w; ++c)
                    values.push_back(cell_value_text(g.running.at(0, ch, r, c), request.symbols));
            std::vector<uint8_t>& fed = step.fed.emplace_back(static_cast<size_t>(in.h * in.w), 0);
            for (const GradTarget& target : t.targets)
                if (target.kind == GradTargetKind::kInput)
                    fed[static_cast<size_t>(target.ih * in.w + target.iw)] = 1;
            const bool feeds = std::find(fed.begin(), fed.end(), 1) != fed.end();
            step.share.push_back(feeds ? "+" + cell_value_text(t.delta, request.symbols) : std::string());
            for (const GradStepLine& line :
                 grad_step_lines(t, scene.max_op, request.symbols, scene.channels > 1, language))
                step.lines.push_back(
                    sentence_tokens(line.text, line.muted ? TokenRole::kChannel : TokenRole::kText));
        }
        step.lines.push_back(sentence_tokens(grad_rule_text(scene.max_op, language), TokenRole::kChannel));
        scene.frames.push_back({s, 1.0f});  // the Backward view steps; it does not slide
    }
    return true;
}

// The output-size walkthrough of the layer on the request's sizes, as the lesson column shows a shape step's:
// under the layer's framework when it plans, else PyTorch's arithmetic and the framework's reasons.
ExportScene walkthrough_scene(const SceneRequest& request, ExportScene scene) {
    Shape shape = request.sizes ? *request.sizes : request.input.shape();
    shape.n = 1;
    const Result<PoolPlan> plan = plan_layer(shape, request.layer);
    LayerSpec layer = plan ? request.layer : LayerSpec{};
    layer.params = request.layer.params;
    scene.walk_lines = layer_walkthrough_lines(shape, layer, plan ? &*plan : nullptr,
                                               WalkOptions{request.language, request.symbols, true});
    if (!plan)
        for (const Error& e : plan.errors())
            scene.walk_lines.push_back({WalkRole::kProblem, error_text(e, request.language), false});
    scene.channels = shape.c;
    SceneStep& step = scene.steps.emplace_back();
    step.caption = request.title.empty() ? tr_in(request.language, "panel.formula") : request.title;
    scene.frames.push_back({0, 1.0f});
    return scene;
}

void legend_words(const SceneRequest& request, ExportScene& scene) {
    if (!request.legend) return;
    const Language l = request.language;
    const auto word = [&](LegendMark mark) -> std::string& {
        return scene.legend_words[static_cast<size_t>(mark)];
    };
    word(LegendMark::kPadding) = tr_in(l, scene.max_op ? "legend.padding_max" : "legend.padding_avg");
    word(LegendMark::kOverhang) = tr_in(l, "legend.overhang");
    word(LegendMark::kWindow) = tr_in(l, "legend.window");
    word(LegendMark::kArgmax) = tr_in(l, "legend.argmax");
    word(LegendMark::kShare) = tr_in(l, "legend.share");
}

}  // namespace

Result<ExportScene> make_scene(const SceneRequest& request) {
    if (request.cell < 8 || request.cell > 400)
        return Error{"cell", "the cell size must be between 8 and 400 pixels, got " +
                                 std::to_string(static_cast<int>(request.cell))};
    ExportScene scene;
    scene.view = request.view;
    scene.colors = request.theme == ExportTheme::kDark ? kDarkColors : kLightColors;
    scene.cell = request.cell;
    scene.max_op = is_max(request.layer.params.op);
    legend_words(request, scene);
    if (request.view == SceneView::kWalkthrough) return walkthrough_scene(request, std::move(scene));

    // Every window position is traced below: the window's editor sizes, never a lesson's picture-sized input.
    const Shape& s = request.input.shape();
    if (s.n != 1 || s.c > kMaxExportChannels || s.h > kMaxExportSize || s.w > kMaxExportSize)
        return Error{"input", "exports draw up to " + std::to_string(kMaxExportChannels) + " channels of " +
                                  std::to_string(kMaxExportSize) + " × " + std::to_string(kMaxExportSize) +
                                  " (one batch), got " + std::to_string(s.n) + " × " + std::to_string(s.c) +
                                  " × " + std::to_string(s.h) + " × " + std::to_string(s.w)};
    AppState state;
    state.doc.input = request.input;
    state.doc.params = request.layer.params;
    state.doc.stride_follows_kernel = !request.layer.params.stride.has_value();
    state.doc.convention = request.layer.convention;
    state.doc.pad_mode = request.layer.pad_mode;
    state.doc.storage_order = request.layer.storage_order;
    mark_changed(state.doc);
    Playback playback;
    recompute(state.doc, state.computed, state.interaction, playback);
    if (!state.computed.plan)
        return state.computed.errors.empty() ? Error{"layer", "the layer has no output"}
                                             : state.computed.errors.front();
    scene.channels = state.doc.input.shape().c;
    if (request.view == SceneView::kForward) {
        forward_steps(state, playback, request, scene);
    } else if (Result<bool> done = backward_steps(state, playback, request, scene); !done) {
        return done.errors();
    }
    return scene;
}

size_t frame_of_step(const ExportScene& scene, int64_t step) {
    for (size_t i = 0; i < scene.frames.size(); ++i)
        if (scene.frames[i].step == step && scene.frames[i].travel >= 1.0f) return i;
    return 0;
}

}  // namespace poolscope::app
