#include "caseresult.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace jb {

QJsonObject CaseResult::actualOf(const PipeResult &result, const QList<StoredEvent> &events)
{
    QJsonObject headers;
    for (const auto &[name, value] : result.headers)
        headers.insert(QString::fromLatin1(name).toLower(), QString::fromUtf8(value));
    QJsonObject steps;
    QJsonObject calls;
    QJsonObject inputs;
    for (const TraceEntry &entry : result.trace.entries) {
        if (entry.status == TraceEntry::Status::Skipped)
            continue;
        steps.insert(entry.id, entry.output);
        calls.insert(entry.id, calls.value(entry.id).toInt() + 1);
        QJsonArray seen = inputs.value(entry.id).toArray();
        seen.append(entry.input);
        inputs.insert(entry.id, seen);
    }
    QJsonArray published;
    for (const StoredEvent &event : events) {
        QJsonObject item = event.payload;
        item.insert(u"name"_s, event.name);
        published.append(item);
    }
    QJsonObject actual{{u"status"_s, result.status}, {u"headers"_s, headers}, {u"body"_s, result.bodyValue()},
        {u"steps"_s, steps}, {u"calls"_s, calls}, {u"inputs"_s, inputs}, {u"events"_s, published}};
    if (result.error)
        actual.insert(u"error"_s, result.error->toJson());
    return actual;
}

QJsonObject CaseResult::toJson() const
{
    return {{u"suite"_s, suiteId}, {u"pipe"_s, pipeId}, {u"case"_s, name}, {u"passed"_s, passed},
        {u"failures"_s, QJsonArray::fromStringList(failures)},
        {u"durationMs"_s, double(durationUs) / 1000.0}};
}

} // namespace jb
