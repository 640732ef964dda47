// Data and config folder lookup (see paths.h).
#include "model/paths.h"

#include <cstdlib>
#include <fstream>
#include <system_error>

#include <unistd.h>

namespace poolscope::app {

std::vector<std::filesystem::path> data_dirs(const std::filesystem::path& exe_dir, const char* subdir) {
    // After the override, the prefix next to the executable: an installed copy must use its own data, even
    // when the source tree it was built from still exists. A build-tree executable has no ../share/poolscope.
    std::vector<std::filesystem::path> dirs;
    if (const char* env = std::getenv("POOLSCOPE_DATA_DIR"); env && *env)
        dirs.push_back(std::filesystem::path(env) / subdir);
#ifdef POOLSCOPE_INSTALL_DATADIR
    if (!exe_dir.empty()) dirs.push_back(exe_dir / ".." / POOLSCOPE_INSTALL_DATADIR / subdir);
#else
    if (!exe_dir.empty()) dirs.push_back(exe_dir / ".." / "share" / "poolscope" / subdir);
#endif
#ifdef POOLSCOPE_SOURCE_DIR
    dirs.push_back(std::filesystem::path(POOLSCOPE_SOURCE_DIR) / subdir);
#endif
    return dirs;
}

std::filesystem::path find_data_dir(const std::filesystem::path& exe_dir, const char* subdir) {
    for (const std::filesystem::path& dir : data_dirs(exe_dir, subdir)) {
        std::error_code ec;
        if (std::filesystem::is_directory(dir, ec)) return dir.lexically_normal();
    }
    return {};
}

std::filesystem::path lessons_dir(const std::filesystem::path& exe_dir) {
    return find_data_dir(exe_dir, "lessons");
}

std::filesystem::path assets_dir(const std::filesystem::path& exe_dir) {
    return find_data_dir(exe_dir, "assets");
}

std::filesystem::path executable_dir() {
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path() : exe.parent_path();
}

std::filesystem::path config_dir() {
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "poolscope";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".config" / "poolscope";
    return {};
}

std::string config_file(const char* name) {
    const std::filesystem::path dir = config_dir();
    if (dir.empty()) return {};
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    return ec ? std::string() : (dir / name).string();
}

bool write_config_file(const std::filesystem::path& dir, const std::filesystem::path& file,
                       const std::string& text, std::string& error) {
    if (dir.empty()) {
        error = "neither XDG_CONFIG_HOME nor HOME is set";
        return false;
    }
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        error = "cannot create " + dir.string() + ": " + ec.message();
        return false;
    }
    const std::filesystem::path tmp = file.string() + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out) {
            error = "cannot write " + tmp.string();
            std::filesystem::remove(tmp, ec);
            return false;
        }
    }
    std::filesystem::rename(tmp, file, ec);
    if (ec) {
        error = "cannot replace " + file.string() + ": " + ec.message();
        std::filesystem::remove(tmp, ec);
        return false;
    }
    return true;
}

}  // namespace poolscope::app
