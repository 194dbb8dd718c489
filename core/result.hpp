// Errors cross from core to the front ends as values: a message a user can act on, and where.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <variant>

namespace mingle {

struct Error {
    std::string message;   // complete sentence(s): what is wrong and what to do
    std::string file;      // file the problem is in, empty if none
    std::size_t line = 0;  // 1-based, 0 if unknown
    std::size_t column = 0;

    // "file:line:column: message", leaving out what is unknown.
    std::string describe() const;
};

inline Error make_error(std::string message, std::string file = {}, std::size_t line = 0,
                        std::size_t column = 0) {
    return Error{std::move(message), std::move(file), line, column};
}

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(state_); }
    const T& value() const& { return std::get<0>(state_); }
    T&& value() && { return std::get<0>(std::move(state_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<1>(state_); }

private:
    std::variant<T, Error> state_;
};

// For operations that return nothing but may fail.
struct Ok {};
using Status = Result<Ok>;
inline Status ok_status() { return Status(Ok{}); }

}  // namespace mingle
