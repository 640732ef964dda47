// The compare view's model (issue 17): the window's layer written in all four frameworks (core
// layers_across), each planned and run on the window's input, with why each differs from the window's own
// framework (core plan_differences) and which output values differ from it. No drawing here.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/document.h"
#include "poolscope/compare.h"
#include "poolscope/layer_translate.h"
#include "poolscope/pool_forward.h"

namespace poolscope::app {

struct FrameworkColumn {
    LayerSpec layer;
    std::string code;                     // layer_code(layer)
    std::optional<PoolPlan> plan;         // nullopt when the framework rejects the layer
    std::vector<Error> errors;            // its reasons
    PoolOutput output;                    // valid with a plan
    std::vector<Difference> differences;  // against the reference column; empty when it is the reference
    std::vector<Difference> cannot;       // what this framework cannot express of the window's layer at all
                                          // (layer_translate.h: LP pooling, dilation, divisor_override ...)
    std::vector<bool> value_differs;      // per output value, same shape as the reference only
    bool shape_differs = false;           // output H x W differs from the reference's (or one is rejected)
};

struct FrameworkCompare {
    std::vector<FrameworkColumn> columns;  // kConventions order
    size_t reference = 0;                  // the column of the window's own framework
};

FrameworkCompare compare_frameworks(const Document& doc);

}  // namespace poolscope::app
