// Settings (app/settings.h): round trip, range checks, a broken file replaced by defaults and kept as .bad,
// atomic writes, the XDG_CONFIG_HOME / HOME lookup; and the system locale → language rule.
#include <gtest/gtest.h>

#include <unistd.h>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "model/settings.h"
#include "model/ui_locale.h"

namespace poolscope::app {
namespace {

namespace fs = std::filesystem;

// A fresh directory per test, removed afterwards.
class TempDir {
  public:
    TempDir() {
        path_ = fs::temp_directory_path() /
                ("poolscope-settings-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TempDir() { fs::remove_all(path_); }
    const fs::path& path() const { return path_; }

  private:
    static inline int counter_ = 0;
    fs::path path_;
};

// Sets an environment variable for one test and puts the old value back.
class EnvVar {
  public:
    EnvVar(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value)
            ::setenv(name, value, 1);
        else
            ::unsetenv(name);
    }
    ~EnvVar() {
        if (old_)
            ::setenv(name_, old_->c_str(), 1);
        else
            ::unsetenv(name_);
    }

  private:
    const char* name_;
    std::optional<std::string> old_;
};

void write_file(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Settings sample() {
    Settings s;
    s.language = Language::kChinese;
    s.theme = Theme::kHighContrast;
    s.ui_scale = 1.25f;
    s.presentation_scale = 2.5f;
    s.presentation_zoom = 2.0f;
    s.window = WindowPlacement{10, -20, 1024, 700};
    return s;
}

TEST(Settings, SaveThenLoadGivesTheSameSettings) {
    TempDir dir;
    std::string error;
    ASSERT_TRUE(save_settings(dir.path() / "poolscope", sample(), error)) << error;
    const LoadedSettings loaded = load_settings(dir.path() / "poolscope");
    EXPECT_TRUE(loaded.existed);
    EXPECT_EQ(loaded.message, "");
    EXPECT_EQ(loaded.settings, sample());
    // Atomic write: no temp file is left next to the settings.
    int files = 0;
    for (const auto& e : fs::directory_iterator(dir.path() / "poolscope")) {
        EXPECT_EQ(e.path().filename(), "settings.json");
        ++files;
    }
    EXPECT_EQ(files, 1);
}

TEST(Settings, MissingFileIsAFirstStartWithDefaults) {
    TempDir dir;
    const LoadedSettings loaded = load_settings(dir.path());
    EXPECT_FALSE(loaded.existed);
    EXPECT_EQ(loaded.message, "");
    EXPECT_EQ(loaded.settings, Settings{});
    EXPECT_FALSE(loaded.settings.language.has_value());
}

TEST(Settings, TheStartCardShowsOnAFirstStartUntilDismissed) {
    EXPECT_TRUE(Settings{}.start_card);  // no settings file yet
    Settings s;
    std::string error;
    ASSERT_TRUE(settings_from_json(R"({"theme": "light"})", s, error)) << error;
    EXPECT_FALSE(s.start_card);  // a file from before the card: this is not a first start
    ASSERT_TRUE(settings_from_json(R"({"start_card": true})", s, error)) << error;
    EXPECT_TRUE(s.start_card);
    EXPECT_FALSE(settings_from_json(R"({"start_card": 1})", s, error));
    EXPECT_NE(error.find("start_card"), std::string::npos) << error;
    // Dismissed is remembered.
    TempDir dir;
    Settings dismissed;
    dismissed.start_card = false;
    ASSERT_TRUE(save_settings(dir.path(), dismissed, error)) << error;
    EXPECT_FALSE(load_settings(dir.path()).settings.start_card);
}

TEST(Settings, CorruptedFileGivesDefaultsAMessageAndABadCopy) {
    TempDir dir;
    const std::string garbage = "{\"language\": \"zh\", \"ui_scale\": 1.5,,, \xff\xfe";
    write_file(settings_file(dir.path()), garbage);
    const LoadedSettings loaded = load_settings(dir.path());
    EXPECT_TRUE(loaded.existed);
    EXPECT_NE(loaded.message.find("broken"), std::string::npos) << loaded.message;
    EXPECT_NE(loaded.message.find("settings.json.bad"), std::string::npos) << loaded.message;
    EXPECT_EQ(loaded.settings, Settings{});
    EXPECT_FALSE(fs::exists(settings_file(dir.path())));
    EXPECT_EQ(read_file(dir.path() / "settings.json.bad"), garbage);
}

TEST(Settings, OutOfRangeOrWrongTypeValuesAreRejected) {
    const char* bad[] = {
        R"({"ui_scale": 100})",
        R"({"ui_scale": 0.1})",
        R"({"ui_scale": "big"})",
        R"({"presentation_scale": -1})",
        R"({"presentation_zoom": 9})",
        R"({"language": "fr"})",
        R"({"language": 3})",
        R"({"theme": "dark"})",
        R"({"window": {"x": 0, "y": 0, "width": 10, "height": 600}})",
        R"({"window": {"x": 0, "y": 0, "width": 800}})",
        R"({"window": {"x": 0.5, "y": 0, "width": 800, "height": 600}})",
        R"([1, 2, 3])",
        "",
    };
    for (const char* text : bad) {
        Settings s = sample();
        std::string error;
        EXPECT_FALSE(settings_from_json(text, s, error)) << text;
        EXPECT_FALSE(error.empty()) << text;
        EXPECT_EQ(s, sample()) << "a rejected file must not change the settings: " << text;
    }
}

TEST(Settings, ValidValuesAtTheEdgesAreAccepted) {
    Settings s;
    std::string error;
    ASSERT_TRUE(settings_from_json(
        R"({"ui_scale": 0.75, "presentation_scale": 3, "theme": "light", "language": "en", "extra": 1})", s,
        error))
        << error;
    EXPECT_FLOAT_EQ(s.ui_scale, 0.75f);
    EXPECT_FLOAT_EQ(s.presentation_scale, 3.0f);
    EXPECT_EQ(s.language, Language::kEnglish);
}

TEST(Settings, DirectoryFollowsXdgConfigHomeThenHome) {
    {
        EnvVar xdg("XDG_CONFIG_HOME", "/tmp/xdg-test");
        EXPECT_EQ(settings_dir(), fs::path("/tmp/xdg-test/poolscope"));
    }
    {
        EnvVar xdg("XDG_CONFIG_HOME", "");
        EnvVar home("HOME", "/home/someone");
        EXPECT_EQ(settings_dir(), fs::path("/home/someone/.config/poolscope"));
    }
    {
        EnvVar xdg("XDG_CONFIG_HOME", nullptr);
        EnvVar home("HOME", nullptr);
        EXPECT_TRUE(settings_dir().empty());
        std::string error;
        EXPECT_FALSE(save_settings(settings_dir(), Settings{}, error));
    }
    EXPECT_TRUE(settings_dir().is_absolute()) << "never the working directory";
}

TEST(Settings, SaveIntoAnUnwritablePlaceFailsWithAMessage) {
    TempDir dir;
    write_file(dir.path() / "file", "x");  // a file where the directory should be
    std::string error;
    EXPECT_FALSE(save_settings(dir.path() / "file" / "poolscope", Settings{}, error));
    EXPECT_FALSE(error.empty());
}

TEST(SystemLocale, ChineseLocalesGiveChinese) {
    EXPECT_EQ(language_of_locale("zh_CN.UTF-8"), Language::kChinese);
    EXPECT_EQ(language_of_locale("zh_TW"), Language::kChinese);
    EXPECT_EQ(language_of_locale("en_US.UTF-8"), Language::kEnglish);
    EXPECT_EQ(language_of_locale("C"), Language::kEnglish);
    EXPECT_EQ(language_of_locale(""), Language::kEnglish);
}

TEST(SystemLocale, LcAllBeatsLcMessagesBeatsLang) {
    {
        EnvVar all("LC_ALL", nullptr), messages("LC_MESSAGES", nullptr), lang("LANG", "zh_CN.UTF-8");
        EXPECT_EQ(system_language(), Language::kChinese);
    }
    {
        EnvVar all("LC_ALL", nullptr), messages("LC_MESSAGES", "en_GB.UTF-8"), lang("LANG", "zh_CN.UTF-8");
        EXPECT_EQ(system_language(), Language::kEnglish);
    }
    {
        EnvVar all("LC_ALL", "zh_CN.UTF-8"), messages("LC_MESSAGES", "en_GB.UTF-8"), lang("LANG", "C");
        EXPECT_EQ(system_language(), Language::kChinese);
    }
    {
        EnvVar all("LC_ALL", ""), messages("LC_MESSAGES", ""), lang("LANG", nullptr);
        EXPECT_EQ(system_language(), Language::kEnglish);
    }
}

}  // namespace
}  // namespace poolscope::app
