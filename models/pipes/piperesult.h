#pragma once

#include "httpheaders.h"
#include "pipeerror.h"
#include "pipetrace.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

#include <optional>
#include <utility>

namespace jb {

// The outcome of one execution, delivered once: the answer (for a REST pipe, what its caller
// receives), the execution key, the failure when a step failed, and the trace.
struct PipeResult
{
    int status = 0;
    HttpHeaders headers; // Content-Type first
    QByteArray body; // as answered
    QString executionKey;
    QString pipeId;
    std::optional<PipeError> error; // set when a step failed with failOnError "stop"
    qint64 errorEventId = 0; // the stored error event, when one was published
    PipeTrace trace; // empty unless the engine traces
    qint64 durationUs = 0;

    bool isSuccess() const { return status >= 200 && status < 300; }
    QByteArray header(QByteArrayView name) const;
    // The body parsed when it is JSON, else its text.
    QJsonValue bodyValue() const;
    // {"status", "headers", "body", "executionKey"[, "error"][, "trace"]}
    QJsonObject toJson(bool withTrace) const;
};

} // namespace jb
