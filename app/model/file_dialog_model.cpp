// The file dialog's rules (see file_dialog_model.h).
#include "model/file_dialog_model.h"

#include <system_error>
#include <utility>

namespace poolscope::app {
namespace fs = std::filesystem;

namespace {

FileOutcome problem(FileDialogModel& model, FileProblem kind, std::string detail) {
    model.problem = kind;
    model.detail = std::move(detail);
    return {FileStep::kProblem, {}};
}

bool saving(const FileDialogModel& model) {
    return model.request.purpose != FilePurpose::kOpen;
}

// A name no file can have here: ".", "..", control characters, a trailing slash (a folder, not a file).
bool bad_name(const std::string& name) {
    if (name == "." || name == ".." || name.back() == '/') return true;
    for (unsigned char c : name)
        if (c < 0x20 || c == 0x7f) return true;
    return false;
}

// `path` is the file to open or write: the last checks, then the choice (or the overwrite question).
FileOutcome choose(FileDialogModel& model, const fs::path& path) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (fs::is_directory(status)) {
        if (!enter_folder(model, path)) return {FileStep::kProblem, {}};
        model.name.clear();
        model.name_replaced = true;
        return {FileStep::kEnteredFolder, path};
    }
    const bool exists = fs::exists(status);
    if (exists && !fs::is_regular_file(status)) return problem(model, FileProblem::kNotAFile, path.string());
    if (!saving(model)) {
        if (!exists) return problem(model, FileProblem::kNoSuchFile, path.string());
        return {FileStep::kChosen, path};
    }
    if (!fs::is_directory(path.parent_path(), ec))
        return problem(model, FileProblem::kNoSuchFolder, path.parent_path().string());
    if (exists) {
        model.overwrite = path;
        return {FileStep::kAskOverwrite, path};
    }
    return {FileStep::kChosen, path};
}

}  // namespace

std::string first_extension(const std::string& extensions) {
    const size_t end = extensions.find(' ');
    return extensions.substr(0, end);
}

void start_file_dialog(FileDialogModel& model, FileRequest request) {
    model = FileDialogModel{};
    model.request = std::move(request);
    model.name = model.request.name;
    model.name_fresh = !model.name.empty();
    std::error_code ec;
    const fs::path here = fs::current_path(ec);
    const fs::path wanted = model.request.dir.empty() ? here : fs::absolute(model.request.dir, ec);
    if (enter_folder(model, wanted)) return;
    const FileProblem why = model.problem;  // say why the folder asked for is not shown
    const std::string detail = model.detail;
    if (!enter_folder(model, here)) enter_folder(model, "/");
    model.problem = why;
    model.detail = detail;
}

bool enter_folder(FileDialogModel& model, const fs::path& dir) {
    size_t other = 0;
    Result<std::vector<DirEntry>> listed =
        list_directory(dir, model.filter ? model.request.extensions : "", &other);
    if (!listed) {
        problem(model, FileProblem::kUnreadableFolder, listed.error_text());
        return false;
    }
    model.dir = dir.lexically_normal();
    if (model.dir.has_relative_path() && !model.dir.has_filename())
        model.dir = model.dir.parent_path();  // "/a/b/" → "/a/b", so Up goes to "/a"
    model.entries = std::move(listed).value();
    model.other_files = other;
    model.selected.reset();
    model.selection_leads = false;
    model.problem = FileProblem::kNone;
    model.detail.clear();
    model.overwrite.reset();
    return true;
}

bool go_up(FileDialogModel& model) {
    if (model.dir == model.dir.root_path() || !model.dir.has_parent_path()) return false;
    return enter_folder(model, model.dir.parent_path());
}

void refresh(FileDialogModel& model) {
    enter_folder(model, model.dir);
}

void select_entry(FileDialogModel& model, size_t index) {
    if (index >= model.entries.size()) return;
    model.selected = index;
    model.selection_leads = true;
    model.overwrite.reset();
    const DirEntry& e = model.entries[index];
    if (!e.is_dir && model.name != e.name) {
        model.name = e.name;
        model.name_replaced = true;
    }
}

void move_selection(FileDialogModel& model, int delta) {
    if (model.entries.empty()) return;
    const long last = static_cast<long>(model.entries.size()) - 1;
    long at = model.selected ? static_cast<long>(*model.selected) + delta : (delta > 0 ? 0 : last);
    at = at < 0 ? 0 : at > last ? last : at;
    select_entry(model, static_cast<size_t>(at));
}

void name_typed(FileDialogModel& model) {
    model.selection_leads = false;
    model.overwrite.reset();
    if (model.problem != FileProblem::kUnreadableFolder) model.problem = FileProblem::kNone;
}

FileOutcome activate_entry(FileDialogModel& model, size_t index) {
    if (index >= model.entries.size()) return {};
    const DirEntry e = model.entries[index];
    if (e.is_dir) {
        const fs::path dir = model.dir / e.name;
        if (!enter_folder(model, dir)) return {FileStep::kProblem, {}};
        return {FileStep::kEnteredFolder, dir};
    }
    select_entry(model, index);
    return choose(model, model.dir / e.name);
}

FileOutcome press_enter(FileDialogModel& model) {
    if (model.selection_leads && model.selected) return activate_entry(model, *model.selected);
    return confirm_name(model);
}

FileOutcome confirm_name(FileDialogModel& model) {
    model.overwrite.reset();
    if (model.name.empty()) return problem(model, FileProblem::kNoName, {});
    if (bad_name(model.name)) {
        // A typed folder ("sub/", "..") is a way to go there, not a file name.
        const fs::path as_dir = resolve_typed_path(model.dir, model.name, false, "");
        std::error_code ec;
        if (fs::is_directory(as_dir, ec) && enter_folder(model, as_dir)) {
            model.name.clear();
            model.name_replaced = true;
            return {FileStep::kEnteredFolder, as_dir};
        }
        return problem(model, FileProblem::kBadName, model.name);
    }
    const fs::path typed = resolve_typed_path(model.dir, model.name, false, "");
    std::error_code ec;
    if (fs::is_directory(typed, ec)) return choose(model, typed);  // enters it
    const fs::path path =
        resolve_typed_path(model.dir, model.name, saving(model), first_extension(model.request.extensions));
    return choose(model, path);
}

FileOutcome answer_overwrite(FileDialogModel& model, bool replace) {
    const std::optional<fs::path> waiting = std::exchange(model.overwrite, std::nullopt);
    if (!waiting || !replace) return {};
    return {FileStep::kChosen, *waiting};
}

}  // namespace poolscope::app
