// CPU painting of export pictures (see raster.h). Coverage from a signed distance (half a pixel of ramp)
// gives edges like ImGui's anti-aliased ones; the blend is plain "over" in sRGB bytes, as ImGui's is.
#include "export/raster.h"

#include <algorithm>
#include <cmath>

namespace poolscope::app {
namespace {

class Canvas {
  public:
    explicit Canvas(RgbImage& image) : image_(image) {}

    void blend(int x, int y, Rgba color, float coverage) {
        if (x < 0 || y < 0 || x >= image_.width || y >= image_.height || coverage <= 0) return;
        const float a = std::min(coverage, 1.0f) * static_cast<float>(color.a) / 255.0f;
        uint8_t* p = &image_.pixels[(static_cast<size_t>(y) * static_cast<size_t>(image_.width) +
                                     static_cast<size_t>(x)) *
                                    3];
        const uint8_t src[3] = {color.r, color.g, color.b};
        if (a >= 1.0f) {  // most pixels of a fill: no arithmetic
            p[0] = src[0], p[1] = src[1], p[2] = src[2];
            return;
        }
        for (int k = 0; k < 3; ++k)
            p[k] = static_cast<uint8_t>(
                std::lround(static_cast<float>(p[k]) * (1 - a) + static_cast<float>(src[k]) * a));
    }

    // Calls shade_pixel(x, y, centre x, centre y) over the pixels of a box, skipping the pixels wholly inside
    // `hole` (an outline's untouched middle: a stroke visits only its band).
    template <typename Shade>
    void shade(float x0, float y0, float x1, float y1, Shade&& shade_pixel, float hole_x0 = 0,
               float hole_y0 = 0, float hole_x1 = -1, float hole_y1 = -1) {
        const int ix0 = std::max(0, static_cast<int>(std::floor(x0))),
                  iy0 = std::max(0, static_cast<int>(std::floor(y0)));
        const int ix1 = std::min(image_.width, static_cast<int>(std::ceil(x1)));
        const int iy1 = std::min(image_.height, static_cast<int>(std::ceil(y1)));
        const int hx0 = static_cast<int>(std::ceil(hole_x0)), hx1 = static_cast<int>(std::floor(hole_x1));
        const int hy0 = static_cast<int>(std::ceil(hole_y0)), hy1 = static_cast<int>(std::floor(hole_y1));
        for (int y = iy0; y < iy1; ++y) {
            const bool holed = y >= hy0 && y + 1 <= hy1 && hx1 > hx0;
            for (int x = ix0; x < ix1; ++x) {
                if (holed && x == hx0) x = hx1;
                if (x >= ix1) break;
                shade_pixel(x, y, static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f);
            }
        }
    }

  private:
    RgbImage& image_;
};

// Signed distance from (px, py) to a rounded box (negative inside).
float box_distance(const RectItem& r, float px, float py) {
    const float hw = r.w * 0.5f, hh = r.h * 0.5f;
    const float radius = std::min({r.radius, hw, hh});
    const float qx = std::fabs(px - (r.x + hw)) - (hw - radius),
                qy = std::fabs(py - (r.y + hh)) - (hh - radius);
    const float outside = std::hypot(std::max(qx, 0.0f), std::max(qy, 0.0f));
    return outside + std::min(std::max(qx, qy), 0.0f) - radius;
}

float coverage(float distance) {
    return std::clamp(0.5f - distance, 0.0f, 1.0f);
}

void paint(Canvas& canvas, const RectItem& r) {
    const float grow = r.stroke_width * 0.5f + 1;
    if (r.fill.a > 0)
        canvas.shade(r.x - 1, r.y - 1, r.x + r.w + 1, r.y + r.h + 1, [&](int x, int y, float px, float py) {
            canvas.blend(x, y, r.fill, coverage(box_distance(r, px, py)));
        });
    const float inner = grow + r.radius;  // pixels further inside than this are not reached by the stroke
    if (r.stroke.a > 0 && r.stroke_width > 0)
        canvas.shade(
            r.x - grow, r.y - grow, r.x + r.w + grow, r.y + r.h + grow,
            [&](int x, int y, float px, float py) {
                canvas.blend(x, y, r.stroke,
                             coverage(std::fabs(box_distance(r, px, py)) - r.stroke_width * 0.5f));
            },
            r.x + inner, r.y + inner, r.x + r.w - inner, r.y + r.h - inner);
}

void paint(Canvas& canvas, const CircleItem& c) {
    const float grow = c.r + c.stroke_width * 0.5f + 1;
    canvas.shade(c.cx - grow, c.cy - grow, c.cx + grow, c.cy + grow, [&](int x, int y, float px, float py) {
        const float d = std::fabs(std::hypot(px - c.cx, py - c.cy) - c.r) - c.stroke_width * 0.5f;
        canvas.blend(x, y, c.stroke, coverage(d));
    });
}

void paint(Canvas& canvas, const TextItem& t, const ExportFonts& fonts) {
    const float x = t.anchor == TextAnchor::kMiddle ? t.x - fonts.text_width(t.text, t.size) * 0.5f : t.x;
    fonts.draw(t.text, x, t.y, t.size, [&](int px, int py, unsigned char c) {
        canvas.blend(px, py, t.color, static_cast<float>(c) / 255.0f);
    });
}

}  // namespace

RgbImage rasterize(const Picture& picture, const ExportFonts& fonts) {
    RgbImage image;
    image.width = picture.width, image.height = picture.height;
    image.pixels.resize(static_cast<size_t>(image.width) * static_cast<size_t>(image.height) * 3);
    for (size_t i = 0; i < image.pixels.size(); i += 3) {
        image.pixels[i] = picture.background.r;
        image.pixels[i + 1] = picture.background.g;
        image.pixels[i + 2] = picture.background.b;
    }
    Canvas canvas(image);
    for (const PictureItem& item : picture.items) {
        if (const auto* r = std::get_if<RectItem>(&item))
            paint(canvas, *r);
        else if (const auto* c = std::get_if<CircleItem>(&item))
            paint(canvas, *c);
        else
            paint(canvas, std::get<TextItem>(item), fonts);
    }
    return image;
}

}  // namespace poolscope::app
