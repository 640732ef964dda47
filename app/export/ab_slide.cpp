// The A/B slide (see ab_slide.h): laid out top to bottom — title, the two sides' headings and output sizes,
// the grids side by side, a legend, then the numbered reasons wrapped at the slide's width. Sizes follow the
// cell size like the step exports (export_layout.cpp): text half a cell, margins half a cell.
#include "export/ab_slide.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "export/export_draw.h"
#include "export/image_files.h"
#include "export/raster.h"
#include "export/svg_writer.h"
#include "i18n/compare_text.h"
#include "model/number_text.h"

namespace poolscope::app {
namespace {

constexpr Rgba kDiffersLight{255, 214, 214}, kDiffersDark{110, 48, 56};
constexpr Rgba kOnlyLight{255, 236, 196}, kOnlyDark{96, 74, 30};
constexpr Rgba kOnlyBorder{214, 140, 40};

// Splits `text` into lines no wider than `width`: at spaces, or between any two Chinese characters.
std::vector<std::string> wrap(const std::string& text, const ExportFonts& fonts, float size, float width) {
    std::vector<std::string> pieces;  // words with their trailing space, or single non-ASCII characters
    for (size_t i = 0; i < text.size();) {
        const auto ch = static_cast<unsigned char>(text[i]);
        size_t end = i + 1;
        if (ch >= 0x80) {
            while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
                ++end;
        } else {
            while (end < text.size() && text[end - 1] != ' ' && static_cast<unsigned char>(text[end]) < 0x80)
                ++end;
        }
        pieces.push_back(text.substr(i, end - i));
        i = end;
    }
    std::vector<std::string> lines(1);
    for (const std::string& piece : pieces) {
        if (!lines.back().empty() && fonts.text_width(lines.back() + piece, size) > width)
            lines.emplace_back();
        if (lines.back().empty() && piece == " ") continue;
        lines.back() += piece;
    }
    return lines;
}

struct SideLayout {
    float x = 0, width = 0;  // the column: the wider of its heading and its grid
    std::string heading, shape;
};

}  // namespace

Result<Picture> ab_slide_picture(const AbSlideRequest& request, const ExportFonts& fonts,
                                 AbSlideLayout* out) {
    const Shape in = request.input.shape();
    if (in.c > kMaxExportChannels || in.h > kMaxExportSize || in.w > kMaxExportSize)
        return Error{"input", "an A/B slide draws inputs up to " + std::to_string(kMaxExportSize) + " × " +
                                  std::to_string(kMaxExportSize)};
    Result<AbComparison> compared = compare_ab(request.input, request.a, request.b);
    if (!compared) return compared.errors();
    const AbComparison& cmp = *compared;
    for (const AbSide* side : {&cmp.a, &cmp.b})
        if (!side->plan)
            return Error{side == &cmp.a ? "a" : "b", std::string(side == &cmp.a ? "A" : "B") + " (" +
                                                         layer_code(side->layer) +
                                                         "): " + side->errors[0].message};
    if (cmp.same_layer()) return Error{"b", "B is the same layer as A: nothing to compare"};

    const Language lang = request.language;
    const bool dark = request.theme == ExportTheme::kDark;
    const MatrixColors& colors = dark ? kDarkColors : kLightColors;
    const float cell = request.cell, margin = std::round(cell * 0.5f);
    const float title_size = std::max(14.0f, cell * 0.45f), text_size = std::max(12.0f, cell * 0.34f);
    const float mark_size = std::max(8.0f, cell * 0.22f), gap = cell;

    // Each marked cell of channel 0 lists its reasons' numbers (1-based, in the list's order).
    std::map<std::tuple<int, int64_t, int64_t>, std::string> numbers;  // (side 0 A / 1 B, row, col)
    std::vector<const AbReason*> listed;
    for (const AbReason& reason : cmp.reasons) {
        const std::string n = std::to_string(listed.size() + 1);
        bool in_channel = false;
        for (const OutputCell& c : reason.cells) {
            if (c.n != 0 || c.c != 0) continue;
            in_channel = true;
            for (int side = 0; side < 2; ++side) {
                if ((side == 0 && reason.place == AbPlace::kOnlyB) ||
                    (side == 1 && reason.place == AbPlace::kOnlyA))
                    continue;
                std::string& at = numbers[{side, c.oh, c.ow}];  // a reason lists a cell once
                at += (at.empty() ? "" : ",") + n;
            }
        }
        if (in_channel) listed.push_back(&reason);
    }

    SideLayout sides[2];
    const AbSide* side_of[2] = {&cmp.a, &cmp.b};
    float x = margin;
    for (int s = 0; s < 2; ++s) {
        const Shape& o = side_of[s]->plan->output;
        sides[s].heading = std::string(s ? "B  " : "A  ") + layer_code(side_of[s]->layer);
        char shape[96];
        std::snprintf(shape, sizeof shape, tr_in(lang, "ab.shape_fmt"), static_cast<long long>(o.h),
                      static_cast<long long>(o.w));
        sides[s].shape = shape;
        sides[s].x = x;
        sides[s].width =
            std::max({static_cast<float>(o.w) * cell, fonts.text_width(sides[s].heading, text_size),
                      fonts.text_width(sides[s].shape, text_size)});
        x += sides[s].width + gap;
    }
    const std::string title = request.title.empty() ? tr_in(lang, "ab.title") : request.title;
    float width =
        std::max({x - gap + margin, cell * 12.0f, 2 * margin + fonts.text_width(title, title_size)});
    const float text_width = width - 2 * margin;

    // The reasons and notes, wrapped, before the height is known.
    std::vector<std::pair<std::string, Rgba>> lines;
    for (size_t i = 0; i < listed.size(); ++i) {
        const std::string prefix = std::to_string(i + 1) + ". ";
        const std::vector<std::string> wrapped =
            wrap(prefix + difference_text(listed[i]->text, "ab.", lang), fonts, text_size, text_width);
        for (const std::string& l : wrapped)
            lines.push_back({l, colors.text});
    }
    if (!cmp.any_difference()) lines.push_back({tr_in(lang, "ab.same"), colors.text});
    for (const AbReason& note : cmp.notes)
        for (const std::string& l :
             wrap("· " + difference_text(note.text, "ab.", lang), fonts, text_size, text_width))
            lines.push_back({l, colors.muted});
    if (in.c > 1) {
        char channel[128];
        std::snprintf(channel, sizeof channel, tr_in(lang, "compare.channel_fmt"), static_cast<int>(in.c));
        lines.push_back({channel, colors.muted});
    }

    const float heading_top = margin + title_size * 1.6f;
    const float grid_top = heading_top + text_size * 3.0f;
    int64_t rows = 1;
    for (const AbSide* side : side_of)
        rows = std::max(rows, side->plan->output.h);
    const float legend_top = grid_top + static_cast<float>(rows) * cell + cell * 0.4f;
    const float lines_top = legend_top + text_size * 2.0f;
    const float height = lines_top + static_cast<float>(lines.size()) * text_size * 1.45f + margin;

    Picture p;
    p.width = static_cast<int>(std::ceil(width));
    p.height = static_cast<int>(std::ceil(height));
    p.background = colors.page;
    add_text(p, fonts, margin, margin, title_size, colors.heading, title);
    const float inset = std::max(1.0f, cell * 0.04f);
    for (int s = 0; s < 2; ++s) {
        add_text(p, fonts, sides[s].x, heading_top, text_size, colors.heading, sides[s].heading);
        add_text(p, fonts, sides[s].x, heading_top + text_size * 1.4f, text_size, colors.muted,
                 sides[s].shape);
        const Shape& o = side_of[s]->plan->output;
        for (int64_t r = 0; r < o.h; ++r)
            for (int64_t c = 0; c < o.w; ++c) {
                const float cx = sides[s].x + static_cast<float>(c) * cell,
                            cy = grid_top + static_cast<float>(r) * cell;
                const bool both = r < cmp.a.plan->output.h && c < cmp.a.plan->output.w &&
                                  r < cmp.b.plan->output.h && c < cmp.b.plan->output.w;
                const auto found = numbers.find({s, r, c});
                const bool marked = found != numbers.end();
                const Rgba fill = !marked ? colors.input_fill
                                  : both  ? (dark ? kDiffersDark : kDiffersLight)
                                          : (dark ? kOnlyDark : kOnlyLight);
                const Rgba border = marked && !both ? kOnlyBorder : colors.input_border;
                const float bw = marked && !both ? 2.0f : 1.0f;
                p.items.push_back(RectItem{std::round(cx + inset) + bw / 2, std::round(cy + inset) + bw / 2,
                                           cell - 2 * inset - bw, cell - 2 * inset - bw, fill, border, bw,
                                           3});
                const std::string value =
                    cell_value_text(side_of[s]->output.values.at(0, 0, r, c), request.symbols);
                float size = (cell - 2 * inset) * 0.45f;
                const float w = fonts.text_width(value, size);
                if (w > (cell - 2 * inset) * 0.8f) size *= (cell - 2 * inset) * 0.8f / w;
                add_text(p, fonts, cx + cell * 0.5f, cy + (cell - size) * 0.5f, size, colors.text, value,
                         TextKind::kCell, TextAnchor::kMiddle);
                if (marked && mark_size >= 6.0f)
                    add_text(p, fonts, cx + inset * 2 + 1, cy + inset * 2, mark_size, colors.heading,
                             found->second);
            }
    }
    // The legend: what a shaded and an outlined cell mean.
    float lx = margin;
    const float swatch = text_size;
    const std::pair<const char*, bool> legend[] = {{"ab.legend_differs", true}, {"ab.legend_only", false}};
    for (const auto& [key, differs] : legend) {
        p.items.push_back(
            RectItem{lx, legend_top, swatch, swatch,
                     differs ? (dark ? kDiffersDark : kDiffersLight) : (dark ? kOnlyDark : kOnlyLight),
                     differs ? colors.input_border : kOnlyBorder, differs ? 1.0f : 2.0f, 3});
        add_text(p, fonts, lx + swatch * 1.4f, legend_top, text_size, colors.muted, tr_in(lang, key));
        lx += swatch * 1.4f + fonts.text_width(tr_in(lang, key), text_size) + swatch * 2;
    }
    for (size_t i = 0; i < lines.size(); ++i)
        add_text(p, fonts, margin, lines_top + static_cast<float>(i) * text_size * 1.45f, text_size,
                 lines[i].second, lines[i].first);
    if (out) *out = {sides[0].x, sides[1].x, grid_top, cell, static_cast<int>(lines.size())};
    return p;
}

Result<bool> write_ab_slide(const AbSlideRequest& request, ExportFormat format,
                            const std::filesystem::path& out, int* width, int* height) {
    if (format == ExportFormat::kGif)
        return Error{"--gif", "an A/B slide is one picture: give --png or --svg"};
    Result<ExportFonts> fonts = ExportFonts::load();
    if (!fonts) return fonts.errors();
    Result<Picture> picture = ab_slide_picture(request, *fonts);
    if (!picture) return picture.errors();
    if (Result<bool> size = check_export_size(format, picture->width, picture->height, 1); !size) return size;
    if (width) *width = picture->width;
    if (height) *height = picture->height;
    if (format == ExportFormat::kSvg) {
        const std::string title = request.title.empty() ? tr_in(request.language, "ab.title") : request.title;
        return write_text_file(svg_text(*picture, *fonts, title), out);
    }
    return write_png(rasterize(*picture, *fonts), out);
}

}  // namespace poolscope::app
