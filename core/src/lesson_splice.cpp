// Saving an edited lesson into the file's own text (splice_lesson_text in lesson_text.h): a small scanner
// finds the byte span of each step, steps the edit left alone are copied byte for byte, the others are
// written in the canonical style at the file's indent.
#include <optional>

#include "lesson_format.h"
#include "poolscope/lesson_text.h"

namespace poolscope {

using Json = nlohmann::ordered_json;

namespace {

struct Span {
    size_t begin = 0, end = 0;  // [begin, end) in the text
};

// Where the top-level "steps" list and its elements are in a text that parses as JSON.
struct StepsLayout {
    size_t open = 0, close = 0;  // the '[' and the ']'
    std::vector<Span> steps;
};

size_t skip_space(std::string_view text, size_t pos) {
    while (pos < text.size() &&
           (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' || text[pos] == '\r'))
        ++pos;
    return pos;
}

// From an opening quote to just past the closing one.
size_t skip_string(std::string_view text, size_t pos) {
    for (++pos; pos < text.size(); ++pos) {
        if (text[pos] == '\\')
            ++pos;
        else if (text[pos] == '"')
            return pos + 1;
    }
    return text.size();
}

// Just past the value starting at `pos` (the text is valid JSON: brackets balance outside strings).
size_t skip_value(std::string_view text, size_t pos) {
    if (pos >= text.size()) return pos;
    if (text[pos] == '"') return skip_string(text, pos);
    if (text[pos] != '[' && text[pos] != '{') {
        while (pos < text.size() && text[pos] != ',' && text[pos] != '}' && text[pos] != ']' &&
               text[pos] != ' ' && text[pos] != '\n' && text[pos] != '\r' && text[pos] != '\t')
            ++pos;
        return pos;
    }
    int depth = 0;
    for (; pos < text.size(); ++pos) {
        if (text[pos] == '"') {
            pos = skip_string(text, pos) - 1;
        } else if (text[pos] == '[' || text[pos] == '{') {
            ++depth;
        } else if ((text[pos] == ']' || text[pos] == '}') && --depth == 0) {
            return pos + 1;
        }
    }
    return pos;
}

std::optional<StepsLayout> find_steps(std::string_view text) {
    size_t pos = skip_space(text, 0);
    if (pos >= text.size() || text[pos] != '{') return std::nullopt;
    std::optional<StepsLayout> found;
    pos = skip_space(text, pos + 1);
    while (pos < text.size() && text[pos] == '"') {
        const size_t key_end = skip_string(text, pos);
        std::string key;
        try {
            key = Json::parse(text.substr(pos, key_end - pos)).get<std::string>();
        } catch (const nlohmann::json::exception&) {
            return std::nullopt;
        }
        pos = skip_space(text, key_end);
        if (pos >= text.size() || text[pos] != ':') return std::nullopt;
        pos = skip_space(text, pos + 1);
        const size_t value_end = skip_value(text, pos);
        if (key == "steps") {
            if (found || text[pos] != '[') return std::nullopt;  // a second "steps": not worth guessing
            StepsLayout layout;
            layout.open = pos;
            size_t at = skip_space(text, pos + 1);
            while (at < text.size() && text[at] != ']') {
                const size_t end = skip_value(text, at);
                layout.steps.push_back({at, end});
                at = skip_space(text, end);
                if (at < text.size() && text[at] == ',') at = skip_space(text, at + 1);
            }
            layout.close = at;
            found = layout;
        }
        pos = skip_space(text, value_end);
        if (pos < text.size() && text[pos] == ',') pos = skip_space(text, pos + 1);
    }
    return found;
}

// The column of `pos` when only spaces precede it on its line (else nullopt).
std::optional<size_t> line_indent(std::string_view text, size_t pos) {
    size_t start = pos;
    while (start > 0 && text[start - 1] != '\n') {
        if (text[start - 1] != ' ') return std::nullopt;
        --start;
    }
    return pos - start;
}

Json without_steps(const Json& document) {
    Json rest = document;
    rest.erase("steps");
    return rest;
}

std::string splice_steps(std::string_view text, const StepsLayout& layout, const Json& old_steps,
                         const Json& new_steps) {
    const size_t close_indent = line_indent(text, layout.close).value_or(2);
    const size_t indent =
        layout.steps.empty() ? close_indent + 2 : line_indent(text, layout.steps[0].begin).value_or(4);
    // Each new step's original, by content: the one after the previous step's original when it is equal
    // (so a duplicated step keeps its neighbour's separator), else the first equal one.
    std::vector<std::optional<size_t>> source(new_steps.size());
    for (size_t i = 0; i < new_steps.size(); ++i) {
        const std::optional<size_t> next = i > 0 && source[i - 1] ? std::optional(*source[i - 1] + 1)
                                           : i == 0               ? std::optional<size_t>(0)
                                                                  : std::nullopt;
        if (next && *next < old_steps.size() && old_steps[*next] == new_steps[i]) {
            source[i] = next;
            continue;
        }
        for (size_t j = 0; j < old_steps.size() && !source[i]; ++j)
            if (old_steps[j] == new_steps[i]) source[i] = j;
    }
    // Steps sit two levels deep, so their indent is two of the file's indent steps (4 in a 4-space file).
    const size_t unit = indent >= 2 && indent % 2 == 0 ? indent / 2 : 2;
    const std::string newline_indent = "\n" + std::string(indent, ' ');
    if (new_steps.empty()) return "[]";
    std::string out = "[";
    out += layout.steps.empty()
               ? newline_indent
               : std::string(text.substr(layout.open + 1, layout.steps[0].begin - layout.open - 1));
    for (size_t i = 0; i < new_steps.size(); ++i) {
        if (i > 0) {
            // The original separator between the two originals when they are still neighbours, else the one
            // at this position when neither step moved (a step replaced in place keeps its spacing).
            const auto at = [&](size_t k, size_t position) { return !source[k] || *source[k] == position; };
            std::optional<size_t> after;  // the separator is the one after original step `after`
            if (source[i - 1] && source[i] && *source[i] == *source[i - 1] + 1)
                after = *source[i - 1];
            else if (i < layout.steps.size() && at(i - 1, i - 1) && at(i, i))
                after = i - 1;
            out += after ? std::string(text.substr(layout.steps[*after].end,
                                                   layout.steps[*after + 1].begin - layout.steps[*after].end))
                         : "," + newline_indent;
        }
        if (source[i]) {
            const Span span = layout.steps[*source[i]];
            out += text.substr(span.begin, span.end - span.begin);
        } else {
            out += format_lesson_step(new_steps[i], indent, unit);
        }
    }
    out += layout.steps.empty()
               ? "\n" + std::string(close_indent, ' ')
               : std::string(text.substr(layout.steps.back().end, layout.close - layout.steps.back().end));
    return out + "]";
}

std::string try_splice(std::string_view original, const Json& document) {
    if (original.empty() || !document.is_object() || !document.contains("steps") ||
        !document["steps"].is_array())
        return {};
    Json old_document;
    try {
        old_document = Json::parse(original.begin(), original.end());
    } catch (const nlohmann::json::exception&) {
        return {};
    }
    if (!old_document.is_object() || !old_document.contains("steps") || !old_document["steps"].is_array())
        return {};
    const std::optional<StepsLayout> layout = find_steps(original);
    if (!layout || layout->steps.size() != old_document["steps"].size()) return {};
    const std::string steps = splice_steps(original, *layout, old_document["steps"], document["steps"]);
    if (without_steps(old_document) == without_steps(document))
        return std::string(original.substr(0, layout->open)) + steps +
               std::string(original.substr(layout->close + 1));
    // The lesson's own keys changed: write them canonically, around the spliced steps.
    Json shell = document;
    shell["steps"] = Json::array();
    std::string text = format_lesson_text(shell);
    const size_t empty_steps = text.rfind("\"steps\": []");
    if (empty_steps == std::string::npos) return {};
    return text.replace(empty_steps + 9, 2, steps);
}

}  // namespace

std::string splice_lesson_text(std::string_view original, const Json& document) {
    std::string text = try_splice(original, document);
    if (text.empty()) return format_lesson_text(document);
    // The splice is only an optimisation of the bytes: what it writes must read back as the document.
    try {
        // Compared without key order: a changed step is written in the canonical order.
        if (nlohmann::json(Json::parse(text)) == nlohmann::json(document)) return text;
    } catch (const nlohmann::json::exception&) {
    }
    return format_lesson_text(document);
}

}  // namespace poolscope
