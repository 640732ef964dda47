// libFuzzer target for networks: any bytes must give a Network or errors (never a crash, hang or huge
// allocation); a network that loads walks its shapes, prints D2L's table, writes back to JSON that reads
// again the same, and answers receptive fields and network questions for a few of its cells.
//   build-asan/fuzz/network_fuzzer -dict=fuzz/network.dict build-asan/fuzz-corpus/network fuzz/seeds/network
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>

#include "poolscope/network.h"
#include "poolscope/network_quiz.h"
#include "poolscope/network_shape.h"
#include "poolscope/receptive_field.h"

using namespace poolscope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    Result<Network> net = network_from_string(text, "fuzz.json");
    if (!net) {
        if (net.errors().empty()) std::abort();  // a failure must say why
        return 0;
    }
    const NetworkShapes shapes = network_shapes(*net);
    if (shapes.error && shapes.error->error.message.empty()) std::abort();
    d2l_table(shapes);
    // What we write, we must read back to the same network.
    const nlohmann::ordered_json written = network_to_json(*net);
    Result<Network> again = network_from_json(nlohmann::json::parse(written.dump()));
    if (!again || network_to_json(*again).dump() != written.dump()) std::abort();
    // A few cells of a few layers: the first, the last and one picked by the input's length.
    size_t asked = 0;
    for (const LayerShape& layer : shapes.layers) {
        if (layer.output.empty() || ++asked > 6) continue;
        std::vector<int64_t> first(layer.output.size(), 0), last, picked;
        for (int64_t d : layer.output) {
            last.push_back(d - 1);
            picked.push_back(static_cast<int64_t>(size % static_cast<size_t>(d)));
        }
        for (const std::vector<int64_t>* cell : {&first, &last, &picked}) {
            Result<ReceptiveField> f = receptive_field(*net, shapes, layer.index, *cell);
            if (f) {
                // The set is a box of the input, one index set per input dimension, and it lies inside the
                // textbook's interval: the textbook only ever says too much.
                if (f->input.dims.size() != shapes.input.size()) std::abort();
                for (const std::optional<AxisField>* axis : {&f->h, &f->w})
                    if (axis->has_value() && (*axis)->textbook && (*axis)->count > 0 &&
                        ((*axis)->first < (*axis)->start ||
                         (*axis)->last > (*axis)->start + (*axis)->size - 1))
                        std::abort();
            }
            for (QuestionKind kind :
                 {QuestionKind::kLayerShape, QuestionKind::kReceptiveField, QuestionKind::kParameterCount}) {
                Result<Question> q = make_network_question(kind, *net, shapes, layer.index, *cell);
                if (!q) continue;
                QuizAnswer a;
                a.text = std::string(text.substr(0, 32));
                check_answer(*q, a);
                explain(*q);
            }
        }
    }
    return 0;
}
