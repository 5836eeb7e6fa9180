#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace jb {

// Why an operation failed, as a code callers can branch on and a message people can read.
struct Error
{
    enum class Code
    {
        Io,
        Parse,
        Schema,
        Reference,
        Refused,
        Network,
        Timeout,
        Internal,
    };

    Code code = Code::Internal;
    QString message;
};

// A value or an Error: models/ returns these instead of throwing (std::expected is C++23).
template <typename T> class Result final
{
public:
    Result(T value)
        : m_state(std::move(value))
    { }
    Result(Error error)
        : m_state(std::move(error))
    { }

    static Result failure(Error::Code code, QString message)
    {
        return Result(Error{code, std::move(message)});
    }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const Error &error() const { return std::get<Error>(m_state); }
    QString errorString() const { return ok() ? QString() : error().message; }

private:
    std::variant<T, Error> m_state;
};

// The Result of an operation that yields nothing but success or an Error.
class Status final
{
public:
    Status() = default;
    Status(Error error)
        : m_error(std::move(error))
    { }

    static Status failure(Error::Code code, QString message)
    {
        return Status(Error{code, std::move(message)});
    }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }
    QString errorString() const { return m_error ? m_error->message : QString(); }

private:
    std::optional<Error> m_error;
};

} // namespace jb
