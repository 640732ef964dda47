// A shape step's figure: the heading, then the output-size walkthrough's lines (model/walkthrough_lines.h) in
// the colours the Output size panel gives their roles, as wide as the longest formula (up to a limit past
// which lines wrap between words, as the panel wraps them).
#include <algorithm>
#include <cmath>

#include "export/export_draw.h"
#include "export/export_layout.h"
#include "model/line_breaks.h"

namespace poolscope::app {
namespace {

Rgba role_color(const MatrixColors& c, WalkRole role) {
    switch (role) {
        case WalkRole::kFormula:
            return c.heading;
        case WalkRole::kNote:
            return c.muted;
        case WalkRole::kProblem:
            return c.step_argmax;
        case WalkRole::kValues:
            break;
    }
    return c.step_text;
}

std::vector<ArithmeticToken> line_tokens(const WalkLine& line) {
    std::vector<ArithmeticToken> tokens;
    for (std::string& piece : break_pieces(line.text))
        if (piece != "\n") tokens.push_back({std::move(piece), TokenRole::kText});
    return tokens;
}

float gap(const SceneLayout& l) {
    return l.line_size * 0.5f;
}

}  // namespace

void layout_walkthrough(const ExportScene& scene, const ExportFonts& fonts, SceneLayout& l) {
    const float limit = std::max(scene.cell * 10.0f, l.line_size * 48.0f);  // then lines wrap
    float width = 2 * l.margin + fonts.text_width(scene.steps[0].caption, l.caption_size);
    for (const WalkLine& line : scene.walk_lines)
        width = std::max(width, std::min(limit, 2 * l.margin + fonts.text_width(line.text, l.line_size)));
    width = std::max(width, scene.cell * 10.0f);
    l.width = static_cast<int>(std::ceil(width));
    l.lines_top = l.margin + l.caption_size * 2.0f;
    float y = l.lines_top;
    for (const WalkLine& line : scene.walk_lines) {
        if (line.gap_before) y += gap(l);
        y += static_cast<float>(wrap_tokens(line_tokens(line), fonts, l.line_size,
                                            static_cast<float>(l.width) - 2 * l.margin, [](auto&&...) {})) *
             l.line_size * 1.5f;
    }
    l.height = static_cast<int>(std::ceil(y));
}

void add_walkthrough_lines(Picture& p, const ExportScene& scene, const SceneLayout& l,
                           const ExportFonts& fonts) {
    float y = l.lines_top;
    for (const WalkLine& line : scene.walk_lines) {
        if (line.gap_before) y += gap(l);
        // One text per row (a reader of the SVG selects the formula whole), wrapped where the layout wraps.
        std::vector<std::string> rows(1);
        wrap_tokens(line_tokens(line), fonts, l.line_size, static_cast<float>(l.width) - 2 * l.margin,
                    [&](const ArithmeticToken& token, int row, float) {
                        rows.resize(static_cast<size_t>(row) + 1);
                        rows.back() += token.text;
                    });
        for (const std::string& row : rows) {
            add_text(p, fonts, l.margin, y, l.line_size, role_color(scene.colors, line.role), row);
            y += l.line_size * 1.5f;
        }
    }
}

}  // namespace poolscope::app
