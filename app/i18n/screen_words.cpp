// The panels' sentences around the core's numbers (see screen_words.h).
#include "i18n/screen_words.h"

#include <cstdio>

#include "i18n/error_text.h"
#include "i18n/i18n.h"

namespace poolscope::app {
namespace {

template <typename... Args>
std::string format_in(Language language, const char* key, Args... args) {
    char text[512];
    std::snprintf(text, sizeof text, tr_in(language, key), args...);
    return text;
}

template <typename... Args>
std::string format(const char* key, Args... args) {
    return format_in(current_language(), key, args...);
}

}  // namespace

std::string window_position_text(int64_t index, int64_t count, const OutputCell& cell, Language language) {
    return format_in(language, "window.position_fmt", static_cast<int>(index + 1), static_cast<int>(count),
                     static_cast<int>(cell.oh), static_cast<int>(cell.ow));
}

std::string timeline_label(int64_t index, int64_t count, const OutputCell& cell, bool has_output) {
    if (!has_output || count <= 0) return tr("window.no_output");
    return window_position_text(index, count, cell);
}

std::string no_output_text(const std::vector<Error>& errors) {
    if (errors.empty()) return tr("window.no_output");
    return format("window.no_output_reason_fmt", error_text(errors.front()).c_str());
}

std::string floor_drop_text(const AxisShape& a, Language language) {
    if (a.ceil_mode || a.output < 1) return {};
    const int input = static_cast<int>(a.unreached_input), padding = static_cast<int>(a.unreached_padding);
    if (input > 0 && padding > 0) return format_in(language, "formula.floor_drops_both_fmt", input, padding);
    if (input > 0) return format_in(language, "formula.floor_drops_input_fmt", input);
    if (padding > 0) return format_in(language, "formula.floor_drops_padding_fmt", padding);
    return {};
}

}  // namespace poolscope::app
