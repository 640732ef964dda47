// The model tests' way to run the command line: parse_app_options on "poolscope" followed by `args`.
#pragma once

#include <string>
#include <vector>

#include "model/app_options.h"

namespace poolscope::test {

inline Result<app::AppOptions> parse(std::vector<std::string> args) {
    std::vector<char*> argv{const_cast<char*>("poolscope")};
    for (std::string& a : args)
        argv.push_back(a.data());
    return app::parse_app_options(static_cast<int>(argv.size()), argv.data());
}

}  // namespace poolscope::test
