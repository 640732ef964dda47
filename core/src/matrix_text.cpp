// Matrix text in for the clipboard: one iterative scanner for bracketed printouts (PyTorch, NumPy, JSON) and
// one for plain rows (CSV/TSV/whitespace). The formatter (torch's print layout) is in matrix_text_format.cpp.
#include "poolscope/matrix_text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

#include "poolscope/float_chars.h"
#include "poolscope/json_tensor.h"

namespace poolscope {
namespace {

constexpr int kMaxRank = 4;

// "line:column", both from 1, of byte offset `pos` (columns count bytes, as editors show for ASCII).
std::string where(std::string_view text, size_t pos) {
    pos = std::min(pos, text.size());
    size_t line = 1, line_start = 0;
    for (size_t i = 0; i < pos; ++i)
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    return std::to_string(line) + ":" + std::to_string(pos - line_start + 1);
}

Error error_at(std::string_view text, size_t pos, std::string message) {
    return Error{where(text, pos), std::move(message)};
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_token_char(char c) {
    return is_alpha(c) || is_digit(c) || c == '.' || c == '+' || c == '-';
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// Printable excerpt of a bad token for messages (hostile input may hold control bytes or be huge).
std::string quote(std::string_view token) {
    std::string out = "'";
    for (char c : token.substr(0, 24))
        out += (c >= 0x20 && c < 0x7f) ? c : '?';
    return out + (token.size() > 24 ? "...'" : "'");
}

enum class NumberStatus { kOk, kNotNumber, kOutOfRange };

NumberStatus parse_number(std::string_view token, float& out) {
    const size_t lead = !token.empty() && (token[0] == '+' || token[0] == '-') ? 1 : 0;
    const bool word_like = lead < token.size() && is_alpha(token[lead]);
    const std::string word = word_like ? lower(token) : std::string();  // nan, inf, True ... only
    if (word == "nan" || word == "+nan" || word == "-nan") {
        out = std::numeric_limits<float>::quiet_NaN();
        return NumberStatus::kOk;
    }
    if (word == "inf" || word == "+inf" || word == "infinity" || word == "+infinity") {
        out = std::numeric_limits<float>::infinity();
        return NumberStatus::kOk;
    }
    if (word == "-inf" || word == "-infinity") {
        out = -std::numeric_limits<float>::infinity();
        return NumberStatus::kOk;
    }
    if (word == "true" || word == "false") {
        out = word == "true" ? 1.0f : 0.0f;
        return NumberStatus::kOk;
    }
    std::string_view digits = token;
    if (!digits.empty() && digits[0] == '+') digits.remove_prefix(1);  // from_chars takes '-' only
    if (digits.empty() || !(is_digit(digits[0]) || digits[0] == '.' || digits[0] == '-'))
        return NumberStatus::kNotNumber;
    const char* end = digits.data() + digits.size();
    auto [ptr, ec] = parse_float_chars(digits.data(), end, out);
    if (ec == std::errc() && ptr == end) return NumberStatus::kOk;
    if (ec == std::errc::result_out_of_range) {
        // Underflow rounds to a subnormal or zero like torch.tensor(1e-50) does; overflow is refused.
        double d = 0;
        auto [dptr, dec] = parse_double_chars(digits.data(), end, d);
        if (dptr == end && (dec == std::errc::result_out_of_range || dec == std::errc()) &&
            std::fabs(d) < 1.0) {
            out = static_cast<float>(d);
            return NumberStatus::kOk;
        }
        return NumberStatus::kOutOfRange;
    }
    return NumberStatus::kNotNumber;
}

// Reads one value token at `pos` (a bare word or a "quoted" JSON string) and advances past it.
Result<float> read_value(std::string_view text, size_t& pos) {
    const size_t start = pos;
    std::string_view token;
    if (text[pos] == '"' || text[pos] == '\'') {
        const char q = text[pos];
        const size_t close = text.find_first_of(std::string{q, '\n'}, pos + 1);
        if (close == std::string_view::npos || text[close] != q)
            return error_at(text, start, "unterminated string");
        token = text.substr(pos + 1, close - pos - 1);
        pos = close + 1;
    } else {
        while (pos < text.size() && is_token_char(text[pos]))
            ++pos;
        token = text.substr(start, pos - start);
        if (token.empty())
            return error_at(text, start, "unexpected character " + quote(text.substr(start, 1)));
    }
    float value = 0;
    switch (parse_number(token, value)) {
        case NumberStatus::kOk:
            return value;
        case NumberStatus::kOutOfRange:
            return error_at(text, start, quote(token) + " is outside the float32 range");
        case NumberStatus::kNotNumber:
            break;
    }
    return error_at(text, start, "expected a number (or nan, inf, -inf), got " + quote(token));
}

Result<Tensor> make_tensor(std::vector<int64_t> dims, std::vector<float> values) {
    // dims are the nested extents, outermost first: 0 (a lone number) to 4 entries.
    int rank = static_cast<int>(dims.size());
    if (rank < 2) {
        if (rank == 0) dims = {1};
        dims.insert(dims.begin(), 1);
        rank = 2;
    }
    while (dims.size() < 4)
        dims.insert(dims.begin(), 1);
    return Tensor::from_values({dims[0], dims[1], dims[2], dims[3]}, std::move(values), rank);
}

const char* kSummarized =
    "the printout is shortened with '...'; print the whole tensor first "
    "(torch.set_printoptions(profile=\"full\") or np.set_printoptions(threshold=sys.maxsize))";

// Bracketed nesting, iteratively: `pos` is at the first '['; on success it is just past the last ']'.
Result<Tensor> parse_nested(std::string_view text, size_t& pos) {
    std::vector<int64_t> counts;  // entries so far in each open list
    std::vector<int64_t> dims;    // extent at each depth, from the first list closed there
    std::vector<float> values;
    int leaf_depth = -1;  // how many lists enclose every number
    bool after_item = false, comma = false, space = false;
    auto separated = [&] { return !after_item || comma || space; };

    while (pos < text.size()) {
        const char c = text[pos];
        if (is_space(c)) {
            space = true;
            ++pos;
            continue;
        }
        if (c == ',') {
            if (!after_item || comma) return error_at(text, pos, "unexpected ','");
            comma = true;
            ++pos;
            continue;
        }
        if (c == '[') {
            if (!separated()) return error_at(text, pos, "expected ',' before '['");
            const int depth = static_cast<int>(counts.size());
            if (depth >= kMaxRank)
                return error_at(text, pos, "nested deeper than 4 levels (N×C×H×W is the most)");
            if (leaf_depth >= 0 && depth >= leaf_depth)
                return error_at(text, pos, "ragged nesting: expected a number here, found a list");
            counts.push_back(0);
            ++pos;
            after_item = comma = space = false;
            continue;
        }
        if (c == ']') {
            if (counts.empty()) return error_at(text, pos, "unmatched ']'");
            const size_t depth = counts.size() - 1;
            const int64_t n = counts.back();
            if (n == 0) return error_at(text, pos, "empty list");
            if (dims.size() <= depth) dims.resize(depth + 1, -1);
            if (dims[depth] < 0)
                dims[depth] = n;
            else if (dims[depth] != n)
                return error_at(text, pos,
                                "ragged rows: this list has " + std::to_string(n) +
                                    " entries, the first one at the same level has " +
                                    std::to_string(dims[depth]));
            counts.pop_back();
            ++pos;
            if (counts.empty()) break;
            ++counts.back();
            after_item = true;
            comma = space = false;
            continue;
        }
        if (text.substr(pos, 3) == "...") return error_at(text, pos, kSummarized);
        if (counts.empty()) break;
        if (!separated()) return error_at(text, pos, "expected ',' or a space between values");
        const int depth = static_cast<int>(counts.size());
        if (leaf_depth < 0)
            leaf_depth = depth;
        else if (depth != leaf_depth)
            return error_at(text, pos, "ragged nesting: expected a list here, found a number");
        const size_t value_pos = pos;
        Result<float> v = read_value(text, pos);
        if (!v) return v.errors();
        if (static_cast<int64_t>(values.size()) >= kMaxElements)
            return error_at(text, value_pos,
                            "more than " + std::to_string(kMaxElements) + " values (PoolScope's limit)");
        values.push_back(*v);
        ++counts.back();
        after_item = true;
        comma = space = false;
    }
    if (!counts.empty())
        return error_at(text, pos, "missing " + std::to_string(counts.size()) + " closing ']'");
    dims.resize(static_cast<size_t>(leaf_depth));
    return make_tensor(std::move(dims), std::move(values));
}

// Rows of numbers split by commas, semicolons, tabs or spaces; a blank line starts the next channel.
Result<Tensor> parse_rows(std::string_view text) {
    std::vector<float> values;
    int64_t width = -1, height = -1, rows_in_block = 0, blocks = 0;
    size_t line_start = 0;
    auto close_block = [&](size_t pos) -> std::optional<Error> {
        if (rows_in_block == 0) return std::nullopt;
        if (height >= 0 && rows_in_block != height)
            return error_at(text, pos,
                            "this block has " + std::to_string(rows_in_block) +
                                " rows, the first block has " + std::to_string(height));
        height = rows_in_block;
        rows_in_block = 0;
        ++blocks;
        return std::nullopt;
    };
    while (line_start <= text.size()) {
        size_t line_end = text.find('\n', line_start);
        if (line_end == std::string_view::npos) line_end = text.size();
        size_t pos = line_start;
        int64_t count = 0;
        bool need_value = false;  // after a ',' or ';'
        while (pos < line_end) {
            const char c = text[pos];
            if (c == ' ' || c == '\t' || c == '\r') {
                ++pos;
                continue;
            }
            if (c == ',' || c == ';') {
                if (count == 0 || need_value)
                    return error_at(text, pos, "empty value before " + quote({&c, 1}));
                need_value = true;
                ++pos;
                continue;
            }
            if (text.substr(pos, 3) == "...") return error_at(text, pos, kSummarized);
            const size_t value_pos = pos;
            Result<float> v = read_value(text.substr(0, line_end), pos);
            if (!v) return v.errors();
            if (pos < line_end && !(is_space(text[pos]) || text[pos] == ',' || text[pos] == ';'))
                return error_at(text, pos, "unexpected character " + quote(text.substr(pos, 1)));
            if (static_cast<int64_t>(values.size()) >= kMaxElements)
                return error_at(text, value_pos,
                                "more than " + std::to_string(kMaxElements) + " values (PoolScope's limit)");
            values.push_back(*v);
            ++count;
            need_value = false;
        }
        if (need_value) return error_at(text, line_end, "a value is missing at the end of the row");
        if (count == 0) {
            if (auto e = close_block(line_start)) return *e;
        } else {
            if (width >= 0 && count != width)
                return error_at(text, line_start,
                                "ragged rows: this row has " + std::to_string(count) +
                                    " values, the first row has " + std::to_string(width));
            width = count;
            ++rows_in_block;
        }
        line_start = line_end + 1;
    }
    if (auto e = close_block(text.size())) return *e;
    if (values.empty()) return error_at(text, 0, "no numbers found");
    if (blocks == 1) return make_tensor({height, width}, std::move(values));
    return make_tensor({blocks, height, width}, std::move(values));
}

}  // namespace

Result<Tensor> parse_matrix_text(std::string_view text) {
    size_t pos = 0;
    auto skip_space = [&] {
        while (pos < text.size() && is_space(text[pos]))
            ++pos;
    };
    skip_space();
    // print(nn.Parameter) starts with this line.
    constexpr std::string_view kParameter = "Parameter containing:";
    if (text.substr(pos, kParameter.size()) == kParameter) {
        pos += kParameter.size();
        skip_space();
    }
    if (pos == text.size()) return error_at(text, pos, "no numbers found");

    // tensor( / array( wrappers, possibly qualified (torch.tensor, np.array, numpy.array).
    size_t name_end = pos;
    while (name_end < text.size() &&
           (is_alpha(text[name_end]) || text[name_end] == '.' || text[name_end] == '_'))
        ++name_end;
    const std::string_view name = text.substr(pos, name_end - pos);
    size_t open = name_end;
    while (open < text.size() && is_space(text[open]))
        ++open;
    if (!name.empty() && open < text.size() && text[open] == '(') {
        if (name != "tensor" && name != "torch.tensor" && name != "array" && name != "np.array" &&
            name != "numpy.array")
            return error_at(text, pos, "expected tensor(...) or array(...), got " + quote(name) + "(...)");
        pos = open + 1;
        skip_space();
        Result<Tensor> t = Error{"", ""};
        if (pos < text.size() && text[pos] == '[') {
            t = parse_nested(text, pos);
        } else if (pos < text.size()) {
            Result<float> v = read_value(text, pos);
            if (!v) return v.errors();
            t = make_tensor({}, {*v});
        }
        if (!t) return t;
        skip_space();
        // Keyword arguments (dtype=..., grad_fn=<...>, requires_grad=True, device='cuda:0') are shown only.
        if (pos < text.size() && text[pos] == ',') {
            size_t key = pos + 1;
            while (key < text.size() && is_space(text[key]))
                ++key;
            size_t key_end = key;
            while (key_end < text.size() && (is_alpha(text[key_end]) || text[key_end] == '_'))
                ++key_end;
            if (key_end == key || key_end >= text.size() || text[key_end] != '=')
                return error_at(text, key, "expected a keyword such as dtype=... after ','");
            size_t last = text.find_last_not_of(" \t\r\n\f\v");
            if (text[last] != ')')
                return error_at(text, last, "expected ')' closing " + std::string(name) + "(");
            return t;
        }
        if (pos >= text.size() || text[pos] != ')')
            return error_at(text, pos, "expected ')' closing " + std::string(name) + "(");
        ++pos;
        skip_space();
        if (pos != text.size()) return error_at(text, pos, "unexpected text after the closing ')'");
        return t;
    }
    if (text[pos] == '[') {
        Result<Tensor> t = parse_nested(text, pos);
        if (!t) return t;
        skip_space();
        if (pos != text.size()) return error_at(text, pos, "unexpected text after the closing ']'");
        return t;
    }
    return parse_rows(text);
}

}  // namespace poolscope
