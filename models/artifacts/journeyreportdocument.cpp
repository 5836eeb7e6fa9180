#include "journeyreportdocument.h"

#include "checklist.h"
#include "deparadocument.h"
#include "firewallrequestdocument.h"
#include "integrationlistdocument.h"
#include "journeytimeline.h"
#include "servicecataloguedocument.h"
#include "timelinechart.h"
#include "vpndocument.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QString period(QDate start, QDate end)
{
    if (!start.isValid() && !end.isValid())
        return {};
    const auto text = [](QDate day) { return day.isValid() ? day.toString(Qt::ISODate) : u"…"_s; };
    return text(start) + u" → "_s + text(end);
}

// The timeline's Gantt chart in Mermaid, for Markdown readers.
QString mermaidGantt(const JourneyTimeline &timeline)
{
    QString out = u"gantt\n    dateFormat YYYY-MM-DD\n    axisFormat %d %b\n"_s;
    for (const TimelinePhase &phase : timeline.phases()) {
        if (!phase.hasPlan())
            continue;
        QString title = u"%1 %2"_s.arg(Phases::number(phase.phase)).arg(phase.title);
        title.replace(u':', u' ').replace(u'#', u' ').replace(u';', u' ');
        out += u"    section "_s + title + u'\n';
        out += u"    planned :%1, %2, %3\n"_s.arg(phase.key + u"p"_s,
            phase.plannedStart.toString(Qt::ISODate), phase.plannedEnd.addDays(1).toString(Qt::ISODate));
        if (phase.actualStart.isValid()) {
            const QDate end = phase.actualEnd.isValid() ? phase.actualEnd : phase.actualStart;
            out += u"    actual :%1%2, %3, %4\n"_s.arg(
                phase.actualEnd.isValid() ? u"done, "_s : u"active, "_s, phase.key + u"a"_s,
                phase.actualStart.toString(Qt::ISODate), end.addDays(1).toString(Qt::ISODate));
        }
    }
    return out;
}

void appendCompletion(ArtifactDocument &document, const ArtifactContext &context)
{
    const QJsonObject manifest = context.manifest();
    const Completion overall = Checklist::overall(manifest);
    document.addParagraph(u"%1 of %2 checklist items are complete (%3 %)."_s.arg(overall.complete)
                              .arg(overall.total)
                              .arg(overall.percent()));
    IntegrationListDocument::appendPhaseStatus(document, context);
    QList<QStringList> rows;
    for (const PhaseInfo &info : Phases::all()) {
        const Signoff phase = Checklist::phaseSignoff(manifest, info.phase);
        // an override is part of what was signed: the document says it beside the comment
        const auto comment = [](const Signoff &signoff) {
            QStringList parts{signoff.comment, signoff.overrideNote()};
            parts.removeAll(QString());
            return parts.join(u' ');
        };
        if (phase.isSigned())
            rows.append({info.title, u"whole phase"_s, phase.by, phase.at, comment(phase)});
        for (const ChecklistItem &item : Checklist::items(manifest, info.phase)) {
            if (item.signoff.isSigned())
                rows.append(
                    {info.title, item.title, item.signoff.by, item.signoff.at, comment(item.signoff)});
        }
    }
    if (rows.isEmpty())
        document.addNote(u"Nothing has been signed off yet."_s);
    else
        document.addTable(
            u"Sign-offs"_s, {u"Phase"_s, u"What"_s, u"Signed by"_s, u"At"_s, u"Comment"_s}, rows);
}

void appendEnvironments(ArtifactDocument &document, const ArtifactContext &context)
{
    document.addParagraph(
        u"Secrets are listed by name only: their values live in each machine's keychain and never "
        u"enter the project or its documents."_s);
    const QList<EntityRecord> environments = context.environments();
    if (environments.isEmpty())
        document.addNote(u"No environment is recorded yet."_s);
    for (const EntityRecord &environment : environments) {
        const QJsonObject data = environment.data;
        document.addHeading(2, context.environmentName(environment.id()));
        document.addKeyValues({{u"Description"_s, data.value(u"description"_s).toString()},
            {u"Source addresses"_s, ArtifactContext::text(data.value(u"sourceAddresses"_s))}});
        QList<QStringList> variables;
        for (const QJsonValue &item : data.value(u"variables"_s).toArray()) {
            const QJsonObject variable = item.toObject();
            variables.append({variable.value(u"name"_s).toString(), variable.value(u"value"_s).toString(),
                variable.value(u"description"_s).toString()});
        }
        if (!variables.isEmpty())
            document.addCompactTable(u"Variables: "_s + environment.name(),
                {u"Variable"_s, u"Value"_s, u"Description"_s}, variables);
        QList<QStringList> secrets;
        for (const QJsonValue &item : data.value(u"secrets"_s).toArray()) {
            const QJsonObject secret = item.toObject();
            // only these three keys: whatever else a hand-edited file holds stays out
            secrets.append({secret.value(u"name"_s).toString(), secret.value(u"type"_s).toString(),
                secret.value(u"description"_s).toString()});
        }
        if (!secrets.isEmpty())
            document.addCompactTable(u"Secrets (names only): "_s + environment.name(),
                {u"Secret"_s, u"Type"_s, u"Description"_s}, secrets);
    }
}

} // namespace

void JourneyReportDocument::appendTimeline(ArtifactDocument &document, const ArtifactContext &context)
{
    const JourneyTimeline timeline = JourneyTimeline::fromManifest(context.manifest());
    const QDate today = context.today();
    document.addFigure(
        u"Timeline on "_s + today.toString(Qt::ISODate),
        [timeline, today] { return TimelineChart(timeline, today, 480).picture(); }, mermaidGantt(timeline));
    QList<QStringList> rows;
    for (const TimelinePhase &phase : timeline.phases()) {
        rows.append({u"%1  %2"_s.arg(Phases::number(phase.phase)).arg(phase.title), phase.owner,
            period(phase.plannedStart, phase.plannedEnd), period(phase.actualStart, phase.actualEnd),
            TimelinePhase::stateLabel(phase.state(today))});
    }
    document.addTable(u"Timeline"_s, {u"Phase"_s, u"Owner"_s, u"Planned"_s, u"Actual"_s, u"State"_s}, rows);
}

ArtifactDocument JourneyReportDocument::build(const ArtifactContext &context)
{
    const ArtifactStamp &stamp = context.stamp();
    ArtifactDocument document(u"journey-report"_s, u"Integration journey report"_s, stamp);
    DocCover cover;
    cover.title = u"Integration journey report"_s;
    cover.subtitle = stamp.project;
    cover.facts = {{u"Owner"_s, stamp.owner}, {u"Project version"_s, stamp.version},
        {u"Environment"_s, stamp.environment}, {u"Date"_s, stamp.generatedText()}};
    document.addCover(cover);
    document.addContents(2);
    document.addPageBreak();

    document.addHeading(1, u"Summary"_s);
    const QString description = context.manifest().value(u"description"_s).toString();
    if (!description.isEmpty())
        document.addParagraph(description);
    document.addKeyValues(stamp.facts());
    document.addHeading(1, u"Phase completion and sign-offs"_s);
    appendCompletion(document, context);
    document.addHeading(1, u"Timeline"_s);
    appendTimeline(document, context);

    document.addHeading(1, u"Connection: VPN establishment"_s);
    VpnDocument::appendTo(document, context, 2);
    document.addHeading(1, u"Servers: firewall request"_s);
    FirewallRequestDocument::appendTo(document, context, 2);
    document.addHeading(1, u"Systems: integration list"_s);
    IntegrationListDocument::appendTo(document, context, 2);
    document.addHeading(1, u"Services: catalogue and sequence diagrams"_s);
    ServiceCatalogueDocument::appendTo(document, context, 2);
    document.addHeading(1, u"Contracts: De-Para tables"_s);
    DeParaDocument::appendTo(document, context, 2);
    document.addHeading(1, u"Environments"_s);
    appendEnvironments(document, context);
    document.numberHeadings();
    return document;
}

} // namespace jb
