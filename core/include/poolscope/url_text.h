// Text in web addresses: percent-encoding, and the key=value pairs of an address's ?query and #fragment read
// the way a browser's URLSearchParams reads them ('+' is a space, a broken %-escape stays as written). The
// app's links (app/model/state_link.h) use it on the desktop and in the browser alike.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace poolscope {

// Every byte but A-Z a-z 0-9 - . _ ~ , : / as %XX (upper-case hex), so the text survives in a query, a
// fragment, an e-mail or a chat message (and lessons/NAME.json stays readable).
std::string percent_encode(std::string_view text);
// %XX to its byte and '+' to a space; '%' not followed by two hex digits is kept.
std::string percent_decode(std::string_view text);

// An address cut at its first '?' and first '#': "https://h/p/index.html?a=1#b=2" gives base
// "https://h/p/index.html", query "a=1", fragment "b=2" (without their marks).
struct UrlParts {
    std::string base;
    std::string query;
    std::string fragment;
};
UrlParts split_url(std::string_view url);

// "a=1&b&c=x%20y" as (a, 1), (b, ""), (c, "x y"), in order; empty pieces between '&'s are skipped.
std::vector<std::pair<std::string, std::string>> url_values(std::string_view form);
// The inverse: key=value pairs joined by '&', values percent-encoded; an empty value writes the key alone.
std::string url_form(const std::vector<std::pair<std::string, std::string>>& values);

}  // namespace poolscope
