// The external-change question's choices (lesson_conflict.h). Keep both is a three-way merge in the core
// (merge_lesson_documents): base = the text the app loaded, ours = its edited document, theirs = the file
// now; the merge is then spliced into the file's current text, so the editor's bytes survive too.
#include "model/lesson_conflict.h"

#include "i18n/i18n.h"
#include "model/app_state.h"
#include "model/lesson_player.h"
#include "model/lesson_session.h"
#include "poolscope/lesson_text.h"

namespace poolscope::app {

bool changed_on_disk(const LessonSession& session) {
    if (!session.lesson || session.path.empty()) return false;
    const std::optional<FileStamp> now = stamp_of(session.path);
    return now && now != session.stamp;
}

namespace {

Result<bool> keep_both(LessonSession& session) {
    Result<Lesson> theirs = load_lesson_file(session.path);
    if (!theirs) return theirs.errors();
    nlohmann::ordered_json base;
    try {
        base = nlohmann::ordered_json::parse(session.lesson->text);
    } catch (const nlohmann::json::exception&) {
        return Error{session.path.string(), "the version this lesson was loaded from is not known"};
    }
    const LessonMerge merged = merge_lesson_documents(base, session.lesson->document, theirs->document);
    if (!merged.conflicts.empty()) {
        std::string where;
        for (const std::string& c : merged.conflicts)
            where += (where.empty() ? "" : ", ") + c;
        return Error{session.path.string(), "changed both here and in the file: " + where};
    }
    Result<Lesson> lesson = load_lesson_json(merged.document, session.path.string());
    if (!lesson) return lesson.errors();
    lesson.value().text = theirs->text;  // spliced into the file as it is now
    const size_t step = session.step;
    const std::optional<FileStamp> loaded_stamp = stamp_of(session.path);
    LessonSession merged_session = session;
    merged_session.lesson = std::move(lesson).value();
    merged_session.step = std::min(step, merged_session.lesson->steps.size() - 1);
    merged_session.stamp = loaded_stamp;  // the file's version is now the base
    Result<bool> saved = save_session(merged_session);
    if (!saved) return saved;
    merged_session.failures = check_lesson(*merged_session.lesson);
    ++merged_session.generation;
    session = std::move(merged_session);
    return true;
}

}  // namespace

Result<bool> resolve_conflict(LessonSession& session, ConflictChoice choice,
                              const std::filesystem::path& save_as) {
    if (!session.lesson) return Error{"lesson", "no lesson is open"};
    switch (choice) {
        case ConflictChoice::kKeepBoth:
            return keep_both(session);
        case ConflictChoice::kTakeFile: {
            const std::filesystem::path path = session.path;
            Result<bool> opened = open_lesson(session, path, session.step);
            if (opened) session.dirty = false;
            return opened;
        }
        case ConflictChoice::kOverwrite:
            return save_session(session);
        case ConflictChoice::kSaveAs:
            if (save_as.empty()) return Error{"lesson", "no file chosen to save as"};
            return save_session(session, save_as);
        case ConflictChoice::kCancel:
            return false;
    }
    return false;
}

bool answer_save_conflict(AppState& state, Playback& playback, ConflictChoice choice,
                          const std::filesystem::path& save_as) {
    LessonPlayer& player = state.lessons;
    if (choice == ConflictChoice::kCancel) {
        player.pending = PendingAction::kNone;
        return false;
    }
    Result<bool> done = resolve_conflict(player.session, choice, save_as);
    if (!done) {
        player.message = std::string(tr("lesson.save_failed")) + " " + done.error_text();
        player.message_is_error = true;
        return false;
    }
    player.message = tr(choice == ConflictChoice::kKeepBoth   ? "lesson.conflict_merged"
                        : choice == ConflictChoice::kTakeFile ? "lesson.conflict_took_file"
                                                              : "lesson.saved");
    player.message_is_error = false;
    if (choice == ConflictChoice::kSaveAs) note_recent_file(player.recent, save_as);
    continue_pending(state, playback);
    return true;
}

}  // namespace poolscope::app
