// Simplified Chinese strings of the framework chooser and walkthroughs (see convention_strings.h).
#include "i18n/convention_strings.h"

namespace poolscope::app {
namespace {

constexpr TranslationEntry kConventionChinese[] = {
    {"conv.framework", "框架"},
    {"conv.framework_help",
     "窗口遵循哪个框架的池化规则：PyTorch、TensorFlow（Keras）、ONNX 或 MXNet（Gluon）。参数名、代码行、"
     "输出大小和输出都会随之改变。切换时，同一个层会按那个框架的写法和默认值重写。"},
    {"conv.kernel_fmt", "%s 窗口大小 (h, w)"},
    {"conv.stride_fmt", "%s 步幅 (h, w)"},
    {"conv.padding_fmt", "%s 填充 (h, w)"},
    {"conv.dilation_fmt", "%s 空洞 (h, w)"},
    {"conv.pads_begin_fmt", "%s 起始侧 (上, 左)"},
    {"conv.pads_end_fmt", "%s 末尾侧 (下, 右)"},
    {"conv.ceil_mode_fmt", "%s 向上取整"},
    {"conv.count_include_pad_fmt", "%s 计入填充"},
    {"conv.stride_default_fmt", "%s = %s（默认）"},
    {"conv.stride_one_fmt", "不指定 %s（= 1）"},
    {"conv.stride_default_help_fmt", "%s 的默认值：不指定步幅时，窗口每次移动自身的大小，窗口之间不重叠。"},
    {"conv.stride_one_help",
     "ONNX 的默认值：不指定 strides 时，窗口每次只移动一个单元格（而不像 PyTorch、Keras 和 MXNet "
     "那样移动自身的大小）。"},
    {"conv.tf_padding_help",
     "Keras 的 padding 是一个词。\"valid\"：不填充，只保留完全落在输入内的窗口。\"same\"：输出有 "
     "ceil(输入 / strides) 个单元格，为此需要的填充分到两侧，多出的一格放在末尾（下方、右侧）。"},
    {"conv.auto_pad_help",
     "ONNX 的 auto_pad。NOTSET：使用你输入的 pads（上、左、下、右，可以不对称）。SAME_UPPER / "
     "SAME_LOWER：输出 ceil(输入 / strides) 个，多出的一格填充放在末尾 / 开头。VALID：不填充。"},
    {"conv.auto_pad_explicit", "NOTSET：使用下面的 pads"},
    {"conv.pads_help",
     "ONNX 分别给出每一侧的填充；ONNX Runtime 要求每个 pad 都小于窗口大小。最大池化忽略填充；AveragePool "
     "只有在 count_include_pad = 1 时才把填充计入除数。"},
    {"conv.mxnet_padding_help",
     "两侧相同的填充。与 PyTorch 不同，MXNet 不限制它不超过窗口的一半，只要求 kernel <= 输入 + 2 * "
     "padding。"},
    {"conv.mxnet_ceil_help",
     "Gluon 的 ceil_mode=True 就是 Pooling 算子的 pooling_convention=\"full\"：输出大小向上取整，并保留所有"
     "窗口，即使某个窗口从填充里开始（PyTorch 会丢掉它）。"},
    {"conv.onnx_ceil_help",
     "使用显式 pads 时输出大小向上取整；从末端填充里开始的最后一个窗口会被丢掉，与 PyTorch 相同。auto_pad "
     "模式忽略此项。"},
    {"conv.storage_order", "storage_order 索引顺序"},
    {"conv.storage_order_help",
     "只影响 MaxPool 的 Indices 输出：0 按行计数最大值位置（h * W + w），1 按列计数（w * H + h）。"
     "索引在整个 N x C x H x W 张量上展平。"},
    {"conv.storage_row", "0：按行"},
    {"conv.storage_column", "1：按列"},
    {"conv.lacks_fmt", "%s 没有：%s。"},
    {"conv.tf_avg_excludes", "TensorFlow 的平均池化只除以窗口中输入单元格的个数：填充从不计入。"},
    {"conv.rejected_fmt", "%s 不接受这组参数，因此没有输出："},
    {"conv.argmax_onnx_fmt",
     "最大值是输入单元格 (%d, %d)；ONNX 的 Indices 输出给出 %d（在 N x C x H x W 上展平%s）。"},
    {"conv.argmax_cell_fmt", "最大值是输入单元格 (%d, %d)。"},
    {"conv.tf_stride_one_help",
     "tf.nn.pool 的默认值：dilations 大于 1 时 strides 必须为 1，不给出时它就取 1（而不是 Keras "
     "那样取池化窗口大小）。"},
    {"conv.tf_explicit", "数字：tf.nn.max_pool2d"},
    {"conv.tf_pads_help",
     "tf.nn.max_pool2d 的显式填充，写作 [[0, 0], [上, 下], [左, 右], [0, "
     "0]]：每一边各自的数，都必须小于窗口（TensorFlow "
     "拒绝更大的填充）。只用于最大池化：tf.nn.avg_pool2d 和 tf.nn.pool 只接受 \"same\" 或 \"valid\"。"},
    {"conv.tf_dilation_help",
     "tf.nn.pool 的 dilations：窗口每隔 d 个单元格读一次。空洞大于 1 时 strides 必须为 "
     "1（这时它的默认值），\"same\" "
     "按空洞后的窗口填充：一共 (k - 1) * d 个，多出的一个放在末尾。TensorFlow 自己用 0 "
     "填这些位置并把它们算进结果；"
     "它的文档（以及 PoolScope）不把填充算进去。"},
    {"conv.global_fmt", "%s"},
    {"conv.global_help",
     "ONNX 的 GlobalMaxPool / GlobalAveragePool / "
     "GlobalLpPool：一个覆盖整个输入的窗口，每个通道变成一个数。它们没有 "
     "kernel、strides 和 pads。PyTorch 里同样的层写作 nn.AdaptiveAvgPool2d(1)。"},
    {"conv.onnx_p", "p"},
    {"conv.onnx_p_help",
     "LpPool 的 p，一个整数：每个输出是窗口内输入单元格的 (|x1|^p + |x2|^p + ...)^(1/p)。p = 1 "
     "是绝对值之和，p = 2 "
     "是欧几里得范数，p 越大越接近绝对值的最大值。和 PyTorch 的 lp_pool2d 不同，它取绝对值，并且有 "
     "pads、auto_pad、"
     "ceil_mode 和 dilations。"},
    {"conv.argmax_fmt", "%s（索引）"},
    {"conv.argmax_help",
     "tf.nn.max_pool_with_argmax：除了最大值，还给出它来自哪个单元格，按 TensorFlow 的张量布局（N x H x W x "
     "C）"
     "展平：(y * W + x) * C + c。填充只能是 \"same\" 或 \"valid\"。"},
    {"conv.include_batch_help",
     "把批次也算进去：((b * H + y) * W + x) * C + c，是整个输入中的索引，而不是一张图像中的索引。"},
    {"conv.argmax_tf_fmt",
     "最大值是输入单元格 (%d, %d)；tf.nn.max_pool_with_argmax 给出 %d（在 %s 上展平）。"},
    {"conv.column_major", "，按列"},
    {"menu.compare_frameworks", "比较各框架"},
    {"compare.title", "比较各框架"},
    {"compare.intro",
     "窗口中的输入和池化窗口，分别放到 PyTorch、TensorFlow（Keras）、ONNX 和 MXNet 中，各用自己的默认值。"
     "与窗口所用框架不同的值带底色；每处差异都说明原因。"},
    {"compare.reference", "（窗口中的）"},
    {"compare.shape_fmt", "输出：%d × %d"},
    {"compare.padding_fmt", "填充：H 前 %d 后 %d；W 前 %d 后 %d"},
    {"compare.same", "窗口、除数和输出都与窗口所用框架相同。"},
    {"compare.channel_fmt", "显示的是 %d 个通道中的通道 0。"},
    {"conv.walkthrough_fmt", "%s 这样计算输出大小："},
    {"conv.same_split_fmt", "分配：前面 %d 个，后面 %d 个"},
    {"conv.same_odd_end_fmt", "分配：前面 %d 个，后面 %d 个：%s 把多出的一格放在末尾"},
    {"conv.same_odd_start_fmt", "分配：前面 %d 个，后面 %d 个：%s 把多出的一格放在开头"},
    {"conv.valid_note", "\"valid\"：不填充，只保留完全落在输入内的窗口。"},
    {"conv.unread_fmt", "末尾最后 %d 个单元格不在任何窗口里"},
    {"conv.mxnet_check_fmt",
     "MXNet 只检查 kernel <= %s + 2 * padding：%d <= %d；填充可以超过窗口的一半（PyTorch 的上限）。"},
    {"conv.mxnet_kept_fmt",
     "\"full\" 保留最后一个窗口，尽管它从 %d 开始，已在输入之外（输入在 %d 结束）；PyTorch 的 ceil_mode "
     "会丢掉它。"},
    {"conv.no_walkthrough_fmt", "%s 不接受这个层：原因显示在参数下方。"},
};

}  // namespace

std::span<const TranslationEntry> convention_chinese_table() {
    return kConventionChinese;
}

}  // namespace poolscope::app
