// Written files on the desktop (see file_offer.h): nothing more to do, they are on the user's disk.
#include "platform/file_offer.h"

namespace poolscope::app {

void offer_files(const std::vector<std::filesystem::path>&) {}

}  // namespace poolscope::app
