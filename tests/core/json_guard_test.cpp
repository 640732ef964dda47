// Untrusted JSON and text in messages: the depth scan finds deep nesting without parsing, brief_json stays
// short however large or deep the value, and quotes keep UTF-8 (Chinese) readable but escape broken bytes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "poolscope/json_guard.h"
#include "poolscope/text_guard.h"

namespace poolscope {
namespace {

using nlohmann::json;

TEST(JsonGuard, DepthScanFindsTheFirstTooDeepBracket) {
    EXPECT_FALSE(json_too_deep(R"({"input":[[[[1]]]]})", 5));
    EXPECT_EQ(json_too_deep(R"({"input":[[[[[1]]]]]})", 5), 13u);             // the fifth [
    EXPECT_FALSE(json_too_deep(R"({"s":"[[[[[[[[[[[[[[[[[[[[[[[[[["})", 2));  // brackets in strings
    EXPECT_FALSE(json_too_deep(R"({"s":"\"[[[[[[[[[[[[["})", 2));             // escaped quote
    const std::string deep(200000, '[');
    EXPECT_EQ(json_too_deep(deep), static_cast<size_t>(kMaxJsonDepth));
}

TEST(JsonGuard, BriefJsonIsShortForHugeAndDeepValues) {
    EXPECT_EQ(brief_json(json::parse(R"([1,"a",{"k":null}])")), R"([1,"a",{"k":null}])");
    json big = json::array();
    for (int i = 0; i < 100000; ++i)
        big.push_back(i);
    const std::string b = brief_json(big);
    EXPECT_LE(b.size(), kMaxQuoteBytes);
    EXPECT_EQ(b.rfind("[0,1,2,", 0), 0u);
    EXPECT_EQ(b.substr(b.size() - 3), "...");
    EXPECT_LE(brief_json(json(std::string(1 << 20, 'x'))).size(), kMaxQuoteBytes);
    json key_heavy = json::object({{std::string(1 << 20, 'k'), 1}});
    EXPECT_LE(brief_json(key_heavy).size(), kMaxQuoteBytes);
    // Nested far deeper than any recursive dump could survive under ASan.
    json deep = 1;
    for (int i = 0; i < 100000; ++i)
        deep = json::array({std::move(deep)});
    EXPECT_LE(brief_json(deep).size(), kMaxQuoteBytes);
    // Let the deep value go level by level: nlohmann's destructor is iterative, but be explicit.
    while (deep.is_array()) {
        json inner = std::move(deep[0]);
        deep = std::move(inner);
    }
}

TEST(TextGuard, KeepsUtf8AndEscapesBrokenBytes) {
    EXPECT_EQ(printable_utf8("池化 pooling"), "池化 pooling");
    EXPECT_EQ(printable_utf8("a\nb"), "a\\x0ab");
    EXPECT_EQ(printable_utf8("\xe6\x88"), "\\xe6\\x88");           // a cut character
    EXPECT_EQ(printable_utf8("\xc0\xaf"), "\\xc0\\xaf");           // overlong '/'
    EXPECT_EQ(printable_utf8("\xed\xa0\x80"), "\\xed\\xa0\\x80");  // a surrogate
    EXPECT_EQ(printable_utf8("\xf0\x9f\x98\x80"), "\xf0\x9f\x98\x80");
}

TEST(TextGuard, QuotePrefixCutsOnACharacterBoundary) {
    EXPECT_EQ(quote_prefix("short"), "short");
    const std::string chinese = std::string(57, 'a') + "池化";  // the cut falls inside 池
    const std::string q = quote_prefix(chinese);
    EXPECT_EQ(q, std::string(57, 'a') + "...");
    EXPECT_LE(quote_prefix(std::string(1 << 20, 'z')).size(), kMaxQuoteBytes);
    // Invalid bytes are quoted as \xNN, four bytes each: the quote stays bounded all the same (the options
    // fuzzer found a link key of 59 bytes 0xFF quoted in 242 bytes).
    const std::string bytes(59, '\xff');
    const std::string quoted = quote_prefix(bytes);
    EXPECT_LE(quoted.size(), kMaxQuoteBytes);
    EXPECT_EQ(quoted.substr(0, 8), "\\xff\\xff");
    EXPECT_EQ(quoted.substr(quoted.size() - 3), "...");
    EXPECT_EQ(quote_prefix("a\x01"
                           "b"),
              "a\\x01b");  // short: whole
}

}  // namespace
}  // namespace poolscope
