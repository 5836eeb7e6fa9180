#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

namespace jb {

// One entity as kept in memory: its kind, its file (relative to the project folder) and its JSON,
// unknown keys included, so that hand edits and newer files survive a save.
struct EntityRecord
{
    QString kind;
    QString path;
    QJsonObject data;

    QString id() const { return data.value(QLatin1String("id")).toString(); }
    QString name() const { return data.value(QLatin1String("name")).toString(); }
    // A text setting of the record ("" when it has none or it is not text).
    QString text(const QString &key) const { return data.value(key).toString(); }
};

// A whole project as read from disk, plus what is needed to save it safely.
struct ProjectData
{
    QString folder;
    QJsonObject manifest;
    bool manifestLoaded = false;
    QList<EntityRecord> entities;
    QHash<QString, QByteArray> diskBytes; // relative path -> bytes last read or written
    QSet<QString> failedPaths; // relative paths that failed to load: never written
};

inline constexpr QLatin1String manifestFileName("journey.json");

} // namespace jb
