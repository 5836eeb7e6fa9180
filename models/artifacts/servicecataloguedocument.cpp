#include "servicecataloguedocument.h"

#include "sequencediagrambuilder.h"
#include "sequencediagramtext.h"
#include "sequencelayout.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace jb {

ArtifactDocument ServiceCatalogueDocument::build(const ArtifactContext &context)
{
    ArtifactDocument document(u"service-catalogue"_s, u"Service catalogue"_s, context.stamp());
    appendTo(document, context, 1);
    return document;
}

void ServiceCatalogueDocument::appendTo(ArtifactDocument &document, const ArtifactContext &context, int level)
{
    const QList<EntityRecord> &services = context.entities(u"service"_s);
    document.addParagraph(
        u"The APIs, web services, files and database objects the flows use, with what they require and "
        u"how they fail. The sequence diagrams at the end show them at work, flow by flow."_s);
    if (services.isEmpty())
        document.addNote(u"No service is recorded yet."_s);
    for (const EntityRecord &service : services) {
        const QJsonObject data = service.data;
        QStringList flows;
        for (const EntityRecord &flow : context.entities(u"flow"_s)) {
            const QJsonArray refs = flow.data.value(u"services"_s).toArray();
            if (refs.contains(QJsonValue(service.id())))
                flows.append(flow.name());
        }
        const QString contractId = data.value(u"contract"_s).toString();
        const EntityRecord *contract = context.find(u"contract"_s, contractId);
        document.addHeading(level, service.name());
        document.addKeyValues({
            {u"System"_s, context.systemName(data.value(u"system"_s).toString())},
            {u"Kind"_s, data.value(u"kind"_s).toString()},
            {u"Endpoint"_s, data.value(u"endpoint"_s).toString()},
            {u"Method"_s, data.value(u"method"_s).toString()},
            {u"Contract"_s, contract ? contract->name() : contractId},
            {u"Permissions"_s, data.value(u"permissions"_s).toString()},
            {u"Exceptions"_s, data.value(u"exceptions"_s).toString()},
            {u"Error handling"_s, data.value(u"errorHandling"_s).toString()},
            {u"Used in flows (sequence diagrams)"_s, flows.join(u", "_s)},
        });
        if (!contract)
            continue;
        QList<QStringList> rows;
        for (const QJsonValue &item : contract->data.value(u"fields"_s).toArray()) {
            const QJsonObject field = item.toObject();
            rows.append({field.value(u"name"_s).toString(), field.value(u"type"_s).toString(),
                ArtifactContext::yesNo(field.value(u"required"_s).toBool()),
                field.value(u"format"_s).toString(),
                field.value(u"maxLength"_s).isDouble() ? QString::number(field.value(u"maxLength"_s).toInt())
                                                       : QString(),
                ArtifactContext::text(field.value(u"enum"_s)), field.value(u"example"_s).toString(),
                field.value(u"description"_s).toString()});
        }
        if (rows.isEmpty())
            document.addNote(u"The contract %1 lists no fields yet."_s.arg(contract->name()));
        else
            document.addCompactTable(u"Contract fields: "_s + contract->name(),
                {u"Field"_s, u"Type"_s, u"Required"_s, u"Format"_s, u"Max length"_s, u"Allowed values"_s,
                    u"Example"_s, u"Description"_s},
                rows);
    }
    appendSequenceDiagrams(document, context, level);
}

void ServiceCatalogueDocument::appendSequenceDiagrams(
    ArtifactDocument &document, const ArtifactContext &context, int level)
{
    document.addHeading(level, u"Sequence diagrams"_s);
    const QList<SequenceDiagram> diagrams
        = SequenceDiagramBuilder::forAllFlows(context.input().project.entities);
    if (diagrams.isEmpty())
        document.addNote(u"No flow is recorded, so there is no sequence diagram yet."_s);
    for (const SequenceDiagram &diagram : diagrams) {
        document.addHeading(level + 1, diagram.title);
        const EntityRecord *flow = context.find(u"flow"_s, diagram.id);
        const QString description = flow ? flow->data.value(u"description"_s).toString() : QString();
        if (!description.isEmpty())
            document.addParagraph(description);
        document.addFigure(
            u"Sequence diagram: "_s + diagram.title, [diagram] { return SequenceLayout::layout(diagram); },
            SequenceDiagramText::mermaid(diagram));
    }
}

} // namespace jb
