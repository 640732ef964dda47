// The main translation tables are joined from sections, one file per area, so no table file grows past what
// one person can review: strings_en.cpp / strings_zh.cpp hold the panels, the files named here and the lesson
// player's, framework chooser's and screen wording's tables (lesson_strings.h, convention_strings.h,
// screen_strings.h) the rest. Newer sections write both languages side by side (BilingualEntry), the key
// once. english_table() and chinese_table() (i18n.h) return every section joined, so tr(), the font's glyph
// list and the table tests see one table per language.
#pragma once

#include <initializer_list>
#include <span>
#include <vector>

#include "i18n/i18n.h"

namespace poolscope::app {

// The core's sentences in English, read from the core's templates (core_sentences.cpp).
std::span<const TranslationEntry> core_english_entries();

// The Backward and Unpool views (panels/gradient_panel.cpp, unpool_panel.cpp, gradient_step.cpp).
std::span<const TranslationEntry> gradient_english_entries();
std::span<const TranslationEntry> gradient_chinese_entries();

// The quiz cards and quiz mode (panels/quiz_cards.cpp).
std::span<const TranslationEntry> quiz_english_entries();
std::span<const TranslationEntry> quiz_chinese_entries();

// The network questions of lesson steps (the core's network quiz codes, "quiz.<code>"): Chinese only, the
// English comes from the core's templates with the other quiz codes (quiz_english_entries()).
std::span<const TranslationEntry> network_quiz_chinese_entries();

// LP pooling in the parameter panel (panels/params_panel.cpp).
std::span<const TranslationEntry> ops_english_entries();
std::span<const TranslationEntry> ops_chinese_entries();

// Authoring in the app (panels/lesson_authoring.cpp, model/lesson_authoring.cpp).
std::span<const TranslationEntry> author_english_entries();
std::span<const TranslationEntry> author_chinese_entries();

// File → Export and "Copy as code" (panels/export_dialog.cpp).
std::span<const TranslationEntry> export_english_entries();
std::span<const TranslationEntry> export_chinese_entries();

// Edit → Copy link and the notes on a link's values (shell/copy_link.cpp, model/state_link.cpp).
std::span<const TranslationEntry> link_english_entries();
std::span<const TranslationEntry> link_chinese_entries();

// The file dialog and the lesson browser's selection (widgets/file_dialog.cpp, panels/lesson_browser.cpp).
std::span<const TranslationEntry> files_english_entries();
std::span<const TranslationEntry> files_chinese_entries();
// Questions written in the app and the stale code line's mark (panels/question_editor.cpp,
// choice_question_dialog.cpp, lesson_panel.cpp).
std::span<const TranslationEntry> questions_english_entries();
std::span<const TranslationEntry> questions_chinese_entries();
// The Network view (panels/network_view.cpp, network_card.cpp).
std::span<const TranslationEntry> network_english_entries();
std::span<const TranslationEntry> network_chinese_entries();

// The A/B view and its slide (panels/ab_view.cpp, export/ab_slide.cpp); the Chinese also holds the core's A/B
// reasons ("ab.<code>"), whose English is in core_english_entries().
std::span<const TranslationEntry> ab_english_entries();
std::span<const TranslationEntry> ab_chinese_entries();

// A section written in both languages side by side: the key once, its English and its Chinese.
struct BilingualEntry {
    const char* key;
    const char* en;
    const char* zh;
};
// Such a section as the two tables the languages join (english_table(), chinese_table()).
struct BilingualSection {
    explicit BilingualSection(std::span<const BilingualEntry> rows) {
        for (const BilingualEntry& row : rows) {
            en.push_back({row.key, row.en});
            zh.push_back({row.key, row.zh});
        }
    }
    std::vector<TranslationEntry> en, zh;
};

// The section of `rows`, made once whichever language asks first.
template <const auto& rows>
const BilingualSection& section_of() {
    static const BilingualSection section(rows);
    return section;
}

inline std::vector<TranslationEntry> join_tables(
    std::initializer_list<std::span<const TranslationEntry>> parts) {
    std::vector<TranslationEntry> all;
    for (std::span<const TranslationEntry> part : parts)
        all.insert(all.end(), part.begin(), part.end());
    return all;
}

}  // namespace poolscope::app
