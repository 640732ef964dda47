// Matrix text out: a tensor as PyTorch, NumPy, JSON or CSV text, reproducing torch's print layout
// (torch/_tensor_str.py: int / fixed / scientific mode chosen over the nonzero finite values, width, wrap).
// Parsing is in matrix_text.cpp.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

#include "poolscope/float_chars.h"
#include "poolscope/json_tensor.h"
#include "poolscope/matrix_text.h"

namespace poolscope {

namespace {

// Shortest text that reads back as the same float32, with nan/inf/-inf bare.
std::string shortest(float v) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    return shortest_float_text(v);
}

std::string printf_text(const char* format, double v) {
    char buf[64];
    const int n = std::snprintf(buf, sizeof buf, format, v);
    return std::string(buf, static_cast<size_t>(std::max(0, n)));
}

// torch's _Formatter for a float tensor with the default print options (precision 4, linewidth 80).
class TorchFormatter {
  public:
    explicit TorchFormatter(const std::vector<float>& values) {
        float lo = std::numeric_limits<float>::infinity(), hi = 0;
        bool any = false;
        for (float v : values) {
            if (!std::isfinite(v) || v == 0) continue;
            any = true;
            lo = std::min(lo, std::fabs(v));
            hi = std::max(hi, std::fabs(v));
            if (v != std::ceil(v)) int_mode_ = false;
        }
        if (!any) return;
        // As torch: the ratio is a float32 division; 1e-4 is compared as a float32.
        const bool wide = hi / lo > 1000.0f || hi > 1e8f;
        sci_mode_ = int_mode_ ? wide : (wide || lo < 1e-4f);
        for (float v : values) {
            if (!std::isfinite(v) || v == 0) continue;
            const size_t len = sci_mode_   ? printf_text("%.4e", v).size()
                               : int_mode_ ? printf_text("%.0f", v).size() + 1
                                           : printf_text("%.4f", v).size();
            width_ = std::max(width_, len);
        }
    }

    size_t width() const { return width_; }

    std::string format(float v) const {
        std::string text;
        if (std::isnan(v))
            text = "nan";
        else if (std::isinf(v))
            text = v > 0 ? "inf" : "-inf";
        else if (sci_mode_)
            text = printf_text("%.4e", v);
        else if (int_mode_)
            text = printf_text("%.0f", v) + ".";
        else
            text = printf_text("%.4f", v);
        return text.size() < width_ ? std::string(width_ - text.size(), ' ') + text : text;
    }

  private:
    bool int_mode_ = true;
    bool sci_mode_ = false;
    size_t width_ = 1;
};

// torch's _tensor_str_with_formatter: rows wrap at 80 columns; dim-1 newlines between sub-tensors.
void torch_nested(std::string& out, const TorchFormatter& f, const float* data, const int64_t* dims, int dim,
                  size_t indent) {
    if (dim == 1) {
        const size_t element = f.width() + 2;
        const size_t per_line = std::max<size_t>(1, indent < 80 ? (80 - indent) / element : 0);
        out += '[';
        for (int64_t i = 0; i < dims[0]; ++i) {
            if (i > 0)
                out += static_cast<size_t>(i) % per_line == 0 ? ",\n" + std::string(indent + 1, ' ') : ", ";
            out += f.format(data[i]);
        }
        out += ']';
        return;
    }
    int64_t stride = 1;
    for (int d = 1; d < dim; ++d)
        stride *= dims[d];
    out += '[';
    for (int64_t i = 0; i < dims[0]; ++i) {
        if (i > 0)
            out += "," + std::string(static_cast<size_t>(dim - 1), '\n') + std::string(indent + 1, ' ');
        torch_nested(out, f, data + i * stride, dims + 1, dim - 1, indent + 1);
    }
    out += ']';
}

}  // namespace

std::string format_matrix_text(const Tensor& tensor, MatrixTextStyle style) {
    const Shape& s = tensor.shape();
    const int rank = std::clamp(tensor.rank(), 2, 4);
    const int64_t all_dims[4] = {s.n, s.c, s.h, s.w};
    const int64_t* dims = all_dims + (4 - rank);
    switch (style) {
        case MatrixTextStyle::kJson:
            return tensor_to_json(tensor);
        case MatrixTextStyle::kCsv: {
            std::string out;
            for (int64_t p = 0; p < s.n * s.c; ++p) {
                if (p > 0) out += '\n';
                const float* plane = tensor.data() + p * s.h * s.w;
                for (int64_t y = 0; y < s.h; ++y) {
                    for (int64_t x = 0; x < s.w; ++x) {
                        if (x > 0) out += ',';
                        out += shortest(plane[y * s.w + x]);
                    }
                    out += '\n';
                }
            }
            return out;
        }
        case MatrixTextStyle::kPyTorch:
            break;
    }
    if (tensor.numel() == 0) {
        std::string size;
        for (int d = 0; d < rank; ++d)
            size += (d ? ", " : "") + std::to_string(dims[d]);
        return "tensor([], size=(" + size + "))";
    }
    const TorchFormatter formatter(tensor.values());
    std::string out = "tensor(";
    torch_nested(out, formatter, tensor.data(), dims, rank, out.size());
    return out + ")";
}

std::string torch_value_text(float value) {
    return TorchFormatter(std::vector<float>{value}).format(value);
}

std::string exact_value_text(float value) {
    return shortest(value);
}

}  // namespace poolscope
