#include "poolscope/error_text.h"

#include <array>

namespace poolscope {

namespace {

constexpr std::array<ErrorTemplate, 17> kTemplates = {{
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
}};

}  // namespace

std::span<const ErrorTemplate> error_templates() {
    return kTemplates;
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
    for (const ErrorTemplate& t : kTemplates)
        if (t.code == code) english = t.english;
    std::string message = fill_template(english, args);
    return {std::move(field), std::move(message), std::string(code), std::move(args)};
}

}  // namespace poolscope
