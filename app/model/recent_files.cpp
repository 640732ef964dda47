// Recent files list (see recent_files.h).
#include "model/recent_files.h"

#include "model/paths.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

#include <nlohmann/json.hpp>

namespace poolscope::app {

std::filesystem::path recent_files_path() {
    const std::filesystem::path dir = config_dir();
    return dir.empty() ? dir : dir / "recent.json";
}

RecentFiles load_recent_files(const std::filesystem::path& file) {
    RecentFiles recent;
    if (file.empty()) return recent;
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return recent;
    // The list is tiny; anything much bigger is not ours.
    if (std::filesystem::file_size(file, ec) > 256 * 1024 || ec) {
        recent.message =
            "ignored the recent files list " + file.string() + ": it is not a list PoolScope wrote";
        return recent;
    }
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    const nlohmann::json j = nlohmann::json::parse(text.str(), nullptr, false);
    const nlohmann::json* list = nullptr;
    if (j.is_object() && j.contains("recent") && j["recent"].is_array()) list = &j["recent"];
    if (!list) {
        recent.message = "ignored the recent files list " + file.string() + ": it is corrupted";
        return recent;
    }
    for (const nlohmann::json& item : *list) {
        if (!item.is_string()) continue;
        const std::string path = item.get<std::string>();
        if (path.empty() || path.size() > kMaxRecentPathBytes) continue;
        if (std::find(recent.paths.begin(), recent.paths.end(), path) != recent.paths.end()) continue;
        recent.paths.push_back(path);
        if (recent.paths.size() == kMaxRecentFiles) break;
    }
    return recent;
}

void note_recent_file(RecentFiles& recent, const std::filesystem::path& path) {
    std::error_code ec;
    std::filesystem::path absolute = std::filesystem::absolute(path, ec);
    const std::string text = (ec ? path : absolute.lexically_normal()).string();
    if (text.empty() || text.size() > kMaxRecentPathBytes) return;
    recent.paths.erase(std::remove(recent.paths.begin(), recent.paths.end(), text), recent.paths.end());
    recent.paths.insert(recent.paths.begin(), text);
    if (recent.paths.size() > kMaxRecentFiles) recent.paths.resize(kMaxRecentFiles);
}

bool save_recent_files(RecentFiles& recent, const std::filesystem::path& file) {
    if (file.empty()) return false;
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    const std::filesystem::path tmp = file.string() + ".tmp";
    {
        std::ofstream out(tmp);
        out << nlohmann::json{{"recent", recent.paths}}.dump(2) << "\n";
        if (!out) {
            recent.message = "cannot write the recent files list " + file.string();
            return false;
        }
    }
    std::filesystem::rename(tmp, file, ec);
    if (ec) {
        recent.message = "cannot write the recent files list " + file.string() + ": " + ec.message();
        return false;
    }
    return true;
}

}  // namespace poolscope::app
