// `poolscope fmt`: each lesson is loaded by the core (so only real lessons are touched, with the loader's
// guards and messages), written in the canonical style, and replaced atomically when its bytes differ.
#include "cli/fmt_command.h"

#include <algorithm>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "poolscope/lesson.h"
#include "poolscope/lesson_text.h"

namespace poolscope::cli {
namespace {

void print_fmt_usage(std::ostream& out) {
    out << "usage: poolscope fmt [--check] FILE_OR_DIR...\n"
           "  Rewrites each lesson (directories: every *.json inside but schema.json) in the canonical "
           "style:\n"
           "  2-space indent, stable key order, matrix rows and number lists on one line, short values "
           "inline.\n"
           "  --check  change nothing; list the files that would change and exit 1 if there are any.\n";
}

}  // namespace

int run_fmt(int argc, char** argv, std::ostream& out, std::ostream& err) {
    bool check_only = false;
    std::vector<std::filesystem::path> files;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            print_fmt_usage(out);
            return kExitOk;
        }
        if (arg == "--check") {
            check_only = true;
            continue;
        }
        if (arg.size() > 1 && arg[0] == '-') {
            err << "poolscope fmt: unknown option '" << arg << "'\n";
            print_fmt_usage(err);
            return kExitUsage;
        }
        std::error_code ec;
        if (std::filesystem::is_directory(arg, ec)) {
            std::vector<std::filesystem::path> found;
            for (const auto& entry : std::filesystem::directory_iterator(arg, ec))
                if (entry.path().extension() == ".json" && entry.path().filename() != "schema.json")
                    found.push_back(entry.path());
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else {
            files.emplace_back(arg);
        }
    }
    if (files.empty()) {
        err << "poolscope fmt: no lesson files given\n";
        print_fmt_usage(err);
        return kExitUsage;
    }
    int failed = 0, changed = 0;
    for (const std::filesystem::path& path : files) {
        Result<Lesson> lesson = load_lesson_file(path);
        if (!lesson) {
            for (const Error& e : lesson.errors())
                err << (e.field.rfind(path.string(), 0) == 0 ? e.field : path.string() + ": " + e.field)
                    << ": error: " << e.message << "\n";
            ++failed;
            continue;
        }
        const std::string text = format_lesson_text(lesson->document);
        if (text == lesson->text) continue;
        ++changed;
        if (check_only) {
            out << path.string() << "\n";  // would change
            continue;
        }
        if (Result<bool> saved = save_lesson_text(text, path); !saved) {
            err << saved.error_text() << "\n";
            ++failed;
            continue;
        }
        out << "formatted " << path.string() << "\n";
    }
    if (failed > 0) return kExitInputError;
    return check_only && changed > 0 ? kExitInputError : kExitOk;
}

}  // namespace poolscope::cli
