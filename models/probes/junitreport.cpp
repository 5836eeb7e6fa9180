#include "junitreport.h"

#include <QMap>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace jb {

QByteArray JUnitReport::write(const ProbeRun &run, const QList<ProbeSpec> &probes)
{
    QHash<QString, const ProbeSpec *> byId;
    for (const ProbeSpec &spec : probes)
        byId.insert(spec.id, &spec);
    QMap<int, QList<const ProbeResult *>> byPhase;
    for (const ProbeResult &result : run.results) {
        const ProbeSpec *spec = byId.value(result.probeId);
        byPhase[spec ? spec->phase : 0].append(&result);
    }

    QByteArray xml;
    QXmlStreamWriter writer(&xml);
    writer.setAutoFormatting(true);
    writer.writeStartDocument();
    writer.writeStartElement(u"testsuites"_s);
    writer.writeAttribute(u"name"_s, u"journeybench check %1"_s.arg(run.environment));
    writer.writeAttribute(u"tests"_s, QString::number(run.results.size()));
    writer.writeAttribute(u"failures"_s, QString::number(run.count(ProbeStatus::Fail)));
    writer.writeAttribute(u"errors"_s, QString::number(run.count(ProbeStatus::Error)));
    writer.writeAttribute(u"skipped"_s, QString::number(run.count(ProbeStatus::Skipped)));
    const double seconds = double(run.startedAt.msecsTo(run.finishedAt)) / 1000.0;
    writer.writeAttribute(u"time"_s, QString::number(seconds, 'f', 3));
    for (auto phase = byPhase.cbegin(); phase != byPhase.cend(); ++phase) {
        const QList<const ProbeResult *> &results = phase.value();
        auto count = [&](ProbeStatus status) {
            return QString::number(std::count_if(results.cbegin(), results.cend(),
                [status](const ProbeResult *r) { return r->status == status; }));
        };
        writer.writeStartElement(u"testsuite"_s);
        writer.writeAttribute(u"name"_s,
            phase.key() == 1       ? u"phase 1: Connection"_s
                : phase.key() == 2 ? u"phase 2: Servers / DB"_s
                                   : u"other probes"_s);
        writer.writeAttribute(u"tests"_s, QString::number(results.size()));
        writer.writeAttribute(u"failures"_s, count(ProbeStatus::Fail));
        writer.writeAttribute(u"errors"_s, count(ProbeStatus::Error));
        writer.writeAttribute(u"skipped"_s, count(ProbeStatus::Skipped));
        writer.writeAttribute(u"timestamp"_s, run.startedAt.toUTC().toString(Qt::ISODate));
        for (const ProbeResult *result : results) {
            const ProbeSpec *spec = byId.value(result->probeId);
            writer.writeStartElement(u"testcase"_s);
            writer.writeAttribute(u"classname"_s,
                u"journeybench.%1.%2"_s.arg(
                    run.environment, spec ? ProbeSpec::typeKey(spec->type) : u"probe"_s));
            writer.writeAttribute(u"name"_s, result->probeId);
            writer.writeAttribute(
                u"time"_s, QString::number(result->hasLatency() ? result->latencyMs / 1000.0 : 0.0, 'f', 6));
            switch (result->status) {
            case ProbeStatus::Pass:
                break;
            case ProbeStatus::Fail:
            case ProbeStatus::Error:
                writer.writeStartElement(result->status == ProbeStatus::Fail ? u"failure"_s : u"error"_s);
                writer.writeAttribute(u"message"_s, result->summary);
                writer.writeAttribute(u"type"_s, ProbeResult::statusKey(result->status));
                writer.writeCharacters(result->summary);
                writer.writeEndElement();
                break;
            case ProbeStatus::Skipped:
                writer.writeStartElement(u"skipped"_s);
                writer.writeAttribute(u"message"_s, result->summary);
                writer.writeEndElement();
                break;
            }
            writer.writeTextElement(u"system-out"_s,
                (spec ? spec->name + u'\n' : QString()) + u"target: "_s + result->target + u'\n'
                    + u"summary: "_s + result->summary + u'\n' + result->details + u'\n');
            writer.writeEndElement();
        }
        writer.writeEndElement();
    }
    writer.writeEndElement();
    writer.writeEndDocument();
    return xml;
}

} // namespace jb
