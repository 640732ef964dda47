// Clipboard text <-> tensors (see clipboard_text.h).
#include "model/clipboard_text.h"

#include <nlohmann/json.hpp>

#include "poolscope/json_tensor.h"

#if __has_include("poolscope/matrix_text.h")
#include "poolscope/matrix_text.h"
#define POOLSCOPE_HAS_MATRIX_TEXT 1
#else
#define POOLSCOPE_HAS_MATRIX_TEXT 0
#endif

namespace poolscope::app {

bool clipboard_understands_all_formats() {
    return POOLSCOPE_HAS_MATRIX_TEXT != 0;
}

#if POOLSCOPE_HAS_MATRIX_TEXT

Result<Tensor> parse_matrix_clipboard(std::string_view text) {
    return parse_matrix_text(text);
}

std::string format_matrix_clipboard(const Tensor& tensor, ClipboardStyle style) {
    switch (style) {
        case ClipboardStyle::kPyTorch:
            return format_matrix_text(tensor, MatrixTextStyle::kPyTorch);
        case ClipboardStyle::kJson:
            return format_matrix_text(tensor, MatrixTextStyle::kJson);
        case ClipboardStyle::kCsv:
            return format_matrix_text(tensor, MatrixTextStyle::kCsv);
    }
    return format_matrix_text(tensor, MatrixTextStyle::kJson);
}

#else

Result<Tensor> parse_matrix_clipboard(std::string_view text) {
    const nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
    if (value.is_discarded())
        return Error{"clipboard", "this build reads JSON nested lists only, such as [[1, 2], [3, 4]]"};
    return tensor_from_json(value, "");
}

std::string format_matrix_clipboard(const Tensor& tensor, ClipboardStyle) {
    return tensor_to_json(tensor);
}

#endif

}  // namespace poolscope::app
