// English strings. Keys are grouped by panel; keys ending in "_fmt" are printf formats whose placeholders
// must match strings_zh.cpp exactly (tests/gui/i18n_test.cpp checks both tables key by key).
#include "i18n/convention_strings.h"
#include "i18n/i18n.h"
#include "i18n/lesson_strings.h"
#include "i18n/screen_strings.h"
#include "i18n/string_sections.h"

namespace poolscope::app {
namespace {

constexpr TranslationEntry kEnglish[] = {
    // Panels and their "what am I looking at?" help
    {"panel.params", "Parameters"},
    {"panel.input_data", "Input data"},
    {"panel.timeline", "Timeline"},
    {"panel.matrices", "Input and output"},
    {"panel.step", "This step"},
    {"panel.formula", "Output size"},
    {"help.params",
     "The arguments of nn.MaxPool2d / nn.AvgPool2d, with PyTorch's names and defaults. Every change "
     "recomputes the output at once. A value PyTorch would reject is kept, and PyTorch's reason is shown "
     "instead of the output until you fix it."},
    {"help.input_data",
     "The matrix being pooled. Change its size and channel count, fill it from a generator, or paste a "
     "matrix copied from Python (tensor([[...]]), array([[...]]), a JSON list, or rows of numbers). Click a "
     "cell in the grid to type a new value."},
    {"help.timeline",
     "Each step computes one output cell. Play, pause, step, or drag the scrubber to any output cell. Keys: "
     "Space play/pause, Left/Right step, Home/End jump, +/- speed."},
    {"help.matrices",
     "Top: each input channel with its padding ring (the cells padding adds) and the pooling window (orange "
     "frame) at the current step. Beside it (to the right, or below in a narrow window): the output, filling "
     "in as the steps advance; the orange cell is the "
     "one being computed. Hover an input cell to see the windows that read it; hover an output cell to jump "
     "to its window."},
    {"help.step",
     "The arithmetic of the current output cell with the real numbers, for every channel. For max pooling "
     "the winner (argmax) is marked; for average pooling the divisor is explained."},
    {"help.formula",
     "How PyTorch works out the output size on each axis, with your numbers put in: floor (or ceil with "
     "ceil_mode) of how far the window can slide divided by the stride, plus one. Also lists where every "
     "window starts."},

    // Menus
    {"menu.edit", "Edit"},
    {"menu.undo", "Undo"},
    {"menu.redo", "Redo"},
    {"menu.copy_input", "Copy input as text"},
    {"menu.copy_output", "Copy output as text"},
    {"menu.paste_input", "Paste input"},
    {"menu.view", "View"},
    {"menu.zoom_in", "Zoom in"},
    {"menu.zoom_out", "Zoom out"},
    {"menu.zoom_reset", "Reset zoom"},
    {"menu.font_larger", "Larger text"},
    {"menu.font_smaller", "Smaller text"},
    {"menu.help", "Help"},

    // Parameters
    {"op.max", "Max pooling"},
    {"op.avg", "Average pooling"},
    {"op.adaptive_max", "Adaptive max pooling"},
    {"op.adaptive_avg", "Adaptive average pooling"},
    {"params.op", "Operation"},
    {"params.op_help",
     "Max pooling keeps the largest value in each window; average pooling their mean. Adaptive pooling picks "
     "the windows itself so that the output has the size you ask for."},
    {"params.kernel_help", "The window's height and width."},
    {"params.stride_help", "How far the window moves between two output cells."},
    {"params.padding_help",
     "Cells added around the input on each side. Max pooling pads with -infinity (padding never wins), "
     "average pooling with 0. PyTorch allows at most half the kernel size."},
    {"params.dilation_help",
     "Max pooling only: the distance between the cells the window reads. Dilation 2 skips every other cell "
     "(the holes stay clear in the grid)."},
    {"params.ceil_mode_help",
     "Round the output size up instead of down, so a last partial window is kept — unless it would start "
     "inside the end padding."},
    {"params.count_include_pad_help", "Average pooling only: whether padding cells count in the divisor."},
    {"params.divisor_override", "divisor_override"},
    {"params.divisor_override_help",
     "Average pooling only: divide every window's sum by this number instead."},
    {"params.output_size", "output_size (h, w)"},
    {"params.output_size_help", "Adaptive pooling: the output size you want; the windows are chosen to fit."},

    // Input data
    {"data.height", "Height H"},
    {"data.width", "Width W"},
    {"data.channels", "Channels"},
    {"data.fill", "Fill with"},
    {"data.fill_help",
     "Replace every channel with generated values: arange counts up like torch.arange(...).reshape(...); the "
     "vertical edge is D2L's example of ones with a band of zeros."},
    {"data.fill_button", "Fill"},
    {"gen.arange", "arange (start, step)"},
    {"gen.zeros", "zeros"},
    {"gen.ones", "ones"},
    {"gen.random", "random integers"},
    {"gen.edge", "vertical edge (D2L)"},
    {"gen.start", "start"},
    {"gen.step", "step"},
    {"gen.low", "lowest"},
    {"gen.high", "highest"},
    {"gen.seed", "seed"},
    {"gen.edge_begin", "zeros from col"},
    {"gen.edge_end", "zeros to col"},
    {"data.clipboard", "Clipboard"},
    {"data.clipboard_help",
     "Paste accepts PyTorch's tensor([[...]]), NumPy's array([[...]]), JSON nested lists and rows of numbers "
     "separated by spaces or commas. Copy writes PyTorch-style text."},
    {"data.copy_as", "Copy as"},
    {"data.style_pytorch", "PyTorch tensor([[...]])"},
    {"data.style_json", "JSON nested list"},
    {"data.style_csv", "CSV rows"},
    {"data.paste", "Paste"},
    {"data.copy_input", "Copy in"},
    {"data.copy_output", "Copy out"},
    {"data.edit_hint", "Click a cell in the grid and type to edit it."},

    // Status line
    {"status.bad_number_fmt", "'%s' is not a number"},
    {"status.clipboard_empty", "The clipboard is empty"},
    {"status.copied_input", "Input copied as text"},
    {"status.copied_output", "Output copied as text"},
    {"status.export_hidden_by_quiz",
     "Not exported: the picture would show the answer to an open question (answer or reveal it first)"},
    {"status.output_hidden_by_quiz",
     "Not copied: the output holds the answer to an open question (answer or reveal it first)"},
    {"status.paste_failed", "Could not paste:"},
    {"status.pasted_fmt", "Pasted a %d x %d x %d matrix"},

    // Timeline
    {"timeline.start", "First step (Home)"},
    {"timeline.back", "Step back (Left)"},
    {"timeline.play", "Play"},
    {"timeline.pause", "Pause"},
    {"timeline.forward", "Step forward (Right)"},
    {"timeline.end", "Last step (End)"},
    {"timeline.speed", "speed"},
    {"timeline.speed_help", "Steps per second while playing (+ / - keys)"},

    // Matrices
    {"legend.folded", "Legend"},
    {"legend.input", "input"},
    {"legend.padding_max", "padding (−∞)"},
    {"legend.padding_avg", "padding (0)"},
    {"legend.overhang", "ceil_mode overhang (not read)"},
    {"legend.window", "window"},
    {"legend.argmax", "max (argmax)"},
    {"legend.readers", "windows reading the hovered cell"},
    {"matrices.channels_fmt",
     "%d input channel(s) → %d output channel(s): pooling works on each channel on its own."},
    {"matrices.input_label_fmt", "Input, channel %d  (%d × %d)"},
    {"matrices.output_label_fmt", "Output, channel %d  (%d × %d)"},
    {"matrices.empty_output", "The output is empty."},
    {"matrices.input_tip_fmt", "Input cell c%d (%d, %d): read by %d window(s). Click, then type to edit."},
    {"matrices.padding_tip_max", "Padding: max pooling sees −∞ here, so padding can never be the maximum."},
    {"matrices.padding_tip_avg",
     "Padding: average pooling sees 0 here; count_include_pad decides whether it counts in the divisor."},
    {"matrices.overhang_tip",
     "Overhang: ceil_mode lets the last window run past the padding; these cells are never read."},
    {"matrices.output_tip_fmt", "Output cell c%d (%d, %d): its window is shown on the input."},

    // Step
    {"step.rejected", "Fix the parameters to see the computation."},
    {"step.header_fmt", "Window %d of %d: output (%d, %d) from input rows %d..%d, columns %d..%d"},
    {"step.header_count_hidden_fmt", "Window %d: output (%d, %d) from input rows %d..%d, columns %d..%d"},
    {"window.count_hidden_short", "Window ? of ?"},
    {"window.count_hidden", "Windows: how many is the question's answer"},
    {"matrices.outputs_hidden", "Outputs (? × ?): hidden until the question is answered or revealed"},
    {"formula.hidden_by_quiz",
     "The output size is the open question's answer: work it out with the formula, then answer or reveal it "
     "to see the walkthrough."},
    {"step.more_terms_fmt", "… %lld more …"},  // a summarised large window (model/arithmetic_line.h)
    {"step.notes_folded_fmt", "+ %d notes"},
    {"step.notes_folded_help", "Folded so the grids keep big cells on a projector: click to read them"},
    {"step.dilation_fmt", "dilation: the cells read are %d rows and %d columns apart"},
    {"step.argmax_fmt",
     "The maximum is input cell (%d, %d); PyTorch's return_indices gives %d (row × W + column)."},
    {"step.padding_max_fmt", "%d padding cell(s) take part as −∞: they never win."},
    {"step.padding_avg_fmt", "%d padding cell(s) add 0 to the sum."},
    {"step.divisor_area_fmt",
     "divisor %d = the window's %d × %d cells inside the padded input (count_include_pad=True: padding "
     "counts)"},
    {"step.divisor_cells_fmt",
     "divisor %d = the %d × %d input cells in the window (count_include_pad=False: padding does not count)"},
    {"step.divisor_override_fmt", "divisor %d = divisor_override (the window's size is ignored)"},
    {"step.divisor_adaptive_fmt", "divisor %d = the adaptive window's %d × %d cells"},
    {"step.overhang_fmt",
     "%d cell(s) of the window lie past the padded input (ceil_mode overhang) and are not read."},

    // Formula
    {"formula.effective_kernel_fmt", "The dilated window spans dilation·(kernel − 1) + 1 = %d cells."},
    {"formula.other_rounding_fmt", "With ceil_mode=%s this axis would have %d output cell(s)."},
    {"formula.dropped_fmt",
     "ceil_mode rule: the last window would start at %d, inside the end padding (the input ends at %d), so "
     "it is dropped: %s_out = %d."},
    {"formula.overhang",
     "ceil_mode lets the last window run past the padded input; the cells it misses are not read."},
    {"formula.starts_fmt", "Windows along %s start at: %s"},
    {"formula.too_small_fmt", "%s_out = %d: the output would be empty, so PyTorch rejects it."},
    {"formula.not_computable", "The formula needs kernel, stride and dilation ≥ 1 and padding ≥ 0."},
    {"formula.show_notes", "More notes (window starts, …)"},
    {"formula.hide_notes", "Fewer notes"},
    {"formula.w_same_fmt", "W uses the same numbers, so W_out = %d."},
    {"formula.output_fmt", "Output shape: %d × %d × %d → %d × %d × %d (channels × H × W)"},
    {"formula.adaptive_fmt", "%s_out = %d (asked for): window o covers [⌊o·in/out⌋, ⌈(o+1)·in/out⌉)"},
    {"formula.adaptive_windows_fmt", "Windows: %s"},
    // Image view (app/panels/image_view.cpp)
    {"menu.file", "File"},
    {"image.title", "Image view"},
    {"image.help",
     "A real picture pooled with the same parameters as the matrices. Left: the original; right: the pooled "
     "result (tick \"Max and avg\" to see both ops). The result is smaller, and avg pooling also blurs it. "
     "Scroll to zoom, drag to pan: at high zoom every square is one pixel. Hover a pooled pixel to see its "
     "window on the original (orange frame, red: the winning pixel) and the numbers; click it and press \"As "
     "matrix\" to step through that corner of the picture in the matrix view."},
    {"image.gray", "Gray"},
    {"image.hover_fmt", "%s, output pixel (%d, %d): window from row %d, column %d, %d x %d taps"},
    {"image.max_result_fmt", "max = %s"},
    {"image.avg_result_fmt", "sum %s / divisor %lld = %s"},
    {"image.click_to_select", "Click to pick this pixel for \"As matrix\"."},
    {"image.cropped_fmt", "Took a %d x %d crop (from row %d, column %d) of %s into the matrix view"},
    {"image.open_title", "Open picture"},
    {"image.open_button", "Open picture…"},
    {"image.view_rgb", "RGB (3 channels)"},
    {"image.view_red", "Red channel"},
    {"image.view_green", "Green channel"},
    {"image.view_blue", "Blue channel"},
    {"image.view_gray", "Grayscale (1 channel)"},
    {"image.compare", "Max and avg"},
    {"image.same_size", "Same size"},
    {"image.zoom_fmt", "zoom %.2fx"},
    {"image.fit", "Fit"},
    {"image.options", "Options…"},
    {"image.on_gpu", "GPU"},
    {"image.on_cpu", "CPU"},
    {"image.use_gpu", "GPU"},
    {"image.result_fmt", "%s: %d x %d x %d, %s %.1f ms"},
    {"image.menu_open", "Open picture…"},
    {"image.menu_samples", "Sample pictures"},
    {"image.menu_show", "Image view"},
    {"image.no_picture",
     "No picture open: File > Open picture…, or drop a PNG, JPEG or BMP file on the window."},
    {"image.input_fmt", "Input %d x %d x %d"},
    {"image.original", "Original"},
    {"image.pooled_fmt", "%s"},
    {"image.rejected", "Rejected (see the reason above)"},
    {"image.as_matrix", "As matrix"},
    {"image.selected_fmt", "crops the window of output pixel (%d, %d)"},
    {"image.as_matrix_hint", "click a pooled pixel first, or the crop comes from the middle of the view"},
    // Window shell: settings, language, presentation mode, help overlay (presentation.cpp, help_overlay.cpp)
    {"menu.presentation", "Presentation mode"},
    {"layout.show_params", "Show the parameters"},
    {"layout.hide_params", "Hide the parameters"},
    {"menu.high_contrast", "High-contrast theme"},
    {"menu.language", "Language"},
    {"menu.help_overlay", "Keyboard shortcuts and help"},
    {"language.english", "English"},
    {"language.chinese", "简体中文 (Chinese)"},
    {"language.chinese_no_font", "Chinese (needs a Chinese font)"},
    {"status.settings_broken", "Settings were reset:"},
    {"status.settings_not_saved", "Settings could not be saved:"},
    {"status.no_cjk_font",
     "No Chinese font was found (install fonts-wqy-microhei or fonts-noto-cjk), so the interface is in "
     "English"},
    {"status.unshowable_glyphs_fmt",
     "%d characters of this text are in none of the app's fonts and cannot be drawn (shown as ? or �)"},
    {"help_overlay.title", "Help"},
    {"help_overlay.close_hint", "F1 or Esc closes this help."},
    {"help_overlay.reading", "How to read this screen"},
    {"help_overlay.reading_text",
     "Left: the pooling parameters (PyTorch's names) and the input matrix you can edit, paste or fill.\n"
     "Middle: each input channel with its padding ring (shaded) and the orange pooling window at the "
     "current step; to its right (below it in a narrow window) the output fills in cell by cell, the orange "
     "cell being the one computed now.\n"
     "Top: the timeline - one step per output cell; play it, step it, or drag it.\n"
     "Bottom left: this step's arithmetic with the real numbers (the max and where it is, or the sum and "
     "the divisor). Bottom right: how PyTorch works out the output size from your numbers.\n"
     "A red message in place of the output is PyTorch's own reason for rejecting the parameters."},
    {"help_overlay.shortcuts", "Keyboard shortcuts"},
    {"keys.space", "Space"},
    {"keys.left_right", "Left / Right"},
    {"keys.home_end", "Home / End"},
    {"keys.click_cell", "Click a cell, type, Enter"},
    {"keys.ctrl_wheel", "Ctrl + mouse wheel"},
    {"keys.escape", "Esc"},
    {"shortcut.play", "Play or pause the steps"},
    {"shortcut.step", "One step back or forward"},
    {"shortcut.first_last", "First or last step"},
    {"shortcut.speed", "Play faster or slower"},
    {"shortcut.edit", "Edit an input value (arrows move, Esc leaves the cell)"},
    {"shortcut.undo_redo", "Undo / redo"},
    {"shortcut.copy", "Copy the input / the output as PyTorch text"},
    {"shortcut.paste", "Paste a matrix as the input"},
    {"shortcut.zoom", "Zoom the matrices"},
    {"shortcut.text_size", "Larger or smaller text"},
    {"shortcut.help", "Show or hide this help"},
    {"shortcut.presentation", "Presentation mode: fullscreen, large, high contrast"},
    {"shortcut.escape", "Close the help, then leave presentation mode"},
    {"shortcut.state", "Write the state file (--state-out)"},
    {"shortcut.quit", "Quit"},
    // The words the core's sentences quote ("error.<code>", "compare.<code>", "quiz.<code>": their English
    // is the core's own, core_sentences.cpp; compare's {1} is compare.word.height / width, padding_same's
    // {4} compare.word.end / start).
    {"error.word.numbers", "numbers"},
    {"compare.word.height", "height"},
    {"compare.word.width", "width"},
    {"compare.word.end", "end"},
    {"compare.word.start", "start"},
    {"error.word.height", "height"},
    {"error.word.width", "width"},
    {"error.word.top", "top"},
    {"error.word.bottom", "bottom"},
    {"error.word.left", "left"},
    {"error.word.right", "right"},
};

}  // namespace

std::span<const TranslationEntry> english_table() {
    static const std::vector<TranslationEntry> all = join_tables(
        {kEnglish, core_english_entries(), gradient_english_entries(), quiz_english_entries(),
         ops_english_entries(), author_english_entries(), export_english_entries(), link_english_entries(),
         files_english_entries(), network_english_entries(), ab_english_entries(), lesson_english_table(),
         convention_english_table(), screen_english_table(), questions_english_entries()});
    return all;
}

}  // namespace poolscope::app
