#include "artifactcontext.h"

#include "projectversion.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace jb {

ArtifactContext::ArtifactContext(ArtifactInput input)
    : m_input(std::move(input))
{
    for (const EntityRecord &record : std::as_const(m_input.project.entities))
        m_byKind[record.kind].append(record);
    for (QList<EntityRecord> &list : m_byKind) {
        std::sort(list.begin(), list.end(),
            [](const EntityRecord &a, const EntityRecord &b) { return a.id() < b.id(); });
    }
    const QJsonObject manifest = m_input.project.manifest;
    m_stamp.project = manifest.value(u"name"_s).toString();
    if (m_stamp.project.isEmpty())
        m_stamp.project = u"Untitled project"_s;
    m_stamp.owner = manifest.value(u"owner"_s).toString();
    m_stamp.version = ProjectVersion::of(m_input.project);
    m_stamp.environment
        = m_input.environment.isEmpty() ? u"All environments"_s : environmentName(m_input.environment);
    m_stamp.generatedAt = m_input.generatedAt.toUTC();
}

const QList<EntityRecord> &ArtifactContext::entities(const QString &kind) const
{
    static const QList<EntityRecord> none;
    const auto it = m_byKind.constFind(kind);
    return it == m_byKind.cend() ? none : *it;
}

const EntityRecord *ArtifactContext::find(const QString &kind, const QString &id) const
{
    for (const EntityRecord &record : entities(kind)) {
        if (record.id() == id)
            return &record;
    }
    return nullptr;
}

QString ArtifactContext::value(const QString &kind, const QString &id, const QString &key) const
{
    const EntityRecord *record = find(kind, id);
    return record ? text(record->data.value(key)) : QString();
}

QString ArtifactContext::systemName(const QString &id) const
{
    const EntityRecord *system = find(u"system"_s, id);
    if (!system)
        return id;
    const QString acronym = system->data.value(u"acronym"_s).toString();
    return acronym.isEmpty() || acronym == system->name() ? system->name()
                                                          : u"%1 (%2)"_s.arg(system->name(), acronym);
}

QString ArtifactContext::environmentName(const QString &id) const
{
    const EntityRecord *environment = find(u"environment"_s, id);
    if (!environment || environment->name().isEmpty() || environment->name() == id)
        return id;
    return u"%1 (%2)"_s.arg(environment->name(), id);
}

bool ArtifactContext::inScope(const QJsonObject &data) const
{
    const QString environment = data.value(u"environment"_s).toString();
    return m_input.environment.isEmpty() || environment.isEmpty() || environment == m_input.environment;
}

QList<EntityRecord> ArtifactContext::environments() const
{
    QList<EntityRecord> result;
    for (const EntityRecord &record : entities(u"environment"_s)) {
        if (m_input.environment.isEmpty() || record.id() == m_input.environment)
            result.append(record);
    }
    return result;
}

QString ArtifactContext::text(const QJsonValue &value)
{
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &item : value.toArray())
            parts.append(text(item));
        return parts.join(u", "_s);
    }
    if (value.isBool())
        return yesNo(value.toBool());
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    return value.toString();
}

QString ArtifactContext::yesNo(bool value)
{
    return value ? u"yes"_s : u"no"_s;
}

} // namespace jb
