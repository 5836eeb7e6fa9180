#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace jb {

// The project's files read with as few system calls, and as little memory, as a folder of a
// thousand small entity files allows: QFile stats each file three times, and QDir::entryList
// builds a QFileInfo for every name. Both answer exactly as those would.
class LocalFiles final
{
public:
    struct Read
    {
        QByteArray bytes;
        QString error; // {} when read; QFile's wording otherwise
    };
    // One open, one fstat, the reads and a close.
    static Read read(const QString &path);

    // What QDir(folder).entryList({"*.json"}, Files | Dirs | NoDotAndDotDot | Hidden, Name) lists:
    // the names ending in ".json" in any case, of files and of folders (through symbolic links
    // too), hidden ones included, in QDir::Name's order. Empty when the folder cannot be read.
    static QStringList jsonEntries(const QString &folder);
};

} // namespace jb
