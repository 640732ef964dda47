// Validation errors as templates: each kind of problem has a stable code and an English sentence with
// {0}, {1}... for the values it quotes. The core builds Error::message from it; a frontend can look the
// code up in its own language and fill in the same Error::args.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "poolscope/result.h"

namespace poolscope {

struct ErrorTemplate {
    std::string_view code;
    std::string_view english;
};

// Every code the core can report (make_plan, make_unpool_plan, max_unpool, the grad_output check), with its
// English sentence.
std::span<const ErrorTemplate> error_templates();

// Replaces {0}, {1}, ... in `text` with args[0], args[1], ...; a placeholder without an argument stays.
std::string fill_template(std::string_view text, const std::vector<std::string>& args);

// An Error whose message is `code`'s English template filled with `args` (the code must be in the table).
Error coded_error(std::string field, std::string_view code, std::vector<std::string> args = {});

}  // namespace poolscope
