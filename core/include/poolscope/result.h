// Errors as values: every fallible core call returns Result<T>, never throws at the UI.
// An Error names the field it is about (a parameter name or a JSON path) and says what was expected.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace poolscope {

struct Error {
    std::string field;      // "padding", "kernel_size", "/steps/3/padding", "input" ...
    std::string message;    // a full English sentence quoting the offending values
    std::string code = {};  // a stable name for the kind of problem ("padding_half_kernel"), when set
    std::vector<std::string> args = {};  // the values `message` quotes, in order, so a frontend can word
                                         // the same sentence in another language
};

// Joins errors as "field: message; field: message" for one-line reports.
std::string join_errors(const std::vector<Error>& errors);

template <typename T>
class Result {
  public:
    Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose, like std::expected
    Result(Error error) : errors_{std::move(error)} {}
    Result(std::vector<Error> errors) : errors_(std::move(errors)) {}

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return *value_; }
    T& value() & { return *value_; }
    T&& value() && { return std::move(*value_); }
    const T* operator->() const { return &*value_; }
    const T& operator*() const { return *value_; }
    const std::vector<Error>& errors() const { return errors_; }
    std::string error_text() const { return join_errors(errors_); }

  private:
    std::optional<T> value_;
    std::vector<Error> errors_;
};

}  // namespace poolscope
