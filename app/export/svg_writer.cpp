// SVG output of export pictures (see svg_writer.h). Coordinates keep two decimals; text sizes are em sizes
// (SVG's font-size), converted from the pixel heights the layout uses.
#include "export/svg_writer.h"

#include <cstdio>

#include "poolscope/file_write.h"

namespace poolscope::app {
namespace {

std::string escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string color(Rgba c) {
    char text[32];
    std::snprintf(text, sizeof text, "#%02x%02x%02x", c.r, c.g, c.b);
    std::string out = text;
    if (c.a < 255) {
        std::snprintf(text, sizeof text, "\" fill-opacity=\"%.3f", c.a / 255.0);
        out += text;
    }
    return out;
}

std::string stroke_color(Rgba c) {
    char text[48];
    if (c.a < 255)
        std::snprintf(text, sizeof text, "#%02x%02x%02x\" stroke-opacity=\"%.3f", c.r, c.g, c.b, c.a / 255.0);
    else
        std::snprintf(text, sizeof text, "#%02x%02x%02x", c.r, c.g, c.b);
    return text;
}

std::string num(float v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", static_cast<double>(v));
    std::string s = text;
    while (s.back() == '0')
        s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

const char* text_class(TextKind kind) {
    switch (kind) {
        case TextKind::kCell:
            return "v";
        case TextKind::kShare:
            return "share";
        case TextKind::kLegend:
            return "legend";
        case TextKind::kLine:
            break;
    }
    return "line";
}

}  // namespace

std::string svg_text(const Picture& p, const ExportFonts& fonts, const std::string& title) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(p.width) + "\" height=\"" +
           std::to_string(p.height) + "\" viewBox=\"0 0 " + std::to_string(p.width) + " " +
           std::to_string(p.height) + "\" font-family=\"DejaVu Sans, WenQuanYi Micro Hei, sans-serif\">\n";
    out += "<title>" + escape(title) + "</title>\n";
    out += "<rect width=\"100%\" height=\"100%\" fill=\"" + color(p.background) + "\"/>\n";
    for (const PictureItem& item : p.items) {
        if (const auto* r = std::get_if<RectItem>(&item)) {
            out += "<rect x=\"" + num(r->x) + "\" y=\"" + num(r->y) + "\" width=\"" + num(r->w) +
                   "\" height=\"" + num(r->h) + "\"";
            if (r->radius > 0) out += " rx=\"" + num(r->radius) + "\"";
            out += " fill=\"" + (r->fill.a ? color(r->fill) : std::string("none")) + "\"";
            if (r->stroke.a && r->stroke_width > 0)
                out += " stroke=\"" + stroke_color(r->stroke) + "\" stroke-width=\"" + num(r->stroke_width) +
                       "\"";
            out += "/>\n";
        } else if (const auto* c = std::get_if<CircleItem>(&item)) {
            out += "<circle class=\"argmax\" cx=\"" + num(c->cx) + "\" cy=\"" + num(c->cy) + "\" r=\"" +
                   num(c->r) + "\" fill=\"none\" stroke=\"" + stroke_color(c->stroke) + "\" stroke-width=\"" +
                   num(c->stroke_width) + "\"/>\n";
        } else {
            const TextItem& t = std::get<TextItem>(item);
            out += std::string("<text class=\"") + text_class(t.kind) + "\" x=\"" + num(t.x) + "\" y=\"" +
                   num(t.y) + "\" font-size=\"" + num(fonts.em_size(t.size)) + "\" fill=\"" + color(t.color) +
                   "\"" + (t.anchor == TextAnchor::kMiddle ? " text-anchor=\"middle\"" : "") +
                   " xml:space=\"preserve\">" + escape(t.text) + "</text>\n";
        }
    }
    out += "</svg>\n";
    return out;
}

Result<bool> write_text_file(const std::string& text, const std::filesystem::path& path) {
    return replace_file(path, text);  // a temporary file renamed over `path`: no partial SVG, ever
}

}  // namespace poolscope::app
