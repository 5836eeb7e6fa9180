#pragma once

#include "databaseconnection.h"
#include "mappingcatalog.h"
#include "pipedefinition.h"
#include "projectdata.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <memory>
#include <optional>

namespace jb {

using PipePointer = std::shared_ptr<const PipeDefinition>;

// The pipes of a project, parsed once and shared read-only by every thread: REST routes by
// method and path template, event subscriptions by event name, and what data steps refer to (the
// project's compiled mappings and its databases).
class PipeCatalog final
{
public:
    static constexpr QLatin1StringView kind{"pipe"};

    // Pipes that fail to parse, or whose map and database steps name a mapping or database the
    // project does not have (or cannot compile), are left out and described in problems().
    static PipeCatalog fromProject(const ProjectData &project);
    void add(PipeDefinition pipe);
    void setMappings(MappingCatalog mappings);
    void addDatabase(const DatabaseSpec &database); // SQLite paths already absolute

    const MappingCatalog &mappings() const { return *m_mappings; }
    // The database entity `id` (no password: it comes from the environment's secret at run time).
    std::optional<DatabaseSpec> database(const QString &id) const;

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
        // The largest body accepted at this path by any method, so that it holds before the
        // request's own pipe is sure (PipeTrigger::defaultMaxRequestBytes when no pipe matched).
        qint64 maxRequestBytes = 0;
    };
    // The REST pipe for a request and its path parameters, found once for the host and the
    // engine; among several matches, the one with the most literal segments.
    Route route(const QString &method, QByteArrayView path) const; // path as sent, without query

private:
    // Why `pipe` cannot run in this project (a map or database step naming what is not there).
    QString missingReference(const PipeDefinition &pipe, const QStringList &mappingProblems) const;

    QHash<QString, PipePointer> m_pipes;
    QStringList m_order; // ids in file order
    QStringList m_problems;
    std::shared_ptr<const MappingCatalog> m_mappings = std::make_shared<const MappingCatalog>();
    QHash<QString, DatabaseSpec> m_databases;
};

} // namespace jb
