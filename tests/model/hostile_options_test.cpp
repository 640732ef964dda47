// Hostile values for the window's options and files (issue 12): non-finite numbers, deep or long --params,
// output paths in missing folders, FIFOs where a file is expected, and an oversized picture. Each must be
// refused at once with a short message naming the problem; nothing may block or echo the whole input.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "image/picture.h"
#include "model/app_options.h"
#include "model/settings.h"
#include "parse_options.h"

namespace poolscope::app {
namespace {

namespace fs = std::filesystem;

using test::parse;

struct ScratchDir {
    fs::path path = fs::temp_directory_path() / ("poolscope_hostile_" + std::to_string(::getpid()));
    ScratchDir() { fs::create_directories(path); }
    ~ScratchDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

// Parses, then builds the starting state: the errors of either step.
std::string start_error(std::vector<std::string> args) {
    Result<AppOptions> o = parse(std::move(args));
    if (!o) return o.error_text();
    Result<AppState> state = initial_state(*o);
    return state ? std::string() : state.error_text();
}

TEST(HostileOptions, NonFiniteOrOutOfRangeNumbersAreRefused) {
    for (const char* option : {"--zoom", "--scale"})
        for (const char* bad :
             {"nan", "NaN", "-nan", "inf", "-inf", "infinity", "1e999", "0x1p99", "", "2,5"}) {
            Result<AppOptions> o = parse({option, bad});
            ASSERT_FALSE(o) << option << " " << bad;
            EXPECT_EQ(o.errors()[0].field, option);
        }
    Result<AppOptions> ok = parse({"--zoom", "0.5", "--scale", "3"});
    ASSERT_TRUE(ok) << ok.error_text();
    EXPECT_EQ(ok->zoom, 0.5f);
}

TEST(HostileOptions, LongValuesAreQuotedBriefly) {
    const std::string huge(1 << 20, 'x');
    for (const char* option : {"--lang", "--size", "--step", "--select", "--scale"}) {
        Result<AppOptions> o = parse({option, huge});
        ASSERT_FALSE(o) << option;
        EXPECT_LT(o.error_text().size(), 300u) << option;
    }
    Result<AppOptions> unknown = parse({"--" + huge});
    ASSERT_FALSE(unknown);
    EXPECT_LT(unknown.error_text().size(), 300u);
}

TEST(HostileOptions, DeepOrLongParamsAreRefusedBriefly) {
    const std::string deep = std::string(100000, '[') + "1" + std::string(100000, ']');
    std::string e = start_error({"--params", R"({"op":"max_pool2d","kernel_size":)" + deep + "}"});
    EXPECT_NE(e.find("levels deep"), std::string::npos) << e.substr(0, 300);
    EXPECT_LT(e.size(), 300u);
    std::string list = "[1";
    for (int i = 0; i < 100000; ++i)
        list += ",1";
    e = start_error({"--params", R"({"kernel_size":)" + list + "]}"});
    EXPECT_NE(e.find("kernel_size"), std::string::npos) << e.substr(0, 300);
    EXPECT_LT(e.size(), 300u);
}

TEST(HostileOptions, OutputPathsNeedAnExistingFolder) {
    Result<AppOptions> o = parse({"--state-out", "/nonexistent/dir/s.json"});
    ASSERT_FALSE(o);
    EXPECT_NE(o.error_text().find("does not exist"), std::string::npos) << o.error_text();
    EXPECT_FALSE(parse({"--screenshot", "/nonexistent/dir/s.png"}));
    EXPECT_TRUE(parse({"--state-out", "s.json"}));  // the current folder
    ScratchDir dir;
    EXPECT_TRUE(parse({"--state-out", (dir.path / "s.json").string()}));
}

TEST(HostileOptions, FifosAreRefusedWithoutBlocking) {
    ScratchDir dir;
    const fs::path fifo = dir.path / "fifo.json";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    for (const char* option : {"--input", "--params"}) {
        const std::string e = start_error({option, "@" + fifo.string()});
        EXPECT_NE(e.find("named pipe"), std::string::npos) << option << ": " << e;
    }
    Result<AppOptions> out = parse({"--state-out", fifo.string()});
    ASSERT_FALSE(out);
    EXPECT_NE(out.error_text().find("named pipe"), std::string::npos) << out.error_text();
    Result<image::Picture> picture = image::load_picture(fifo);
    ASSERT_FALSE(picture);
    EXPECT_NE(picture.error_text().find("named pipe"), std::string::npos) << picture.error_text();

    // settings.json as a FIFO: defaults and a message, at once.
    const fs::path config = dir.path / "config";
    fs::create_directories(config);
    ASSERT_EQ(::mkfifo(settings_file(config).c_str(), 0600), 0);
    const LoadedSettings loaded = load_settings(config);
    EXPECT_EQ(loaded.settings, Settings{});
    EXPECT_NE(loaded.message.find("named pipe"), std::string::npos) << loaded.message;
}

// A valid PNG header for a 20000×20000 RGB picture: stb_image refuses it in the header and used to make
// PoolScope say "not of any known type, or corrupt".
TEST(HostileOptions, OversizedPngSaysItIsTooLarge) {
    const unsigned char png[] = {0x89, 'P',  'N',  'G',  '\r', '\n', 0x1a, '\n',  // signature
                                 0,    0,    0,    13,   'I',  'H',  'D',  'R',   // IHDR, 13 bytes
                                 0,    0,    0x4e, 0x20, 0,    0,    0x4e, 0x20,  // 20000 x 20000
                                 8,    2,    0,    0,    0,                       // 8-bit RGB
                                 0x2f, 0x2c, 0x8a, 0x6a};                         // CRC (not checked here)
    Result<image::Picture> p = image::decode_picture(png, sizeof png, "big.png");
    ASSERT_FALSE(p);
    EXPECT_NE(p.error_text().find("20000×20000 pixels, too large"), std::string::npos) << p.error_text();
    EXPECT_NE(p.error_text().find(std::to_string(image::kMaxDecodedPixels)), std::string::npos);
}

}  // namespace
}  // namespace poolscope::app
