// The AddText wrappers (see screen_text.h). The linker sends every call of the two ImDrawList::AddText
// overloads to __wrap_<symbol> and the real function answers to __real_<symbol>; both are written here as C
// functions taking the object first, which is how the Itanium C++ ABI passes a member function's `this`.
#include "testing/screen_text.h"

#include <cstring>
#include <string_view>

#include <imgui.h>

#include "testing/probe_record.h"

namespace poolscope::app {
namespace {
ProbeRecord* g_listener = nullptr;  // one window per process; set only by --state-out and tests
// Inside the short AddText, which calls the long one (see the wrappers below).
[[maybe_unused]] bool g_in_short_add_text = false;

// Called by the AddText wrappers below; the browser build has none (its link wraps nothing).
[[maybe_unused]] void tell(const ImDrawList* list, const char* begin, const char* end) {
    if (!g_listener || !begin) return;
    const size_t n = end ? size_t(end - begin) : std::strlen(begin);
    g_listener->text_drawn(list ? list->_OwnerName : nullptr, std::string_view(begin, n));
}
}  // namespace

#ifdef POOLSCOPE_WRAP_ADD_TEXT
void record_screen_text(ProbeRecord* probe) {
    g_listener = probe;
}
bool screen_text_recordable() {
    return true;
}
#else
void record_screen_text(ProbeRecord* probe) {
    g_listener = probe;
}
bool screen_text_recordable() {
    return false;
}
#endif

}  // namespace poolscope::app

#ifdef POOLSCOPE_WRAP_ADD_TEXT
extern "C" {
// ImDrawList::AddText(const ImFont*, float, const ImVec2&, ImU32, const char*, const char*, float, const
// ImVec4*)
void __real__ZN10ImDrawList7AddTextEPK6ImFontfRK6ImVec2jPKcS7_fPK6ImVec4(ImDrawList*, const ImFont*, float,
                                                                         const ImVec2&, ImU32, const char*,
                                                                         const char*, float, const ImVec4*);
void __wrap__ZN10ImDrawList7AddTextEPK6ImFontfRK6ImVec2jPKcS7_fPK6ImVec4(ImDrawList* self, const ImFont* font,
                                                                         float size, const ImVec2& pos,
                                                                         ImU32 col, const char* begin,
                                                                         const char* end, float wrap,
                                                                         const ImVec4* clip) {
    if (!poolscope::app::g_in_short_add_text) poolscope::app::tell(self, begin, end);
    __real__ZN10ImDrawList7AddTextEPK6ImFontfRK6ImVec2jPKcS7_fPK6ImVec4(self, font, size, pos, col, begin,
                                                                        end, wrap, clip);
}
// ImDrawList::AddText(const ImVec2&, ImU32, const char*, const char*): it calls the other inside ImGui's own
// object file. GNU ld leaves that call unwrapped, lld (the clang ASan tree) wraps it too: the flag keeps each
// text told once with either linker.
void __real__ZN10ImDrawList7AddTextERK6ImVec2jPKcS4_(ImDrawList*, const ImVec2&, ImU32, const char*,
                                                     const char*);
void __wrap__ZN10ImDrawList7AddTextERK6ImVec2jPKcS4_(ImDrawList* self, const ImVec2& pos, ImU32 col,
                                                     const char* begin, const char* end) {
    poolscope::app::tell(self, begin, end);
    poolscope::app::g_in_short_add_text = true;
    __real__ZN10ImDrawList7AddTextERK6ImVec2jPKcS4_(self, pos, col, begin, end);
    poolscope::app::g_in_short_add_text = false;
}
}
#endif
