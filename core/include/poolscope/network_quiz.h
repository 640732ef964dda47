// Predict, then reveal, on a network: "what shape leaves net[4]?", "how many input rows and columns does this
// cell depend on?", "how many parameters does net[0] have?". make_network_question() takes the answer from
// the core (network_shapes, receptive_field); check_answer() and explain() (quiz.h) give the verdict, a
// specific hint (the textbook's receptive field where padding clips it, the weights without the biases, floor
// for ceil...) and the walkthrough, as codes with values (English in quiz_text.cpp).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "poolscope/network.h"
#include "poolscope/network_shape.h"
#include "poolscope/quiz.h"

namespace poolscope {

// A layer_shape, receptive_field or parameter_count question about `layer` of a network whose shapes are
// `shapes`; `cell` is the output cell a receptive_field question asks about (leading dimensions may be left
// out). Fails when the layer did not run or the cell is outside its output.
Result<Question> make_network_question(QuestionKind kind, const Network& network, const NetworkShapes& shapes,
                                       const std::vector<size_t>& layer, const std::vector<int64_t>& cell);

// A size as typed: "1, 16, 5, 5", "[1, 16, 5, 5]", "1x16x5x5", "torch.Size([1, 16, 5, 5])".
std::optional<std::vector<int64_t>> parse_typed_sizes(std::string_view text);

}  // namespace poolscope
