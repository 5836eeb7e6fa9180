#pragma once

#include "projectdata.h"

namespace jb {

// How entities and the manifest are written to disk, and where.
class ProjectFormat final
{
public:
    static QByteArray entityBytes(const EntityRecord &record);
    static QByteArray manifestBytes(const QJsonObject &manifest);
    static QString canonicalPath(const QString &kind, const QString &id);
    // A new manifest for a project called `name`.
    static QJsonObject newManifest(const QString &name);
};

} // namespace jb
