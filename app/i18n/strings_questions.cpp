// Questions written in the app (panels/question_editor.cpp, panels/choice_question_dialog.cpp, the matrices'
// right-click menu) and the stale code line's mark (panels/lesson_panel.cpp), in English and Chinese side by
// side (see string_sections.h).
#include "i18n/string_sections.h"

namespace poolscope::app {
namespace {

constexpr BilingualEntry kQuestions[] = {
    {"questions.heading_fmt", "Questions on this step (%d)", "本步的问题（%d）"},
    {"questions.none",
     "This step asks nothing yet. Ask about… adds a question; so does a right-click on an output cell. "
     "PoolScope records each answer.",
     "本步还没有问题。用“提问…”添加问题，也可以右键点击输出单元。答案由 PoolScope 记录。"},
    {"questions.ask", "Ask about…", "提问…"},
    {"questions.ask_help",
     "Adds a question to this step, asked before its result shows. PoolScope computes and records the answer "
     "(`poolscope check` verifies it). The cell is the current one; right-click an output cell to ask about "
     "that one.",
     "为本步添加一个问题，在结果显示之前提出。答案由 PoolScope 计算并记录（`poolscope check` "
     "会核对）。所问的单元是"
     "当前单元；右键点击输出单元可以就该单元提问。"},
    {"questions.menu_cell_fmt", "Ask about output cell %s", "就输出单元 %s 提问"},
    {"questions.menu_step", "Ask about this step", "就本步提问"},
    {"questions.ask_value", "Its value", "它的值"},
    {"questions.ask_divisor", "Its divisor (what the sum is divided by)", "它的除数（窗口之和除以几）"},
    {"questions.ask_argmax", "Its winning input cell (argmax)", "它胜出的输入单元（argmax）"},
    {"questions.ask_window_cells", "The input cells its window reads", "它的窗口读取的输入单元"},
    {"questions.ask_shape", "The output shape", "输出形状"},
    {"questions.ask_choice", "A multiple choice…", "选择题…"},
    {"questions.block.no_matrix", "This step has no matrix here: ask the output shape or a multiple choice.",
     "本步在这里没有矩阵：可以问输出形状，或出选择题。"},
    {"questions.block.needs_max", "Only max pooling has a winning input cell.",
     "只有最大池化才有胜出的输入单元。"},
    {"questions.block.needs_avg", "Only average pooling divides by a divisor.", "只有平均池化才有除数。"},
    {"questions.block.outside", "This cell is not in the step's output.", "这个单元不在本步的输出里。"},
    {"questions.block.rejected", "The framework refuses this step's layer: there is no result to ask about.",
     "框架拒绝了本步的层：没有可以提问的结果。"},
    {"questions.block.asked", "The step already asks this.", "本步已经问过这个问题。"},
    {"questions.block.window_differs",
     "The window shows something other than this step. Reset step (or Save over this step) first, so the "
     "question is about what the students will see.",
     "窗口显示的内容与本步不同。请先“重置本步”（或“覆盖保存本步”），让问题针对学生将看到的内容。"},
    {"questions.kind.value_fmt", "Value of output cell %s", "输出单元 %s 的值"},
    {"questions.kind.divisor_fmt", "Divisor of output cell %s", "输出单元 %s 的除数"},
    {"questions.kind.argmax_fmt", "Winning input cell of output cell %s", "输出单元 %s 胜出的输入单元"},
    {"questions.kind.window_cells_fmt", "Input cells read by output cell %s", "输出单元 %s 读取的输入单元"},
    {"questions.kind.output_shape", "Output shape", "输出形状"},
    {"questions.kind.choice", "Multiple choice", "选择题"},
    {"questions.kind.network", "A question about a layer", "关于某一层的问题"},
    {"questions.focus_cell", "(the step's start cell)", "（本步的起始单元）"},
    {"questions.prompt_en", "Prompt, English", "题目（英文）"},
    {"questions.prompt_zh", "Prompt, Chinese", "题目（中文）"},
    {"questions.prompt_help", "An empty prompt asks in PoolScope's words (shown in grey).",
     "题目留空时使用 PoolScope 的措辞（灰色显示）。"},
    {"questions.answer", "Recorded answer:", "记录的答案："},
    {"questions.answer_help",
     "PoolScope computed this answer from the step and wrote it to the lesson; nobody typed it. `poolscope "
     "check` verifies it.",
     "这个答案由 PoolScope 根据本步计算并写入课程，不是手工输入的。`poolscope check` 会核对它。"},
    {"questions.answer_stale_fmt",
     "The lesson records %s, but PoolScope now computes:", "课程记录的是 %s，但 PoolScope 现在算出："},
    {"questions.cannot_ask_fmt", "PoolScope cannot ask this here: %s",
     "PoolScope 在这里无法提出这个问题：%s"},
    {"questions.right_option", "(right)", "（正确）"},
    {"questions.move_up", "Move this question up", "上移这个问题"},
    {"questions.move_down", "Move this question down", "下移这个问题"},
    {"questions.delete", "Delete", "删除"},
    {"questions.delete_help", "Delete this question (Ctrl+Z brings it back).",
     "删除这个问题（Ctrl+Z 可恢复）。"},
    {"author.question_added", "Question added: PoolScope recorded its answer.",
     "已添加问题：答案由 PoolScope 记录。"},
    {"author.question_moved", "Question moved.", "问题已移动。"},
    {"author.question_deleted", "Question deleted (Ctrl+Z brings it back).", "问题已删除（Ctrl+Z 可恢复）。"},
    // The multiple-choice dialog.
    {"choice.title", "New multiple-choice question", "新建选择题"},
    {"choice.help",
     "Write the question and its options in English, Chinese or both (a missing language shows the other). "
     "Mark the right option; for a wrong one, say why it is wrong: the student reads it after picking it.",
     "用英文、中文或两种语言写出题目和选项（缺少的语言会显示另一种）。标出正确选项；对错误选项说明错在哪里："
     "学生选中它之后会看到。"},
    {"choice.prompt", "Question", "题目"},
    {"choice.option_fmt", "Option %d", "选项 %d"},
    {"choice.right", "Right", "正确"},
    {"choice.is_right", "The right answer: no why needed.", "正确答案：无需说明。"},
    {"choice.right_help", "Mark this option as the right answer.", "把这个选项标为正确答案。"},
    {"choice.why_hint", "Why it is wrong (shown when picked)", "为什么不对（选中时显示）"},
    {"choice.add_option", "Add option", "添加选项"},
    {"choice.remove_option", "Remove last option", "删除最后一个选项"},
    {"choice.add", "Add question", "添加问题"},
    {"choice.cancel", "Cancel", "取消"},
    {"choice.need_prompt", "Write the question first (in either language).", "请先写出题目（中英文皆可）。"},
    {"choice.need_options", "Every option needs its text (in either language).",
     "每个选项都需要文字（中英文皆可）。"},
    // A hand-written code line its step's layer left behind (issue 29).
    {"lesson.code_stale_fmt", "This code line no longer matches the step's layer: %s.",
     "这行代码与本步的层不再一致：%s。"},
    {"lesson.code_mismatch_fmt", "%s is %s in the line, %s in the layer", "%s 在代码中是 %s，在层中是 %s"},
    {"lesson.code_mismatch_sep", "; ", "；"},
    {"lesson.code_rewrite", "Write it from the layer", "按层重写代码"},
    {"lesson.code_rewrite_help",
     "Replaces the line with the one PoolScope writes for this step's layer (Ctrl+Z takes it back).",
     "用 PoolScope 按本步的层写出的代码替换这一行（Ctrl+Z 可撤销）。"},
};

}  // namespace

std::span<const TranslationEntry> questions_english_entries() {
    return section_of<kQuestions>().en;
}

std::span<const TranslationEntry> questions_chinese_entries() {
    return section_of<kQuestions>().zh;
}

}  // namespace poolscope::app
