// Picture loading and channel views without a window: the sample pictures decode (PNG and JPEG), bad
// files give messages naming the file, oversized pictures are shrunk with a note, views and crops.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "image/picture.h"
#include "poolscope/pool_forward.h"

namespace poolscope::image {
namespace {

const std::filesystem::path kImages = std::filesystem::path(POOLSCOPE_SOURCE_DIR) / "assets" / "images";

TEST(PictureTest, SamplePicturesLoadAsThreeChannelsOfEightBitValues) {
    for (const char* name : {"landscape.png", "landscape.jpg", "patterns.png"}) {
        Result<Picture> p = load_picture(kImages / name);
        ASSERT_TRUE(p.ok()) << name << ": " << p.error_text();
        EXPECT_EQ(p->rgb.shape(), (Shape{1, 3, 256, 256})) << name;
        EXPECT_EQ(p->shrink, 1);
        EXPECT_TRUE(p->note.empty());
        float lo = 255, hi = 0;
        for (float v : p->rgb.values()) {
            EXPECT_EQ(v, std::floor(v));
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        EXPECT_GE(lo, 0.0f);
        EXPECT_LE(hi, 255.0f);
        EXPECT_GT(hi - lo, 100.0f) << name << " should not be flat";
    }
}

TEST(PictureTest, PatternsHaveTheDocumentedPixels) {
    Result<Picture> p = load_picture(kImages / "patterns.png");
    ASSERT_TRUE(p.ok());
    // 1-px checkerboard at the top left: (0,0) black, (0,1) white; the red patch at row 200, column 10.
    EXPECT_EQ(p->rgb.at(0, 0, 0, 0), 0.0f);
    EXPECT_EQ(p->rgb.at(0, 0, 0, 1), 255.0f);
    EXPECT_EQ(p->rgb.at(0, 0, 200, 10), 255.0f);
    EXPECT_EQ(p->rgb.at(0, 1, 200, 10), 0.0f);
    EXPECT_EQ(p->rgb.at(0, 2, 200, 10), 0.0f);
}

TEST(PictureTest, BadFilesAreErrorsNamingTheFile) {
    Result<Picture> missing = load_picture(kImages / "no-such-picture.png");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error_text().find("no-such-picture.png"), std::string::npos) << missing.error_text();

    const std::string text = "this is not a picture";
    Result<Picture> garbage =
        decode_picture(reinterpret_cast<const unsigned char*>(text.data()), text.size(), "notes.png");
    ASSERT_FALSE(garbage.ok());
    EXPECT_NE(garbage.error_text().find("notes.png"), std::string::npos);
    EXPECT_NE(garbage.error_text().find("PNG, JPEG and BMP"), std::string::npos) << garbage.error_text();

    Result<Picture> empty = decode_picture(nullptr, 0, "empty.bmp");
    EXPECT_FALSE(empty.ok());
}

TEST(PictureTest, OversizedPicturesAreShrunkByAWholeFactorWithANote) {
    const int64_t w = 50, h = 21;
    std::vector<unsigned char> rgb(static_cast<size_t>(w * h * 3));
    for (size_t i = 0; i < rgb.size(); ++i)
        rgb[i] = static_cast<unsigned char>((i * 7) % 256);
    Result<Picture> p = picture_from_rgb8(rgb.data(), w, h, "wide.png", /*max_side=*/20);
    ASSERT_TRUE(p.ok()) << p.error_text();
    EXPECT_EQ(p->shrink, 3);  // ceil(50 / 20)
    EXPECT_EQ(p->rgb.shape(), (Shape{1, 3, 7, 16}));
    EXPECT_EQ(p->file_w, 50);
    EXPECT_NE(p->note.find("wide.png is 50×21"), std::string::npos) << p->note;
    EXPECT_NE(p->note.find("16×7"), std::string::npos) << p->note;
    // Each shrunk pixel is the rounded mean of its 3×3 block.
    float sum = 0;
    for (int y = 0; y < 3; ++y)
        for (int x = 0; x < 3; ++x)
            sum += rgb[static_cast<size_t>(((3 + y) * w + (6 + x)) * 3 + 1)];
    EXPECT_EQ(p->rgb.at(0, 1, 1, 2), std::round(sum / 9.0f));

    Result<Picture> fits = picture_from_rgb8(rgb.data(), w, h, "wide.png", 50);
    ASSERT_TRUE(fits.ok());
    EXPECT_EQ(fits->shrink, 1);
    EXPECT_NE(fits->generation, p->generation);
}

TEST(PictureTest, ChannelViewsAndCrops) {
    const unsigned char px[2 * 3] = {200, 100, 50, 0, 255, 10};  // 2 pixels in a row
    Result<Picture> p = picture_from_rgb8(px, 2, 1, "two.png");
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(channel_view(*p, ChannelView::kRgb).shape().c, 3);
    const Tensor red = channel_view(*p, ChannelView::kRed);
    EXPECT_EQ(red.shape(), (Shape{1, 1, 1, 2}));
    EXPECT_EQ(red.at(0, 0, 0, 0), 200.0f);
    EXPECT_EQ(channel_view(*p, ChannelView::kBlue).at(0, 0, 0, 1), 10.0f);
    const Tensor gray = channel_view(*p, ChannelView::kGray);
    EXPECT_EQ(gray.at(0, 0, 0, 0), std::round(0.299f * 200 + 0.587f * 100 + 0.114f * 50));
    float tint[3];
    view_tint(ChannelView::kGreen, tint);
    EXPECT_EQ(tint[0], 0.0f);
    EXPECT_EQ(tint[1], 1.0f);

    const Tensor crop_all = crop(p->rgb, 0, 1, 5, 5);  // clipped to the picture
    EXPECT_EQ(crop_all.shape(), (Shape{1, 3, 1, 1}));
    EXPECT_EQ(crop_all.at(0, 1, 0, 0), 255.0f);
    EXPECT_EQ(crop_all.rank(), 3);
}

TEST(PictureTest, ScreenPixelsClampAndTint) {
    Tensor t(Shape{1, 1, 1, 3}, 0.0f, 3);
    t.at(0, 0, 0, 0) = -5.0f;
    t.at(0, 0, 0, 1) = 127.5f;
    t.at(0, 0, 0, 2) = 400.0f;
    const float red[3] = {1, 0, 0};
    const std::vector<unsigned char> px = to_rgba8(t, 1.0f / 255.0f, red);
    ASSERT_EQ(px.size(), 12u);
    EXPECT_EQ(px[0], 0);
    EXPECT_EQ(px[4], 128);
    EXPECT_EQ(px[5], 0);
    EXPECT_EQ(px[8], 255);
    EXPECT_EQ(px[11], 255);
}

}  // namespace
}  // namespace poolscope::image
