// Chinese strings of the pooling operations the parameter panel offers beyond the main table (see
// string_sections.h): LP pooling and its p, and the layer's cost.
#include "i18n/string_sections.h"

namespace poolscope::app {
namespace {

constexpr TranslationEntry kOpsChinese[] = {
    {"op.lp", "幂平均（LP）池化"},
    {"params.norm_type", "norm_type（p）"},
    {"params.norm_type_help",
     "LPPool2d 计算 (窗口内 x^p 之和)^(1/p)。p = 1 时就是窗口之和；p 越大，结果越接近窗口的最大值。按住 Ctrl "
     "点击可直接输入数值。"},
    {"cost.comparisons", "次比较"},
    {"cost.additions", "次加法"},
    {"cost.fixed_fmt", "计算量：%lld 个输出 × %lld = %lld %s"},
    {"cost.varying_fmt", "计算量：%lld 个输出，共 %lld %s"},
    {"cost.help",
     "整个层的计算量，按《动手学深度学习》练习的算法：c·h_out·w_out·kh·kw "
     "次窗口读取——最大池化是比较次数，平均池化是加法次数（自适应池化的窗口逐个计数）。"},
    {"matrices.focus_label_fmt", "通道 %d：%d × %d → %d × %d"},
};

}  // namespace

std::span<const TranslationEntry> ops_chinese_entries() {
    return kOpsChinese;
}

}  // namespace poolscope::app
