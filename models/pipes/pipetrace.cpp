#include "pipetrace.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QString compact(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    // a scalar: wrap it so that QJsonDocument prints it with JSON quoting, then unwrap
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

} // namespace

QString TraceEntry::statusName(Status status)
{
    switch (status) {
    case Status::Ok:
        return u"ok"_s;
    case Status::Failed:
        return u"failed"_s;
    case Status::Skipped:
        return u"skipped"_s;
    }
    return {};
}

QJsonObject TraceEntry::toJson() const
{
    QJsonArray logLines;
    for (const Log &log : logs)
        logLines.append(QJsonObject{{u"level"_s, log.level}, {u"message"_s, log.message}});
    QJsonObject object{{u"id"_s, id}, {u"type"_s, type}, {u"status"_s, statusName(status)},
        {u"durationUs"_s, durationUs}, {u"depth"_s, depth}, {u"logs"_s, logLines}};
    if (onException)
        object.insert(u"onException"_s, true);
    if (status != Status::Skipped) {
        object.insert(u"input"_s, input);
        object.insert(u"output"_s, output);
    }
    return object;
}

QJsonArray PipeTrace::toJson() const
{
    QJsonArray array;
    for (const TraceEntry &entry : entries)
        array.append(entry.toJson());
    return array;
}

QString PipeTrace::toText(bool withDurations) const
{
    QString text;
    for (const TraceEntry &entry : entries) {
        const QString indent(entry.depth * 2, u' ');
        text += indent + u'[' + TraceEntry::statusName(entry.status) + u"] "_s + entry.id + u" ("_s
            + entry.type + u')';
        if (entry.onException)
            text += u" on exception"_s;
        if (withDurations)
            text += u" %1 us"_s.arg(entry.durationUs);
        text += u'\n';
        if (entry.status == TraceEntry::Status::Skipped)
            continue;
        text += indent + u"    in:  "_s + compact(entry.input) + u'\n';
        text += indent + u"    out: "_s + compact(entry.output) + u'\n';
        for (const TraceEntry::Log &log : entry.logs)
            text += indent + u"    log "_s + log.level + u": "_s + log.message + u'\n';
    }
    return text;
}

} // namespace jb
