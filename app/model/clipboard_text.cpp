// Clipboard text <-> tensors (see clipboard_text.h).
#include "model/clipboard_text.h"

#include "poolscope/matrix_text.h"

namespace poolscope::app {

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

}  // namespace poolscope::app
