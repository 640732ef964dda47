#include "poolscope/result.h"

namespace poolscope {

std::string join_errors(const std::vector<Error>& errors) {
    std::string text;
    for (const Error& e : errors) {
        if (!text.empty()) text += "; ";
        if (!e.field.empty()) text += e.field + ": ";
        text += e.message;
    }
    return text;
}

}  // namespace poolscope
