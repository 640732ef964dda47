// read_code_line(): the PyTorch pooling call of a code line, its arguments read as Python literals and bound
// the way Python binds them (positional in the signature's order, then keywords), over PyTorch's defaults.
// Only what can be read for certain counts: an argument that is a name or an expression (the functional
// input aside) makes the line unreadable, never a guess.
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "poolscope/code_line.h"

namespace poolscope {
namespace {

// A Python literal as far as pooling arguments go: a number, True/False, None, or a tuple/list of them.
struct Literal {
    enum class Kind { kNumber, kBool, kNone, kTuple } kind = Kind::kNone;
    double number = 0.0;
    bool integer = false;  // written without a decimal point or exponent
    bool flag = false;
    std::vector<Literal> items;
};

class LiteralReader {
  public:
    explicit LiteralReader(std::string_view text) : s_(text) {}

    std::optional<Literal> read_all() {
        std::optional<Literal> v = value();
        skip_spaces();
        if (!v || at_ < s_.size()) return std::nullopt;
        return v;
    }

  private:
    void skip_spaces() {
        while (at_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[at_])))
            ++at_;
    }
    bool eat(std::string_view word) {
        skip_spaces();
        if (s_.substr(at_, word.size()) != word) return false;
        at_ += word.size();
        return true;
    }
    std::optional<Literal> value() {
        skip_spaces();
        if (at_ >= s_.size()) return std::nullopt;
        const char c = s_[at_];
        if (c == '(' || c == '[') return sequence(c == '(' ? ')' : ']');
        if (eat("True")) return Literal{Literal::Kind::kBool, 0.0, false, true, {}};
        if (eat("False")) return Literal{Literal::Kind::kBool, 0.0, false, false, {}};
        if (eat("None")) return Literal{Literal::Kind::kNone, 0.0, false, false, {}};
        for (const auto& [word, v] :
             {std::pair{"float('inf')", HUGE_VAL}, std::pair{"float(\"inf\")", HUGE_VAL},
              std::pair{"float('-inf')", -HUGE_VAL}, std::pair{"float(\"-inf\")", -HUGE_VAL},
              std::pair{"math.inf", HUGE_VAL}})
            if (eat(word)) return Literal{Literal::Kind::kNumber, v, false, false, {}};
        return number();
    }
    std::optional<Literal> number() {
        const size_t start = at_;
        if (at_ < s_.size() && (s_[at_] == '-' || s_[at_] == '+')) ++at_;
        bool digits = false, integer = true;
        for (; at_ < s_.size(); ++at_) {
            const char c = s_[at_];
            if (std::isdigit(static_cast<unsigned char>(c)))
                digits = true;
            else if (c == '.' || c == 'e' || c == 'E' ||
                     ((c == '-' || c == '+') && (s_[at_ - 1] == 'e' || s_[at_ - 1] == 'E')))
                integer = false;
            else
                break;
        }
        if (!digits) return std::nullopt;
        const std::string text(s_.substr(start, at_ - start));
        char* end = nullptr;
        const double v = std::strtod(text.c_str(), &end);
        if (end != text.c_str() + text.size()) return std::nullopt;
        return Literal{Literal::Kind::kNumber, v, integer, false, {}};
    }
    std::optional<Literal> sequence(char close) {
        ++at_;
        Literal out{Literal::Kind::kTuple, 0.0, false, false, {}};
        bool comma = false;
        while (true) {
            skip_spaces();
            if (at_ < s_.size() && s_[at_] == close) {
                ++at_;
                break;
            }
            std::optional<Literal> item = value();
            if (!item) return std::nullopt;
            out.items.push_back(std::move(*item));
            skip_spaces();
            if (at_ < s_.size() && s_[at_] == ',') {
                ++at_, comma = true;
                continue;
            }
            if (at_ >= s_.size() || s_[at_] != close) return std::nullopt;
        }
        // (3) is just 3 in Python; (3,) and [3] are sequences.
        if (close == ')' && out.items.size() == 1 && !comma) return out.items[0];
        return out;
    }

    std::string_view s_;
    size_t at_ = 0;
};

// One callee PoolScope reads, and its parameters in Python's positional order.
struct Callee {
    std::string_view name;
    PoolOp op;
    bool functional;  // torch.nn.functional: the first parameter is the input
    std::vector<std::string_view> parameters;
};

const std::vector<Callee>& callees() {
    static const std::vector<Callee> kCallees = {
        {"MaxPool2d",
         PoolOp::kMax,
         false,
         {"kernel_size", "stride", "padding", "dilation", "return_indices", "ceil_mode"}},
        {"AvgPool2d",
         PoolOp::kAvg,
         false,
         {"kernel_size", "stride", "padding", "ceil_mode", "count_include_pad", "divisor_override"}},
        {"AdaptiveMaxPool2d", PoolOp::kAdaptiveMax, false, {"output_size", "return_indices"}},
        {"AdaptiveAvgPool2d", PoolOp::kAdaptiveAvg, false, {"output_size"}},
        {"LPPool2d", PoolOp::kLp, false, {"norm_type", "kernel_size", "stride", "ceil_mode"}},
        {"max_pool2d",
         PoolOp::kMax,
         true,
         {"input", "kernel_size", "stride", "padding", "dilation", "ceil_mode", "return_indices"}},
        {"avg_pool2d",
         PoolOp::kAvg,
         true,
         {"input", "kernel_size", "stride", "padding", "ceil_mode", "count_include_pad", "divisor_override"}},
        {"adaptive_max_pool2d", PoolOp::kAdaptiveMax, true, {"input", "output_size", "return_indices"}},
        {"adaptive_avg_pool2d", PoolOp::kAdaptiveAvg, true, {"input", "output_size"}},
        {"lp_pool2d", PoolOp::kLp, true, {"input", "norm_type", "kernel_size", "stride", "ceil_mode"}},
    };
    return kCallees;
}

constexpr std::string_view kModulePrefixes[] = {"torch.nn.", "nn."};
constexpr std::string_view kFunctionalPrefixes[] = {"torch.nn.functional.", "nn.functional.", "F."};

bool identifier_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
}

// Every spelling of every callee with its "(": "nn.MaxPool2d(", "torch.nn.MaxPool2d(", "F.max_pool2d(", ...
struct Spelling {
    std::string text;
    const Callee* callee;
};
const std::vector<Spelling>& spellings() {
    static const std::vector<Spelling> kSpellings = [] {
        std::vector<Spelling> out;
        for (const Callee& callee : callees())
            for (std::string_view prefix : callee.functional
                                               ? std::span<const std::string_view>(kFunctionalPrefixes)
                                               : std::span<const std::string_view>(kModulePrefixes))
                out.push_back({std::string(prefix) + std::string(callee.name) + "(", &callee});
        return out;
    }();
    return kSpellings;
}

// The callee whose spelling starts at `at` (after no identifier character), and its length up to "(".
const Callee* callee_at(std::string_view code, size_t at, size_t& length) {
    const char first = code[at];
    if ((first != 'n' && first != 't' && first != 'F') || (at > 0 && identifier_char(code[at - 1])))
        return nullptr;
    for (const Spelling& s : spellings())
        if (code.substr(at, s.text.size()) == s.text) {
            length = s.text.size();
            return s.callee;
        }
    return nullptr;
}

// The arguments between the "(" before `at` and its ")", split at top-level commas; `end` is past the ")".
std::optional<std::vector<std::string_view>> split_arguments(std::string_view code, size_t at, size_t& end) {
    std::vector<std::string_view> args;
    int depth = 0;
    char quote = 0;
    size_t start = at;
    for (size_t i = at; i < code.size(); ++i) {
        const char c = code[i];
        if (quote) {
            if (c == '\\')
                ++i;
            else if (c == quote)
                quote = 0;
            continue;
        }
        if (c == '\'' || c == '"')
            quote = c;
        else if (c == '(' || c == '[' || c == '{')
            ++depth;
        else if ((c == ')' || c == ']' || c == '}') && depth > 0)
            --depth;
        else if ((c == ',' || c == ')') && depth == 0) {
            args.push_back(code.substr(start, i - start));
            start = i + 1;
            if (c == ')') {
                end = i + 1;
                // f(a, b,) has a trailing comma: no empty last argument.
                if (args.size() > 1 || !args.back().empty()) {
                    std::string_view last = args.back();
                    while (!last.empty() && std::isspace(static_cast<unsigned char>(last.front())))
                        last.remove_prefix(1);
                    if (last.empty()) args.pop_back();
                } else {
                    args.clear();  // f()
                }
                return args;
            }
        }
    }
    return std::nullopt;
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return s;
}

std::optional<Pair> pair_of(const Literal& v) {
    // A size past 2^53 is not read exactly (and no layer has one): unreadable, not converted.
    auto whole = [](const Literal& x) {
        return x.kind == Literal::Kind::kNumber && x.integer && std::fabs(x.number) <= 9007199254740992.0
                   ? std::optional<int64_t>(static_cast<int64_t>(x.number))
                   : std::nullopt;
    };
    if (std::optional<int64_t> n = whole(v)) return Pair{*n, *n};
    if (v.kind == Literal::Kind::kTuple && v.items.size() == 2) {
        std::optional<int64_t> h = whole(v.items[0]), w = whole(v.items[1]);
        if (h && w) return Pair{*h, *w};
    }
    return std::nullopt;
}

std::optional<bool> flag_of(const Literal& v) {
    if (v.kind == Literal::Kind::kBool) return v.flag;
    if (v.kind == Literal::Kind::kNumber && v.integer) return v.number != 0.0;
    return std::nullopt;
}

// Sets parameter `name` of `p` from `text`; false when the value cannot be read for certain.
bool bind(PoolParams& p, std::string_view name, std::string_view text) {
    if (name == "input") return true;  // what is pooled, not how
    std::optional<Literal> v = LiteralReader(text).read_all();
    if (!v) return false;
    if (name == "kernel_size" || name == "dilation" || name == "output_size" || name == "padding") {
        std::optional<Pair> pair = pair_of(*v);
        if (!pair) return false;
        if (name == "kernel_size") p.kernel_size = *pair;
        if (name == "dilation") p.dilation = *pair;
        if (name == "output_size") p.output_size = *pair;
        if (name == "padding") p.padding = Padding::symmetric(*pair);
        return true;
    }
    if (name == "stride") {
        if (v->kind == Literal::Kind::kNone) return p.stride.reset(), true;
        std::optional<Pair> pair = pair_of(*v);
        if (pair) p.stride = *pair;
        return pair.has_value();
    }
    if (name == "divisor_override") {
        if (v->kind == Literal::Kind::kNone) return p.divisor_override.reset(), true;
        std::optional<Pair> d = pair_of(*v);  // a whole number reads as the pair (d, d)
        if (!d || v->kind != Literal::Kind::kNumber) return false;
        p.divisor_override = d->h;
        return true;
    }
    if (name == "norm_type") {
        if (v->kind != Literal::Kind::kNumber) return false;
        p.norm_type = v->number;
        return true;
    }
    std::optional<bool> flag = flag_of(*v);
    if (!flag) return false;
    if (name == "ceil_mode") p.ceil_mode = *flag;
    if (name == "count_include_pad") p.count_include_pad = *flag;
    if (name == "return_indices") p.return_indices = *flag;
    return true;
}

// The call's arguments bound to `callee`'s parameters as Python would; nullopt when any is unreadable.
std::optional<PoolParams> bind_call(const Callee& callee, const std::vector<std::string_view>& args) {
    PoolParams p;
    p.op = callee.op;
    std::vector<bool> given(callee.parameters.size(), false);
    size_t positional = 0;
    bool keywords = false;
    for (std::string_view arg : args) {
        arg = trimmed(arg);
        size_t eq = arg.find('=');
        const bool keyword = eq != std::string_view::npos && eq + 1 < arg.size() && arg[eq + 1] != '=' &&
                             trimmed(arg.substr(0, eq)).find_first_of("([ '\"") == std::string_view::npos;
        size_t index = positional;
        std::string_view text = arg;
        if (keyword) {
            keywords = true;
            const std::string_view name = trimmed(arg.substr(0, eq));
            index = callee.parameters.size();
            for (size_t i = 0; i < callee.parameters.size(); ++i)
                if (callee.parameters[i] == name) index = i;
            text = arg.substr(eq + 1);
        } else {
            if (keywords || arg.empty() || arg.front() == '*') return std::nullopt;  // *args: unknown
            ++positional;
        }
        if (index >= callee.parameters.size() || given[index]) return std::nullopt;
        given[index] = true;
        if (!bind(p, callee.parameters[index], text)) return std::nullopt;
    }
    // The first non-input parameter (kernel_size, output_size, norm_type) has no default.
    for (size_t i = 0; i < callee.parameters.size(); ++i) {
        if (callee.parameters[i] == "input") continue;
        if (!given[i]) return std::nullopt;
        if (callee.parameters[i] != "norm_type") break;
    }
    return p;
}

// Whether the line pads the input itself: F.pad(X, ...), often inside the pooling call's input.
bool pads_input(std::string_view code) {
    for (std::string_view prefix : kFunctionalPrefixes) {
        const std::string spelled = std::string(prefix) + "pad(";
        for (size_t at = code.find(spelled); at != std::string_view::npos; at = code.find(spelled, at + 1))
            if (at == 0 || !identifier_char(code[at - 1])) return true;
    }
    return false;
}

}  // namespace

std::optional<CodeLineCall> read_code_line(std::string_view code) {
    std::optional<CodeLineCall> found;
    char quote = 0;
    for (size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (quote) {
            if (c == '\\')
                ++i;
            else if (c == quote)
                quote = 0;
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            continue;
        }
        if (c == '#') {  // a comment runs to the end of its line
            while (i < code.size() && code[i] != '\n')
                ++i;
            continue;
        }
        size_t length = 0;
        const Callee* callee = callee_at(code, i, length);
        if (!callee) continue;
        size_t end = 0;
        std::optional<std::vector<std::string_view>> args = split_arguments(code, i + length, end);
        if (!args) return std::nullopt;
        std::optional<PoolParams> params = bind_call(*callee, *args);
        if (!params) return std::nullopt;
        // Two calls are one layer only when they say the same thing (a layer built, then printed again).
        if (found && !(found->params == *params)) return std::nullopt;
        if (!found) found = CodeLineCall{std::string(code.substr(i, end - i)), *params, false};
        i = end - 1;
    }
    if (found) found->pads_input = pads_input(code);
    return found;
}

}  // namespace poolscope
