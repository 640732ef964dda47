// Links to the window's state (model/state_link.h, issue 31): what Copy link writes opens the same state
// through the command line's parsing, for every view and convention; hostile values (bad JSON, a huge
// input, unknown keys, a lesson outside the site, a file name) are left out with a note and the defaults
// stay.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "i18n/i18n.h"
#include "model/app_options.h"
#include "model/lesson_player.h"
#include "model/state_link.h"
#include "parse_options.h"
#include "poolscope/convention.h"

namespace poolscope::app {
namespace {

constexpr const char* kBase = "https://example.org/poolscope/index.html";

using test::parse;

// The options and the starting state a link gives, as `poolscope LINK` builds them.
struct Opened {
    AppOptions options;
    AppState state;
    Playback playback;
};
Opened open_link(const std::string& link) {
    Result<AppOptions> options = parse({link});
    EXPECT_TRUE(options) << options.error_text();
    Opened o;
    o.options = options.value();
    Result<AppState> state = initial_state(o.options);
    EXPECT_TRUE(state) << state.error_text();
    o.state = std::move(state).value();
    finish_link(o.state.gradient, o.state.interaction, o.options);
    recompute(o.state.doc, o.state.computed, o.state.interaction, o.playback);
    return o;
}

std::vector<std::string> noted_keys(const AppOptions& options) {
    std::vector<std::string> keys;
    for (const LinkNote& n : options.link_notes)
        keys.push_back(n.key.empty() ? n.value : n.key);
    return keys;
}

TEST(StateLink, ReadsQueryAndFragmentTheFragmentWinning) {
    const LinkValues v =
        read_link("https://h/p/?step=1&lang=zh&utm_source=mail#step=3&presentation&view=unpool");
    EXPECT_EQ(v.step, "3");
    EXPECT_EQ(v.lang, "zh");
    EXPECT_EQ(v.presentation, "");
    EXPECT_EQ(v.view, "unpool");
    EXPECT_EQ(v.unknown, std::vector<std::string>{"utm_source"});
    EXPECT_TRUE(looks_like_link("HTTPS://h/p"));
    EXPECT_TRUE(looks_like_link("#params=%7B%7D"));
    EXPECT_TRUE(looks_like_link("file:///home/me/site/index.html#lesson=lessons/01.json"));
    EXPECT_FALSE(looks_like_link("lessons/01-pool2d-from-scratch.json"));
}

TEST(StateLink, ViewWordsAndTheViewOption) {
    std::optional<PassView> pass;
    bool compare = false;
    EXPECT_TRUE(parse_view("backward,compare", pass, compare));
    EXPECT_EQ(pass, PassView::kBackward);
    EXPECT_TRUE(compare);
    for (const char* bad : {"", "sideways", "compare,compare", "forward,backward", "backward,", ",compare"})
        EXPECT_FALSE(parse_view(bad, pass, compare)) << bad;
    Result<AppOptions> o = parse({"--view", "unpool"});
    ASSERT_TRUE(o);
    EXPECT_EQ(o->pass, PassView::kUnpool);
    EXPECT_FALSE(o->compare);
    EXPECT_FALSE(parse({"--view", "upside-down"}));
    // A layer the framework refuses is a state worth sharing ("why does PyTorch say this?"): it is kept.
    const Opened refused = open_link(std::string(kBase) + "#params=%7B%22kernel_size%22:-3%7D");
    EXPECT_TRUE(refused.options.link_notes.empty());
    EXPECT_FALSE(refused.state.computed.plan);
}

// What Copy link writes from a state opens that state: the layer in its own framework, the input, the
// output step, the view, the language and presentation mode.
TEST(StateLink, CopyLinkOpensTheSameStateForEveryViewAndConvention) {
    const std::vector<std::pair<std::string, std::string>> layers = {
        {R"({"op":"max_pool2d","kernel_size":3,"stride":2,"padding":1,"ceil_mode":true})", "pytorch"},
        {R"({"op":"avg_pool2d","kernel_size":2,"count_include_pad":false,"divisor_override":3})", "pytorch"},
        {R"({"convention":"tensorflow","op":"max_pool2d","pool_size":2,"strides":1,"padding":"same"})",
         "tensorflow"},
        {R"({"convention":"onnx","op":"max_pool2d","kernel_shape":[2,3],"pads":[1,0,0,1],"storage_order":1})",
         "onnx"},
        {R"({"convention":"mxnet","op":"avg_pool2d","pool_size":3,"strides":2,"padding":1,)"
         R"("pooling_convention":"full"})",
         "mxnet"},
    };
    const char* input =
        "tensor([[[0.5, 1., 2., 3., -4.], [5., 6., 7., 8., 9.], [1e-3, 2., 3., 4., 5.],"
        " [6., 7., 8., 9., 10.]], [[1., 2., 3., 4., 5.], [0., 0., 0., 0., 1.],"
        " [2., 2., 2., 2., 2.], [9., 8., 7., 6., 5.]]])";
    for (const auto& [params, convention] : layers)
        for (const char* view : {"forward", "backward", "unpool", "compare", "backward,compare"}) {
            Result<AppOptions> options =
                parse({"--params", params, "--input", input, "--step", "1", "--view", view, "--lang", "zh"});
            ASSERT_TRUE(options) << options.error_text();
            Result<AppState> made = initial_state(*options);
            ASSERT_TRUE(made) << made.error_text();
            AppState from = std::move(made).value();
            Playback playback;
            recompute(from.doc, from.computed, from.interaction, playback);
            ASSERT_TRUE(from.computed.plan) << params << ": " << from.computed.errors[0].message;
            const std::string link = link_to_state(from, playback, true, kBase, {});
            EXPECT_TRUE(link.starts_with(std::string(kBase) + "#params=")) << link;

            const Opened to = open_link(link);
            EXPECT_TRUE(to.options.link_notes.empty()) << link << ": " << to.options.link_notes[0].why;
            EXPECT_EQ(layer_of(to.state.doc), layer_of(from.doc)) << link;
            EXPECT_EQ(std::string(convention_name(to.state.doc.convention)), convention);
            EXPECT_EQ(to.state.doc.input.shape(), from.doc.input.shape());
            EXPECT_EQ(to.state.doc.input.rank(), from.doc.input.rank());
            EXPECT_EQ(to.state.doc.input.values(), from.doc.input.values());
            EXPECT_EQ(to.playback.step, playback.step);
            EXPECT_EQ(to.state.gradient.pass, from.gradient.pass) << view;
            EXPECT_EQ(window_open(to.state.view, window_id::kCompare),
                      window_open(from.view, window_id::kCompare))
                << view;
            EXPECT_EQ(to.options.language, Language::kChinese);
            EXPECT_TRUE(to.options.presentation);
            // The link is a fixed point: the opened state links to the same text.
            EXPECT_EQ(link_to_state(to.state, to.playback, true, kBase, {}), link);
        }
    set_language(Language::kEnglish);  // --lang zh set the window's one language (i18n): back to the default
}

TEST(StateLink, AShippedLessonStepLinksTheLessonAndOpensIt) {
    Result<AppOptions> options =
        parse({"--link", std::string(kBase) + "?lesson=lessons/09-backward.json&step=2"});
    ASSERT_TRUE(options) << options.error_text();
    EXPECT_TRUE(options->link_notes.empty());
    ASSERT_TRUE(options->lesson_path);
    EXPECT_TRUE(options->lesson_path->ends_with("lessons/09-backward.json"));
    EXPECT_EQ(options->lesson_step, 2);
    // A step that is no step number, or past the lesson's end, starts at step 1 with the page's note
    // (say_url_notes, issue 28): the link is read as the page's values are.
    for (const char* bad : {"-1", "0", "1e99", "abc"}) {
        Result<AppOptions> refused =
            parse({std::string(kBase) + "?lesson=lessons/09-backward.json&step=" + bad});
        ASSERT_TRUE(refused) << bad;
        EXPECT_TRUE(refused->from_url);
        EXPECT_EQ(refused->refused_url_step, bad);
        EXPECT_FALSE(refused->lesson_step);
        EXPECT_TRUE(refused->lesson_path);
    }
    Result<AppOptions> past = parse({std::string(kBase) + "?lesson=lessons/09-backward.json&step=99"});
    ASSERT_TRUE(past);
    EXPECT_EQ(past->lesson_step, 99);  // open_startup_lesson starts at step 1 and says_url_notes says why
    AppState state = make_default_state();
    Playback playback;
    ASSERT_TRUE(open_startup_lesson(state, playback, *past));
    EXPECT_EQ(state.lessons.session.step, 0u);
    say_url_notes(state.lessons.session, state.interaction, *past);
    finish_link(state.gradient, state.interaction, *past);
    EXPECT_NE(state.interaction.status.find("step=99"), std::string::npos) << state.interaction.status;
    // Params and input beside a lesson: the lesson sets them, and the note says so.
    Result<AppOptions> both = parse({std::string(kBase) + "#lesson=lessons/04-ceil-mode.json&params=%7B%7D"});
    ASSERT_TRUE(both);
    EXPECT_EQ(noted_keys(*both), std::vector<std::string>{"params"});
}

TEST(StateLink, CopyLinkNamesAShippedLessonStepWhileTheWindowShowsIt) {
    AppState state = make_default_state();
    Playback playback;
    const std::string lessons = POOLSCOPE_LESSONS_DIR;
    ASSERT_TRUE(open_lesson_now(state, playback, lessons + "/04-ceil-mode.json", 1));
    recompute(state.doc, state.computed, state.interaction, playback);
    EXPECT_EQ(link_to_state(state, playback, false, kBase, lessons),
              std::string(kBase) + "#lesson=lessons/04-ceil-mode.json&step=2&view=forward&lang=en");
    // Edited away from the step: the link carries what the window shows instead.
    set_input(state.doc, state.interaction, Tensor(Shape{1, 1, 3, 3}, 1.0f, 2));
    recompute(state.doc, state.computed, state.interaction, playback);
    const std::string edited = link_to_state(state, playback, false, kBase, lessons);
    EXPECT_TRUE(edited.starts_with(std::string(kBase) + "#params=")) << edited;
    EXPECT_NE(edited.find("&input=%5B%5B1.0,1.0,1.0%5D,%5B1.0,1.0,1.0%5D,%5B1.0,1.0,1.0%5D%5D"),
              std::string::npos)
        << edited;
    // A lesson from elsewhere (not a shipped one) is not linked by name.
    ASSERT_TRUE(open_lesson_now(state, playback, lessons + "/04-ceil-mode.json", 1));
    EXPECT_TRUE(link_to_state(state, playback, false, kBase, "/nonexistent")
                    .starts_with(std::string(kBase) + "#params="));
}

TEST(StateLink, ALessonOutsideTheSiteIsNotOpened) {
    for (const char* lesson : {"https://evil.example/lesson.json", "/etc/passwd", "../lessons/01.json",
                               "lessons/../../etc/passwd.json", "lessons/no-such-lesson.json", "lessons/",
                               "lessons/.hidden.json", "lessons/sub/01-pool2d-from-scratch.json"}) {
        Result<AppOptions> o = parse({std::string(kBase) + "#lesson=" + lesson});
        ASSERT_TRUE(o) << lesson;
        EXPECT_FALSE(o->lesson_path) << lesson;
        EXPECT_EQ(noted_keys(*o), std::vector<std::string>{"lesson"}) << lesson;
    }
    // The page fetched a lesson of its own site: that file opens; one it could not fetch is noted.
    Result<AppOptions> fetched =
        parse({"--link-lesson", "/uploads/mine.json", "--link", "#lesson=/teacher/mine.json"});
    ASSERT_TRUE(fetched);
    EXPECT_EQ(fetched->lesson_path, "/uploads/mine.json");
    Result<AppOptions> failed =
        parse({"--link-lesson-failed", "HTTP 404", "--link", "#lesson=/teacher/gone.json"});
    ASSERT_TRUE(failed);
    EXPECT_FALSE(failed->lesson_path);
    ASSERT_EQ(failed->link_notes.size(), 1u);
    EXPECT_EQ(failed->link_notes[0].why, "HTTP 404");
}

TEST(StateLink, HostileValuesAreLeftOutWithANoteAndTheDefaultsStay) {
    const AppState defaults = make_default_state();
    const std::string huge_input = "[[" + std::string(300 << 10, '1') + "]]";
    const std::string big_matrix = "[" + [] {
        std::string row = "[1";
        for (int i = 1; i < 100; ++i)
            row += ",1";
        return row + "]";
    }() + "]";
    const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
        {"#params=%7Bnot%20json", {"params"}},
        {"#params=%7B%22op%22:%22max_pool3d%22%7D", {"params"}},
        {"#params=" + std::string(10000, '['), {"params"}},
        {"#input=" + huge_input, {"input"}},
        {"#input=" + big_matrix, {"input"}},
        {"#input=%40%2Fetc%2Fpasswd", {"input"}},  // "@/etc/passwd": a link never names a file
        {"#params=%40%2Fetc%2Fpasswd", {"params"}},
        {"#input=tensor(%5B%5Bx%5D%5D)", {"input"}},
        {"#step=-1", {"step"}},
        {"#step=1e99", {"step"}},
        {"#step=99", {"step"}},
        {"#view=sideways", {"view"}},
        {"#lang=fr", {"lang"}},
        {"#presentation=maybe", {"presentation"}},
        {"#zoom=9&utm_source=x", {"zoom", "utm_source"}},
    };
    for (const auto& [fragment, keys] : cases) {
        const Opened o = open_link(std::string(kBase) + fragment);
        EXPECT_EQ(noted_keys(o.options), keys) << fragment.substr(0, 80);
        EXPECT_EQ(o.state.doc.input.values(), defaults.doc.input.values()) << fragment.substr(0, 80);
        EXPECT_EQ(o.state.doc.params, defaults.doc.params) << fragment.substr(0, 80);
        EXPECT_EQ(o.playback.step, 0) << fragment.substr(0, 80);
        EXPECT_EQ(o.state.gradient.pass, PassView::kForward);
        EXPECT_TRUE(o.state.interaction.status_is_error);
        EXPECT_FALSE(o.state.interaction.status.empty());
        for (const LinkNote& n : o.options.link_notes)
            EXPECT_LE(n.value.size(), 80u) << "a note quotes a value briefly";
    }
    // A link longer than any browser takes is refused whole.
    const Opened long_link = open_link(std::string(kBase) + "#input=" + std::string(3 << 20, '1'));
    ASSERT_EQ(long_link.options.link_notes.size(), 1u);
    EXPECT_EQ(long_link.state.doc.input.values(), defaults.doc.input.values());
    // Good values beside a bad one still apply.
    const Opened mixed =
        open_link(std::string(kBase) + "#params=%7Bbad&input=%5B%5B1,2%5D,%5B3,4%5D%5D&lang=zh");
    EXPECT_EQ(noted_keys(mixed.options), std::vector<std::string>{"params"});
    EXPECT_EQ(mixed.state.doc.input.values(), (std::vector<float>{1, 2, 3, 4}));
}

TEST(StateLink, NotesAreSaidInTheWindowsLanguage) {
    Result<AppOptions> o = parse({std::string(kBase) + "#step=-1&lang=zh"});
    ASSERT_TRUE(o);
    AppState state = make_default_state();
    set_language(Language::kChinese);
    finish_link(state.gradient, state.interaction, *o);
    EXPECT_NE(state.interaction.status.find("链接"), std::string::npos) << state.interaction.status;
    EXPECT_NE(state.interaction.status.find("step=-1"), std::string::npos) << state.interaction.status;
    set_language(Language::kEnglish);
    finish_link(state.gradient, state.interaction, *o);
    EXPECT_NE(state.interaction.status.find("Link: step=-1 not used"), std::string::npos)
        << state.interaction.status;
}

TEST(StateLink, TheCommandLineWinsOverTheLink) {
    Result<AppOptions> o =
        parse({"--lang", "en", "--view", "backward", std::string(kBase) + "#lang=zh&view=unpool"});
    ASSERT_TRUE(o);
    EXPECT_EQ(o->language, Language::kEnglish);
    EXPECT_EQ(o->pass, PassView::kBackward);
    Result<AppOptions> web = parse({"--web-base", kBase});
    ASSERT_TRUE(web);
    EXPECT_EQ(web->web_base, kBase);
}

}  // namespace
}  // namespace poolscope::app
