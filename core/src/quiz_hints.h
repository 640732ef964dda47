// Internal to the quiz checkers (quiz_check.cpp, network_quiz.cpp): hints both kinds of question give.
#pragma once

#include "poolscope/quiz.h"

namespace poolscope {

// What a wrong output size along one axis says about the formula: floor for ceil, forgotten padding,
// dilation, stride, + 1... ("shape_recompute" when it matches no typical mistake). `axis` names the axis.
QuizText axis_mistake(const Question& q, const AxisShape& a, int64_t used, const char* axis);

// Network questions' checks and walkthrough (network_quiz.cpp), called by check_answer() and explain().
Verdict check_network_answer(const Question& q, const QuizAnswer& a);
std::vector<QuizText> explain_network(const Question& q);

}  // namespace poolscope
