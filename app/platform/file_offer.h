// Files the app wrote for the user to take away (exports). On the desktop they already are where the user
// chose; in the browser they live in the page's memory, so the page offers each one as a download.
#pragma once

#include <filesystem>
#include <vector>

namespace poolscope::app {

void offer_files(const std::vector<std::filesystem::path>& files);

}  // namespace poolscope::app
