#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>

namespace jb::testing {

// A project folder on disk as tests see it: its files by relative path, each with a checksum, so
// that a test can say exactly which files an operation changed (none, or the ones it meant to).
class ProjectTree final
{
public:
    // relative path -> fingerprint ("sha256 size"; folders end with '/' and have none)
    using Checksums = QMap<QString, QByteArray>;

    static Checksums checksums(const QString &folder);
    // What changed between two snapshots, one per line, sorted: "+added", "-removed", "~changed".
    static QString changes(const Checksums &before, const Checksums &after);

    // Copies `from` (files and folders, recursively) into `to`, which must exist.
    static bool copy(const QString &from, const QString &to);
    // Copies the bundled sample project into `to` (a QTemporaryDir's path).
    static bool copySample(const QString &to);

    // How many *.json files the given sub-folders of `folder` hold (the entities of a project).
    static int countJsonFiles(const QString &folder, const QStringList &subfolders);

    static QByteArray read(const QString &path);
    static bool write(const QString &path, const QByteArray &bytes);

    // Gives every file under `folder` the same modification time, and lists (sorted) the files
    // whose modification time is no longer `stamp`: the files that were written since.
    static bool setModificationTimes(const QString &folder, const QDateTime &stamp);
    static QStringList modifiedSince(const QString &folder, const QDateTime &stamp);

    // True when this process can read a file whose permissions forbid it (it runs as root, or
    // with CAP_DAC_OVERRIDE), so that chmod cannot make a file unreadable.
    static bool permissionsAreIgnored(const QString &scratchFolder);
};

} // namespace jb::testing
