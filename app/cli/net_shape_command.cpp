// `poolscope shape --net FILE`: D2L's table (`Conv2d output shape:\t torch.Size([1, 6, 28, 28])`), then the
// parameter count; --walkthrough adds under each layer the same output-size walkthrough `poolscope shape`
// prints for one pooling layer (Conv2d uses the same formula), the Flatten and Linear arithmetic, and the
// parameters; --receptive-field with --cell prints the exact input cells an output cell depends on beside the
// textbook's size, jump and start. A network that breaks prints the lines D2L would print, then PyTorch's
// exception (exit status 1).
#include "cli/net_shape_command.h"

#include <charconv>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/cli.h"
#include "cli/cli_text.h"
#include "cli/shape_command.h"
#include "poolscope/network.h"
#include "poolscope/network_shape.h"
#include "poolscope/receptive_field.h"
#include "poolscope/text_guard.h"

namespace poolscope::cli {

const char* const kNetUsage =
    "--net reads a network as JSON with PyTorch's class and argument names:\n"
    "  {\"input\": [1, 1, 28, 28], \"layers\": [{\"type\": \"Conv2d\", \"in_channels\": 1, \"out_channels\": "
    "6,\n"
    "   \"kernel_size\": 5, \"padding\": 2}, {\"type\": \"Sigmoid\"}, {\"type\": \"AvgPool2d\", "
    "\"kernel_size\": 2,\n"
    "   \"stride\": 2}, ...]}\n"
    "(Conv2d, LazyConv2d, Linear, LazyLinear, MaxPool2d, AvgPool2d, LPPool2d, AdaptiveAvgPool2d,\n"
    "AdaptiveMaxPool2d, ReLU, Sigmoid, Dropout, Flatten, and Sequential with \"layers\"; lessons/networks/ "
    "has\n"
    "D2L's LeNet, AlexNet, VGG-11 and NiN) and prints each layer's output shape as D2L prints it,\n"
    "  Conv2d output shape:\\t torch.Size([1, 6, 28, 28])\n"
    "then the number of parameters. Where PyTorch 1.13 would raise, the lines before it are printed, then\n"
    "the layer and PyTorch's exception, e.g. \"mat1 and mat2 shapes cannot be multiplied (1x400 and 16x5)\"\n"
    "(exit status 1).\n"
    "  --walkthrough, -w     under each layer: the output-size formula with its numbers (Conv2d and the\n"
    "                        pooling layers), the Flatten and Linear arithmetic, and its parameters\n"
    "  --receptive-field L   the input cells output cell --cell of layer L depends on: L counts from 0 as\n"
    "                        D2L's net[L]; 3.1 is net[3][1]. --cell gives the cell's indices (C,H,W, or\n"
    "                        H,W: leading ones are 0). Prints the exact rows and columns beside the\n"
    "                        textbook's size, jump and start, and where they differ.\n";

namespace {

bool parse_numbers(std::string_view text, char separator, std::vector<int64_t>& out) {
    out.clear();
    while (!text.empty()) {
        const size_t cut = text.find(separator);
        const std::string_view part = text.substr(0, cut);
        int64_t v = 0;
        auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
        if (ec != std::errc() || end != part.data() + part.size() || part.empty()) return false;
        out.push_back(v);
        if (cut == std::string_view::npos) break;
        text.remove_prefix(cut + 1);
        if (text.empty()) return false;
    }
    return !out.empty() && out.size() <= 8;
}

std::string runs_text(const IndexRuns& r) {
    if (r.empty()) return "none";
    std::string s;
    for (size_t i = 0; i < r.runs.size(); ++i) {
        if (i == 12) return s + ", ... (" + std::to_string(r.runs.size()) + " runs)";
        const auto [begin, end] = r.runs[i];
        s += (i ? ", " : "") + (end - begin == 1 ? num(begin) : num(begin) + ".." + num(end - 1));
    }
    return s;
}

void print_walkthrough(const LayerShape& shape, const NetLayer& layer, std::ostream& out) {
    const std::string indent(4 + 2 * static_cast<size_t>(shape.depth()), ' ');
    out << indent << layer_name(shape.index) << " = " << network_layer_code(layer) << ": "
        << size_list_text(shape.input) << " -> "
        << (shape.output.empty() ? std::string("(raises)") : size_list_text(shape.output)) << "\n";
    auto lines = [&](const std::string& text) {
        size_t start = 0;
        while (start < text.size()) {
            const size_t end = text.find('\n', start);
            out << indent << "  " << text.substr(start, end - start) << "\n";
            start = end == std::string::npos ? text.size() : end + 1;
        }
    };
    if (shape.h && shape.w) {
        lines(describe_axis(*shape.h, "H"));
        if (shape.w->input == shape.h->input && shape.w->kernel == shape.h->kernel &&
            shape.w->stride == shape.h->stride && shape.w->pad_begin == shape.h->pad_begin &&
            shape.w->pad_end == shape.h->pad_end && shape.w->dilation == shape.h->dilation)
            lines("W_out: the same numbers, so W_out = " + num(shape.w->output));
        else
            lines(describe_axis(*shape.w, "W"));
    }
    switch (layer.type) {
        case LayerType::kConv2d:
            if (!shape.output.empty())
                lines("channels: out_channels = " + num(layer.conv.out_channels) +
                      (layer.conv.lazy ? " (in_channels " + num(shape.in_channels) + " taken from the input)"
                                       : std::string()));
            break;
        case LayerType::kPool:
            if (is_adaptive(layer.pool.op) && !shape.output.empty())
                lines("adaptive pooling makes the output_size asked for: " +
                      num(shape.output[shape.output.size() - 2]) + " x " + num(shape.output.back()));
            break;
        case LayerType::kFlatten:
            if (!shape.output.empty())
                lines("dimensions " + num(layer.flatten.start_dim) + " to " + num(layer.flatten.end_dim) +
                      " become one: " + size_list_text(shape.input) + " -> " + size_list_text(shape.output));
            break;
        case LayerType::kLinear:
            lines("in_features " + num(shape.in_channels) + ", the last dimension arriving is " +
                  num(shape.input.back()) + "; out_features " + num(layer.linear.out_features));
            break;
        case LayerType::kReLU:
        case LayerType::kSigmoid:
        case LayerType::kDropout:
            lines("one value in, one value out: the shape stays");
            break;
        case LayerType::kSequential:
            break;
    }
    if (shape.parameters() > 0 && layer.type != LayerType::kSequential) {
        std::string sizes;
        if (layer.type == LayerType::kConv2d)
            sizes = num(layer.conv.out_channels) + " x " + num(shape.in_channels / layer.conv.groups) +
                    " x " + num(layer.conv.kernel_size.h) + " x " + num(layer.conv.kernel_size.w);
        else
            sizes = num(layer.linear.out_features) + " x " + num(shape.in_channels);
        lines("parameters: " + num(shape.parameters()) + " = " + sizes + " weights" +
              (shape.biases ? " + " + num(shape.biases) + (shape.biases == 1 ? " bias" : " biases")
                            : std::string()));
    } else if (layer.type == LayerType::kSequential) {
        lines("parameters: " + num(shape.parameters()) + " in its " +
              num(static_cast<int64_t>(layer.layers.size())) + " layers");
    }
}

void print_axis(const char* name, const AxisField& a, std::ostream& out) {
    out << "  " << name << ": " << runs_text(a.cells) << " (" << a.count << " of " << a.input;
    if (a.count > 0) out << ", span " << a.span;
    out << ")\n";
    if (!a.textbook) {
        out << "    textbook: no constant jump past an adaptive pool, a Flatten or a Linear\n";
        return;
    }
    out << "    textbook: size " << a.size << ", jump " << a.jump << ", start " << a.start << " (" << a.start
        << ".." << a.start + a.size - 1 << ")";
    std::vector<std::string> why;
    if (a.clipped_begin) why.push_back("starts in the padding, the exact field at " + num(a.first));
    if (a.clipped_end)
        why.push_back("runs past the input (padding or ceil_mode), the exact field ends at " + num(a.last));
    if (a.holes)
        why.push_back("has holes: " + num(a.span - a.count) + " of the " + num(a.span) +
                      " cells in its span are not read");
    if (why.empty()) out << ": the same cells\n";
    for (size_t i = 0; i < why.size(); ++i)
        out << (i ? "; it " : ": differs, it ") << why[i] << (i + 1 == why.size() ? "\n" : "");
}

int print_field(const Network& net, const NetworkShapes& shapes, const std::string& layer_text,
                const std::string& cell_text, bool maps, std::ostream& out, std::ostream& err) {
    std::vector<int64_t> index, cell;
    if (!parse_numbers(layer_text, '.', index) || !parse_numbers(cell_text, ',', cell)) {
        err << "poolscope shape: --receptive-field takes a layer such as 7 or 3.1, --cell indices such as "
               "0,2,3; "
               "got '"
            << quote_prefix(layer_text) << "' and '" << quote_prefix(cell_text) << "'\n";
        return kExitUsage;
    }
    std::vector<size_t> layer;
    for (int64_t i : index) {
        if (i < 0) {
            err << "poolscope shape: layer indices count from 0\n";
            return kExitUsage;
        }
        layer.push_back(static_cast<size_t>(i));
    }
    Result<ReceptiveField> f = receptive_field(net, shapes, layer, cell);
    if (!f) {
        err << "poolscope shape: " << f.error_text() << "\n";
        return kExitInputError;
    }
    const std::optional<size_t> at = shapes.find(layer);
    out << "receptive field of " << layer_name(layer) << " (" << shapes.layers[*at].name << ") output cell "
        << size_list_text(f->cell) << " on the input " << torch_size_text(shapes.input) << ":\n";
    if (f->h && f->w) {
        out << "  channels: " << runs_text(f->channels) << "\n";
        print_axis("rows", *f->h, out);
        print_axis("columns", *f->w, out);
    } else {
        for (size_t d = 0; d < f->input.dims.size(); ++d)
            out << "  dimension " << d << ": " << runs_text(f->input.dims[d]) << "\n";
    }
    if (!maps) return kExitOk;
    for (size_t i = 0; i < shapes.layers.size(); ++i)
        if (f->after[i]) {
            out << "  after " << layer_name(shapes.layers[i].index) << " (" << shapes.layers[i].name << "):";
            for (const IndexRuns& d : f->after[i]->dims)
                out << " [" << runs_text(d) << "]";
            out << "\n";
        }
    return kExitOk;
}

}  // namespace

int run_net_shape(int argc, char** argv, std::ostream& out, std::ostream& err) {
    std::string file, field_layer, field_cell;
    bool walkthrough = false;
    for (int i = 2; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--walkthrough" || arg == "-w") {
            walkthrough = true;
            continue;
        }
        std::string* target = arg == "--net"               ? &file
                              : arg == "--receptive-field" ? &field_layer
                              : arg == "--cell"            ? &field_cell
                                                           : nullptr;
        if (!target) {
            err << "poolscope shape: unknown option '" << quote_prefix(arg) << "' with --net\n" << kNetUsage;
            return kExitUsage;
        }
        if (i + 1 >= argc) {
            err << "poolscope shape: " << arg << " needs a value\n";
            return kExitUsage;
        }
        *target = argv[++i];
    }
    if (field_layer.empty() != field_cell.empty()) {
        err << "poolscope shape: --receptive-field and --cell go together\n";
        return kExitUsage;
    }
    Result<Network> net = network_from_file(file);
    if (!net) {
        for (const Error& e : net.errors())
            err << "poolscope shape: " << (e.field.rfind(file, 0) == 0 ? e.field : file + ": " + e.field)
                << ": " << e.message << "\n";
        return kExitInputError;
    }
    const NetworkShapes shapes = network_shapes(*net);
    for (size_t i = 0; i < shapes.layers.size(); ++i) {
        const LayerShape& shape = shapes.layers[i];
        if (shape.index.size() == 1 && !shape.output.empty()) out << d2l_shape_line(shape) << "\n";
        if (walkthrough) print_walkthrough(shape, *layer_at(*net, shape.index), out);
    }
    if (shapes.error) {
        const NetworkError& e = *shapes.error;
        const NetLayer* layer = layer_at(*net, e.index);
        err << "poolscope shape: " << layer_name(e.index) << " (" << layer_class_name(*layer) << ", "
            << e.error.field << ") raises " << e.kind << (e.when_built ? " when it is built" : "") << ": "
            << e.error.message << "\n";
        for (const Error& reason : e.reasons)
            err << "  PoolScope: " << reason.message << "\n";
        return kExitInputError;
    }
    out << "parameters: " << shapes.parameters << "\n";
    if (!field_layer.empty())
        return print_field(*net, shapes, field_layer, field_cell, walkthrough, out, err);
    return kExitOk;
}

}  // namespace poolscope::cli
