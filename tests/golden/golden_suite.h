// The two runs every golden file gets: each case through cli::answer_case in-process, and the whole file
// through the real `poolscope compute` process (one answer line per case, in order). Disagreements become
// GoogleTest failures that quote the case, the reference answer and ours.
#pragma once

#include <string>
#include <vector>

#include "golden_compare.h"

namespace poolscope::golden {

// Loads <dir>/<prefix>cases.jsonl + expected.jsonl once per test binary; a load problem fails the test.
std::vector<GoldenCase> load_or_fail(const std::string& dir, const std::string& prefix = "");

// Returns how many cases disagree; reports the first 40.
int check_in_process(const std::vector<GoldenCase>& cases);

// Pipes `cases_file` through `poolscope compute`; returns how many answer lines disagree (a missing or extra
// line, or a non-zero exit status, is a failure too).
int check_real_process(const std::vector<GoldenCase>& cases, const std::string& cases_file);

}  // namespace poolscope::golden
