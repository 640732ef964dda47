// Scanning lesson text for a shown answer (give_away_text.h). The text is read once into numbers, pairs
// ("2×2", "(1, 2)") and divisions ("8 / 9", "divides 8 by 4", "8 除以 4"); an answer is shown when one of
// them equals it and is written as a result (after "=", "≈", "→", "gives", "得"...), or, for divisions and
// decimals with two or more significant digits, anywhere.
#include "give_away_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <span>
#include <vector>

#include "poolscope/float_chars.h"
#include "poolscope/matrix_text.h"
#include "poolscope/quiz.h"

namespace poolscope::give_away {
namespace {

// Words after which a number is stated as a result. English matches at a word start; case is ignored.
// clang-format off
constexpr std::string_view kResultMarkers[] = {
    "≈", "→", "⇒", "->", "=>",
    "gives", "give", "giving", "gave", "becomes", "become", "became", "equals", "equal to", "outputs",
    "output is", "output of", "result is", "answer is", "returns", "reports", "yields", "rounds to",
    "rounds up to", "rounds down to",
    "等于", "得到", "给出", "输出是", "输出为", "输出", "结果是", "结果为", "变成", "变为", "答案是", "就是", "约为", "得"};
constexpr std::string_view kDivisorMarkers[] = {"divisor is", "divisor of", "除数是", "除数为"};
constexpr std::string_view kCellMarkers[] = {"wins at", "is at", "winner is", "胜出的是", "最大值在"};
constexpr std::string_view kFieldMarkers[] = {"spans", "span of", "covers", "跨越", "覆盖"};
// "name = 2" states a layer's parameter, not a result.
constexpr std::string_view kParameterNames[] = {
    "kernel_size", "stride", "padding", "dilation", "ceil_mode", "count_include_pad", "divisor_override",
    "norm_type", "output_size", "pool_size", "strides", "pads", "kernel_shape",
    "p", "k", "s", "d", "n", "c", "kh", "kw", "p_h", "p_w", "k_h", "k_w", "s_h", "s_w", "n_h", "n_w"};
// clang-format on

bool ident(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
}
bool digit(char ch) {
    return ch >= '0' && ch <= '9';
}
bool ends_with(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}
std::string_view trim_back(std::string_view s) {
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    return s;
}

// The text with markup removed, "−" written "-", newlines as spaces; `low` is the same in lower case.
struct Text {
    std::string shown, low;
};

Text normalize(std::string_view raw) {
    Text t;
    for (size_t i = 0; i < raw.size(); ++i) {
        const char ch = raw[i];
        if (ch == '\\' && i + 1 < raw.size()) continue;  // the escaped character follows as itself
        if (ch == '*' || ch == '`') continue;
        if (raw.substr(i, 3) == "−") {
            t.shown += '-';
            i += 2;
            continue;
        }
        t.shown += (ch == '\n' || ch == '\t' || ch == '\r') ? ' ' : ch;
    }
    t.low = t.shown;
    for (char& ch : t.low)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return t;
}

struct Number {
    size_t begin = 0, end = 0;
    std::string text;  // as written ("0.8889", "-4")
    double value = 0.0;
    bool decimal = false;
    int significant = 0;
};

// The numbers of the text: not part of a name ("lp_pool2d", "x2"), a version ("6.5.1") or a root ("√46").
std::vector<Number> numbers_of(const std::string& low) {
    std::vector<Number> found;
    for (size_t i = 0; i < low.size(); ++i) {
        size_t j = i;
        if (low[j] == '-' && j + 1 < low.size() && digit(low[j + 1])) ++j;
        if (!digit(low[j])) continue;
        if (i > 0 && (ident(low[i - 1]) || low[i - 1] == '.' || low[i - 1] == ')')) {
            while (i + 1 < low.size() && (digit(low[i + 1]) || low[i + 1] == '.'))
                ++i;  // the rest of a name or version
            continue;
        }
        if (i >= 3 && low.compare(i - 3, 3, "√") == 0) continue;
        Number n;
        n.begin = i;
        while (j < low.size() && digit(low[j]))
            ++j;
        if (j + 1 < low.size() && low[j] == '.' && digit(low[j + 1])) {
            n.decimal = true;
            ++j;
            while (j < low.size() && digit(low[j]))
                ++j;
        }
        const bool version = j + 1 < low.size() && low[j] == '.' && digit(low[j + 1]);
        const bool name = j < low.size() && ident(low[j]) &&
                          !(low[j] == 'x' && j + 1 < low.size() && (digit(low[j + 1]) || low[j + 1] == ' '));
        if (!version && !name) {
            n.end = j;
            n.text = low.substr(i, j - i);
            parse_double_chars(n.text.data(), n.text.data() + n.text.size(), n.value);  // locale-free
            // Significant digits as a reader counts them: "0.8889" has 4, "0.50" 1, and a whole number
            // written with a point ("5.0", "10.00") none: it is as common as the number itself.
            std::string digits = n.text;
            if (n.decimal) {
                while (digits.back() == '0')
                    digits.pop_back();
                if (digits.back() == '.') digits.clear();
            }
            bool leading = true;
            for (char ch : digits) {
                if (!digit(ch) || (leading && ch == '0')) continue;
                leading = false;
                ++n.significant;
            }
            found.push_back(n);
        }
        while (j < low.size() && (digit(low[j]) || low[j] == '.'))
            ++j;
        i = j - 1;
    }
    return found;
}

// Where a result marker ends right before `at` (spaces between allowed): the marker's start, or npos.
size_t marker_before(const std::string& low, size_t at, std::span<const std::string_view> extra = {}) {
    const std::string_view before = trim_back(std::string_view(low).substr(0, at));
    auto word_start = [&](std::string_view m) {
        const size_t start = before.size() - m.size();
        const bool ascii = static_cast<unsigned char>(m[0]) < 0x80 && m[0] >= 'a' && m[0] <= 'z';
        return !ascii || start == 0 || !ident(before[start - 1]);
    };
    auto check = [&](std::string_view m) { return ends_with(before, m) && word_start(m); };
    for (std::string_view m : kResultMarkers)
        if (check(m)) return before.size() - m.size();
    for (std::string_view m : extra)
        if (check(m)) return before.size() - m.size();
    if (!ends_with(before, "=")) return std::string::npos;
    // "=" states a result, but not in "<=", "!=", "stride=2" (a keyword argument) or "stride = 2".
    const size_t eq = before.size() - 1;
    if (eq > 0 && (before[eq - 1] == '<' || before[eq - 1] == '>' || before[eq - 1] == '!'))
        return std::string::npos;
    if (eq > 0 && ident(before[eq - 1])) return std::string::npos;
    const std::string_view left = trim_back(before.substr(0, eq));
    size_t w = left.size();
    while (w > 0 && ident(left[w - 1]))
        --w;
    const std::string_view name = left.substr(w);
    for (std::string_view p : kParameterNames)
        if (name == p) return std::string::npos;
    return eq;
}

// A pair written "a×b", "a x b", "a by b" (from number k), or "(a, b)", "[a, b]".
struct Pair {
    size_t begin = 0, end = 0;
    double a = 0, b = 0;
    bool tuple = false;
};

std::vector<Pair> pairs_of(const std::string& low, const std::vector<Number>& numbers) {
    std::vector<Pair> found;
    auto skip = [&](size_t p) {
        while (p < low.size() && low[p] == ' ')
            ++p;
        return p;
    };
    for (size_t k = 0; k + 1 < numbers.size(); ++k) {
        const Number &x = numbers[k], &y = numbers[k + 1];
        size_t p = skip(x.end);
        for (std::string_view by : {std::string_view("×"), std::string_view("x"), std::string_view("by")})
            if (low.compare(p, by.size(), by) == 0 && skip(p + by.size()) == y.begin) {
                found.push_back({x.begin, y.end, x.value, y.value, false});
                break;
            }
        if (p < low.size() && low[p] == ',' && skip(p + 1) == y.begin) {
            size_t open = x.begin;
            while (open > 0 && low[open - 1] == ' ')
                --open;
            const size_t close = skip(y.end);
            if (open > 0 && close < low.size() &&
                ((low[open - 1] == '(' && low[close] == ')') || (low[open - 1] == '[' && low[close] == ']')))
                found.push_back({open - 1, close + 1, x.value, y.value, true});
        }
    }
    return found;
}

// A division: the divisor, and the dividend when it is a plain number written just before.
struct Division {
    size_t begin = 0, end = 0;
    const Number* dividend = nullptr;
    const Number* divisor = nullptr;
};

std::vector<Division> divisions_of(const std::string& low, const std::vector<Number>& numbers) {
    std::vector<Division> found;
    auto number_at = [&](size_t p) -> const Number* {
        while (p < low.size() && low[p] == ' ')
            ++p;
        for (const Number& n : numbers)
            if (n.begin == p) return &n;
        return nullptr;
    };
    auto number_before = [&](size_t p) -> const Number* {
        const std::string_view before = trim_back(std::string_view(low).substr(0, p));
        for (const Number& n : numbers)
            if (n.end == before.size()) {
                // Not a term of a bigger expression: "(a + b) / 4" and "2 · 3 / 4" divide more than a number.
                const std::string_view ahead = trim_back(std::string_view(low).substr(0, n.begin));
                for (std::string_view op : {")", "·", "×", "*", "^", "/"})
                    if (ends_with(ahead, op)) return nullptr;
                return &n;
            }
        return nullptr;
    };
    // What follows the divisor binds tighter ("9/2·4"): then the dividend is not divided by it alone.
    auto product_after = [&](const Number* d) {
        size_t p = d->end;
        while (p < low.size() && low[p] == ' ')
            ++p;
        for (std::string_view op : {"·", "×", "*", "^", "²", "("})
            if (low.compare(p, op.size(), op) == 0) return true;
        return false;
    };
    for (std::string_view sign : {"/", "÷", "divided by", "divide by", "divides by", "dividing by", "除以"}) {
        for (size_t p = low.find(sign); p != std::string::npos; p = low.find(sign, p + 1)) {
            const Number* d = number_at(p + sign.size());
            if (!d) continue;
            const Number* n = product_after(d) ? nullptr : number_before(p);
            found.push_back({n ? n->begin : p, d->end, n, d});
        }
    }
    // "divides 8 by 4", "divide 10 by 4".
    for (std::string_view verb : {"divides ", "divide "}) {
        for (size_t p = low.find(verb); p != std::string::npos; p = low.find(verb, p + 1)) {
            const Number* n = number_at(p + verb.size());
            if (!n) continue;
            size_t q = n->end;
            while (q < low.size() && low[q] == ' ')
                ++q;
            if (low.compare(q, 3, "by ") != 0) continue;
            if (const Number* d = number_at(q + 3)) found.push_back({p, d->end, n, d});
        }
    }
    // In reading order, so a warning quotes the first one.
    std::stable_sort(found.begin(), found.end(),
                     [](const Division& a, const Division& b) { return a.begin < b.begin; });
    return found;
}

// The ways the app writes `v` on screen: a cell's 3 significant digits, PyTorch's print, the exact float.
bool printed_as(const std::string& text, float v) {
    char cell[32];
    if (v == std::floor(v) && std::fabs(v) < 1e7f)
        std::snprintf(cell, sizeof cell, "%.0f", static_cast<double>(v));
    else
        std::snprintf(cell, sizeof cell, "%.3g", static_cast<double>(v));
    std::string torch = torch_value_text(v);
    if (!torch.empty() && torch.back() == '.') torch.pop_back();
    return text == cell || text == torch || text == float_text(v);
}

bool names_value(const Number& n, float v, bool stated) {
    const NumberMatch m = match_number(n.text, v);
    if (m == NumberMatch::kExact || printed_as(n.text, v)) return true;
    if (!n.decimal) return false;  // an integer is the answer only when it is exactly the answer
    // A decimal stated as a result names any rounding of the answer ("≈ 6.8"); written bare, one the quiz
    // itself would accept.
    return m == NumberMatch::kRounded || (stated && m == NumberMatch::kNeedsMoreDecimals);
}

std::string excerpt(const Text& t, size_t begin, size_t end) {
    while (begin > 0 && (static_cast<unsigned char>(t.shown[begin]) & 0xC0) == 0x80)
        --begin;
    std::string s = t.shown.substr(begin, end - begin);
    return s.size() > 60 ? s.substr(0, 57) + "..." : s;
}

bool contains_words(const std::string& low, std::string_view words) {
    for (size_t p = low.find(words); p != std::string::npos; p = low.find(words, p + 1)) {
        const bool ascii_start = words[0] >= 'a' && words[0] <= 'z';
        const bool ascii_end = words.back() >= 'a' && words.back() <= 'z';
        const size_t e = p + words.size();
        if ((!ascii_start || p == 0 || !ident(low[p - 1])) &&
            (!ascii_end || e >= low.size() || !ident(low[e])))
            return true;
    }
    return false;
}

std::string lower_markup_free(std::string_view s) {
    return normalize(s).low;
}

// A shape (h, w) written as a result: the pair, or one of its numbers ("= 2"), after a result marker or one
// of `extra`.
std::optional<std::string> shape_shown(const Text& t, const std::vector<Number>& numbers, int64_t h,
                                       int64_t w, std::span<const std::string_view> extra) {
    const std::string& low = t.low;
    for (const Pair& p : pairs_of(low, numbers)) {
        const size_t marker = marker_before(low, p.begin, extra);
        if (marker != std::string::npos && p.a == static_cast<double>(h) && p.b == static_cast<double>(w))
            return excerpt(t, marker, p.end);
    }
    for (const Number& n : numbers) {
        const size_t marker = marker_before(low, n.begin, extra);
        if (marker == std::string::npos || n.decimal) continue;
        if (n.value == static_cast<double>(h) || n.value == static_cast<double>(w))
            return excerpt(t, marker, n.end);
    }
    return std::nullopt;
}

// Three or more sizes written as one run of numbers joined by "," or "×"/"x" ("torch.Size([1, 16, 5, 5])",
// "16 × 5 × 5" after the batch), not inside a longer run: they name a layer's output anywhere.
std::optional<std::string> sizes_shown(const Text& t, const std::vector<Number>& numbers,
                                       const std::vector<int64_t>& sizes) {
    const std::string& low = t.low;
    auto joined = [&](const Number& a, const Number& b) {
        size_t p = a.end;
        while (p < low.size() && low[p] == ' ')
            ++p;
        bool sep = false;
        for (std::string_view j : {std::string_view(","), std::string_view("×"), std::string_view("x")})
            if (low.compare(p, j.size(), j) == 0) {
                p += j.size(), sep = true;
                break;
            }
        while (p < low.size() && low[p] == ' ')
            ++p;
        return sep && p == b.begin;
    };
    // Runs of joined whole numbers; the answer matches a whole run, or a run that is the answer without its
    // batch size (students write "16 × 5 × 5").
    for (size_t k = 0; k < numbers.size();) {
        size_t e = k + 1;
        while (e < numbers.size() && joined(numbers[e - 1], numbers[e]))
            ++e;
        std::vector<int64_t> run;
        bool whole = true;
        for (size_t m = k; m < e; ++m) {
            whole = whole && !numbers[m].decimal;
            run.push_back(static_cast<int64_t>(numbers[m].value));
        }
        const bool same = run == sizes;
        const bool without_batch = sizes.size() >= 4 && run.size() == sizes.size() - 1 &&
                                   std::equal(run.begin(), run.end(), sizes.begin() + 1);
        if (whole && (same || without_batch)) return excerpt(t, numbers[k].begin, numbers[e - 1].end);
        k = e;
    }
    return std::nullopt;
}

std::string grouped_digits(int64_t n) {
    std::string digits = std::to_string(n < 0 ? -n : n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return (n < 0 ? "-" : "") + out;
}

}  // namespace

std::optional<std::string> find_shown(std::string_view raw, const Answer& answer) {
    const Text t = normalize(raw);
    const std::string& low = t.low;
    const std::vector<Number> numbers = numbers_of(low);
    using Kind = Answer::Kind;
    switch (answer.kind) {
        case Kind::kValue: {
            for (const Division& d : divisions_of(low, numbers))
                if (d.dividend && match_number(d.dividend->text + "/" + d.divisor->text, answer.value) ==
                                      NumberMatch::kExact)
                    return excerpt(t, d.begin, d.end);
            for (const Number& n : numbers) {
                const size_t marker = marker_before(low, n.begin);
                const bool stated = marker != std::string::npos;
                if (!stated && !(n.decimal && n.significant >= 2)) continue;
                if (names_value(n, answer.value, stated)) return excerpt(t, stated ? marker : n.begin, n.end);
            }
            return std::nullopt;
        }
        case Kind::kDivisor: {
            for (const Division& d : divisions_of(low, numbers))
                if (!d.divisor->decimal && d.divisor->value == static_cast<double>(answer.count))
                    return excerpt(t, d.begin, d.end);
            for (const Number& n : numbers) {
                const size_t marker = marker_before(low, n.begin, kDivisorMarkers);
                if (marker != std::string::npos && n.value == static_cast<double>(answer.count))
                    return excerpt(t, marker, n.end);
            }
            return std::nullopt;
        }
        case Kind::kShape:
            return shape_shown(t, numbers, answer.h, answer.w, {});
        case Kind::kField:
            return shape_shown(t, numbers, answer.h, answer.w, kFieldMarkers);
        case Kind::kSizes: {
            if (answer.sizes.size() == 2)
                return shape_shown(t, numbers, answer.sizes[0], answer.sizes[1], {});
            return sizes_shown(t, numbers, answer.sizes);
        }
        case Kind::kCount: {
            for (const Number& n : numbers) {
                if (n.decimal || n.value != static_cast<double>(answer.count)) continue;
                const size_t marker = marker_before(low, n.begin);
                if (marker != std::string::npos) return excerpt(t, marker, n.end);
                if (n.end - n.begin >= 4) return excerpt(t, n.begin, n.end);
            }
            const std::string grouped = grouped_digits(answer.count);  // "61,706"
            if (grouped.find(',') != std::string::npos)
                if (size_t at = low.find(grouped); at != std::string::npos)
                    return excerpt(t, at, at + grouped.size());
            return std::nullopt;
        }
        case Kind::kCell: {
            for (const Pair& p : pairs_of(low, numbers)) {
                if (!p.tuple || p.a != static_cast<double>(answer.h) || p.b != static_cast<double>(answer.w))
                    continue;
                const size_t marker = marker_before(low, p.begin, kCellMarkers);
                if (marker != std::string::npos) return excerpt(t, marker, p.end);
                size_t after = p.end;  // "(1, 0) wins", "(1, 0) 胜出"
                while (after < low.size() && low[after] == ' ')
                    ++after;
                for (std::string_view verb : {std::string_view("wins"), std::string_view("胜出")})
                    if (low.compare(after, verb.size(), verb) == 0)
                        return excerpt(t, p.begin, after + verb.size());
            }
            return std::nullopt;
        }
        case Kind::kText: {
            const std::string words = lower_markup_free(answer.words);
            if (words.size() < 6 || !contains_words(low, words)) return std::nullopt;
            for (const std::string& other : answer.others) {
                const std::string o = lower_markup_free(other);
                if (o.size() >= 3 && contains_words(low, o)) return std::nullopt;  // every option is named
            }
            const size_t at = low.find(words);
            return excerpt(t, at, at + words.size());
        }
    }
    return std::nullopt;
}

}  // namespace poolscope::give_away
