#pragma once

#include "artifactinput.h"
#include "artifactstamp.h"

#include <QDate>
#include <QHash>

namespace jb {

// An ArtifactInput indexed for the document classes: entities by kind in id order, names for ids,
// the environment the documents describe, and the stamp every document carries.
class ArtifactContext final
{
public:
    explicit ArtifactContext(ArtifactInput input);

    const ArtifactInput &input() const { return m_input; }
    const ArtifactStamp &stamp() const { return m_stamp; }
    QDate today() const { return m_input.generatedAt.toUTC().date(); }
    QJsonObject manifest() const { return m_input.project.manifest; }

    const QList<EntityRecord> &entities(const QString &kind) const;
    const EntityRecord *find(const QString &kind, const QString &id) const;
    QString value(const QString &kind, const QString &id, const QString &key) const;

    // "Customer system (CRM)"; the id itself when no such system is recorded.
    QString systemName(const QString &id) const;
    QString environmentName(const QString &id) const;
    // Whether an entity belongs to the chosen environment: always, when none was chosen or the
    // entity names none.
    bool inScope(const QJsonObject &data) const;
    // The chosen environment, or every environment.
    QList<EntityRecord> environments() const;

    // A list value ("peerGateways") as "a, b"; a scalar as text.
    static QString text(const QJsonValue &value);
    static QString yesNo(bool value);

private:
    ArtifactInput m_input;
    ArtifactStamp m_stamp;
    QHash<QString, QList<EntityRecord>> m_byKind;
};

} // namespace jb
