// The A/B view (panels/ab_view.cpp, issue 29) and its slide (`poolscope export --ab`), in English and Chinese
// side by side (see string_sections.h); and the Chinese of the core's A/B reasons ("ab.<code>", their words
// "ab.word.<token>"), whose English is the core's own (core/src/ab_text.cpp, read by core_sentences.cpp).
#include "i18n/string_sections.h"

namespace poolscope::app {
namespace {

constexpr BilingualEntry kAb[] = {
    {"menu.ab_settings", "A/B settings", "A/B 设置对比"},
    {"ab.title", "A/B settings", "A/B 设置对比"},
    {"ab.intro",
     "The window's input under two settings of one layer. Shaded cells differ between A and B; outlined "
     "cells "
     "only one side has. Point at a reason to find its cells, or at a cell to find its reasons.",
     "同一个输入，同一个层的两种设置。A 与 B "
     "数值不同的格子加了底色；只有一边才有的格子加了边框。指向一条原因可找到它的格子，"
     "指向一个格子可找到它的原因。"},
    {"ab.changes", "B changes", "B 改变"},
    {"ab.value", "to", "改为"},
    {"ab.field.mode", "max / average", "最大 / 平均"},
    {"ab.from_lesson_fmt", "A and B from the lesson's step %d.", "A 和 B 来自课程的第 %d 步。"},
    {"ab.own_b", "Choose B's setting yourself", "自己选择 B 的设置"},
    {"ab.not_a_setting", "(not a setting of A's layer)", "（不是 A 这个层的设置）"},
    {"ab.shape_fmt", "Output %lld × %lld", "输出 %lld × %lld"},
    {"ab.rejected_fmt", "%s rejects this layer:", "%s 不接受这个层："},
    {"ab.same_layer", "B is the same layer as A: choose another value for B.",
     "B 与 A 是同一个层：请为 B 选另一个值。"},
    {"ab.same", "A and B give the same output on this input.", "在这个输入上，A 和 B 的输出相同。"},
    {"ab.reasons", "Why they differ", "为什么不同"},
    {"ab.notes", "Settings that change nothing here", "在这里不起作用的设置"},
    {"ab.reasons_hidden_fmt", "%d reason(s) wait until the question is answered or revealed.",
     "还有 %d 条原因要等问题回答或揭晓之后才显示。"},
    {"ab.cells_fmt", "(%d cells)", "（%d 个格子）"},
    {"ab.one_cell", "(1 cell)", "（1 个格子）"},
    {"ab.channel", "Channel", "通道"},
    {"ab.legend_differs", "values differ", "数值不同"},
    {"ab.legend_only", "only this side", "只有这一边"},
    {"ab.export", "Export slide…", "导出幻灯片…"},
    {"ab.export_title", "Export the A/B slide", "导出 A/B 幻灯片"},
    {"ab.exported_fmt", "Wrote the A/B slide %s", "已导出 A/B 幻灯片 %s"},
};

// The core's A/B reasons in Chinese: {0} and {3}... keep the core's order of values (core/src/ab_text.cpp).
constexpr TranslationEntry kAbReasonsChinese[] = {
    {"ab.ab_op", "A 是 {0}，B 是 {1}：同样的格子，按另一种规则合并"},
    {"ab.ab_window_size", "A 的窗口是 {0} × {1} 个格子，B 的是 {2} × {3}：它们读取的格子不同"},
    {"ab.ab_window_dilation",
     "A 的窗口所取的格子相隔 {0} 行、{1} 列，B 的相隔 {2} 行、{3} 列（dilation）：它们读取的格子不同"},
    {"ab.ab_window_shift",
     "{0} 上方填充 {1}、左侧填充 {2}，{3} 填充 {4} 和 {5}：{0} 的每个窗口都高出 {6} 行、左移 {7} "
     "列，所以同一个输出格读取的是别的输入格"},
    {"ab.ab_window_stride",
     "输出 ({0}, {1}) 在 A 中从 ({2}, {3}) 开始读取，在 B 中从 ({4}, {5}) 开始：A 的窗口每次移动 {6}，B "
     "的移动 {7}"},
    {"ab.ab_divisor_padding",
     "{0} 的 count_include_pad=False 除以 {1} 而不是 {2}：窗口里有 {3} 个格子是填充"},
    {"ab.ab_divisor_override", "{0} 的 divisor_override 让每个窗口都除以 {1}；另一边这个窗口除以 {2}"},
    {"ab.ab_divisor", "A 把这个窗口的和除以 {0}，B 除以 {1}"},
    {"ab.ab_norm_type", "A 把每个格子取 {0} 次方，B 取 {1} 次方（norm_type）"},
    {"ab.ab_result", "同一个窗口在 A 和 B 中得到不同的结果"},
    {"ab.ab_ceil_extra",
     "{0} 的 ceil_mode=True 增加了输出的第 {2} {1}：它的窗口从第 {3} "
     "{1}开始，仍在输入之内，却越过了填充后输入的最后一{1}（第 {4} "
     "{1}），所以 {5} 的向下取整把它舍去"},
    {"ab.ab_ceil_extra_in_padding",
     "{0} 的 ceil_mode 保留了输出的第 {2} {1}：它的窗口从第 {3} "
     "{1}开始，落在末端填充里（填充后输入的最后一{1}是第 {4} {1}）；{5} "
     "没有它"},
    {"ab.ab_padding_extra",
     "{0} 沿{1}前面填充 {2}、后面填充 {3}：填充后共 {4} 格，{6} 只有 {5} 格，能放下 {7} 个窗口而不是 {8} 个"},
    {"ab.ab_count",
     "{0} 沿{1}放得下 {2} 个窗口：({3} − {4}) / {5} {6}，再 + 1；{7} 放得下 {8} 个：({9} − {10}) / {11} "
     "{12}，再 + 1"},
    {"ab.ab_output_size", "{0} 的 output_size 沿{1}要 {2} 个输出，{3} 的要 {4} 个"},
    {"ab.ab_overhang_divisor",
     "{0} 在这里的窗口越过了填充后的输入：平均值除以窗口内的 {1} 个格子，而不是 {2}"},
    {"ab.ab_ceil_exact",
     "沿{0}窗口滑动 {1} 格，正好是步幅 {2} 的整数倍：向下取整和 ceil_mode 得到的个数相同"},
    {"ab.ab_ceil_dropped",
     "{0} 的 ceil_mode 本会多出一{1}，它的窗口从 {2} 开始，落在末端填充里：PyTorch "
     "丢掉这样的窗口，所以什么都没变"},
    {"ab.ab_no_padding_read", "这里没有窗口读到填充格，所以 count_include_pad 不起作用"},
    {"ab.word.row", "行"},
    {"ab.word.column", "列"},
    {"ab.word.height", "高度方向"},
    {"ab.word.width", "宽度方向"},
    {"ab.word.down", "向下取整"},
    {"ab.word.up", "向上取整"},
    {"ab.word.up_dropped", "向上取整后减去最后一个窗口（它会从填充里开始）"},
};

}  // namespace

std::span<const TranslationEntry> ab_english_entries() {
    return section_of<kAb>().en;
}

std::span<const TranslationEntry> ab_chinese_entries() {
    static const std::vector<TranslationEntry> all = join_tables({section_of<kAb>().zh, kAbReasonsChinese});
    return all;
}

}  // namespace poolscope::app
