#include "sampleproject.h"

#include "projectdata.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
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

Result<QString> SampleProject::ensureCopy(const QString &source, const QString &target)
{
    if (QFileInfo::exists(target))
        return target; // the user's copy, perhaps edited: never overwritten
    if (!QFileInfo::exists(QDir(source).filePath(manifestFileName)))
        return Result<QString>::failure(
            Error::Code::Io, u"The bundled sample project was not found at %1."_s.arg(source));
    const QString partial = target + u".partial"_s;
    QDir(partial).removeRecursively();
    const QDir from(source);
    QDirIterator it(source, QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString destination = QDir(partial).filePath(from.relativeFilePath(file));
        if (!QDir().mkpath(QFileInfo(destination).absolutePath()) || !QFile::copy(file, destination)) {
            QDir(partial).removeRecursively();
            return Result<QString>::failure(
                Error::Code::Io, u"Could not copy the sample project to %1."_s.arg(destination));
        }
        // files from a read-only installation stay writable in the copy
        QFile::setPermissions(destination, QFile::permissions(destination) | QFile::WriteOwner);
    }
    if (!QDir().rename(partial, target)) {
        QDir(partial).removeRecursively();
        return Result<QString>::failure(
            Error::Code::Io, u"Could not create the sample project folder %1."_s.arg(target));
    }
    return target;
}

} // namespace jb
