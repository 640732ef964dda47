// 简体中文 strings (Simplified Chinese). Same keys as strings_en.cpp; "_fmt" keys keep the same printf
// placeholders in the same order (tests/gui/i18n_test.cpp checks). Terms follow 《动手学深度学习》.
#include "i18n/convention_strings.h"
#include "i18n/i18n.h"
#include "i18n/lesson_strings.h"
#include "i18n/screen_strings.h"
#include "i18n/string_sections.h"

namespace poolscope::app {
namespace {

constexpr TranslationEntry kChinese[] = {
    // 面板与说明
    {"panel.params", "参数"},
    {"panel.input_data", "输入数据"},
    {"panel.timeline", "时间轴"},
    {"panel.matrices", "输入与输出"},
    {"panel.step", "当前这一步"},
    {"panel.formula", "输出形状"},
    {"help.params",
     "nn.MaxPool2d / nn.AvgPool2d 的参数，名称和默认值与 PyTorch 相同。每次修改都会立即重新计算输出。PyTorch "
     "不接受的值会被保留，并在输出的位置显示 PyTorch 的原因，改正后输出立即恢复。"},
    {"help.input_data",
     "被池化的矩阵。可以修改大小和通道数、用生成器填充，或粘贴从 Python "
     "复制的矩阵（tensor([[...]])、array([[...]])、JSON "
     "列表或按行排列的数字）。点击网格中的单元格即可输入新值。"},
    {"help.timeline",
     "每一步计算一个输出单元格。可以播放、暂停、单步，或拖动进度条到任意输出单元格。按键：空格 "
     "播放/暂停，左/右 单步，Home/End 跳到首/尾，+/- 调速。"},
    {"help.matrices",
     "上方：每个输入通道，外面一圈是填充（padding "
     "增加的单元格），橙色框是当前这一步的池化窗口。旁边（右侧，窗口较窄时在下方）：输出，随着步骤推进逐个填"
     "入；橙色单元格是正在计算的"
     "那个。鼠标悬停在输入单元格上，可看到读取它的所有窗口；悬停在输出单元格上，会跳到它的窗口。"},
    {"help.step",
     "用真实数字写出当前输出单元格的计算过程，每个通道一行。最大池化会标出胜出者（argmax），平均池化会解释除"
     "数。"},
    {"help.formula",
     "PyTorch 如何算出每个方向上的输出大小（代入你的数字）：窗口可滑动的距离除以步幅，向下取整（ceil_mode "
     "时向上取整），再加一。同时列出每个窗口的起始位置。"},

    // 菜单
    {"menu.edit", "编辑"},
    {"menu.undo", "撤销"},
    {"menu.redo", "重做"},
    {"menu.copy_input", "复制输入为文本"},
    {"menu.copy_output", "复制输出为文本"},
    {"menu.paste_input", "粘贴输入"},
    {"menu.view", "视图"},
    {"menu.zoom_in", "放大"},
    {"menu.zoom_out", "缩小"},
    {"menu.zoom_reset", "重置缩放"},
    {"menu.font_larger", "文字放大"},
    {"menu.font_smaller", "文字缩小"},
    {"menu.help", "帮助"},

    // 参数
    {"op.max", "最大池化"},
    {"op.avg", "平均池化"},
    {"op.adaptive_max", "自适应最大池化"},
    {"op.adaptive_avg", "自适应平均池化"},
    {"params.op", "操作"},
    {"params.op_help",
     "最大池化保留每个窗口中的最大值；平均池化取它们的平均值。自适应池化会自己选择窗口，使输出正好是你指定的"
     "大小。"},
    {"params.kernel_help", "池化窗口的高和宽。"},
    {"params.stride_help", "相邻两个输出单元格之间，窗口移动的距离。"},
    {"params.padding_help",
     "在输入每一边添加的单元格。最大池化用 -∞ 填充（填充永远不会胜出），平均池化用 0 填充。PyTorch "
     "规定填充最多为窗口大小的一半。"},
    {"params.dilation_help",
     "仅最大池化：窗口读取的单元格之间的间隔。dilation 为 2 "
     "时每隔一个单元格读取一次（网格中的空洞保持空白）。"},
    {"params.ceil_mode_help",
     "输出大小向上取整而不是向下取整，从而保留最后一个不完整的窗口——除非它会从末端的填充里开始。"},
    {"params.count_include_pad_help", "仅平均池化：填充单元格是否计入除数。"},
    {"params.divisor_override", "divisor_override 指定除数"},
    {"params.divisor_override_help", "仅平均池化：每个窗口的和都除以这个数。"},
    {"params.output_size", "output_size 输出大小 (h, w)"},
    {"params.output_size_help", "自适应池化：你想要的输出大小；窗口会自动选择以适应它。"},

    // 输入数据
    {"data.height", "高 H"},
    {"data.width", "宽 W"},
    {"data.channels", "通道数"},
    {"data.fill", "填充方式"},
    {"data.fill_help",
     "用生成的值替换所有通道：arange 像 torch.arange(...).reshape(...) 一样递增；竖直边缘是 D2L "
     "中的例子，全为 1，中间一条为 0。"},
    {"data.fill_button", "填充"},
    {"gen.arange", "arange（起点，步长）"},
    {"gen.zeros", "全 0"},
    {"gen.ones", "全 1"},
    {"gen.random", "随机整数"},
    {"gen.edge", "竖直边缘（D2L）"},
    {"gen.start", "起点"},
    {"gen.step", "步长"},
    {"gen.low", "最小值"},
    {"gen.high", "最大值"},
    {"gen.seed", "随机种子"},
    {"gen.edge_begin", "0 从第几列"},
    {"gen.edge_end", "0 到第几列"},
    {"data.clipboard", "剪贴板"},
    {"data.clipboard_help",
     "粘贴支持 PyTorch 的 tensor([[...]])、NumPy 的 array([[...]])、JSON "
     "嵌套列表，以及用空格或逗号分隔的多行数字。复制时写出 PyTorch 格式的文本。"},
    {"data.copy_as", "复制格式"},
    {"data.style_pytorch", "PyTorch 张量 tensor([[...]])"},
    {"data.style_json", "JSON 嵌套列表"},
    {"data.style_csv", "CSV 按行"},
    {"data.paste", "粘贴"},
    {"data.copy_input", "复制输入"},
    {"data.copy_output", "复制输出"},
    {"data.edit_hint", "点击网格中的单元格，直接输入即可编辑。"},

    // 状态栏
    {"status.bad_number_fmt", "“%s”不是一个数字"},
    {"status.clipboard_empty", "剪贴板是空的"},
    {"status.copied_input", "已将输入复制为文本"},
    {"status.copied_output", "已将输出复制为文本"},
    {"status.export_hidden_by_quiz", "未导出：图片会显示尚未回答的问题的答案（请先回答或揭晓）"},
    {"status.output_hidden_by_quiz", "未复制：输出里有尚未回答的问题的答案（请先回答或揭晓）"},
    {"status.paste_failed", "无法粘贴："},
    {"status.pasted_fmt", "已粘贴 %d x %d x %d 的矩阵"},

    // 时间轴
    {"timeline.start", "第一步（Home）"},
    {"timeline.back", "后退一步（左）"},
    {"timeline.play", "播放"},
    {"timeline.pause", "暂停"},
    {"timeline.forward", "前进一步（右）"},
    {"timeline.end", "最后一步（End）"},
    {"timeline.speed", "速度"},
    {"timeline.speed_help", "播放时每秒的步数（+ / - 键）"},

    // 矩阵
    {"legend.input", "输入"},
    {"legend.padding_max", "填充（−∞）"},
    {"legend.padding_avg", "填充（0）"},
    {"legend.overhang", "ceil_mode 越界部分（不读取）"},
    {"legend.window", "窗口"},
    {"legend.argmax", "最大值（argmax）"},
    {"legend.readers", "读取悬停单元格的窗口"},
    {"matrices.channels_fmt", "%d 个输入通道 → %d 个输出通道：池化在每个通道上单独进行。"},
    {"matrices.input_label_fmt", "输入，通道 %d  (%d × %d)"},
    {"matrices.output_label_fmt", "输出，通道 %d  (%d × %d)"},
    {"matrices.empty_output", "输出为空。"},
    {"matrices.input_tip_fmt", "输入单元格 c%d (%d, %d)：被 %d 个窗口读取。点击后输入即可编辑。"},
    {"matrices.padding_tip_max", "填充：最大池化在这里看到的是 −∞，所以填充永远不会是最大值。"},
    {"matrices.padding_tip_avg", "填充：平均池化在这里看到的是 0；count_include_pad 决定它是否计入除数。"},
    {"matrices.overhang_tip", "越界：ceil_mode 允许最后一个窗口超出填充范围；这些单元格永远不会被读取。"},
    {"matrices.output_tip_fmt", "输出单元格 c%d (%d, %d)：它的窗口显示在输入上。"},

    // 当前步骤
    {"step.rejected", "改正参数后即可看到计算过程。"},
    {"step.header_fmt", "窗口 %d/%d：输出 (%d, %d) 来自输入的第 %d..%d 行、第 %d..%d 列"},
    {"step.header_count_hidden_fmt", "窗口 %d：输出 (%d, %d) 来自输入的第 %d..%d 行、第 %d..%d 列"},
    {"window.count_hidden", "窗口数就是问题的答案，先不显示"},
    {"matrices.output_label_hidden_fmt", "输出，通道 %d  (? × ?)"},
    {"formula.hidden_by_quiz", "输出大小就是当前问题的答案：先用公式算出来，回答或揭晓之后再看完整推导。"},
    {"step.more_terms_fmt", "… 另有 %lld 项 …"},
    {"step.dilation_fmt", "dilation：读取的单元格之间相隔 %d 行、%d 列"},
    {"step.argmax_fmt", "最大值是输入单元格 (%d, %d)；PyTorch 的 return_indices 给出 %d（行 × W + 列）。"},
    {"step.padding_max_fmt", "有 %d 个填充单元格以 −∞ 参与比较：它们永远不会胜出。"},
    {"step.padding_avg_fmt", "有 %d 个填充单元格向总和加 0。"},
    {"step.divisor_area_fmt",
     "除数 %d = 窗口在填充后输入内的 %d × %d 个单元格（count_include_pad=True：填充计入）"},
    {"step.divisor_cells_fmt",
     "除数 %d = 窗口内的 %d × %d 个输入单元格（count_include_pad=False：填充不计入）"},
    {"step.divisor_override_fmt", "除数 %d = divisor_override（忽略窗口大小）"},
    {"step.divisor_adaptive_fmt", "除数 %d = 自适应窗口的 %d × %d 个单元格"},
    {"step.overhang_fmt", "窗口中有 %d 个单元格超出了填充后的输入（ceil_mode 越界），不会被读取。"},

    // 输出形状公式
    {"formula.effective_kernel_fmt", "带空洞的窗口跨越 dilation·(kernel − 1) + 1 = %d 个单元格。"},
    {"formula.other_rounding_fmt", "如果 ceil_mode=%s，这个方向上会有 %d 个输出单元格。"},
    {"formula.dropped_fmt",
     "ceil_mode 规则：最后一个窗口会从 %d 开始，位于末端填充之中（输入到 %d 结束），因此被丢弃：%s_out = "
     "%d。"},
    {"formula.overhang", "ceil_mode 允许最后一个窗口超出填充后的输入；超出的单元格不会被读取。"},
    {"formula.starts_fmt", "沿 %s 方向各窗口的起点：%s"},
    {"formula.too_small_fmt", "%s_out = %d：输出将为空，因此 PyTorch 拒绝。"},
    {"formula.not_computable", "公式要求 kernel、stride 和 dilation ≥ 1，padding ≥ 0。"},
    {"formula.show_notes", "更多说明（窗口起点等）"},
    {"formula.hide_notes", "收起说明"},
    {"formula.w_same_fmt", "W 方向的数字相同，所以 W_out = %d。"},
    {"formula.output_fmt", "输出形状：%d × %d × %d → %d × %d × %d（通道 × H × W）"},
    {"formula.adaptive_fmt", "%s_out = %d（指定值）：窗口 o 覆盖 [⌊o·in/out⌋, ⌈(o+1)·in/out⌉)"},
    {"formula.adaptive_windows_fmt", "窗口：%s"},
    // Image view (app/panels/image_view.cpp)
    {"menu.file", "文件"},
    {"image.title", "图像视图"},
    {"image.help",
     "用与矩阵相同的参数对一张真实图片做池化。左边是原图，右边是池化结果（勾选“最大与平均”可同时看两种池化）"
     "。结果变小了，平均池化还会让它变模糊。滚动鼠标滚轮缩放，拖动平移：放大后每个方块就是一个像素。鼠标悬停"
     "在池化结果的某个像素上，可以看到它在原图上的窗口（橙色框，红色是胜出的像素）和具体数值；单击选中它，再"
     "按“转为矩阵”，就能在矩阵视图里逐步查看图片的这一角。"},
    {"image.gray", "灰度"},
    {"image.hover_fmt", "%s，输出像素 (%d, %d)：窗口从第 %d 行、第 %d 列开始，%d x %d 个采样点"},
    {"image.max_result_fmt", "最大值 = %s"},
    {"image.avg_result_fmt", "和 %s / 除数 %lld = %s"},
    {"image.click_to_select", "单击选中这个像素，用于“转为矩阵”。"},
    {"image.cropped_fmt", "已把 %d x %d 的裁剪（从第 %d 行、第 %d 列开始，来自 %s）放入矩阵视图"},
    {"image.open_title", "打开图片"},
    {"image.open_button", "打开图片…"},
    {"image.view_rgb", "RGB（3 个通道）"},
    {"image.view_red", "红色通道"},
    {"image.view_green", "绿色通道"},
    {"image.view_blue", "蓝色通道"},
    {"image.view_gray", "灰度（1 个通道）"},
    {"image.compare", "最大与平均"},
    {"image.same_size", "同样大小"},
    {"image.zoom_fmt", "缩放 %.2fx"},
    {"image.fit", "适应"},
    {"image.on_gpu", "GPU"},
    {"image.on_cpu", "CPU"},
    {"image.use_gpu", "GPU"},
    {"image.result_fmt", "%s：%d x %d x %d，%s %.1f 毫秒"},
    {"image.menu_open", "打开图片…"},
    {"image.menu_samples", "示例图片"},
    {"image.menu_show", "图像视图"},
    {"image.no_picture", "还没有打开图片：文件 > 打开图片…，或把 PNG、JPEG、BMP 文件拖到窗口上。"},
    {"image.input_fmt", "输入 %d x %d x %d"},
    {"image.original", "原图"},
    {"image.pooled_fmt", "%s"},
    {"image.rejected", "被拒绝（原因见上方）"},
    {"image.as_matrix", "转为矩阵"},
    {"image.selected_fmt", "裁剪输出像素 (%d, %d) 的窗口"},
    {"image.as_matrix_hint", "先单击一个池化后的像素，否则从视图中央裁剪"},
    // 窗口外壳：设置、语言、演示模式、帮助（presentation.cpp、help_overlay.cpp）
    {"menu.presentation", "演示模式"},
    {"layout.show_params", "显示参数"},
    {"layout.hide_params", "隐藏参数"},
    {"menu.high_contrast", "高对比度主题"},
    {"menu.language", "语言"},
    {"menu.help_overlay", "快捷键与帮助"},
    {"language.english", "English（英语）"},
    {"language.chinese", "简体中文"},
    {"language.chinese_no_font", "简体中文（需要中文字体）"},
    {"status.settings_broken", "设置已重置："},
    {"status.settings_not_saved", "无法保存设置："},
    {"status.no_cjk_font", "未找到中文字体（请安装 fonts-wqy-microhei 或 fonts-noto-cjk），界面以英文显示"},
    {"status.unshowable_glyphs_fmt", "这段文字中有 %d 个字符不在应用的任何字体中，无法显示（显示为 ? 或 �）"},
    {"help_overlay.title", "帮助"},
    {"help_overlay.close_hint", "按 F1 或 Esc 关闭帮助。"},
    {"help_overlay.reading", "如何阅读这个界面"},
    {"help_overlay.reading_text",
     "左侧：池化参数（沿用 PyTorch 的参数名）以及可以编辑、粘贴或填充的输入矩阵。\n"
     "中间：每个输入通道连同填充圈（阴影部分），橙色框是当前步骤的池化窗口；右侧（窗口较窄时在下方）的输出逐"
     "格填入，"
     "橙色格子就是正在计算的那一格。\n"
     "顶部：时间轴——每个输出格子对应一步，可以播放、单步或拖动。\n"
     "左下：本步骤用真实数字写出的计算过程（最大值及其位置，或求和与除数）。右下：PyTorch "
     "如何根据你的参数算出输出尺寸。\n"
     "输出位置出现红色信息时，那是 PyTorch 拒绝这组参数的原因。"},
    {"help_overlay.shortcuts", "快捷键"},
    {"keys.space", "空格"},
    {"keys.left_right", "左 / 右方向键"},
    {"keys.home_end", "Home / End 键"},
    {"keys.click_cell", "单击格子，输入数字，回车"},
    {"keys.ctrl_wheel", "Ctrl + 鼠标滚轮"},
    {"keys.escape", "Esc 键"},
    {"shortcut.play", "播放或暂停"},
    {"shortcut.step", "后退或前进一步"},
    {"shortcut.first_last", "跳到第一步或最后一步"},
    {"shortcut.speed", "加快或放慢播放"},
    {"shortcut.edit", "修改输入值（方向键移动，Esc 离开格子）"},
    {"shortcut.undo_redo", "撤销 / 重做"},
    {"shortcut.copy", "把输入 / 输出复制为 PyTorch 文本"},
    {"shortcut.paste", "粘贴矩阵作为输入"},
    {"shortcut.zoom", "缩放矩阵"},
    {"shortcut.text_size", "放大或缩小文字"},
    {"shortcut.help", "显示或隐藏本帮助"},
    {"shortcut.presentation", "演示模式：全屏、大字号、高对比度"},
    {"shortcut.escape", "先关闭帮助，再退出演示模式"},
    {"shortcut.state", "写出状态文件（--state-out）"},
    {"shortcut.quit", "退出"},
    // Validation errors from the core, by Error::code ({0}, {1}... are Error::args; core/src/error_text.cpp
    // holds the English sentences, which these must match).
    {"error.size_range", "{0} {1} 超出了 PyTorch 接受的最大值 {2}"},
    {"error.input_empty", "输入不能为空（通道数、高和宽都至少为 1），实际为 {0}"},
    {"error.input_limit", "输入有 {0} 个元素，超过了 PoolScope 的上限 {1}"},
    {"error.kernel_positive", "窗口大小 kernel_size 必须大于 0，实际为 {0}"},
    {"error.stride_zero", "步幅 stride 不能为 0，实际为 {0}"},
    {"error.stride_zero_default", "步幅 stride 不能为 0，实际为 {0}（未指定时步幅等于窗口大小）"},
    {"error.stride_positive", "步幅 stride 必须大于 0，实际为 {0}"},
    {"error.dilation_positive", "空洞 dilation 必须大于 0，实际为 {0}"},
    {"error.padding_negative", "填充 padding 不能为负数，实际为 {0}"},
    {"error.padding_negative_sides", "填充 padding 不能为负数，实际为（上 {0}，左 {1}，下 {2}，右 {3}）"},
    {"error.padding_half_kernel", "{0}填充 {1} 超过了窗口大小 {2} 的一半（最多为 {3}）"},
    {"error.divisor_zero", "divisor_override 不能为 0"},
    {"error.norm_type_zero", "norm_type 不能为 0（lp_pool2d 要开 1 / norm_type 次方）"},
    {"error.adaptive_negative", "输出大小 output_size 必须大于或等于 0，实际为 {0}"},
    {"error.output_too_small", "输入大小为 {0}，算出的输出大小 {1} 太小（每一边至少为 1）"},
    {"error.output_limit", "输出会有 {0} 个元素，超过了 PoolScope 的上限 {1}"},
    {"error.work_limit", "这个配置大约需要读取 {0} × {1} 次窗口，超过了 PoolScope 的上限 {2}"},
    {"error.grad_output_shape", "grad_output 的形状是 {0}，但输出的形状是 {1}；两者必须相同"},
    {"error.unpool_indices_shape", "indices 的形状必须和输入 {0} 相同，实际为 {1}"},
    {"error.unpool_output_size_length", "output_size 必须有 2 个或 4 个元素，实际有 {0} 个"},
    {"error.unpool_output_size_range", "output_size {0} 超出范围：第 {1} 维必须严格大于 {2} 且小于 {3}"},
    {"error.unpool_output_negative", "反池化的输出大小 {0} 是负数"},
    {"error.unpool_invalid_index",
     "发现无效的最大值索引 {0}：反池化输出每个通道是 {1} × {2}，索引只能是 0 到 {3}"},
    {"error.size_limit", "{0} {1} 超出了 PoolScope 的上限 {2}"},
    {"error.convention_no_param", "{0} 没有参数 {1}（实际给了 {2}）"},
    {"error.convention_no_op", "{0} 没有 {1}"},
    {"error.poolscope_unsupported", "PoolScope 暂不支持 {0}"},
    {"error.padding_mode", "{0} 的填充写作 {1}，不能写作 {2}"},
    {"error.tf_valid_window", "padding \"valid\" 时{0}窗口 {1} 放不进输入 {2}（TensorFlow 会得到空输出）"},
    {"error.onnx_pad_kernel", "{0}填充 {1} 不小于窗口大小 {2}（ONNX Runtime 要求填充小于窗口）"},
    {"error.onnx_auto_pad_pads", "auto_pad {0} 会自己算出填充，所以 pads 必须为 0，实际为 {1}"},
    {"error.onnx_storage_order", "storage_order 必须是 0（按行）或 1（按列），实际为 {0}"},
    {"error.onnx_lp_p", "LpPool 的 p 必须是不小于 1 的整数（范数的阶），而这里是 {0}"},
    {"error.tf_dilation_strides",
     "dilation_rate > 1 时 strides 不能大于 1（strides {0}，dilations {1}；TensorFlow 原文：strides > 1 not "
     "supported in conjunction with dilation_rate > 1）"},
    {"error.tf_pad_window", "{0}填充 {1} 必须小于窗口大小 {2}（TensorFlow 的要求）"},
    {"error.mxnet_padding_symmetric", "MXNet 在同一轴的两侧填充相同，实际为上 {0}、下 {1}、左 {2}、右 {3}"},
    {"error.mxnet_kernel_exceeds",
     "{0}窗口大小 {1} 超过了输入 {2} 填充后的大小 {3}（MXNet 要求窗口 <= 输入 + 2 × 填充）"},
    {"error.word.numbers", "数字"},
    {"compare.padding_same", "{0} 沿{1}前面填充 {2}、后面填充 {3}：SAME 把多出的一格放在{4}"},
    {"compare.padding_valid", "{0} 沿{1}不填充（\"valid\"）"},
    {"compare.padding_numbers", "{0} 沿{1}前面填充 {2}、后面填充 {3}"},
    {"compare.cannot_dilate", "{0} 的 {1} 不能空洞：它的窗口读取相邻的单元格"},
    {"compare.window_kept",
     "{0} 沿{1}保留了最后一个窗口，它从输入之外的 {2} 开始（\"full\"）；PyTorch 会丢掉它"},
    {"compare.output_size", "{0} 沿{1}得到 {2} 个输出，而不是 {3} 个"},
    {"compare.divisor_includes_padding", "{0} 的平均把填充格也算进除数（count_include_pad）"},
    {"compare.divisor_excludes_padding", "{0} 的平均只除以输入内的格子，不算填充"},
    {"compare.word.height", "高度方向"},
    {"compare.word.width", "宽度方向"},
    {"compare.word.end", "末尾"},
    {"compare.word.start", "开头"},
    {"error.word.height", "高度方向的"},
    {"error.word.width", "宽度方向的"},
    {"error.word.top", "上方"},
    {"error.word.bottom", "下方"},
    {"error.word.left", "左侧"},
    {"error.word.right", "右侧"},
};

}  // namespace

std::span<const TranslationEntry> chinese_table() {
    static const std::vector<TranslationEntry> all = join_tables(
        {kChinese, gradient_chinese_entries(), quiz_chinese_entries(), network_quiz_chinese_entries(),
         ops_chinese_entries(), author_chinese_entries(), export_chinese_entries(), link_chinese_entries(),
         files_chinese_entries(), network_chinese_entries(), lesson_chinese_table(),
         convention_chinese_table(), screen_chinese_table(), questions_chinese_entries()});
    return all;
}

}  // namespace poolscope::app
