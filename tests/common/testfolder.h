#pragma once

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace jb::test {

enum class Hidden
{
    Skip, // a work folder a run left behind in the source is not copied
    Copy,
};

// Copies the files below `from` (the sample project, a fixture) to `to`, creating folders as needed.
inline bool copyFolder(const QString &from, const QString &to, Hidden hidden = Hidden::Skip)
{
    QDir().mkpath(to);
    QDirIterator it(from, hidden == Hidden::Copy ? QDir::Files | QDir::Hidden : QDir::Files,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = QDir(to).filePath(QDir(from).relativeFilePath(path));
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(path, target))
            return false;
    }
    return true;
}

} // namespace jb::test
