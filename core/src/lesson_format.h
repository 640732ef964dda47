// Inside the core: one step in the canonical style (lesson_format.cpp), for the splice that writes a changed
// step into a file at that file's indent (lesson_splice.cpp).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace poolscope {

// `step` in the canonical style, its first line unindented, its keys at `indent` + `unit` and its closing
// brace at `indent` (`unit`: the file's indent step, 2 in the canonical style).
std::string format_lesson_step(const nlohmann::ordered_json& step, size_t indent, size_t unit = 2);

}  // namespace poolscope
