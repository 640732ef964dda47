// English strings of File → Export and "Copy as code" (see string_sections.h; panels/export_dialog.cpp).
#include "i18n/string_sections.h"

namespace poolscope::app {
namespace {

constexpr TranslationEntry kExportEnglish[] = {
    {"menu.export", "Export…"},
    {"menu.copy_code", "Copy as code"},
    {"export.title", "Export pictures"},
    {"export.format", "Format"},
    {"export.range", "Frames"},
    {"export.range_current", "Current window"},
    {"export.range_step", "The whole step (every window)"},
    {"export.smooth", "Smooth (in-between frames)"},
    {"export.theme", "Theme"},
    {"export.theme_light", "Light"},
    {"export.theme_dark", "Dark"},
    {"export.cell", "Cell size (px)"},
    {"export.path", "File"},
    {"export.choose", "Choose…"},
    {"export.choose_title", "Export to"},
    {"export.go", "Export"},
    {"export.cancel", "Cancel"},
    {"export.close", "Close"},
    {"export.progress_fmt", "Frame %d of %d"},
    {"export.nothing", "The layer has no output: nothing to draw."},
    {"export.done_fmt", "Exported %s (%d frames)"},
    {"export.cancelled", "Export cancelled"},
    {"export.failed_fmt", "Export failed: %s"},
    {"status.copied_code_fmt", "Copied: %s"},
};

}  // namespace

std::span<const TranslationEntry> export_english_entries() {
    return kExportEnglish;
}

}  // namespace poolscope::app
