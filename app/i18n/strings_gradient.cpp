// The Backward and Unpool views (model/gradient_view.h) in English and Chinese side by side (see
// string_sections.h); same "_fmt" rule as the main tables.
#include "i18n/string_sections.h"

namespace poolscope::app {
namespace {

constexpr BilingualEntry kGradient[] = {
    {"pass.forward", "Forward", "前向"},
    {"pass.backward", "Backward (gradient)", "反向（梯度）"},
    {"pass.unpool", "MaxUnpool", "最大反池化"},
    {"grad.fill", "grad_output:", "grad_output："},
    {"grad.fill_ones", "All ones", "全为 1"},
    {"grad.fill_arange", "1, 2, 3, …", "1, 2, 3, …"},
    {"grad.fill_random", "Random", "随机"},
    {"grad.input_fmt", "Input c%d", "输入 c%d"},
    {"grad.output_fmt", "grad_output c%d", "grad_output c%d"},
    {"grad.output_tip_fmt",
     "grad_output c%d (%d, %d): the gradient arriving at this output cell. Click to change it.",
     "grad_output c%d (%d, %d)：传到这个输出单元格的梯度。点击可修改。"},
    {"grad.input_grad_fmt", "grad_input c%d (so far)", "grad_input c%d（目前累计）"},
    {"grad.share_each_fmt", "%s to each outlined cell", "每个描边的单元 %s"},
    {"grad.input_tip_fmt", "grad_input c%d (%d, %d) = %s, added up in this order:",
     "grad_input c%d (%d, %d) = %s，按以下顺序累加："},
    {"grad.no_contribution", "No window sends gradient here, so it stays 0.",
     "没有窗口把梯度传到这里，所以它保持为 0。"},
    {"grad.contribution_fmt", "from output (%d, %d): + %s → %s", "来自输出 (%d, %d)：+ %s → %s"},
    {"grad.passed_over_fmt", "%d more window(s) read this cell but sent their gradient to their own maximum.",
     "另有 %d 个窗口读取了这个单元格，但把梯度传给了它们自己的最大值。"},
    {"grad.edit_fmt", "grad_output c%d (%d, %d) = (Enter to apply)",
     "grad_output c%d (%d, %d) =（按 Enter 应用）"},
    {"grad.none",
     "No backward pass here: the layer has no output, or PoolScope has no gradient for this operation.",
     "这里没有反向传播：该层没有输出，或 PoolScope 没有这个运算的梯度。"},
    {"grad.step_header_fmt", "Output cell (%d, %d), window %d of %d: its gradient flows back.",
     "输出单元格 (%d, %d)，第 %d 个窗口（共 %d 个）：它的梯度向回流。"},
    {"grad.step_max_fmt",
     "The gradient %s goes whole to the window's maximum, input (%d, %d): grad_input += %s.",
     "梯度 %s 全部传给窗口的最大值，即输入 (%d, %d)：grad_input += %s。"},
    {"grad.step_avg_fmt", "The gradient %s / %d = %s is added to each of the %d input cell(s) of the window.",
     "梯度 %s / %d = %s，加到窗口中 %d 个输入单元格的每一个上。"},
    {"grad.step_padding_fmt", "%d share(s) fall on padding, which has no gradient: they are dropped.",
     "有 %d 份落在填充上；填充没有梯度，这几份被丢弃。"},
    {"grad.step_stray_fmt",
     "This window holds no input cell. PyTorch still adds the gradient %s at position %lld of grad_input "
     "(the index it saved; -1: past the end, dropped).",
     "这个窗口里没有输入单元格。PyTorch 仍然把梯度 %s 加到 grad_input 的第 %lld 个位置（它保存的索引；-1 "
     "表示越过末尾，被丢弃）。"},
    {"grad.rule_max",
     "Max pooling: each output's gradient goes to its window's maximum only; windows that share a maximum "
     "add up.",
     "最大池化：每个输出的梯度只传给它窗口中的最大值；共享同一个最大值的窗口会累加。"},
    {"grad.rule_avg",
     "Average pooling: each output's gradient is shared equally by the cells its divisor counts; overlapping "
     "windows add up.",
     "平均池化：每个输出的梯度平均分给除数所计入的单元格；重叠的窗口会累加。"},
    {"unpool.needs_max",
     "MaxUnpool2d undoes max_pool2d: choose Max pooling, with the same padding on both sides, to see it.",
     "MaxUnpool2d 是 max_pool2d 的逆操作：请选择最大池化（两侧填充相同）来查看。"},
    {"unpool.refused", "PyTorch refuses to unpool this output:", "PyTorch 拒绝对这个输出做反池化："},
    {"unpool.explain",
     "max_pool2d(return_indices=True) saves where each maximum came from (#index = row × W + column); "
     "MaxUnpool2d puts each maximum back there and fills every other cell with 0.",
     "max_pool2d(return_indices=True) 会记录每个最大值来自哪里（#索引 = 行 × W + 列）；MaxUnpool2d "
     "把每个最大值放回原处，其余单元格都填 0。"},
    {"unpool.pooled_fmt", "Pooled, channel %d (#index)", "池化结果，通道 %d（#索引）"},
    {"unpool.unpooled_fmt", "Unpooled, channel %d  (%d × %d)", "反池化结果，通道 %d  (%d × %d)"},
};

}  // namespace

std::span<const TranslationEntry> gradient_english_entries() {
    return section_of<kGradient>().en;
}

std::span<const TranslationEntry> gradient_chinese_entries() {
    return section_of<kGradient>().zh;
}

}  // namespace poolscope::app
