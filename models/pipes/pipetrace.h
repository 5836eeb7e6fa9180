#pragma once

#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace jb {

// What one step did in one execution.
struct TraceEntry
{
    enum class Status
    {
        Ok,
        Failed,
        Skipped,
    };
    struct Log
    {
        QString level; // debug, info, warning, error
        QString message;
    };

    QString id;
    QString type;
    int depth = 0; // 0 for the pipe's steps, +1 inside each choice branch
    bool onException = false;
    QJsonValue input; // the step's settings with their templates evaluated
    QJsonValue output; // what the step gave (steps.<id>)
    Status status = Status::Ok;
    qint64 durationUs = 0;
    QList<Log> logs;

    static QString statusName(Status status);
    QJsonObject toJson() const;
};

// The steps of one execution in the order they ran (the steps a respond or a failure left
// unreached at the pipe's top level are listed as skipped).
class PipeTrace final
{
public:
    QList<TraceEntry> entries;

    bool isEmpty() const { return entries.isEmpty(); }
    QJsonArray toJson() const;
    // One block per step: "[status] id (type)" then its input, output and log lines, indented by
    // depth; JSON printed compact with sorted keys, so the same run prints the same text.
    QString toText(bool withDurations = false) const;
};

} // namespace jb
