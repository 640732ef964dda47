// Network questions: the answer from the core (the layer's shape, its receptive field, its parameters), the
// check of a typed answer with the most specific hint the numbers support, and the walkthrough after the
// reveal. Codes and their English text: quiz_text.cpp.
#include "poolscope/network_quiz.h"

#include <cctype>
#include <charconv>

#include "int_text.h"
#include "poolscope/receptive_field.h"
#include "quiz_hints.h"

namespace poolscope {
namespace {

using ::poolscope::detail::num;

std::string times_text(const std::vector<int64_t>& dims) {
    std::string s;
    for (size_t i = 0; i < dims.size(); ++i)
        s += (i ? " x " : "") + num(dims[i]);
    return s;
}

std::string runs_text(int64_t first, int64_t last) {
    return first == last ? num(first) : num(first) + ".." + num(last);
}

const char* type_of(const NetLayer& layer) {
    switch (layer.type) {
        case LayerType::kConv2d:
            return "conv";
        case LayerType::kPool:
            return is_adaptive(layer.pool.op) ? "adaptive" : "pool";
        case LayerType::kFlatten:
            return "flatten";
        case LayerType::kLinear:
            return "linear";
        case LayerType::kSequential:
            return "block";
        case LayerType::kReLU:
        case LayerType::kSigmoid:
        case LayerType::kDropout:
            return "same";
    }
    return "same";
}

// Whole numbers in `text`, in order; nullopt when anything else than separators stands between them.
std::optional<std::vector<int64_t>> numbers_in(std::string_view text, bool allow_words) {
    std::vector<int64_t> out;
    size_t i = 0;
    if (allow_words && text.rfind("torch.Size", 0) == 0) i = 10;
    while (i < text.size()) {
        const char ch = text[i];
        if (ch >= '0' && ch <= '9') {
            int64_t v = 0;
            auto [end, ec] = std::from_chars(text.data() + i, text.data() + text.size(), v);
            if (ec != std::errc()) return std::nullopt;
            out.push_back(v);
            i = static_cast<size_t>(end - text.data());
        } else if (ch == ',' || ch == ' ' || ch == 'x' || ch == 'X' || ch == '[' || ch == ']' || ch == '(' ||
                   ch == ')' || ch == '\t' || ch == '*') {
            ++i;
        } else {
            return std::nullopt;
        }
    }
    if (out.empty()) return std::nullopt;
    return out;
}

Verdict check_layer_shape(const Question& q, const QuizAnswer& a) {
    const NetworkFacts& n = q.network;
    Verdict v;
    v.reveal = {"answer_layer_shape", {n.layer_name, n.layer_class, torch_size_text(n.output)}};
    const std::optional<std::vector<int64_t>> typed = parse_typed_sizes(a.text);
    if (!typed) {
        v.hint = {"sizes_unreadable", {a.text}};
        return v;
    }
    if (*typed == n.output) {
        v.correct = true;
        return v;
    }
    const std::vector<int64_t>& t = *typed;
    if (t.size() != n.output.size()) {
        v.hint = {"size_rank",
                  {num(static_cast<int64_t>(n.output.size())), num(static_cast<int64_t>(t.size()))}};
        return v;
    }
    if (t == n.input) {
        v.hint = {"size_is_input", {n.layer_name}};
        return v;
    }
    const size_t r = t.size();
    const std::string type = n.layer_type;
    if ((type == "conv" || type == "pool") && r >= 3 && n.h && n.w) {
        if (type == "conv" && t[r - 3] != n.output[r - 3]) {
            v.hint = {"size_channels_conv", {num(n.out_channels)}};
        } else if (type == "pool" && t[r - 3] != n.output[r - 3]) {
            v.hint = {"size_channels_pool", {num(n.output[r - 3])}};
        } else if (t[r - 2] != n.output[r - 2]) {
            v.hint = axis_mistake(q, *n.h, t[r - 2], "H");
        } else if (t[r - 1] != n.output[r - 1]) {
            v.hint = axis_mistake(q, *n.w, t[r - 1], "W");
        } else {
            v.hint = {"size_batch", {}};
        }
        return v;
    }
    if (type == "flatten") {
        std::vector<int64_t> merged(n.input.begin() + 1, n.input.end());
        v.hint = {"size_flatten", {times_text(merged)}};
    } else if (type == "linear") {
        v.hint = {"size_linear", {num(n.out_channels)}};
    } else if (type == "adaptive") {
        v.hint = {"adaptive_shape", {}};
    } else if (type == "same") {
        v.hint = {"size_same", {n.layer_class}};
    } else if (type == "block") {
        v.hint = {"size_block", {}};
    } else {
        v.hint = {"size_recompute", {torch_size_text(n.input)}};
    }
    return v;
}

Verdict check_field(const Question& q, const QuizAnswer& a) {
    const NetworkFacts& n = q.network;
    Verdict v;
    v.reveal = {
        "answer_receptive_field",
        {runs_text(n.first.h, n.last.h), runs_text(n.first.w, n.last.w), num(n.span.h), num(n.span.w)}};
    const std::optional<std::vector<int64_t>> typed = numbers_in(a.text, false);
    if (!typed || typed->size() > 2) {
        v.hint = {"field_unreadable", {a.text}};
        return v;
    }
    const Pair given = typed->size() == 1 ? Pair{(*typed)[0], (*typed)[0]} : Pair{(*typed)[0], (*typed)[1]};
    if (given == n.span) {
        v.correct = true;
        return v;
    }
    if (n.textbook && given == n.size && n.size != n.span)
        v.hint = {"field_textbook_clipped", {num(n.size.h), num(n.size.w)}};
    else if (given == n.count && n.count != n.span)
        v.hint = {"field_counted_holes", {}};
    else if (given.h == n.span.w && given.w == n.span.h)
        v.hint = {"swapped_axes", {}};
    else if (n.textbook && n.jump != Pair{1, 1})
        v.hint = {"field_jump", {num(n.jump.h), num(n.jump.w)}};
    else
        v.hint = {"field_recompute", {}};
    return v;
}

Verdict check_parameters(const Question& q, const QuizAnswer& a) {
    const NetworkFacts& n = q.network;
    const int64_t total = n.parameters();
    Verdict v;
    v.reveal = {"answer_parameter_count", {n.layer_name, num(total)}};
    std::string digits;
    for (char ch : a.text)
        if (ch != ',' && ch != ' ' && ch != '_') digits += ch;
    int64_t given = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), given);
    if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size()) {
        v.hint = {"params_unreadable", {a.text}};
        return v;
    }
    if (given == total) {
        v.correct = true;
        return v;
    }
    const std::vector<int64_t>& w = n.weight_dims;
    // Weights missing one factor, with or without the biases (sizes are untrusted: saturate, never overflow).
    const auto counts_without = [&](int64_t x, int64_t y) {
        const int64_t weights = saturating_mul(x, y);
        int64_t with_biases = 0;
        if (__builtin_add_overflow(weights, n.biases, &with_biases)) with_biases = INT64_MAX;
        return given == weights || given == with_biases;
    };
    if (total == 0)
        v.hint = {"params_none", {n.layer_class}};
    else if (given == n.weights && n.biases > 0)
        v.hint = {"params_forgot_bias", {num(n.biases)}};
    else if (w.size() == 4 && counts_without(w[0], w[1]))
        v.hint = {"params_forgot_kernel", {num(w[2]), num(w[3])}};
    else if (w.size() == 4 && counts_without(w[0], saturating_mul(w[2], w[3])))
        v.hint = {"params_forgot_in", {num(w[1])}};
    else
        v.hint = {"params_recompute", {}};
    return v;
}

}  // namespace

std::optional<std::vector<int64_t>> parse_typed_sizes(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    return numbers_in(text, true);
}

Result<Question> make_network_question(QuestionKind kind, const Network& net, const NetworkShapes& shapes,
                                       const std::vector<size_t>& layer, const std::vector<int64_t>& cell) {
    if (!is_network_question(kind))
        return Error{"kind",
                     "a " + std::string(question_kind_name(kind)) +
                         " question needs a matrix; a network step asks layer_shape, receptive_field, "
                         "parameter_count or choice"};
    const std::optional<size_t> at = shapes.find(layer);
    const NetLayer* spec = layer_at(net, layer);
    if (!at || !spec || shapes.layers[*at].output.empty())
        return Error{"layer", layer_name(layer) +
                                  " has no output (there is no such layer, or the network "
                                  "breaks before it leaves)"};
    const LayerShape& shape = shapes.layers[*at];
    Question q;
    q.kind = kind;
    NetworkFacts& n = q.network;
    n.layer = layer;
    n.layer_name = layer_name(layer);
    n.layer_class = shape.name;
    n.layer_type = type_of(*spec);
    n.input = shape.input;
    n.output = shape.output;
    n.h = shape.h;
    n.w = shape.w;
    n.weights = shape.weights;
    n.biases = shape.biases;
    if (spec->type == LayerType::kConv2d) {
        n.out_channels = spec->conv.out_channels;
        n.weight_dims = {spec->conv.out_channels, shape.in_channels / spec->conv.groups,
                         spec->conv.kernel_size.h, spec->conv.kernel_size.w};
        q.params.stride = spec->conv.stride;  // for the hints: Conv2d's stride is never the kernel's
    } else if (spec->type == LayerType::kLinear) {
        n.out_channels = spec->linear.out_features;
        n.weight_dims = {spec->linear.out_features, shape.in_channels};
    } else if (spec->type == LayerType::kPool) {
        q.params = spec->pool;
    }
    if (kind == QuestionKind::kLayerShape) {
        q.prompt = {"prompt_layer_shape", {n.layer_name, n.layer_class}};
        return q;
    }
    if (kind == QuestionKind::kParameterCount) {
        q.prompt = {"prompt_parameter_count", {n.layer_name, n.layer_class}};
        return q;
    }
    Result<ReceptiveField> field = receptive_field(net, shapes, layer, cell);
    if (!field) return field.errors();
    if (!field->h || !field->w)
        return Error{"cell",
                     "a receptive_field question needs a network whose input has rows and columns "
                     "(3 or 4 dimensions)"};
    const AxisField &h = *field->h, &w = *field->w;
    n.cell = field->cell;
    n.span = {h.span, w.span};
    n.count = {h.count, w.count};
    n.first = {h.first, w.first};
    n.last = {h.last, w.last};
    n.textbook = h.textbook && w.textbook;
    n.size = {h.size, w.size};
    n.jump = {h.jump, w.jump};
    n.start = {h.start, w.start};
    q.prompt = {"prompt_receptive_field", {size_list_text(n.cell), n.layer_name, n.layer_class}};
    return q;
}

Verdict check_network_answer(const Question& q, const QuizAnswer& a) {
    switch (q.kind) {
        case QuestionKind::kLayerShape:
            return check_layer_shape(q, a);
        case QuestionKind::kReceptiveField:
            return check_field(q, a);
        default:
            return check_parameters(q, a);
    }
}

std::vector<QuizText> explain_network(const Question& q) {
    const NetworkFacts& n = q.network;
    std::vector<QuizText> lines;
    if (q.kind == QuestionKind::kParameterCount) {
        if (n.parameters() == 0)
            lines.push_back({"explain_no_parameters", {n.layer_name, n.layer_class}});
        else
            lines.push_back(
                {"explain_parameters",
                 {times_text(n.weight_dims), num(n.weights), num(n.biases), num(n.parameters())}});
        return lines;
    }
    if (q.kind == QuestionKind::kLayerShape) {
        lines.push_back({"explain_layer_sizes",
                         {n.layer_name, n.layer_class, torch_size_text(n.input), torch_size_text(n.output)}});
        for (int axis = 0; axis < 2 && n.h && n.w; ++axis) {
            const AxisShape& a = axis == 0 ? *n.h : *n.w;
            lines.push_back(
                {"explain_shape_axis",
                 {axis == 0 ? "H" : "W", num(a.input), num(a.pad_begin), num(a.pad_end), num(a.dilation),
                  num(a.kernel), num(a.effective_kernel), num(a.slide), num(a.stride),
                  a.ceil_mode ? "ceil" : "floor", num(a.quotient), num(a.raw_output)}});
            if (a.dropped_last_window)
                lines.push_back({"explain_shape_dropped", {axis == 0 ? "H" : "W", num(a.output)}});
        }
        if (n.layer_type == "flatten")
            lines.push_back({"explain_flatten",
                             {times_text({n.input.begin() + 1, n.input.end()}), num(n.output.back())}});
        if (n.layer_type == "linear")
            lines.push_back({"explain_linear", {num(n.input.back()), num(n.out_channels)}});
        return lines;
    }
    for (int axis = 0; axis < 2; ++axis) {
        const char* name = axis == 0 ? "rows" : "columns";
        const int64_t first = axis == 0 ? n.first.h : n.first.w, last = axis == 0 ? n.last.h : n.last.w;
        const int64_t count = axis == 0 ? n.count.h : n.count.w, span = axis == 0 ? n.span.h : n.span.w;
        lines.push_back({"explain_field_axis", {name, runs_text(first, last), num(count), num(span)}});
        if (!n.textbook) continue;
        const int64_t size = axis == 0 ? n.size.h : n.size.w, start = axis == 0 ? n.start.h : n.start.w;
        lines.push_back({"explain_field_textbook",
                         {name, num(size), num(axis == 0 ? n.jump.h : n.jump.w), num(start),
                          runs_text(start, start + size - 1)}});
        if (count > 0 && (first != start || last != start + size - 1))
            lines.push_back({"explain_field_clipped", {name}});
        if (count != span) lines.push_back({"explain_field_holes", {name, num(span - count), num(span)}});
    }
    if (!n.textbook) lines.push_back({"explain_field_no_textbook", {}});
    return lines;
}

}  // namespace poolscope
