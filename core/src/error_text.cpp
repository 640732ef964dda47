#include "poolscope/error_text.h"

#include <array>

namespace poolscope {

namespace {

constexpr std::array<ErrorTemplate, 37> kErrorTemplates = {{
    {"size_range", "{0} {1} is beyond the largest size PyTorch accepts, {2}"},
    {"input_empty", "expected a non-empty input (channels, height and width at least 1), got {0}"},
    {"input_limit", "the input has {0} elements, more than PoolScope's limit of {1}"},
    {"kernel_positive", "kernel size must be greater than zero, got {0}"},
    {"stride_zero", "stride must not be zero, got {0}"},
    {"stride_zero_default", "stride must not be zero, got {0} (stride defaults to the kernel size)"},
    {"stride_positive", "stride must be greater than zero, got {0}"},
    {"dilation_positive", "dilation must be greater than zero, got {0}"},
    {"padding_negative", "padding must be non-negative, got {0}"},
    {"padding_negative_sides",
     "padding must be non-negative, got (top {0}, left {1}, bottom {2}, right {3})"},
    {"padding_half_kernel", "{0} padding {1} is more than half of the kernel size {2} (at most {3})"},
    {"divisor_zero", "divisor_override must not be zero"},
    {"norm_type_zero", "norm_type must not be zero (lp_pool2d takes the root 1 / norm_type)"},
    {"adaptive_negative", "output size must be greater than or equal to 0, got {0}"},
    {"output_too_small",
     "given input size {0}, the calculated output size {1} is too small (each side must be at least 1)"},
    {"output_limit", "the output would have {0} elements, more than PoolScope's limit of {1}"},
    {"work_limit",
     "this configuration needs about {0} x {1} window reads, more than PoolScope's limit of {2}"},
    {"grad_output_shape", "grad_output has the shape {0} but the output has the shape {1}; they must match"},
    {"unpool_indices_shape", "indices must have the same shape as the input {0}, got {1}"},
    {"unpool_output_size_length", "output_size must have 2 or 4 elements, got {0}"},
    {"unpool_output_size_range",
     "output_size {0} is out of range: dimension {1} must be strictly between {2} and {3}"},
    {"unpool_output_negative", "the unpooled output size {0} is negative"},
    {"unpool_invalid_index",
     "found an invalid max index {0}: the unpooled output is {1} x {2} per channel, so indices go from 0 to "
     "{3}"},
    // Other frameworks' rules (convention.cpp).
    {"size_limit", "{0} {1} is beyond PoolScope's limit of {2}"},
    {"convention_no_param", "{0} has no {1} argument (got {2})"},
    {"convention_no_op", "{0} has no {1}"},
    {"poolscope_unsupported", "{0} are not supported by PoolScope yet"},
    {"padding_mode", "{0} takes padding as {1}, not {2}"},
    {"tf_valid_window",
     "with padding \"valid\" the {0} window {1} does not fit in the input {2} (TensorFlow would give an "
     "empty "
     "output)"},
    {"onnx_pad_kernel",
     "{0} pad {1} is not smaller than the kernel {2} (ONNX Runtime requires pads < kernel)"},
    {"onnx_auto_pad_pads", "auto_pad {0} computes the padding itself, so pads must be 0, got {1}"},
    {"onnx_storage_order", "storage_order must be 0 (row major) or 1 (column major), got {0}"},
    {"onnx_lp_p", "LpPool's p must be a whole number of at least 1 (the order of the norm), got {0}"},
    {"tf_dilation_strides",
     "strides > 1 not supported in conjunction with dilation_rate > 1 (strides {0}, dilations {1})"},
    {"tf_pad_window", "{0} padding {1} needs to be smaller than the window size {2}"},
    {"mxnet_padding_symmetric",
     "MXNet pads both sides of an axis equally, got top {0}, bottom {1}, left {2}, right {3}"},
    {"mxnet_kernel_exceeds",
     "{0} kernel size {1} exceeds the input {2} padded to {3} (MXNet needs kernel <= "
     "input + 2 * padding)"},
}};

}  // namespace

std::span<const ErrorTemplate> error_templates() {
    return kErrorTemplates;
}

std::string fill_template(std::string_view text, const std::vector<std::string>& args) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{') {
            const size_t close = text.find('}', i);
            size_t index = 0;
            bool digits = close != std::string_view::npos && close > i + 1;
            for (size_t j = i + 1; digits && j < close; ++j) {
                digits = text[j] >= '0' && text[j] <= '9';
                index = index * 10 + static_cast<size_t>(text[j] - '0');
            }
            if (digits && index < args.size()) {
                out += args[index];
                i = close;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

Error coded_error(std::string field, std::string_view code, std::vector<std::string> args) {
    std::string_view english = code;
    for (const ErrorTemplate& t : kErrorTemplates)
        if (t.code == code) english = t.english;
    std::string message = fill_template(english, args);
    return {std::move(field), std::move(message), std::string(code), std::move(args)};
}

}  // namespace poolscope
