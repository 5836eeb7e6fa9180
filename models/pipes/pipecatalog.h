#pragma once

#include "pipedefinition.h"
#include "projectdata.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <memory>

namespace jb {

using PipePointer = std::shared_ptr<const PipeDefinition>;

// The pipes of a project, parsed once and shared read-only by every thread: REST routes by
// method and path template, event subscriptions by event name.
class PipeCatalog final
{
public:
    static constexpr QLatin1StringView kind{"pipe"};

    // Pipes that fail to parse are left out and described in problems().
    static PipeCatalog fromProject(const ProjectData &project);
    void add(PipeDefinition pipe);

    QStringList problems() const { return m_problems; }
    PipePointer pipe(const QString &id) const { return m_pipes.value(id); }
    QList<PipePointer> pipes() const;
    QList<PipePointer> restPipes() const;
    QList<PipePointer> subscribers(const QString &event) const;

    struct Route
    {
        PipePointer pipe; // null when nothing matched
        QJsonObject params;
        QStringList allowedMethods; // when the path matched under other methods only (405)
    };
    // The REST pipe for a request; among several matches, the one with the most literal segments.
    Route route(const QString &method, QStringView path) const;

private:
    QHash<QString, PipePointer> m_pipes;
    QStringList m_order; // ids in file order
    QStringList m_problems;
};

} // namespace jb
