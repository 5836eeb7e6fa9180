#include "sequencediagrambuilder.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

using Kind = SequenceStep::Kind;
using Role = SequenceParticipant::Role;

class Entities final
{
public:
    explicit Entities(const QList<EntityRecord> &entities)
        : m_entities(entities)
    { }

    const EntityRecord *find(const QString &kind, const QString &id) const
    {
        for (const EntityRecord &record : m_entities) {
            if (record.kind == kind && record.id() == id)
                return &record;
        }
        return nullptr;
    }

    QList<const EntityRecord *> ofKind(const QString &kind) const
    {
        QList<const EntityRecord *> result;
        for (const EntityRecord &record : m_entities) {
            if (record.kind == kind)
                result.append(&record);
        }
        return result;
    }

    QString text(const QString &kind, const QString &id, const QString &key) const
    {
        const EntityRecord *record = find(kind, id);
        return record ? record->data.value(key).toString() : QString();
    }

private:
    const QList<EntityRecord> &m_entities;
};

QString simpleId(const QString &id)
{
    static const QRegularExpression nonWord(u"[^A-Za-z0-9_]"_s);
    QString result = id;
    result.replace(nonWord, u"_"_s);
    if (result.isEmpty() || result.at(0).isDigit())
        result.prepend(u'p');
    return result;
}

QString systemLabel(const Entities &entities, const QString &systemId)
{
    const EntityRecord *system = entities.find(u"system"_s, systemId);
    if (!system)
        return systemId;
    const QString acronym = system->data.value(u"acronym"_s).toString();
    return acronym.isEmpty() || acronym == system->name() ? system->name()
                                                          : u"%1 (%2)"_s.arg(system->name(), acronym);
}

bool refersToFlow(const QJsonObject &pipe, const QString &flowId)
{
    if (pipe.value(u"flow"_s).toString() == flowId)
        return true;
    const QJsonArray flows = pipe.value(u"flows"_s).toArray();
    return std::any_of(
        flows.begin(), flows.end(), [&](const QJsonValue &v) { return v.toString() == flowId; });
}

bool isErrorTreatmentPipe(const QJsonObject &pipe)
{
    const QString role = pipe.value(u"role"_s).toString() + pipe.value(u"kind"_s).toString();
    return pipe.value(u"errorTreatment"_s).toBool() || role.contains(u"error"_s);
}

QString errorPipeReference(const QJsonObject &pipe)
{
    for (const QString &key : {u"errorPipe"_s, u"errorTreatmentPipe"_s, u"errorTreatment"_s}) {
        const QString value = pipe.value(key).toString();
        if (!value.isEmpty())
            return value;
    }
    return {};
}

QString triggerLabel(const QString &trigger)
{
    if (trigger == u"scheduler")
        return u"Scheduler"_s;
    if (trigger == u"event")
        return u"Event trigger"_s;
    if (trigger == u"file")
        return u"File trigger"_s;
    if (trigger == u"database")
        return u"Database trigger"_s;
    return u"Trigger"_s;
}

QString triggerMessage(const QString &trigger)
{
    if (trigger == u"scheduler")
        return u"scheduled run"_s;
    if (trigger == u"event")
        return u"event received"_s;
    if (trigger == u"file")
        return u"new file"_s;
    if (trigger == u"database")
        return u"rows changed"_s;
    return u"start"_s;
}

QString callText(const QJsonObject &service)
{
    const QString method = service.value(u"method"_s).toString();
    const QString endpoint = service.value(u"endpoint"_s).toString();
    if (endpoint.isEmpty())
        return QString(method + u' ' + service.value(u"name"_s).toString()).trimmed();
    if (method.isEmpty() || endpoint.startsWith(method, Qt::CaseInsensitive))
        return endpoint;
    return method + u' ' + endpoint;
}

QString replyText(const Entities &entities, const QJsonObject &service)
{
    const QString contract = entities.text(u"contract"_s, service.value(u"contract"_s).toString(), u"name"_s);
    const QString kind = service.value(u"kind"_s).toString();
    QString what = u"answer"_s;
    if (kind == u"db-select" || kind == u"view")
        what = u"rows"_s;
    else if (kind == u"file")
        what = u"file"_s;
    else if (kind == u"stored-procedure")
        what = u"result"_s;
    return contract.isEmpty() ? what : what + u": "_s + contract;
}

class Assembler final
{
public:
    Assembler(SequenceDiagram &diagram)
        : m_diagram(diagram)
    { }

    QString add(const QString &id, const QString &label, Role role)
    {
        QString candidate = simpleId(id);
        for (int n = 2; m_diagram.indexOf(candidate) >= 0; ++n)
            candidate = simpleId(id) + u'_' + QString::number(n);
        m_diagram.participants.append({candidate, label, role});
        return candidate;
    }

    void step(Kind kind, const QString &from, const QString &to, const QString &text)
    {
        m_diagram.steps.append({kind, from, to, text.simplified()});
    }

    // pipe -> system: the call, then its answer, or an alternative of the answer and its errors
    void call(
        const Entities &entities, const QJsonObject &service, const QString &pipe, const QString &system)
    {
        step(Kind::Call, pipe, system, callText(service));
        const QStringList errors = SequenceDiagramBuilder::clauses(service.value(u"exceptions"_s).toString());
        const QString handling = service.value(u"errorHandling"_s).toString().simplified();
        if (errors.isEmpty() && handling.isEmpty()) {
            step(Kind::Reply, system, pipe, replyText(entities, service));
            return;
        }
        step(Kind::Alt, {}, {}, u"success"_s);
        step(Kind::Reply, system, pipe, replyText(entities, service));
        step(Kind::Else, {}, {}, u"error"_s);
        for (const QString &error : errors)
            step(Kind::ErrorReply, system, pipe, error);
        if (errors.isEmpty())
            step(Kind::ErrorReply, system, pipe, u"error"_s);
        if (!handling.isEmpty())
            step(Kind::Note, pipe, {}, handling);
        step(Kind::End, {}, {}, {});
    }

private:
    SequenceDiagram &m_diagram;
};

} // namespace

QStringList SequenceDiagramBuilder::clauses(const QString &text)
{
    QStringList result;
    for (const QString &part : text.split(QRegularExpression(u"[;\\n]"_s))) {
        const QString clause = part.simplified();
        if (!clause.isEmpty())
            result.append(clause);
    }
    return result;
}

SequenceDiagram SequenceDiagramBuilder::forFlow(const QList<EntityRecord> &list, const QString &flowId)
{
    const Entities entities(list);
    SequenceDiagram diagram;
    const EntityRecord *flow = entities.find(u"flow"_s, flowId);
    if (!flow)
        return diagram;
    const QJsonObject data = flow->data;
    diagram.id = flowId;
    diagram.title = flow->name();
    const QString providerId = data.value(u"provider"_s).toString();
    const QString consumerId = data.value(u"consumer"_s).toString();
    const QString trigger = data.value(u"trigger"_s).toString();
    const QString errorTreatment = data.value(u"errorTreatment"_s).toString().simplified();
    const bool rest = trigger == u"rest" || trigger.isEmpty();

    // the flow's pipes, when the pipe engine has recorded them
    QString pipeLabel = u"Pipe: "_s + flow->name();
    QString errorPipeLabel = u"Error-treatment pipe"_s;
    for (const EntityRecord *pipe : entities.ofKind(u"pipe"_s)) {
        if (!refersToFlow(pipe->data, flowId) || isErrorTreatmentPipe(pipe->data))
            continue;
        pipeLabel = u"Pipe: "_s + pipe->name();
        const QString errorPipe = errorPipeReference(pipe->data);
        if (const EntityRecord *treatment = entities.find(u"pipe"_s, errorPipe))
            errorPipeLabel = u"Error pipe: "_s + treatment->name();
        break;
    }

    // services sorted by role: the pipe's own entry point, the provider's, the consumer's, others
    QList<QJsonObject> entry;
    QList<QJsonObject> providerCalls;
    QList<QJsonObject> consumerCalls;
    QList<QJsonObject> otherCalls;
    for (const QJsonValue &ref : data.value(u"services"_s).toArray()) {
        const EntityRecord *service = entities.find(u"service"_s, ref.toString());
        if (!service)
            continue;
        const QString system = service->data.value(u"system"_s).toString();
        if (system == providerId)
            providerCalls.append(service->data);
        else if (system == consumerId)
            consumerCalls.append(service->data);
        else if (rest && entry.isEmpty())
            entry.append(service->data);
        else
            otherCalls.append(service->data);
    }

    Assembler assembler(diagram);
    QString triggerId;
    QString consumer;
    QString provider;
    if (rest) {
        consumer = assembler.add(consumerId, systemLabel(entities, consumerId), Role::System);
    } else {
        triggerId = assembler.add(u"trigger"_s, triggerLabel(trigger), Role::Trigger);
        provider = assembler.add(providerId, systemLabel(entities, providerId), Role::System);
    }
    const QString pipe = assembler.add(u"pipe"_s, pipeLabel, Role::Pipe);
    if (rest)
        provider = assembler.add(providerId, systemLabel(entities, providerId), Role::System);
    else
        consumer = assembler.add(consumerId, systemLabel(entities, consumerId), Role::System);
    QHash<QString, QString> others;
    for (const QJsonObject &service : std::as_const(otherCalls)) {
        const QString system = service.value(u"system"_s).toString();
        if (!others.contains(system))
            others.insert(system, assembler.add(system, systemLabel(entities, system), Role::System));
    }
    const QString errorPipe = errorTreatment.isEmpty()
        ? QString()
        : assembler.add(u"error_pipe"_s, errorPipeLabel, Role::ErrorPipe);

    if (rest) {
        const QJsonObject service = entry.value(0);
        assembler.step(
            Kind::Call, consumer, pipe, service.isEmpty() ? u"request (REST trigger)"_s : callText(service));
    } else {
        assembler.step(Kind::Event, triggerId, pipe, triggerMessage(trigger));
    }
    for (const QJsonObject &service : std::as_const(providerCalls))
        assembler.call(entities, service, pipe, provider);
    for (const QJsonObject &service : std::as_const(otherCalls))
        assembler.call(entities, service, pipe, others.value(service.value(u"system"_s).toString()));
    for (const QJsonObject &service : std::as_const(consumerCalls))
        assembler.call(entities, service, pipe, consumer);

    const auto errorEvent = [&] {
        assembler.step(Kind::Event, pipe, errorPipe, u"error event"_s);
        assembler.step(Kind::Note, errorPipe, {}, errorTreatment);
    };
    if (rest) {
        const QJsonObject service = entry.value(0);
        const QStringList errors = clauses(service.value(u"exceptions"_s).toString());
        const QString answer = service.isEmpty() ? u"answer"_s : replyText(entities, service);
        if (errors.isEmpty() && errorPipe.isEmpty()) {
            assembler.step(Kind::Reply, pipe, consumer, answer);
        } else {
            assembler.step(Kind::Alt, {}, {}, u"success"_s);
            assembler.step(Kind::Reply, pipe, consumer, answer);
            assembler.step(Kind::Else, {}, {}, u"error"_s);
            if (!errorPipe.isEmpty())
                errorEvent();
            for (const QString &error : errors)
                assembler.step(Kind::ErrorReply, pipe, consumer, error);
            if (errors.isEmpty())
                assembler.step(Kind::ErrorReply, pipe, consumer, u"error answer"_s);
            assembler.step(Kind::End, {}, {}, {});
        }
    } else if (!errorPipe.isEmpty()) {
        assembler.step(Kind::Opt, {}, {}, u"on error"_s);
        errorEvent();
        assembler.step(Kind::End, {}, {}, {});
    }
    return diagram;
}

QList<SequenceDiagram> SequenceDiagramBuilder::forAllFlows(const QList<EntityRecord> &entities)
{
    QStringList ids;
    for (const EntityRecord &record : entities) {
        if (record.kind == u"flow")
            ids.append(record.id());
    }
    ids.sort();
    QList<SequenceDiagram> result;
    for (const QString &id : std::as_const(ids))
        result.append(forFlow(entities, id));
    return result;
}

} // namespace jb
