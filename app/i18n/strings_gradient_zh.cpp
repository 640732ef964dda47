// Chinese strings of the Backward and Unpool views (see string_sections.h); same "_fmt" rule as the main
// tables.
#include "i18n/string_sections.h"

namespace poolscope::app {
namespace {

constexpr TranslationEntry kGradientChinese[] = {
    // 反向传播与反池化视图（model/gradient_view.h）
    {"pass.forward", "前向"},
    {"pass.backward", "反向（梯度）"},
    {"pass.unpool", "最大反池化"},
    {"grad.fill", "grad_output："},
    {"grad.fill_ones", "全为 1"},
    {"grad.fill_arange", "1, 2, 3, …"},
    {"grad.fill_random", "随机"},
    {"grad.input_fmt", "输入 c%d"},
    {"grad.output_fmt", "grad_output c%d"},
    {"grad.output_tip_fmt", "grad_output c%d (%d, %d)：传到这个输出单元格的梯度。点击可修改。"},
    {"grad.input_grad_fmt", "grad_input c%d（目前累计）"},
    {"grad.input_tip_fmt", "grad_input c%d (%d, %d) = %s，按以下顺序累加："},
    {"grad.no_contribution", "没有窗口把梯度传到这里，所以它保持为 0。"},
    {"grad.contribution_fmt", "来自输出 (%d, %d)：+ %s → %s"},
    {"grad.passed_over_fmt", "另有 %d 个窗口读取了这个单元格，但把梯度传给了它们自己的最大值。"},
    {"grad.edit_fmt", "grad_output c%d (%d, %d) =（按 Enter 应用）"},
    {"grad.none", "这里没有反向传播：该层没有输出，或 PoolScope 没有这个运算的梯度。"},
    {"grad.step_header_fmt", "输出单元格 (%d, %d)，第 %d 个窗口（共 %d 个）：它的梯度向回流。"},
    {"grad.step_max_fmt", "梯度 %s 全部传给窗口的最大值，即输入 (%d, %d)：grad_input += %s。"},
    {"grad.step_avg_fmt", "梯度 %s / %d = %s，加到窗口中 %d 个输入单元格的每一个上。"},
    {"grad.step_padding_fmt", "有 %d 份落在填充上；填充没有梯度，这几份被丢弃。"},
    {"grad.step_stray_fmt",
     "这个窗口里没有输入单元格。PyTorch 仍然把梯度 %s 加到 grad_input 的第 %lld 个位置"
     "（它保存的索引；-1 表示越过末尾，被丢弃）。"},
    {"grad.rule_max", "最大池化：每个输出的梯度只传给它窗口中的最大值；共享同一个最大值的窗口会累加。"},
    {"grad.rule_avg", "平均池化：每个输出的梯度平均分给除数所计入的单元格；重叠的窗口会累加。"},
    {"unpool.needs_max", "MaxUnpool2d 是 max_pool2d 的逆操作：请选择最大池化（两侧填充相同）来查看。"},
    {"unpool.refused", "PyTorch 拒绝对这个输出做反池化："},
    {"unpool.explain",
     "max_pool2d(return_indices=True) 会记录每个最大值来自哪里（#索引 = 行 × W + 列）；"
     "MaxUnpool2d 把每个最大值放回原处，其余单元格都填 0。"},
    {"unpool.pooled_fmt", "池化结果，通道 %d（#索引）"},
    {"unpool.unpooled_fmt", "反池化结果，通道 %d  (%d × %d)"},
};

}  // namespace

std::span<const TranslationEntry> gradient_chinese_entries() {
    return kGradientChinese;
}

}  // namespace poolscope::app
