// The Network view (panels/network_view.cpp, network_card.cpp) in English and Chinese side by side (see
// string_sections.h); same "_fmt" rule as the main tables. PyTorch's own error texts stay as PyTorch words
// them.
#include "i18n/string_sections.h"

namespace poolscope::app {
namespace {

constexpr BilingualEntry kNetwork[] = {
    {"net.title", "Network", "网络"},
    {"menu.network", "Network view", "网络视图"},
    {"help.network",
     "The network's layers in order, as nn.Sequential runs them: each card shows the layer's code, the shape "
     "that leaves it (as D2L prints it) and its parameters. Open a card to change its arguments and see its "
     "output-size walkthrough. Click a cell of any map to light up its receptive field on the input and on "
     "every map in between.",
     "网络的各层按 nn.Sequential 运行的顺序排列：每张卡片显示该层的代码、它输出的形状（与《动手学深度学习》"
     "打印的一样）和参数个数。展开卡片可以修改参数并查看输出大小的推导。点击任一特征图的单元格，"
     "它在输入和中间各层上的感受野就会亮起。"},
    {"net.input_fmt", "Input %s", "输入 %s"},
    {"net.total_fmt", "%s parameters in all", "共 %s 个参数"},
    {"net.params_fmt", "%s parameters", "%s 个参数"},
    {"net.add_layer", "Add layer", "添加层"},
    {"net.add_after", "Add a layer after this one", "在这一层之后添加一层"},
    {"net.move_up", "Move up", "上移"},
    {"net.move_down", "Move down", "下移"},
    {"net.remove", "Remove this layer", "删除这一层"},
    {"net.default_hint", "default", "默认"},
    {"net.refused_fmt", "Not applied: %s", "未应用：%s"},
    {"net.not_reached", "Not reached: an earlier layer raises.", "未运行：前面的层已经报错。"},
    {"net.hidden_walkthrough", "Hidden until the question is answered or revealed.",
     "在回答或揭晓问题之前隐藏。"},
    {"net.in_out_fmt", "%s in, %s out", "输入 %s，输出 %s"},
    {"net.weights_fmt", "%s weights + %s biases", "%s 个权重 + %s 个偏置"},
    {"net.input_map", "Input, channel 0", "输入，通道 0"},
    {"net.hover_fmt", "%s: row %d, column %d", "%s：第 %d 行，第 %d 列"},
    {"net.click_cell", "Click a cell of any map to see which input cells it depends on.",
     "点击任一特征图的单元格，看它依赖哪些输入单元格。"},
    {"net.field_hidden", "Its receptive field is hidden until the question is answered or revealed.",
     "在回答或揭晓问题之前，它的感受野保持隐藏。"},
    {"net.field_fmt", "%s, cell (%d, %d) depends on input rows %d–%d and columns %d–%d: %d × %d cells.",
     "%s 的单元格 (%d, %d) 依赖输入的第 %d–%d 行、第 %d–%d 列：%d × %d 个单元格。"},
    {"net.textbook_fmt", "Textbook: size %d × %d, jump %d × %d, start (%d, %d).",
     "教科书公式：大小 %d × %d，跳距 %d × %d，起点 (%d, %d)。"},
    {"net.field_clipped",
     "The textbook's field runs into the padding here; the exact field stops at the input's border.",
     "教科书公式给出的感受野在这里伸进了填充区；真实的感受野止于输入的边界。"},
    {"net.field_holes", "The exact field has gaps (dilation, or a stride wider than the windows).",
     "真实的感受野中间有空隙（空洞卷积，或步幅大于窗口）。"},
    {"net.no_textbook",
     "Past an adaptive pool, a Flatten or a Linear the textbook formula has no constant jump.",
     "经过自适应汇聚、Flatten 或 Linear 之后，教科书公式没有固定的跳距。"},
    {"net.default_failed_fmt", "D2L's LeNet could not be loaded: %s",
     "无法载入《动手学深度学习》中的 LeNet：%s"},
    {"error.network_argument_unreadable", "\"{0}\" is not a number or two numbers",
     "“{0}”不是一个数或两个数"},
    {"error.network_no_layer", "there is no layer at {0}", "{0} 处没有层"},
    {"error.network_default_missing", "the lessons folder was not found", "找不到 lessons 文件夹"},
};

}  // namespace

std::span<const TranslationEntry> network_english_entries() {
    return section_of<kNetwork>().en;
}

std::span<const TranslationEntry> network_chinese_entries() {
    return section_of<kNetwork>().zh;
}

}  // namespace poolscope::app
