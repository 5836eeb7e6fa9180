#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace jb {

// What a save must do, computed from the document on the GUI thread (cheap) and carried out by
// ProjectWriter off it (disk work).
struct SavePlan
{
    struct Write
    {
        QString path; // relative to the folder
        QByteArray bytes;
        std::optional<QByteArray> expectedOnDisk; // what we last read or wrote; nullopt = new file
    };
    struct Removal
    {
        QString path;
        QByteArray expectedOnDisk;
    };

    QString folder;
    QList<Write> writes;
    QList<Removal> removals;
    QSet<QString> protectedPaths; // files that failed to load

    bool isEmpty() const { return writes.isEmpty() && removals.isEmpty(); }
};

struct SaveOutcome
{
    QStringList written; // relative paths written
    QStringList removed;
    QStringList problems; // one sentence each; the files they name were left as they were
};

// Carries out a SavePlan: each file atomically (QSaveFile), never one that failed to load, never
// one that changed on disk since it was read.
class ProjectWriter final
{
public:
    static SaveOutcome apply(const SavePlan &plan);
    static Status writeAtomically(const QString &path, const QByteArray &bytes);
};

} // namespace jb
