#include "projectwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// Nothing (nullopt) when the file does not exist.
std::optional<QByteArray> currentBytes(const QString &path)
{
    QFile file(path);
    if (!file.exists() || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}

} // namespace

Status ProjectWriter::writeAtomically(const QString &path, const QByteArray &bytes)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Status::failure(Error::Code::Io, u"%1: cannot create its folder"_s.arg(path));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::failure(Error::Code::Io, u"%1: %2"_s.arg(path, file.errorString()));
    file.write(bytes);
    if (!file.commit())
        return Status::failure(Error::Code::Io, u"%1: %2"_s.arg(path, file.errorString()));
    return {};
}

SaveOutcome ProjectWriter::apply(const SavePlan &plan)
{
    SaveOutcome outcome;
    const QDir folder(plan.folder);
    for (const SavePlan::Write &write : plan.writes) {
        const QString path = folder.filePath(write.path);
        if (plan.protectedPaths.contains(write.path)) {
            outcome.problems.append(u"%1: not saved, because the file on disk failed to load; fix or move it "
                                    "first"_s.arg(path));
            continue;
        }
        if (currentBytes(path) != write.expectedOnDisk) {
            outcome.problems.append(
                u"%1: not saved, because it changed on disk since it was opened; reopen the "
                "project to see the other change"_s.arg(path));
            continue;
        }
        if (const Status status = writeAtomically(path, write.bytes); !status) {
            outcome.problems.append(status.errorString());
            continue;
        }
        outcome.written.append(write.path);
    }
    for (const SavePlan::Removal &removal : plan.removals) {
        const QString path = folder.filePath(removal.path);
        if (plan.protectedPaths.contains(removal.path)) {
            outcome.problems.append(u"%1: not removed, because it failed to load"_s.arg(path));
            continue;
        }
        const std::optional<QByteArray> bytes = currentBytes(path);
        if (!bytes) {
            outcome.removed.append(removal.path); // already gone
            continue;
        }
        if (*bytes != removal.expectedOnDisk) {
            outcome.problems.append(
                u"%1: not removed, because it changed on disk since it was opened"_s.arg(path));
            continue;
        }
        if (!QFile::remove(path)) {
            outcome.problems.append(u"%1: cannot remove it"_s.arg(path));
            continue;
        }
        outcome.removed.append(removal.path);
    }
    return outcome;
}

} // namespace jb
