#include "integrationlistdocument.h"

#include "checklist.h"
#include "journeytimeline.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace jb {

ArtifactDocument IntegrationListDocument::build(const ArtifactContext &context)
{
    ArtifactDocument document(u"integration-list"_s, u"Integration list"_s, context.stamp());
    appendTo(document, context, 1);
    document.addHeading(1, u"Status per phase"_s);
    appendPhaseStatus(document, context);
    return document;
}

void IntegrationListDocument::appendTo(ArtifactDocument &document, const ArtifactContext &context, int level)
{
    const QList<EntityRecord> &systems = context.entities(u"system"_s);
    const QList<EntityRecord> &flows = context.entities(u"flow"_s);
    int pipes = 0;
    for (const EntityRecord &flow : flows)
        pipes += flow.data.value(u"pipeCount"_s).toInt();
    document.addParagraph(
        u"%1 systems take part in %2 integration flows, built as %3 pipes."_s.arg(systems.size())
            .arg(flows.size())
            .arg(pipes));

    document.addHeading(level, u"Systems"_s);
    QList<QStringList> rows;
    for (const EntityRecord &system : systems) {
        const QJsonObject data = system.data;
        QString owner = data.value(u"ownerTeam"_s).toString();
        const QString email = data.value(u"ownerEmail"_s).toString();
        if (!email.isEmpty())
            owner += owner.isEmpty() ? email : u" <"_s + email + u'>';
        rows.append({system.name(), data.value(u"acronym"_s).toString(), owner,
            data.value(u"description"_s).toString()});
    }
    if (rows.isEmpty())
        document.addNote(u"No system is recorded yet."_s);
    else
        document.addTable(u"Systems"_s, {u"System"_s, u"Acronym"_s, u"Owner"_s, u"Description"_s}, rows);

    document.addHeading(level, u"Integration flows"_s);
    rows.clear();
    for (const EntityRecord &flow : flows) {
        const QJsonObject data = flow.data;
        QStringList services;
        for (const QJsonValue &ref : data.value(u"services"_s).toArray()) {
            const QString name = context.value(u"service"_s, ref.toString(), u"name"_s);
            services.append(name.isEmpty() ? ref.toString() : name);
        }
        rows.append({flow.name(),
            context.systemName(data.value(u"provider"_s).toString()) + u" → "_s
                + context.systemName(data.value(u"consumer"_s).toString()),
            data.value(u"businessProcess"_s).toString(), data.value(u"trigger"_s).toString(),
            data.value(u"pipeCount"_s).isDouble() ? QString::number(data.value(u"pipeCount"_s).toInt())
                                                  : QString(),
            data.value(u"errorTreatment"_s).toString(), services.join(u", "_s)});
    }
    if (rows.isEmpty())
        document.addNote(u"No integration flow is recorded yet."_s);
    else
        document.addTable(u"Integration flows"_s,
            {u"Flow"_s, u"Provider → consumer"_s, u"Business process"_s, u"Trigger"_s, u"Pipes"_s,
                u"Error treatment"_s, u"Services"_s},
            rows);
}

void IntegrationListDocument::appendPhaseStatus(ArtifactDocument &document, const ArtifactContext &context)
{
    const QJsonObject manifest = context.manifest();
    const JourneyTimeline timeline = JourneyTimeline::fromManifest(manifest);
    QList<QStringList> rows;
    for (const TimelinePhase &phase : timeline.phases()) {
        const Signoff signoff = Checklist::phaseSignoff(manifest, phase.phase);
        rows.append({u"%1  %2"_s.arg(Phases::number(phase.phase)).arg(phase.title),
            u"%1 / %2"_s.arg(phase.completion.complete).arg(phase.completion.total),
            QString::number(phase.completion.percent()) + u" %"_s,
            TimelinePhase::stateLabel(phase.state(context.today())),
            !signoff.isSigned() ? u"not signed"_s
                : signoff.isOverride()
                ? u"%1, %2, with %3 open"_s.arg(signoff.by, signoff.at.left(10))
                      .arg(signoff.openItems.size() == 1 ? u"1 item"_s
                                                         : u"%1 items"_s.arg(signoff.openItems.size()))
                : u"%1, %2"_s.arg(signoff.by, signoff.at.left(10))});
    }
    document.addTable(u"Status per phase"_s,
        {u"Phase"_s, u"Checklist items done"_s, u"Complete"_s, u"State"_s, u"Phase sign-off"_s}, rows);
}

} // namespace jb
