// Chinese text of the network quiz codes (the English is the core's, core/src/quiz_text.cpp; see
// string_sections.h).
#include "i18n/string_sections.h"

namespace poolscope::app {
namespace {

constexpr TranslationEntry kNetworkQuizChinese[] = {
    {"quiz.prompt_layer_shape", "{0}（{1}）输出的形状是什么？按 PyTorch 打印的样子输入，例如 1, 6, 28, 28。"},
    {"quiz.prompt_receptive_field",
     "{1}（{2}）的输出单元 {0}：它依赖输入的多少行、多少列（从第一行到最后一行）？请输入“行 x 列”。"},
    {"quiz.prompt_parameter_count", "{0}（{1}）有多少个参数（权重和偏置）？"},
    {"quiz.answer_layer_shape", "{0}（{1}）输出 {2}。"},
    {"quiz.answer_receptive_field", "它依赖输入的第 {0} 行、第 {1} 列：{2} x {3}。"},
    {"quiz.answer_parameter_count", "{0} 有 {1} 个参数。"},
    {"quiz.sizes_unreadable", "“{0}”不是一个形状；请输入各维的数字，例如 1, 6, 28, 28。"},
    {"quiz.size_rank", "这里 PyTorch 的形状有 {0} 个数；你写了 {1} 个。"},
    {"quiz.size_is_input", "这是进入 {0} 的形状；这一层会改变什么？"},
    {"quiz.size_channels_conv", "Conv2d 输出 out_channels = {0} 个通道。"},
    {"quiz.size_channels_pool", "汇聚对每个通道分别计算：{0} 个通道保持不变。"},
    {"quiz.size_batch", "批量大小（第一个数）原样通过。"},
    {"quiz.size_flatten", "Flatten 保留批量维，把其余各维相乘：{0}。"},
    {"quiz.size_linear", "全连接层 Linear 把最后一维换成 out_features = {0}。"},
    {"quiz.size_same", "{0} 对每个值分别计算：一个值进，一个值出。"},
    {"quiz.size_block", "Sequential 块的输出就是它最后一层的输出：按顺序逐层推算。"},
    {"quiz.size_recompute", "从进入这一层的形状 {0} 重新推算。"},
    {"quiz.field_unreadable", "“{0}”不是“行 x 列”；请输入例如 6x6，两者相同时也可以只写 6。"},
    {"quiz.field_textbook_clipped",
     "{0} x {1} 是教科书公式给出的大小；这个单元位于边缘，它的感受野伸进了填充区：只数真实的输入行和列。"},
    {"quiz.field_counted_holes",
     "你数的是被读取的行和列；题目问的是从第一行到最后一行的跨度，中间的空隙也算在内。"},
    {"quiz.field_jump",
     "每个窗口增加 (kernel - 1) x 之前各层的跳距；这里的跳距是 {0} x {1}，所以一个 3x3 窗口增加的不止 2 "
     "行。"},
    {"quiz.field_recompute",
     "从这个单元往回推：每个窗口覆盖前一张图上 kernel "
     "个单元（空洞会把它们拉开），而填充不增加任何输入单元。"},
    {"quiz.params_unreadable", "“{0}”不是一个整数。"},
    {"quiz.params_none", "{0} 没有需要学习的权重或偏置。"},
    {"quiz.params_forgot_bias", "这只是权重；还要加上 {0} 个偏置，每个输出一个。"},
    {"quiz.params_forgot_kernel", "这样每对通道只算了一个权重；每对通道有一个 {0} x {1} 的卷积核。"},
    {"quiz.params_forgot_in", "每个输出通道的卷积核覆盖全部 {0} 个输入通道。"},
    {"quiz.params_recompute",
     "Conv2d 有 out x in/groups x kh x kw 个权重和 out 个偏置；Linear 有 out x in 个权重和 out 个偏置。"},
    {"quiz.explain_layer_sizes", "{0}（{1}）：输入 {2}，输出 {3}。"},
    {"quiz.explain_flatten", "Flatten：{0} = 每个样本 {1} 个值。"},
    {"quiz.explain_linear", "Linear：最后一维 {0} 变成 out_features = {1}。"},
    {"quiz.explain_parameters", "{0} = {1} 个权重，加上 {2} 个偏置：{3}。"},
    {"quiz.explain_no_parameters", "{0}（{1}）没有权重和偏置。"},
    {"quiz.explain_field_axis", "{0}：输入的 {1}（读取 {2} 个，跨度 {3}）。"},
    {"quiz.explain_field_textbook", "{0}：教科书公式给出大小 {1}、跳距 {2}、起点 {3}（{4}）。"},
    {"quiz.explain_field_clipped",
     "{0}：教科书的感受野伸进了填充区或超出了输入；填充里没有输入单元，所以精确的感受野更短。"},
    {"quiz.explain_field_holes", "{0}：空洞（或比窗口更宽的步幅）让跨度中 {2} 个里有 {1} 个没有被读取。"},
    {"quiz.explain_field_no_textbook",
     "经过自适应汇聚、Flatten 或 Linear 之后，教科书公式没有固定的跳距；精确的感受野要逐层推算。"},
};

}  // namespace

std::span<const TranslationEntry> network_quiz_chinese_entries() {
    return kNetworkQuizChinese;
}

}  // namespace poolscope::app
