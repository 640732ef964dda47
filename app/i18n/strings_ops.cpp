// The pooling operations the parameter panel offers beyond the main table, in English and Chinese side by
// side (see string_sections.h): LP pooling and its p, and the layer's cost.
#include "i18n/string_sections.h"

namespace poolscope::app {
namespace {

constexpr BilingualEntry kOps[] = {
    {"op.lp", "Power-average (LP) pooling", "幂平均（LP）池化"},
    {"params.norm_type", "norm_type (p)", "norm_type（p）"},
    {"params.norm_type_help",
     "LPPool2d computes (sum of x^p over the window)^(1/p). p = 1 is the window's sum; as p grows the result "
     "moves toward the window's maximum. Ctrl+click to type a value.",
     "LPPool2d 计算 (窗口内 x^p 之和)^(1/p)。p = 1 时就是窗口之和；p 越大，结果越接近窗口的最大值。按住 Ctrl "
     "点击可直接输入数值。"},
    {"cost.comparisons", "comparisons", "次比较"},
    {"cost.additions", "additions", "次加法"},
    {"cost.fixed_fmt", "Work: %lld outputs × %lld = %lld %s", "计算量：%lld 个输出 × %lld = %lld %s"},
    {"cost.varying_fmt", "Work: %lld outputs, %lld %s", "计算量：%lld 个输出，共 %lld %s"},
    {"cost.help",
     "The work of the whole layer, as D2L's exercise counts it: c·h_out·w_out·kh·kw window reads — "
     "comparisons for max pooling, additions for average pooling (adaptive windows are counted one by one).",
     "整个层的计算量，按《动手学深度学习》练习的算法：c·h_out·w_out·kh·kw "
     "次窗口读取——最大池化是比较次数，平均池化是加法次数（自适应池化的窗口逐个计数）。"},
    {"matrices.focus_label_fmt", "c%d: %d × %d → %d × %d", "通道 %d：%d × %d → %d × %d"},
    {"matrices.focus_input_fmt", "c%d: %d × %d", "通道 %d：%d × %d"},
    {"matrices.output_short_fmt", "out c%d: %d × %d", "输出 %d：%d × %d"},
};

}  // namespace

std::span<const TranslationEntry> ops_english_entries() {
    return section_of<kOps>().en;
}

std::span<const TranslationEntry> ops_chinese_entries() {
    return section_of<kOps>().zh;
}

}  // namespace poolscope::app
