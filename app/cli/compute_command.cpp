#include "cli/compute_command.h"

#include <iostream>
#include <new>
#include <nlohmann/json.hpp>

#include "cli/backward_answers.h"
#include "cli/cli.h"
#include "cli/cli_text.h"
#include "poolscope/convention.h"
#include "poolscope/json_guard.h"
#include "poolscope/json_layer.h"
#include "poolscope/json_params.h"
#include "poolscope/json_tensor.h"
#include "poolscope/pool_forward.h"

namespace poolscope::cli {
namespace {

using nlohmann::json;

// Keys a case may carry besides the parameters.
bool is_case_key(const std::string& key) {
    if (key == "id" || key == "op" || key == "input" || key == "grad_output") return true;
    for (std::string_view k : kParamKeys)
        if (k == key) return true;
    for (std::string_view k : kLayerKeys)
        if (k == key) return true;
    return false;
}

// Dumps without throwing on invalid UTF-8 (it is replaced), so a hostile line still gets an answer.
std::string error_answer(const json& id, const std::string& message) {
    return "{\"id\":" + dump(id) + ",\"error\":" + dump(json(message)) + "}";
}

// Longer lines are answered with an error without being kept: memory must not grow with the input.
constexpr size_t kMaxLineBytes = size_t{64} << 20;

// std::getline that stops storing at kMaxLineBytes (the rest of the line is skipped, `too_long` set).
bool read_line(std::istream& in, std::string& line, bool& too_long) {
    line.clear();
    too_long = false;
    std::streambuf* buf = in.rdbuf();
    bool any = false;
    for (int ch = buf->sbumpc(); ch != std::char_traits<char>::eof(); ch = buf->sbumpc()) {
        any = true;
        if (ch == '\n') return true;
        if (line.size() < kMaxLineBytes)
            line.push_back(static_cast<char>(ch));
        else
            too_long = true;
    }
    in.setstate(std::ios::eofbit);
    return any;
}

std::string answer_parsed_case(std::string_view line, bool& malformed) {
    // nlohmann's copy, dump and compare recurse: refuse deep nesting before anything builds a document.
    if (const std::optional<size_t> at = json_too_deep(line)) {
        malformed = true;
        return error_answer(nullptr, "the line nests arrays or objects more than " +
                                         std::to_string(kMaxJsonDepth) + " levels deep (at byte " +
                                         std::to_string(*at + 1) + "); a case never needs that many");
    }
    json doc = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object()) {
        malformed = true;
        return error_answer(
            nullptr, doc.is_discarded() ? "the line is not valid JSON" : "expected a JSON object per line");
    }
    const json id = doc.contains("id") ? doc["id"] : json(nullptr);
    auto op_it = doc.find("op");
    const bool unpool = op_it != doc.end() && *op_it == "max_unpool2d";
    for (const auto& [key, value] : doc.items())
        if (unpool ? !is_unpool_case_key(key) : !is_case_key(key))
            return error_answer(id, "unknown key \"" + quote_prefix(key) + "\"");
    if (unpool) {
        const Fields f = unpool_answer(doc);
        return f.error.empty() ? "{\"id\":" + dump(id) + f.text + "}" : error_answer(id, f.error);
    }

    if (op_it == doc.end() || !op_it->is_string())
        return error_answer(id,
                            "\"op\" must be one of max_pool2d, avg_pool2d, adaptive_max_pool2d, "
                            "adaptive_avg_pool2d, max_unpool2d, lp_pool2d");
    const std::optional<PoolOp> op = parse_op(op_it->get<std::string>());
    if (!op)
        return error_answer(id, "unknown op \"" + quote_prefix(op_it->get_ref<const std::string&>()) + "\"");
    auto input_it = doc.find("input");
    if (input_it == doc.end()) return error_answer(id, "\"input\" is required");

    // The lesson format also takes 4-sided padding (top, left, bottom, right); PyTorch's and MXNet's ops do
    // not (ONNX's pads and TensorFlow's explicit padding do).
    const bool four_sides =
        doc.contains("convention") && (doc["convention"] == "onnx" || doc["convention"] == "tensorflow");
    if (auto pad = doc.find("padding"); !four_sides && pad != doc.end() && pad->is_array() && pad->size() > 2)
        return error_answer(id,
                            "/padding: padding must be a single integer or a list of 1 or 2 integers, "
                            "as in PyTorch and MXNet, got " +
                                brief_json(*pad));

    Result<Tensor> input = tensor_from_json(*input_it, "/input");
    if (!input) return error_answer(id, input.error_text());
    Result<LayerSpec> layer = layer_from_json(doc, *op, input->shape(), "");
    if (!layer) return error_answer(id, layer.error_text());
    Result<PoolPlan> plan = plan_layer(input->shape(), *layer);
    if (!plan) return error_answer(id, plan.error_text());
    if (auto grad = doc.find("grad_output"); grad != doc.end()) {
        const Fields f = grad_answer(*plan, *input, *grad, layer->params.return_indices);
        return f.error.empty() ? "{\"id\":" + dump(id) + f.text + "}" : error_answer(id, f.error);
    }
    PoolOutput result = forward(*plan, *input);

    std::string answer = "{\"id\":" + dump(id) + ",\"output\":" + tensor_to_json(result.values);
    if (plan->params.return_indices) {
        // Each framework's own numbering (ONNX: flat over N x C x H x W, storage_order).
        const Shape& out = plan->output;
        const int64_t plane = out.h * out.w;
        for (size_t j = 0; j < result.indices.size(); ++j) {
            const int64_t nc = static_cast<int64_t>(j) / plane;
            result.indices[j] = framework_index(*plan, nc / out.c, nc % out.c, result.indices[j]);
        }
        answer +=
            ",\"indices\":" + indices_to_json(result.indices, result.values.shape(), result.values.rank());
    }
    return answer + "}";
}

}  // namespace

std::string answer_case(std::string_view line, bool& malformed) {
    malformed = false;
    // One case must never cost the batch: a case too big for the memory left is answered like any error.
    try {
        return answer_parsed_case(line, malformed);
    } catch (const std::bad_alloc&) {
        return error_answer(
            nullptr, "not enough memory for this case (" + std::to_string(line.size()) + " bytes of JSON)");
    } catch (const std::exception& e) {
        return error_answer(nullptr, std::string("internal error: ") + quote_prefix(e.what()));
    }
}

int run_compute(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err) {
    for (int i = 2; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            out << "usage: poolscope compute < cases.jsonl > answers.jsonl\n\n"
                   "Reads one JSON case per line and writes one JSON answer per line, in order (blank lines\n"
                   "are skipped: they get no answer):\n"
                   "  {\"id\": \"a\", \"op\": \"max_pool2d\", \"input\": [[0,1,2],[3,4,5],[6,7,8]], "
                   "\"kernel_size\": 2, \"stride\": 1}\n"
                   "  -> {\"id\":\"a\",\"output\":[[4.0,5.0],[7.0,8.0]]}\n\n"
                   "ops: max_pool2d, avg_pool2d, adaptive_max_pool2d, adaptive_avg_pool2d, lp_pool2d, "
                   "max_unpool2d\n"
                   "keys (PyTorch's names and defaults): kernel_size, stride, padding, dilation, ceil_mode,\n"
                   "  count_include_pad, divisor_override, return_indices, output_size, norm_type\n"
                   "  (lp_pool2d: norm_type (required; a number, \"inf\" or \"-inf\"), kernel_size, stride, "
                   "ceil_mode)\n"
                   "\"convention\": \"pytorch\" (default), \"tensorflow\", \"onnx\" or \"mxnet\": that "
                   "framework's rules\n"
                   "  and defaults, and also its own key names:\n"
                   "  tensorflow  \"padding\": \"valid\" (default) or \"same\" (out = ceil(in/stride), the "
                   "odd padding\n"
                   "              cell at the end); average pooling excludes padding; pool_size, strides = "
                   "kernel_size,\n"
                   "              stride; no ceil_mode or count_include_pad; \"dilations\" / "
                   "\"dilation_rate\" "
                   "(tf.nn.pool;\n"
                   "              strides must then be 1, their default); numbers as padding, e.g.\n"
                   "              [[0,0],[1,1],[2,2],[0,0]] (tf.nn.max_pool2d, max only, each pad < "
                   "window);\n"
                   "              return_indices (tf.nn.max_pool_with_argmax: (y*W + x)*C + c), "
                   "include_batch_in_index\n"
                   "  onnx        \"padding\" or \"auto_pad\": \"same_upper\", \"same_lower\", \"valid\", "
                   "\"notset\"; or numbers:\n"
                   "              \"padding\"/\"pads\" as 1, 2 or 4 values [top, left, bottom, right] "
                   "(ONNX's order);\n"
                   "              stride defaults to 1; count_include_pad defaults to false; ceil_mode and\n"
                   "              count_include_pad also as 0/1; \"storage_order\": 0 or 1 (indices); "
                   "kernel_shape,\n"
                   "              strides, dilations = kernel_size, stride, dilation; indices are flat over "
                   "N*C*H*W;\n"
                   "              dilations on every op (AveragePool: opset 19); lp_pool2d is LpPool, "
                   "(sum |x|^p)^(1/p),\n"
                   "              \"p\" an integer (default 2); \"global_pool\": true is GlobalMaxPool / "
                   "GlobalAveragePool /\n"
                   "              GlobalLpPool (no kernel, strides, pads)\n"
                   "  mxnet       \"pooling_convention\": \"valid\" (default) or \"full\" (= ceil_mode, "
                   "keeps every\n"
                   "              window); padding symmetric, any size up to kernel <= in + 2*padding;\n"
                   "              count_include_pad defaults to true; pool_size, strides = kernel_size, "
                   "stride\n"
                   "  e.g. "
                   "{\"convention\":\"mxnet\",\"op\":\"max_pool2d\",\"input\":[[0,1,2,3],[4,5,6,7],[8,9,10,"
                   "11],\n"
                   "        [12,13,14,15]],\"kernel_size\":[2,3],\"padding\":[1,2],\"stride\":[2,3]}\n"
                   "    -> {\"output\":[[0.0,3.0],[8.0,11.0],[12.0,15.0]]}\n"
                   "input: nested array H×W, C×H×W or N×C×H×W; non-finite values as \"nan\", \"inf\", "
                   "\"-inf\"\n\n"
                   "Backward: add \"grad_output\" (nested array shaped like the output, at the input's "
                   "rank)\n"
                   "  -> {\"id\", \"output\"[, \"indices\"], \"grad_input\"}: the input's gradient as "
                   "PyTorch 1.13's\n"
                   "  autograd computes it (max: each grad to its window's argmax, overlaps adding up; avg: "
                   "grad /\n"
                   "  divisor to every counted cell, the padding's share dropped). A grad_output of another "
                   "shape\n"
                   "  is an error. A max window holding no input cell (dilation stepping over the input) "
                   "sends its\n"
                   "  grad where PyTorch's saved index points; where PyTorch would write past the end of "
                   "grad_input\n"
                   "  (memory corruption), the answer drops it and carries a \"warning\".\n\n"
                   "Unpooling: {\"op\": \"max_unpool2d\", \"input\", \"indices\" (integers shaped like the "
                   "input,\n"
                   "  h*W + w in the output plane), \"kernel_size\", \"stride\" (default kernel_size), "
                   "\"padding\"\n"
                   "  (default 0), \"output_size\" ([H, W] or [N, C, H, W]; default (in-1)*stride + kernel - "
                   "2*padding,\n"
                   "  must be strictly within one stride of it)} -> {\"id\", \"output\"}; an index outside "
                   "the\n"
                   "  output plane is an error, as in PyTorch.\n\n"
                   "A configuration the framework rejects answers {\"id\", \"error\": message}; other lines "
                   "go on.\n"
                << "Lines nested more than " << kMaxJsonDepth << " levels deep or longer than "
                << (kMaxLineBytes >> 20)
                << " MiB are answered with an error.\n"
                   "Exit status: 0, or 1 when a line was not a JSON object (or could not be read).\n";
            return kExitOk;
        }
        err << "poolscope compute: unexpected argument '" << quote_prefix(arg) << "' (see --help)\n";
        return kExitUsage;
    }
    std::ios::sync_with_stdio(false);
    bool any_malformed = false;
    std::string line;
    bool too_long = false;
    while (read_line(in, line, too_long)) {
        bool malformed = too_long;
        if (too_long)
            out << error_answer(nullptr, "the line is longer than " + std::to_string(kMaxLineBytes) +
                                             " bytes, PoolScope's limit for one case")
                << '\n';
        else if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;  // blank lines carry no case
        else
            out << answer_case(line, malformed) << '\n';
        any_malformed = any_malformed || malformed;
    }
    out.flush();
    if (any_malformed) err << "poolscope compute: some lines were not JSON objects (answered with errors)\n";
    return any_malformed ? kExitInputError : kExitOk;
}

}  // namespace poolscope::cli
