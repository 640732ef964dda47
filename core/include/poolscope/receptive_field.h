// The receptive field of one output cell of any layer: the exact set of cells, of the network's input and of
// every map in between, that the cell depends on (dilation, padding, ceil_mode and adaptive windows
// included), beside the textbook's size / jump / start (r = r' + (k_eff - 1) j', j = j' s, start = start' -
// pad j'). The two differ where the textbook's interval runs into the padding or past the input (the exact
// set is clipped at the border), and where the exact set has holes (dilation, or a stride larger than the
// windows); past an adaptive pool, a Flatten or a Linear the textbook has no constant jump at all.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "poolscope/network.h"
#include "poolscope/network_shape.h"
#include "poolscope/result.h"

namespace poolscope {

// Sorted, disjoint [begin, end) runs of indices along one dimension.
struct IndexRuns {
    std::vector<std::pair<int64_t, int64_t>> runs;

    static IndexRuns all(int64_t size);
    static IndexRuns one(int64_t index);
    bool empty() const { return runs.empty(); }
    int64_t count() const;
    int64_t first() const { return runs.empty() ? 0 : runs.front().first; }
    int64_t last() const { return runs.empty() ? -1 : runs.back().second - 1; }
    bool contains(int64_t index) const;
    bool operator==(const IndexRuns&) const = default;
};

// Cells of one tensor: every combination of one index per dimension (a box, possibly with holes).
struct CellSet {
    std::vector<IndexRuns> dims;
    int64_t count() const;  // saturating
    bool contains(const std::vector<int64_t>& cell) const;
};

// One spatial axis (rows or columns) of the network's input.
struct AxisField {
    IndexRuns cells;     // the exact rows (columns) the output cell depends on
    int64_t input = 0;   // the input's size along the axis
    int64_t count = 0;   // how many
    int64_t first = 0;   // the exact set's first and last row
    int64_t last = 0;    //
    int64_t span = 0;    // last - first + 1: how wide the exact field is
    bool holes = false;  // the exact set is not contiguous
    // The textbook's values (none past an adaptive pool, a Flatten or a Linear):
    bool textbook = false;  //
    int64_t size = 0;       // r: how wide the textbook says the field is
    int64_t jump = 0;   // j: how far the field moves when the output cell moves by one (product of strides)
    int64_t start = 0;  // where this cell's textbook field starts (< 0: inside the padding)
    bool clipped_begin = false;  // the textbook field starts before row 0, the exact one at row 0
    bool clipped_end = false;    // the textbook field runs past the last row (padding, ceil_mode's overhang)
};

struct ReceptiveField {
    std::vector<size_t> layer;  // the layer asked about ([3], [0, 2])
    std::vector<int64_t> cell;  // its output cell, one index per output dimension
    CellSet input;              // the network input's cells it depends on
    // The cells of the map after each layer (NetworkShapes::layers[i]) that it depends on; nullopt for the
    // layers after the one asked about.
    std::vector<std::optional<CellSet>> after;
    std::optional<AxisField> h, w;  // the input's rows and columns (3-D and 4-D inputs)
    IndexRuns channels;             // the input's channels (3-D and 4-D inputs)
};

// The largest size along any dimension a receptive field follows (a flattened VGG map has 25088), and guards
// on one call's work (cells marked, summed over the layers) and on the runs it keeps for the maps in between.
inline constexpr int64_t kMaxFieldExtent = int64_t{1} << 20;
inline constexpr int64_t kMaxFieldWork = int64_t{1} << 26;
inline constexpr int64_t kMaxFieldRuns = int64_t{1} << 22;

// `cell` may leave out leading dimensions (then 0: [h, w] of a 4-D map is [0, 0, h, w]). Fails when the layer
// did not run, the cell is outside its output, a map is larger than kMaxFieldExtent along a dimension, or a
// Flatten would have to split a set that is not a box.
Result<ReceptiveField> receptive_field(const Network& network, const NetworkShapes& shapes,
                                       const std::vector<size_t>& layer, const std::vector<int64_t>& cell);

}  // namespace poolscope
