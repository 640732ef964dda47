// The parameter panel's framework-specific rows: the Framework chooser, the layer as a line of the
// framework's code (core layer_code()), padding in the framework's own form (PyTorch/MXNet numbers, Keras
// "valid"/"same", ONNX auto_pad or per-side pads), ONNX's storage_order, and what the framework lacks.
#pragma once

#include <string>

#include "panels/param_rows.h"

namespace poolscope::app {

// Switching is an edit of its own (convention_switch.h).
void draw_framework_chooser(ParamRows& rows);
void draw_layer_code(const Document& doc, Interaction& interaction);
// Returns the merge key of a typed padding edit ("" when none; a mode switch commits itself).
std::string draw_padding_rows(ParamRows& rows);
// ONNX MaxPool only; returns true when changed.
bool draw_storage_order(ParamRows& rows);
// ONNX's Global*Pool switch (true when changed); the window's rows are hidden while it is on.
bool draw_global_pool(ParamRows& rows);
// LP pooling's p: PyTorch's norm_type (a float), ONNX LpPool's p (an integer). True when changed.
bool draw_norm_type(ParamRows& rows);
// TensorFlow max pooling: tf.nn.max_pool_with_argmax and include_batch_in_index; the merge key of an edit.
std::string draw_argmax_rows(ParamRows& rows);
// "Not in TensorFlow: dilation, ceil_mode." and TensorFlow's average rule: nothing for PyTorch.
void draw_framework_lacks(const Document& doc);

}  // namespace poolscope::app
