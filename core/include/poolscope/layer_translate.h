// A layer written in another framework's code, exactly or with a note (issue 28): what each framework's
// pooling layer can express is decided in ONE table (framework_can), which layer_code(), layers_across() (the
// compare view), `poolscope export --code` and the window's code lines all ask. translate_layer() writes a
// layer in a framework's terms as exactly as that framework allows and lists what it cannot express; a code
// line either computes exactly the layer on screen or says so in a comment.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "poolscope/compare.h"
#include "poolscope/convention.h"

namespace poolscope {

// What a pooling layer may ask of its framework (beyond a kernel and a stride, which all have).
enum class LayerFeature {
    kOp,               // the op at all (LP pooling, adaptive pooling)
    kDilation,         // a dilated window (max pooling)
    kCeilMode,         // ceil_mode: the last window may hang over the end
    kPaddingNumbers,   // padding given as numbers, not only "valid" / "same"
    kUnequalPadding,   // more padding at one end of an axis than at the other
    kSamePadding,      // "same" padding the framework works out from the input's size
    kCountIncludePad,  // an average that counts the padding cells in its divisor
    kDivisorOverride,  // an average divided by a fixed number
    kReturnIndices,    // the argmax indices as a second output (max pooling)
};

// The table: can `framework`'s layer for `op` express `feature`? (Another framework's capability is added
// here and nowhere else; the code lines and the compare view follow.)
bool framework_can(Convention framework, PoolOp op, LayerFeature feature);

struct LayerTranslation {
    LayerSpec layer;                // the framework's closest layer
    std::vector<Difference> notes;  // what it cannot express of the original; empty: exactly the original
};

// `base` in `target`'s terms, as exactly as the framework allows: the same op, kernel, stride, dilation,
// ceil_mode, padding, count_include_pad, divisor_override and indices wherever the framework has them (unlike
// layers_across(), which shows each framework's defaults). With `input`, padding a framework works out for
// itself ("same") becomes numbers where they are exact, and both layers are planned on that input: any
// difference that remains (padding, output size, divisor, a refusal) is a note too. Note codes are in
// translation_templates(); plan differences keep plan_differences()' codes.
LayerTranslation translate_layer(const LayerSpec& base, Convention target, const Shape* input = nullptr);

// The code line of translate_layer(): layer_code() of the layer, and when it is not exactly `base`, a comment
// after it listing the notes ("  # not exactly this layer: TensorFlow has no ceil_mode ..."). An op the
// framework lacks is the comment alone ("# TensorFlow has no lp_pool2d").
std::string translated_code(const LayerSpec& base, Convention target, const Shape* input = nullptr);

// English templates of the notes ({0} is the framework's name), like compare_templates().
std::span<const CompareTemplate> translation_templates();

}  // namespace poolscope
