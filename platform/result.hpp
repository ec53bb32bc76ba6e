// Result<T>: the value-or-error type every library layer returns (C++20 has no std::expected).
// Lives in platform/ because it is the bottom layer; nothing here knows fieldkit's domain.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace fk {

// Failure kinds are kept apart so callers and tests can tell them from each other.
enum class ErrorCode {
    kUsage,
    kNotFound,
    kIo,
    kNoSpace,
    kNotABundle,
    kTooNew,
    kTruncated,
    kCorrupt,
    kBadSignature,
    kUnknownKey,
    kRetiredKey,       // signed by a key its publisher's root chain replaced
    kOlderThanInstalled,
    kInvalidContent,
    kOffline,
    kTimeout,
    kHttpStatus,
    kTooLarge,
    kLocked,           // the reader's private data needs the passphrase first
    kWrongPassphrase,
    kInternal,
};

const char* ErrorCodeName(ErrorCode code);

struct Error {
    ErrorCode code;
    std::string detail;
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(m_v); }
    const T& value() const { return std::get<0>(m_v); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

// For operations that return nothing on success.
struct Ok {};
using Status = Result<Ok>;

inline Error MakeError(ErrorCode code, std::string detail) { return Error{code, std::move(detail)}; }

}  // namespace fk
