// The two languages PoolScope speaks: lesson text carries both, and the app's UI tables are in both.
#pragma once

namespace poolscope {

enum class Language { kEnglish, kChinese };

}  // namespace poolscope
