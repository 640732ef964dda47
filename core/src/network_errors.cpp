// PyTorch 1.13's own words for a network that breaks, as templates with {0}, {1}... (like error_text.cpp for
// the pooling views), each with the Python exception PyTorch raises. The messages were taken from the real
// torch (scripts/gen_golden_network.py checks them on random stacks); codes are stable for translations.
#include <algorithm>
#include <array>
#include <vector>

#include "poolscope/network_shape.h"

namespace poolscope {
namespace {

struct NetworkTemplate {
    std::string_view code;
    std::string_view kind;  // the Python exception
    std::string_view english;
};

constexpr std::array<NetworkTemplate, 37> kNetworkTemplates = {{
    {"linear_mismatch", "RuntimeError", "mat1 and mat2 shapes cannot be multiplied ({0}x{1} and {2}x{3})"},
    {"conv_channels", "RuntimeError",
     "Given groups={0}, weight of size {1}, expected input{2} to have {3} channels, but got {4} channels "
     "instead"},
    {"conv_weight_groups", "RuntimeError",
     "Given groups={0}, expected weight to be at least {0} at dimension 0, but got weight of size {1} "
     "instead"},
    {"conv_too_small", "RuntimeError",
     "Calculated padded input size per channel: ({0}). Kernel size: ({1}). Kernel size can't be greater than "
     "actual input size"},
    {"conv_rank", "RuntimeError",
     "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: {0}"},
    {"lazy_conv_rank", "RuntimeError",
     "Expected 3D (unbatched) or 4D (batched) input to LazyConv2d, but got input of size: torch.Size({0})"},
    {"conv_padding_negative", "RuntimeError", "negative padding is not supported"},
    {"conv_stride", "RuntimeError", "non-positive stride is not supported"},
    {"conv_dilation", "RuntimeError", "dilation should be greater than zero, but got {0}"},
    {"conv_dilation_nonpositive", "RuntimeError", "non-positive dilation is not supported"},
    {"conv_kernel_list", "RuntimeError", "kernel size should be greater than zero, but got {0}"},
    {"conv_kernel", "RuntimeError",
     "kernel size should be greater than zero, but got kernel_height: {0} kernel_width: {1}"},
    {"conv_kernel_onednn", "RuntimeError",
     "could not create a descriptor for a dilated convolution forward propagation primitive"},
    {"conv_groups_positive", "ValueError", "groups must be a positive integer"},
    {"conv_in_groups", "ValueError", "in_channels must be divisible by groups"},
    {"conv_out_groups", "ValueError", "out_channels must be divisible by groups"},
    {"conv_same_strided", "ValueError", "padding='same' is not supported for strided convolutions"},
    {"negative_dimension", "RuntimeError", "Trying to create tensor with negative dimension {0}: {1}"},
    {"max_pool_rank", "RuntimeError", "non-empty 3D or 4D (batch mode) tensor expected for input"},
    {"dim_out_of_range", "IndexError",
     "Dimension out of range (expected to be in range of [{0}, {1}], but got {2})"},
    {"adaptive_rank_pair", "ValueError", "Input dimension should be at least 3"},
    {"adaptive_avg_rank", "RuntimeError", "adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got {0}"},
    {"adaptive_max_rank", "RuntimeError", "adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: {0}"},
    {"adaptive_avg_negative", "RuntimeError",
     "adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received {{0}, "
     "{1}}"},
    {"pool_too_small", "RuntimeError",
     "Given input size: ({0}). Calculated output size: ({1}). Output size is too small"},
    {"pool_pad_half", "RuntimeError",
     "pad should be at most half of kernel size, but got pad={0} and kernel_size={1}"},
    {"pool_stride_zero", "RuntimeError", "stride should not be zero"},
    {"pool_stride_positive", "RuntimeError", "stride should be greater than zero, but got dH: {0} dW: {1}"},
    {"pool_pad_negative", "RuntimeError", "pad must be non-negative, but got pad: {0}"},
    {"pool_dilation", "RuntimeError",
     "dilation should be greater than zero, but got dilationH: {0} dilationW: {1}"},
    {"pool_kernel", "RuntimeError", "kernel size should be greater than zero, but got kH: {0} kW: {1}"},
    {"pool_divisor_zero", "RuntimeError", "divisor must be not zero"},
    {"lp_norm_zero", "ZeroDivisionError", "float division by zero"},
    {"flatten_order", "RuntimeError", "flatten() has invalid args: start_dim cannot come after end_dim"},
    {"dropout_p", "ValueError", "dropout probability has to be between 0 and 1, but got {0}"},
    // PoolScope's own limits, not PyTorch's: a network PoolScope does not follow.
    {"empty_tensor", "PoolScope",
     "this layer's output {0} has no elements; PoolScope follows tensors of at least one element"},
    {"size_limit", "PoolScope", "{0} {1} is beyond the largest size PoolScope follows, {2}"},
}};

}  // namespace

std::span<const ErrorTemplate> network_error_templates() {
    static const std::vector<ErrorTemplate> templates = [] {
        std::vector<ErrorTemplate> all;
        for (const NetworkTemplate& t : kNetworkTemplates)
            all.push_back({t.code, t.english});
        return all;
    }();
    return templates;
}

std::string_view network_error_kind(std::string_view code) {
    for (const NetworkTemplate& t : kNetworkTemplates)
        if (t.code == code) return t.kind;
    return "";
}

Error network_error(std::string field, std::string_view code, std::vector<std::string> args) {
    std::string_view english = code;
    for (const NetworkTemplate& t : kNetworkTemplates)
        if (t.code == code) english = t.english;
    std::string message = fill_template(english, args);
    return {std::move(field), std::move(message), std::string(code), std::move(args)};
}

}  // namespace poolscope
