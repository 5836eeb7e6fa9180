#pragma once

#include <QJsonObject>
#include <QString>

namespace jb {

// Why a step failed, in the terms an error-treatment pipe branches on. The class decides whether
// running the same request again can help: only connectivity failures are retriable.
struct PipeError
{
    enum class Class
    {
        Connectivity, // connection failures, timeouts, 5xx
        Access, // 401, 403
        Data, // validation, other 4xx, bodies that cannot be parsed, failing expressions
        Volume, // 413, payloads over a limit
    };

    QString step; // the id of the step that failed
    Class errorClass = Class::Data;
    QString code; // machine-readable: timeout, connection-refused, server-error, invalid, ...
    QString message; // for people
    int httpStatus = 0; // the answer's status when the failure came with one

    bool retriable() const { return errorClass == Class::Connectivity; }
    // {step, class, retriable, code, message[, status]}
    QJsonObject toJson() const;

    static QString className(Class errorClass);
    // The class of a failure that came as an HTTP answer with `status` (>= 400).
    static Class classForStatus(int status);
};

} // namespace jb
