// Written files in the browser (see file_offer.h): the page (poolscope_page.js, Module.poolscopeDownload)
// turns each into a download, as it does for a saved lesson.
#include "platform/file_offer.h"

#include <emscripten.h>

namespace poolscope::app {

void offer_files(const std::vector<std::filesystem::path>& files) {
    for (const std::filesystem::path& file : files) {
        const std::string path = std::filesystem::absolute(file).string();
        EM_ASM(
            {
                if (Module.poolscopeDownload) Module.poolscopeDownload(UTF8ToString($0));
            },
            path.c_str());
    }
}

}  // namespace poolscope::app
