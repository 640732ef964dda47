// Folder listings and typed paths for the file dialog (see file_listing.h).
#include "model/file_listing.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <system_error>

namespace poolscope::app {

namespace {

// Whether `name` ends in one of the space-separated suffixes of `extensions` (case-insensitive: PHOTO.JPG).
bool has_extension(const std::string& name, const std::string& extensions) {
    auto lower = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
        return s;
    };
    const std::string low = lower(name);
    size_t start = 0;
    while (start < extensions.size()) {
        size_t end = extensions.find(' ', start);
        if (end == std::string::npos) end = extensions.size();
        const std::string ext = lower(extensions.substr(start, end - start));
        if (!ext.empty() && low.size() > ext.size() &&
            low.compare(low.size() - ext.size(), ext.size(), ext) == 0)
            return true;
        start = end + 1;
    }
    return false;
}

}  // namespace

Result<std::vector<DirEntry>> list_directory(const std::filesystem::path& dir, const std::string& extension,
                                             size_t* filtered_out, size_t limit) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) return Error{dir.string(), "cannot list this folder: " + ec.message()};
    std::vector<DirEntry> dirs, files;
    size_t left_out = 0;
    for (; it != fs::directory_iterator() && dirs.size() + files.size() < limit; it.increment(ec)) {
        if (ec) break;
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code type_ec;
        if (it->is_directory(type_ec)) {
            dirs.push_back({name, true});
        } else if (extension.empty() || has_extension(name, extension)) {
            files.push_back({name, false});
        } else {
            ++left_out;
        }
    }
    auto by_name = [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; };
    std::sort(dirs.begin(), dirs.end(), by_name);
    std::sort(files.begin(), files.end(), by_name);
    dirs.insert(dirs.end(), files.begin(), files.end());
    if (filtered_out) *filtered_out = left_out;
    return dirs;
}

std::filesystem::path resolve_typed_path(const std::filesystem::path& dir, const std::string& typed,
                                         bool saving, const std::string& extension) {
    namespace fs = std::filesystem;
    fs::path path;
    if (typed.rfind("~/", 0) == 0) {
        const char* home = std::getenv("HOME");
        path = fs::path(home ? home : "") / typed.substr(2);
    } else {
        path = typed;
    }
    if (path.is_relative()) path = dir / path;
    if (saving && !path.has_extension() && !extension.empty()) path += extension;
    return path.lexically_normal();
}

}  // namespace poolscope::app
