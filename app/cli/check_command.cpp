// `poolscope check`: the lesson loader, check_lesson(), find_give_aways() and find_stale_code_lines() from
// the core, reported one line per problem in the compiler style editors understand ("file:line:col: error:
// ..." or "file: /steps/3/padding: error: ..."); --strict fails on warnings too.
#include "cli/check_command.h"

#include <algorithm>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "poolscope/code_line.h"
#include "poolscope/lesson.h"

namespace poolscope::cli {
namespace {

// Syntax and file errors already name the file in their field; JSON paths get it prepended.
std::string located(const std::string& file, const Error& e) {
    if (e.field.empty()) return file;
    if (e.field.rfind(file, 0) == 0)
        return e.field;  // before the '/' test: absolute paths start with '/' too
    if (e.field.front() == '/') return file + ": " + e.field;
    return e.field;
}

void print_check_usage(std::ostream& out) {
    out << "usage: poolscope check [--strict] FILE_OR_DIR...\n"
           "  Loads each lesson (directories: every *.json inside), checks every step's expected results\n"
           "  and quiz answers against the core, and prints one line per problem. Warnings: unknown keys,\n"
           "  a quiz answer shown before it is asked (a give-away), a wrong choice without a \"why\", a "
           "code\n"
           "  line that no longer matches its step's layer.\n"
           "  Exit 0 when all pass, 1 otherwise.\n"
           "  --strict  warnings fail too (exit 1).\n";
}

}  // namespace

int run_check(int argc, char** argv, std::ostream& out, std::ostream& err) {
    std::vector<std::filesystem::path> files;
    bool strict = false;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            print_check_usage(out);
            return kExitOk;
        }
        if (arg == "--strict") {
            strict = true;
            continue;
        }
        if (arg.size() > 1 && arg[0] == '-') {
            err << "poolscope check: unknown option '" << arg << "'\n";
            print_check_usage(err);
            return kExitUsage;
        }
        std::error_code ec;
        if (std::filesystem::is_directory(arg, ec)) {
            std::vector<std::filesystem::path> found;
            for (const auto& entry : std::filesystem::directory_iterator(arg, ec))
                if (entry.path().extension() == ".json" && entry.path().filename() != "schema.json")
                    found.push_back(entry.path());  // lessons/schema.json describes lessons, it is not one
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else {
            files.emplace_back(arg);
        }
    }
    if (files.empty()) {
        err << "poolscope check: no lesson files given\n";
        print_check_usage(err);
        return kExitUsage;
    }

    int failed = 0;
    for (const std::filesystem::path& path : files) {
        const std::string file = path.string();
        std::vector<Error> warnings;
        Result<Lesson> lesson = load_lesson_file(path, &warnings);
        if (lesson) {
            for (Error& w : find_give_aways(lesson.value()))
                warnings.push_back(std::move(w));
            for (Error& w : find_stale_code_lines(lesson.value()))
                warnings.push_back(std::move(w));
        }
        for (const Error& w : warnings)
            out << located(file, w) << ": warning: " << w.message << "\n";
        std::vector<Error> problems;
        if (!lesson) {
            problems = lesson.errors();
        } else {
            for (const CheckFailure& f : check_lesson(lesson.value()))
                problems.push_back(f.error);
        }
        for (const Error& e : problems)
            out << located(file, e) << ": error: " << e.message << "\n";
        if (problems.empty() && !(strict && !warnings.empty())) {
            out << file << ": ok (" << lesson->steps.size() << " steps";
            if (!warnings.empty())
                out << ", " << warnings.size() << " warning" << (warnings.size() > 1 ? "s" : "");
            out << ")\n";
        } else {
            if (problems.empty())
                out << file << ": failed (--strict: " << warnings.size() << " warning"
                    << (warnings.size() > 1 ? "s" : "") << ")\n";
            ++failed;
        }
    }
    out << "checked " << files.size() << " lesson" << (files.size() > 1 ? "s" : "") << ": "
        << files.size() - static_cast<size_t>(failed) << " passed, " << failed << " failed\n";
    return failed == 0 ? kExitOk : kExitInputError;
}

}  // namespace poolscope::cli
