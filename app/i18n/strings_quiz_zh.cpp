// Chinese strings of the quiz cards and quiz mode (see string_sections.h); the hints themselves are the
// core's quiz codes ("quiz.<code>") in the main tables.
#include "i18n/string_sections.h"

namespace poolscope::app {
namespace {

constexpr TranslationEntry kQuizChinese[] = {
    {"quizui.mode", "考考我"},
    {"quizui.mode_help", "先预测，再揭晓：在 PoolScope 显示之前，先回答每个窗口的值。"},
    {"quizui.question", "问题："},
    {"quizui.check", "检查"},
    {"quizui.reveal", "揭晓"},
    {"quizui.right", "答对了！"},
    {"quizui.wrong", "还不对。"},
    {"quizui.new_numbers", "换一组数字再试"},
    {"quizui.score_fmt", "得分：答对 %d 题，共答 %d 题（%d 题一次答对）"},
    {"quizui.answer_first", "课程中的一个问题正在问这个窗口：先回答（或揭晓），再看计算过程。"},
};

}  // namespace

std::span<const TranslationEntry> quiz_chinese_entries() {
    return kQuizChinese;
}

}  // namespace poolscope::app
