#include "projecttree.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace jb::testing {

namespace {

QStringList entriesUnder(const QString &folder, QDir::Filters filters)
{
    QStringList paths;
    const QDir root(folder);
    QDirIterator it(
        folder, filters | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        paths.append(root.relativeFilePath(it.next()));
    paths.sort();
    return paths;
}

} // namespace

ProjectTree::Checksums ProjectTree::checksums(const QString &folder)
{
    Checksums sums;
    const QDir root(folder);
    for (const QString &path : entriesUnder(folder, QDir::AllEntries)) {
        const QFileInfo info(root.filePath(path));
        if (info.isDir() && !info.isSymLink()) {
            sums.insert(path + u'/', QByteArray());
            continue;
        }
        QFile file(info.filePath());
        const QByteArray sum = file.open(QIODevice::ReadOnly)
            ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex()
            : QByteArray("unreadable");
        sums.insert(path, sum + ' ' + QByteArray::number(info.size()));
    }
    return sums;
}

QString ProjectTree::changes(const Checksums &before, const Checksums &after)
{
    QStringList changed;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const auto now = after.constFind(it.key());
        if (now == after.cend())
            changed.append(u'-' + it.key());
        else if (now.value() != it.value())
            changed.append(u'~' + it.key());
    }
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (!before.contains(it.key()))
            changed.append(u'+' + it.key());
    }
    std::sort(changed.begin(), changed.end(),
        [](const QString &a, const QString &b) { return a.mid(1) < b.mid(1); });
    return changed.join(u'\n');
}

bool ProjectTree::copy(const QString &from, const QString &to)
{
    const QDir source(from);
    const QDir target(to);
    for (const QString &path : entriesUnder(from, QDir::Dirs)) {
        if (!target.mkpath(path))
            return false;
    }
    // read and write rather than QFile::copy, which syncs every file to disk: slow, and not needed
    for (const QString &path : entriesUnder(from, QDir::Files)) {
        QFile in(source.filePath(path));
        if (!in.open(QIODevice::ReadOnly) || !write(target.filePath(path), in.readAll()))
            return false;
    }
    return true;
}

bool ProjectTree::copySample(const QString &to)
{
    return copy(QStringLiteral(JB_SAMPLE_DIR), to);
}

int ProjectTree::countJsonFiles(const QString &folder, const QStringList &subfolders)
{
    qsizetype count = 0;
    for (const QString &subfolder : subfolders)
        count += QDir(QDir(folder).filePath(subfolder)).entryList({u"*.json"_s}, QDir::Files).size();
    return static_cast<int>(count);
}

QByteArray ProjectTree::read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool ProjectTree::write(const QString &path, const QByteArray &bytes)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

bool ProjectTree::setModificationTimes(const QString &folder, const QDateTime &stamp)
{
    const QDir root(folder);
    for (const QString &path : entriesUnder(folder, QDir::Files)) {
        QFile file(root.filePath(path));
        if (!file.open(QIODevice::ReadWrite) || !file.setFileTime(stamp, QFileDevice::FileModificationTime))
            return false;
    }
    return true;
}

QStringList ProjectTree::modifiedSince(const QString &folder, const QDateTime &stamp)
{
    QStringList modified;
    const QDir root(folder);
    for (const QString &path : entriesUnder(folder, QDir::Files)) {
        if (QFileInfo(root.filePath(path)).lastModified() != stamp)
            modified.append(path);
    }
    return modified;
}

bool ProjectTree::permissionsAreIgnored(const QString &scratchFolder)
{
    const QString path = QDir(scratchFolder).filePath(u".permission-probe"_s);
    if (!write(path, "x") || !QFile::setPermissions(path, QFileDevice::Permissions()))
        return false;
    QFile file(path);
    const bool readable = file.open(QIODevice::ReadOnly);
    file.close();
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    QFile::remove(path);
    return readable;
}

} // namespace jb::testing
