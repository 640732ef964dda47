// The lesson player's supporting pieces without a window: recent files (persisted, range-checked, a corrupted
// file ignored with a message), the file picker's listing and typed paths, dropped-file routing, the lesson
// options, the browser's scan, the data folder lookup and the lesson string tables.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <regex>
#include <set>

#include "i18n/lesson_strings.h"
#include "model/app_options.h"
#include "model/app_state.h"
#include "model/file_listing.h"
#include "model/lesson_player.h"
#include "model/paths.h"
#include "model/recent_files.h"

namespace poolscope::app {
namespace {

namespace fs = std::filesystem;

class TempDir {
  public:
    TempDir() {
        path_ = fs::temp_directory_path() /
                ("poolscope-lesson-support-" +
                 std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TempDir() { fs::remove_all(path_); }
    const fs::path& path() const { return path_; }
    void write(const std::string& name, const std::string& text) const {
        fs::create_directories((path_ / name).parent_path());
        std::ofstream(path_ / name) << text;
    }

  private:
    fs::path path_;
};

TEST(RecentFiles, NewestFirstNoDuplicatesAtMostTenAndPersisted) {
    TempDir dir;
    RecentFiles recent;
    for (int i = 0; i < 12; ++i)
        note_recent_file(recent, dir.path() / ("l" + std::to_string(i) + ".json"));
    note_recent_file(recent, dir.path() / "l5.json");
    ASSERT_EQ(recent.paths.size(), kMaxRecentFiles);
    EXPECT_EQ(fs::path(recent.paths[0]).filename(), "l5.json");
    EXPECT_EQ(fs::path(recent.paths[1]).filename(), "l11.json");
    EXPECT_EQ(std::set<std::string>(recent.paths.begin(), recent.paths.end()).size(), recent.paths.size());
    const fs::path file = dir.path() / "cfg" / "poolscope" / "recent.json";
    ASSERT_TRUE(save_recent_files(recent, file));
    const RecentFiles loaded = load_recent_files(file);
    EXPECT_EQ(loaded.paths, recent.paths);
    EXPECT_TRUE(loaded.message.empty());
}

TEST(RecentFiles, ACorruptedOrHostileFileIsIgnoredWithAMessage) {
    TempDir dir;
    dir.write("recent.json", "{\"recent\": [\"/a.json\", ");
    RecentFiles r = load_recent_files(dir.path() / "recent.json");
    EXPECT_TRUE(r.paths.empty());
    EXPECT_NE(r.message.find("corrupted"), std::string::npos);

    // Wrong types and over-long entries are dropped, the list is cut to the maximum.
    std::string list =
        "{\"recent\": [1, null, \"" + std::string(kMaxRecentPathBytes + 1, 'x') + "\", \"/ok.json\"";
    for (int i = 0; i < 20; ++i)
        list += ", \"/f" + std::to_string(i) + ".json\"";
    dir.write("recent.json", list + "]}");
    r = load_recent_files(dir.path() / "recent.json");
    ASSERT_EQ(r.paths.size(), kMaxRecentFiles);
    EXPECT_EQ(r.paths[0], "/ok.json");
    EXPECT_TRUE(r.message.empty());

    EXPECT_TRUE(load_recent_files(dir.path() / "missing.json").paths.empty());
    EXPECT_TRUE(load_recent_files(dir.path() / "missing.json").message.empty());
}

TEST(RecentFiles, TheLessonPlayerSaysWhenTheListWasIgnored) {
    TempDir dir;
    dir.write("poolscope/recent.json", "[[[ not json");
    setenv("XDG_CONFIG_HOME", dir.path().c_str(), 1);
    set_language(Language::kEnglish);
    LessonPlayer ui;
    start_lessons(ui, {});
    unsetenv("XDG_CONFIG_HOME");
    EXPECT_TRUE(ui.recent.paths.empty());
    EXPECT_TRUE(ui.message_is_error);
    EXPECT_NE(ui.message.find("recent.json"), std::string::npos) << ui.message;
    EXPECT_NE(ui.message.find("ignored"), std::string::npos) << ui.message;
}

TEST(RecentFiles, LivesInTheXdgConfigDir) {
    setenv("XDG_CONFIG_HOME", "/tmp/xdg-test", 1);
    EXPECT_EQ(recent_files_path(), fs::path("/tmp/xdg-test/poolscope/recent.json"));
    unsetenv("XDG_CONFIG_HOME");
    setenv("HOME", "/home/t", 1);
    EXPECT_EQ(recent_files_path(), fs::path("/home/t/.config/poolscope/recent.json"));
}

TEST(FileListing, ListsFoldersFirstThenJsonFilesWithoutHiddenOnes) {
    TempDir dir;
    dir.write("b.json", "{}");
    dir.write("a.json", "{}");
    dir.write("notes.txt", "");
    dir.write(".hidden.json", "{}");
    dir.write("zsub/x.json", "{}");
    Result<std::vector<DirEntry>> listed = list_directory(dir.path(), ".json");
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), 3u);
    EXPECT_EQ((*listed)[0].name, "zsub");
    EXPECT_TRUE((*listed)[0].is_dir);
    EXPECT_EQ((*listed)[1].name, "a.json");
    EXPECT_EQ((*listed)[2].name, "b.json");
    Result<std::vector<DirEntry>> all = list_directory(dir.path(), "");
    ASSERT_TRUE(all);
    EXPECT_EQ(all->size(), 4u);
    EXPECT_FALSE(list_directory(dir.path() / "nope", ".json"));
}

TEST(FileListing, SeveralExtensionsListPictures) {  // File → Open picture: ".png .jpg .jpeg .bmp"
    TempDir dir;
    dir.write("a.png", "");
    dir.write("B.JPG", "");
    dir.write("c.json", "");
    dir.write("d.bmp.txt", "");
    Result<std::vector<DirEntry>> listed = list_directory(dir.path(), ".png .jpg .jpeg .bmp");
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), 2u);
    EXPECT_EQ((*listed)[0].name, "B.JPG");
    EXPECT_EQ((*listed)[1].name, "a.png");
}

TEST(FileListing, TypedPathsAreRelativeToTheFolderShown) {
    EXPECT_EQ(resolve_typed_path("/a/b", "c.json", false, ".json"), fs::path("/a/b/c.json"));
    EXPECT_EQ(resolve_typed_path("/a/b", "../c.json", false, ".json"), fs::path("/a/c.json"));
    EXPECT_EQ(resolve_typed_path("/a/b", "/x/y.json", false, ".json"), fs::path("/x/y.json"));
    EXPECT_EQ(resolve_typed_path("/a/b", "new", true, ".json"), fs::path("/a/b/new.json"));
    EXPECT_EQ(resolve_typed_path("/a/b", "new", false, ".json"), fs::path("/a/b/new"));
}

TEST(LessonOptions, PositionalLessonAndOneBasedLessonStep) {
    const char* a[] = {"poolscope", "lessons/04-ceil-mode.json", "--lesson-step", "3", "--lessons"};
    Result<AppOptions> o = parse_app_options(5, const_cast<char**>(a));
    ASSERT_TRUE(o) << o.error_text();
    EXPECT_EQ(o->lesson_path, "lessons/04-ceil-mode.json");
    EXPECT_EQ(o->lesson_step, 3);
    EXPECT_TRUE(o->show_lessons);
    const char* b[] = {"poolscope", "--lesson", "x.json", "--lesson-step", "0"};
    EXPECT_FALSE(parse_app_options(5, const_cast<char**>(b)));
    // Issue 4's `--screenshot --lesson FILE --step N`: with a lesson, --step names the lesson's step.
    const char* c[] = {"poolscope", "--step", "2", "--lesson", "x.json"};
    Result<AppOptions> oc = parse_app_options(5, const_cast<char**>(c));
    ASSERT_TRUE(oc);
    EXPECT_EQ(oc->lesson_step, 2);
    EXPECT_FALSE(oc->step);
    // Both given: --lesson-step is the lesson's step and --step stays the playback step.
    const char* d[] = {"poolscope", "--lesson", "x.json", "--lesson-step", "3", "--step", "1"};
    Result<AppOptions> od = parse_app_options(7, const_cast<char**>(d));
    ASSERT_TRUE(od);
    EXPECT_EQ(od->lesson_step, 3);
    EXPECT_EQ(od->step, 1);
    const char* e[] = {"poolscope", "--lesson", "x.json", "--step", "0"};
    EXPECT_FALSE(parse_app_options(5, const_cast<char**>(e)));
}

TEST(LessonBrowser, ScansTheShippedLessonsWithTitlesLanguagesAndSteps) {
    const fs::path dir = lessons_dir({});
    ASSERT_FALSE(dir.empty());
    const std::vector<BrowserEntry> entries = scan_lessons(dir);
    ASSERT_GE(entries.size(), 7u);
    bool found = false;
    for (const BrowserEntry& e : entries) {
        EXPECT_TRUE(e.error.empty()) << e.path << ": " << e.error;
        EXPECT_NE(e.path.filename(), "schema.json");
        if (e.path.filename() == "04-ceil-mode.json") {
            found = true;
            EXPECT_EQ(e.title_en, "ceil_mode: rounding the output size up");
            EXPECT_EQ(e.languages, "en, zh");
            EXPECT_EQ(e.steps, 6u);
            EXPECT_FALSE(e.description_en.empty());  // the browser shows it on a click (issue 29)
            EXPECT_FALSE(e.description_zh.empty());
        }
    }
    EXPECT_TRUE(found);
}

TEST(LessonBrowser, ABrokenLessonIsListedWithItsError) {
    TempDir dir;
    dir.write("bad.json", "{\"format\": \"poolscope-lesson/1\", \"steps\": [");
    const std::vector<BrowserEntry> entries = scan_lessons(dir.path());
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_FALSE(entries[0].error.empty());
}

TEST(ResourcePaths, LessonsComeFromTheSourceTreeOrTheInstallPrefix) {
    EXPECT_EQ(lessons_dir({}), fs::path(POOLSCOPE_LESSONS_DIR).lexically_normal());
    const std::vector<fs::path> dirs = data_dirs("/opt/ps/bin", "lessons");
    EXPECT_NE(std::find(dirs.begin(), dirs.end(), fs::path("/opt/ps/bin/../share/poolscope/lessons")),
              dirs.end());
    EXPECT_NE(std::find(dirs.begin(), dirs.end(), fs::path(POOLSCOPE_LESSONS_DIR)), dirs.end());
}

TEST(DroppedFiles, LessonsOpenInThePlayerPicturesAreLeftForTheImageView) {
    TempDir dir;
    setenv("XDG_CONFIG_HOME", dir.path().c_str(), 1);
    AppState state = make_default_state();
    start_lessons(state.lessons, {});
    Playback playback;
    const std::string lesson = std::string(POOLSCOPE_LESSONS_DIR) + "/04-ceil-mode.json";
    std::vector<std::string> dropped = {"/pics/cat.png", lesson, "/x/notes.txt"};
    route_dropped_files(state, playback, dropped);
    EXPECT_EQ(dropped, std::vector<std::string>{"/pics/cat.png"});
    ASSERT_TRUE(is_open(state.lessons.session));
    EXPECT_EQ(state.lessons.session.path, fs::path(lesson));
    EXPECT_EQ(state.doc.input.shape(), (Shape{1, 1, 5, 5}));  // the lesson's first step is in the editor
    EXPECT_TRUE(state.interaction.status_is_error);           // notes.txt is neither
    // Opened lessons join the recent list on disk.
    EXPECT_EQ(load_recent_files(dir.path() / "poolscope" / "recent.json").paths.size(), 1u);
    unsetenv("XDG_CONFIG_HOME");
}

TEST(DroppedFiles, OpeningAnotherLessonWithUnsavedChangesAsksFirst) {
    TempDir dir;
    setenv("XDG_CONFIG_HOME", dir.path().c_str(), 1);
    AppState state = make_default_state();
    Playback playback;
    const std::string first = std::string(POOLSCOPE_LESSONS_DIR) + "/04-ceil-mode.json";
    const std::string second = std::string(POOLSCOPE_LESSONS_DIR) + "/01-pool2d-from-scratch.json";
    ASSERT_TRUE(open_lesson_now(state, playback, first));
    state.lessons.session.dirty = true;
    request_open_lesson(state, playback, second);
    EXPECT_EQ(state.lessons.session.path, fs::path(first));  // not replaced
    EXPECT_EQ(state.lessons.pending, PendingAction::kOpen);
    EXPECT_TRUE(window_open(state.view, window_id::kUnsavedQuestion));
    EXPECT_FALSE(lesson_allows_quit(state));
    EXPECT_EQ(state.lessons.pending, PendingAction::kQuit);
    state.lessons.session.dirty = false;
    EXPECT_TRUE(lesson_allows_quit(state));
    unsetenv("XDG_CONFIG_HOME");
}

std::vector<std::string> placeholders(const char* text) {
    static const std::regex re("%[-+ #0]*[0-9]*(?:\\.[0-9]+)?[a-zA-Z]");
    std::vector<std::string> out;
    const std::string s = text;
    for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it)
        out.push_back(it->str());
    return out;
}

TEST(LessonStrings, BothLanguagesHaveTheSameKeysAndPlaceholders) {
    std::map<std::string, const char*> en, zh;
    for (const TranslationEntry& e : lesson_english_table())
        EXPECT_TRUE(en.emplace(e.key, e.text).second) << e.key;
    for (const TranslationEntry& e : lesson_chinese_table())
        EXPECT_TRUE(zh.emplace(e.key, e.text).second) << e.key;
    ASSERT_EQ(en.size(), zh.size());
    for (const auto& [key, text] : en) {
        ASSERT_TRUE(zh.count(key)) << key;
        EXPECT_EQ(placeholders(text), placeholders(zh[key])) << key;
        EXPECT_EQ(key.size() > 4 && key.substr(key.size() - 4) == "_fmt", !placeholders(text).empty()) << key;
    }
    // tr() finds them.
    set_language(Language::kChinese);
    EXPECT_STREQ(tr("lesson.reset_step"), zh["lesson.reset_step"]);
    set_language(Language::kEnglish);
    EXPECT_STREQ(tr("lesson.reset_step"), en["lesson.reset_step"]);
}

}  // namespace
}  // namespace poolscope::app
