// The hiding rule of quiz_hidden.h: each open question marks what it asks about, and what would give that
// away, on the output cell it asks about (or the whole output shape).
#include "poolscope/quiz_hidden.h"

namespace poolscope {
namespace {

bool same_cell(const OutputCell& a, const OutputCell& b) {
    return a.n == b.n && a.c == b.c && a.oh == b.oh && a.ow == b.ow;
}

bool is_average(PoolOp op) {
    return op == PoolOp::kAvg || op == PoolOp::kAdaptiveAvg;
}

HiddenWindow& window_of(QuizHidden& hidden, const OutputCell& cell) {
    for (HiddenWindow& w : hidden.windows)
        if (same_cell(w.cell, cell)) return w;
    hidden.windows.push_back({});
    hidden.windows.back().cell = cell;
    return hidden.windows.back();
}

HiddenLayer& layer_of(QuizHidden& hidden, const std::vector<size_t>& layer) {
    for (HiddenLayer& l : hidden.layers)
        if (l.layer == layer) return l;
    hidden.layers.push_back({});
    hidden.layers.back().layer = layer;
    return hidden.layers.back();
}

}  // namespace

const HiddenLayer* QuizHidden::find_layer(const std::vector<size_t>& layer) const {
    for (const HiddenLayer& l : layers)
        if (l.layer == layer) return &l;
    return nullptr;
}

const HiddenWindow* QuizHidden::find(const OutputCell& cell) const {
    for (const HiddenWindow& w : windows)
        if (same_cell(w.cell, cell)) return &w;
    return nullptr;
}

bool QuizHidden::hides_value(const OutputCell& cell) const {
    if (output_shape) return true;
    const HiddenWindow* w = find(cell);
    return w && w->value;
}

bool QuizHidden::hides_window(const OutputCell& cell) const {
    return output_shape || find(cell) != nullptr;
}

QuizHidden hidden_by(const std::vector<const Question*>& open_questions) {
    QuizHidden hidden;
    for (const Question* q : open_questions) {
        if (!q) continue;
        switch (q->kind) {
            case QuestionKind::kValue: {
                HiddenWindow& w = window_of(hidden, q->cell);
                w.value = w.arithmetic = true;
                if (is_max(q->op)) w.argmax = true;
                if (is_average(q->op)) w.divisor = true;
                break;
            }
            case QuestionKind::kArgmax: {
                HiddenWindow& w = window_of(hidden, q->cell);
                w.argmax = w.value = w.arithmetic = true;
                break;
            }
            case QuestionKind::kDivisor: {
                HiddenWindow& w = window_of(hidden, q->cell);
                w.divisor = w.value = w.arithmetic = true;
                break;
            }
            case QuestionKind::kWindowCells: {
                HiddenWindow& w = window_of(hidden, q->cell);
                w.window = w.arithmetic = true;
                if (is_max(q->op)) w.argmax = true;
                break;
            }
            case QuestionKind::kOutputShape:
                hidden.output_shape = true;
                break;
            case QuestionKind::kChoice:
                break;
            case QuestionKind::kLayerShape:
                layer_of(hidden, q->network.layer).output_shape = true;
                break;
            case QuestionKind::kReceptiveField:
                layer_of(hidden, q->network.layer).receptive_field = true;
                break;
            case QuestionKind::kParameterCount:
                layer_of(hidden, q->network.layer).parameter_count = true;
                break;
        }
    }
    return hidden;
}

}  // namespace poolscope
