// The shipped lessons (POOLSCOPE_LESSONS_DIR, set by tests/ui/CMakeLists.txt), sorted, for the tests that go
// through every one of them.
#pragma once

#include <algorithm>
#include <filesystem>
#include <vector>

namespace poolscope::app {

inline std::vector<std::filesystem::path> shipped_lessons() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(POOLSCOPE_LESSONS_DIR))
        if (entry.path().extension() == ".json" && entry.path().filename() != "schema.json")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace poolscope::app
