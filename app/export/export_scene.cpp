// The export scene (see export_scene.h): an AppState set to the request's input and layer, recomputed and
// stepped through its window positions exactly as the window's timeline does.
#include "export/export_scene.h"

#include <algorithm>
#include <cstdio>

#include "i18n/i18n.h"
#include "i18n/screen_words.h"
#include "model/app_state.h"
#include "model/input_extent.h"
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

}  // namespace

Result<ExportScene> make_scene(const SceneRequest& request) {
    // Every window position is traced below: the window's editor sizes, never a lesson's picture-sized input.
    const Shape& s = request.input.shape();
    if (s.n != 1 || s.c > kMaxExportChannels || s.h > kMaxExportSize || s.w > kMaxExportSize)
        return Error{"input", "exports draw up to " + std::to_string(kMaxExportChannels) + " channels of " +
                                  std::to_string(kMaxExportSize) + " × " + std::to_string(kMaxExportSize) +
                                  " (one batch), got " + std::to_string(s.n) + " × " + std::to_string(s.c) +
                                  " × " + std::to_string(s.h) + " × " + std::to_string(s.w)};
    if (request.cell < 8 || request.cell > 400)
        return Error{"cell", "the cell size must be between 8 and 400 pixels, got " +
                                 std::to_string(static_cast<int>(request.cell))};
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

    ExportScene scene;
    scene.colors = request.theme == ExportTheme::kDark ? kDarkColors : kLightColors;
    scene.cell = request.cell;
    scene.channels = state.doc.input.shape().c;
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
    return scene;
}

size_t frame_of_step(const ExportScene& scene, int64_t step) {
    for (size_t i = 0; i < scene.frames.size(); ++i)
        if (scene.frames[i].step == step && scene.frames[i].travel >= 1.0f) return i;
    return 0;
}

}  // namespace poolscope::app
