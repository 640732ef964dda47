// Shapes through a network, as PyTorch computes them: each layer's output size with its walkthrough (the same
// AxisShape terms as the pooling views, for Conv2d too), its parameter count, and where the network breaks,
// in PyTorch 1.13's own words ("mat1 and mat2 shapes cannot be multiplied (1x400 and 16x5)").
// d2l_table() prints what D2L's `for layer in net: ... print(...)` prints.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "poolscope/error_text.h"
#include "poolscope/network.h"
#include "poolscope/output_shape.h"
#include "poolscope/pool_plan.h"
#include "poolscope/result.h"

namespace poolscope {

struct LayerShape {
    std::string name;             // PyTorch's class name as printed ("Conv2d", "Sequential")
    std::string path;             // the layer's JSON pointer ("/layers/3")
    std::vector<size_t> index;    // [3] = net[3]; [0, 2] = net[0][2]
    std::vector<int64_t> input;   // the size arriving
    std::vector<int64_t> output;  // the size leaving; empty when this layer (or one inside it) fails
    // Conv2d and windowed pools: the output-size walkthrough per axis (PyTorch's formula, every term kept).
    std::optional<AxisShape> h, w;
    std::optional<PoolPlan> plan;  // pooling layers: the validated plan the pooling views draw from
    Padding padding;               // Conv2d: the padding applied per side ("same" resolved)
    int64_t in_channels = 0;       // Conv2d: as used (LazyConv2d: from the input); Linear: in_features
    int64_t weights = 0;           // parameter counts (Conv2d, Linear; a Sequential: its layers' sum)
    int64_t biases = 0;            //
    size_t inner = 0;              // Sequential: how many layers follow inside it (depth-first)

    int64_t parameters() const {  // saturating, like the counts
        int64_t sum = 0;
        return __builtin_add_overflow(weights, biases, &sum) ? INT64_MAX : sum;
    }
    int depth() const { return static_cast<int>(index.size()) - 1; }
};

struct NetworkError {
    std::vector<size_t> index;  // the layer that fails: [11] = net[11], [3, 1] = net[3][1]
    bool when_built = false;  // raised while building the layers (nn.Linear(-1, 3)), before any input flows:
                              // then no layer ran and NetworkShapes::layers is empty
    std::string kind;         // PyTorch's exception: "RuntimeError", "ValueError", "IndexError", ...
                              // ("PoolScope" for PoolScope's own limits)
    Error error;              // field: the layer's JSON pointer; message: PyTorch's words; code and args
    std::vector<Error> reasons;  // PoolScope's explanation where it has one (pooling: make_plan's reasons)
};

struct NetworkShapes {
    std::vector<int64_t> input;
    // Every layer reached, depth-first (a Sequential, then its layers). When a layer fails while the input
    // flows, it is the last entry (its enclosing Sequentials have no output either).
    std::vector<LayerShape> layers;
    std::optional<NetworkError> error;
    int64_t parameters = 0;  // of the layers that ran

    bool ok() const { return !error.has_value(); }
    // Positions in `layers` of the top-level layers (what D2L's `for layer in net` visits).
    std::vector<size_t> top_level() const;
    // The position of the layer at `index` ([3], [0, 2]), if it was reached.
    std::optional<size_t> find(const std::vector<size_t>& index) const;
    // The size leaving the layer at `position` (the network's input for nullopt).
    const std::vector<int64_t>& size_after(std::optional<size_t> position) const;
};

NetworkShapes network_shapes(const Network& network);

// "torch.Size([1, 6, 28, 28])".
std::string torch_size_text(const std::vector<int64_t>& dims);
// D2L's line: "Conv2d output shape:\t torch.Size([1, 6, 28, 28])" (Python's print of the class name,
// 'output shape:\t' and the size, separated by spaces).
std::string d2l_shape_line(const LayerShape& layer);
// One line per top-level layer that ran (D2L prints none for the layer that raises).
std::vector<std::string> d2l_table(const NetworkShapes& shapes);
// "[1, 6, 28, 28]" as PyTorch quotes sizes in messages.
std::string size_list_text(const std::vector<int64_t>& dims);

// English templates of the network error codes: PyTorch 1.13's messages with {0}, {1}... for the values.
std::span<const ErrorTemplate> network_error_templates();
// An Error whose message is the network code's template filled with `args`, and the Python exception PyTorch
// raises for the code ("RuntimeError"; "PoolScope" for PoolScope's own limits).
Error network_error(std::string field, std::string_view code, std::vector<std::string> args = {});
std::string_view network_error_kind(std::string_view code);

}  // namespace poolscope
