// Changing the framework the window follows: the layer rewritten as the new framework would write it
// (compare.h layers_across(): same kernel and stride, padding in the new framework's terms,
// count_include_pad at its default), and the padding-mode choices of TensorFlow and ONNX. Each is one edit.
#pragma once

#include "model/document.h"

namespace poolscope::app {

// True when the framework's stride, when not given, is the kernel size (all but ONNX, whose default is 1).
bool stride_defaults_to_kernel(Convention convention);
// The stride the window uses: the typed one, or the framework's default while stride_follows_kernel.
Pair shown_stride(const Document& doc);

// Rewrites the window's layer for `convention` and records an undo step; nothing when it is already that.
void set_convention(Document& doc, Convention convention);
// TensorFlow "same"/"valid", ONNX auto_pad (kExplicit = NOTSET with pads): a mode that computes its own
// padding clears the typed pads, which the framework would refuse next to it. Records an undo step.
void set_pad_mode(Document& doc, PadMode mode);

}  // namespace poolscope::app
