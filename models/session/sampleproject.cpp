#include "sampleproject.h"

#include "projectdata.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace jb {

QStringList SampleProject::candidates(const QString &applicationDir)
{
    QStringList list;
    const QString fromEnvironment = qEnvironmentVariable("JB_SAMPLE_DIR");
    if (!fromEnvironment.isEmpty())
        list.append(fromEnvironment);
    const QDir app(applicationDir);
    // the build tree: build/<preset>/app/gui/journeybench, or one level less deep
    list.append(QDir::cleanPath(app.filePath(u"../../../../resources/sample"_s)));
    list.append(QDir::cleanPath(app.filePath(u"../../../resources/sample"_s)));
    list.append(QDir::cleanPath(app.filePath(u"../share/journeybench/sample"_s))); // installed
    return list;
}

QString SampleProject::findBundled(const QString &applicationDir)
{
    for (const QString &folder : candidates(applicationDir)) {
        if (QFileInfo::exists(QDir(folder).filePath(manifestFileName)))
            return folder;
    }
    return QString();
}

QString SampleProject::userCopyFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/Sample project"_s;
}

QByteArray SampleProject::fingerprint(const QString &folder)
{
    const QDir root(folder);
    QStringList files;
    QDirIterator it(folder, QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString relative = root.relativeFilePath(it.next());
        if (relative.startsWith(u".journeybench/"_s) || relative == u".gitignore")
            continue; // what running the project writes, not what the user edits
        files.append(relative);
    }
    files.sort();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &relative : std::as_const(files)) {
        QFile file(root.filePath(relative));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = file.readAll();
        hash.addData(QByteArray(relative.toUtf8() + '\0' + QByteArray::number(content.size()) + '\0'));
        hash.addData(content);
    }
    return hash.result().toHex();
}

namespace {

// Files that running the project wrote (the event store, evidence of runs is in the fingerprint):
// a copy with any is kept, not replaced.
bool hasRunFiles(const QString &copy)
{
    const QDir root(copy);
    QDirIterator it(root.filePath(u".journeybench"_s), QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        if (root.relativeFilePath(it.next()) != QString::fromLatin1(SampleProject::originFileName))
            return true;
    }
    return false;
}

QByteArray originOf(const QString &copy)
{
    QFile file(QDir(copy).filePath(QString::fromLatin1(SampleProject::originFileName)));
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed() : QByteArray();
}

// A free name beside `target` for the user's earlier copy: "Sample project (kept 2026-11-28 1432)".
QString keptName(const QString &target)
{
    const QString base
        = u"%1 (kept %2)"_s.arg(target, QDateTime::currentDateTime().toString(u"yyyy-MM-dd HHmm"_s));
    QString name = base;
    for (int n = 2; QFileInfo::exists(name); ++n)
        name = u"%1 %2"_s.arg(base).arg(n);
    return name;
}

Status copyFolder(const QString &source, const QString &target, const QByteArray &origin)
{
    const QString partial = target + u".partial"_s;
    QDir(partial).removeRecursively();
    const QDir from(source);
    QDirIterator it(source, QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString destination = QDir(partial).filePath(from.relativeFilePath(file));
        if (!QDir().mkpath(QFileInfo(destination).absolutePath()) || !QFile::copy(file, destination)) {
            QDir(partial).removeRecursively();
            return Status::failure(
                Error::Code::Io, u"Could not copy the sample project to %1."_s.arg(destination));
        }
        // files from a read-only installation stay writable in the copy
        QFile::setPermissions(destination, QFile::permissions(destination) | QFile::WriteOwner);
    }
    const QString originFile = QDir(partial).filePath(QString::fromLatin1(SampleProject::originFileName));
    QDir().mkpath(QFileInfo(originFile).absolutePath());
    QSaveFile marker(originFile);
    const QByteArray line = origin + '\n';
    if (!marker.open(QIODevice::WriteOnly) || marker.write(line) != line.size() || !marker.commit()) {
        QDir(partial).removeRecursively();
        return Status::failure(Error::Code::Io, u"Could not write %1."_s.arg(originFile));
    }
    if (!QDir().rename(partial, target)) {
        QDir(partial).removeRecursively();
        return Status::failure(
            Error::Code::Io, u"Could not create the sample project folder %1."_s.arg(target));
    }
    return {};
}

} // namespace

Result<SampleProject::Copy> SampleProject::ensureCopy(const QString &source, const QString &target)
{
    Copy copy;
    copy.folder = target;
    const bool bundled = QFileInfo::exists(QDir(source).filePath(manifestFileName));
    if (!bundled) {
        if (QFileInfo::exists(target))
            return copy; // nothing to compare with: the user's copy as it is
        return Result<Copy>::failure(
            Error::Code::Io, u"The bundled sample project was not found at %1."_s.arg(source));
    }
    const QByteArray current = fingerprint(source);
    if (QFileInfo::exists(target)) {
        const QByteArray origin = originOf(target);
        if (origin == current)
            return copy;
        copy.renewed = true;
        // an earlier sample: replaced when the user never changed or ran it, kept aside otherwise
        // (a copy made before origins were recorded cannot tell, so it is kept)
        if (!origin.isEmpty() && fingerprint(target) == origin && !hasRunFiles(target)) {
            if (!QDir(target).removeRecursively())
                return Result<Copy>::failure(
                    Error::Code::Io, u"Could not replace the sample project copy %1."_s.arg(target));
        } else {
            const QString kept = keptName(target);
            if (!QDir().rename(target, kept))
                return Result<Copy>::failure(Error::Code::Io,
                    u"Could not move the earlier sample project copy %1 aside to %2."_s.arg(target, kept));
            copy.keptAs = kept;
        }
    }
    const Status made = copyFolder(source, target, current);
    if (!made)
        return made.error();
    return copy;
}

} // namespace jb
