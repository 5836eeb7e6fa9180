#include "localfiles.h"

#include <QFile>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

LocalFiles::Read failedRead(int error)
{
    return {{}, u"cannot read the file: %1"_s.arg(QString::fromLocal8Bit(std::strerror(error)))};
}

bool isFileOrFolder(mode_t mode)
{
    return S_ISREG(mode) || S_ISDIR(mode);
}

// QDir lists a symbolic link as what it points to, and leaves out broken ones and sockets, fifos
// and devices (its System filter, which the loader does not ask for).
bool listedAsFileOrFolder(int folderFd, const dirent &entry)
{
    switch (entry.d_type) {
    case DT_REG:
    case DT_DIR:
        return true;
    case DT_LNK:
    case DT_UNKNOWN: {
        struct stat info = {};
        return ::fstatat(folderFd, entry.d_name, &info, 0) == 0 && isFileOrFolder(info.st_mode);
    }
    default:
        return false;
    }
}

} // namespace

LocalFiles::Read LocalFiles::read(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return failedRead(errno);
    struct stat info = {};
    if (::fstat(fd, &info) != 0) {
        const int error = errno;
        ::close(fd);
        return failedRead(error);
    }
    if (S_ISDIR(info.st_mode)) {
        ::close(fd);
        return {{}, u"cannot read the file: file to open is a directory"_s};
    }
    // as long as fstat said (a file growing meanwhile is read as it was), or to the end for files
    // whose size it cannot tell
    const bool sized = S_ISREG(info.st_mode);
    QByteArray bytes(sized ? qsizetype(info.st_size) : 4096, Qt::Uninitialized);
    qsizetype filled = 0;
    while (!sized || filled < bytes.size()) {
        if (filled == bytes.size())
            bytes.resize(2 * bytes.size());
        const ssize_t got = ::read(fd, bytes.data() + filled, size_t(bytes.size() - filled));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            const int error = errno;
            ::close(fd);
            return failedRead(error);
        }
        if (got == 0)
            break;
        filled += got;
    }
    ::close(fd);
    bytes.truncate(filled);
    return {bytes, {}};
}

QStringList LocalFiles::jsonEntries(const QString &folder)
{
    DIR *dir = ::opendir(QFile::encodeName(folder).constData());
    if (!dir)
        return {};
    const int folderFd = ::dirfd(dir);
    QStringList names;
    while (const dirent *entry = ::readdir(dir)) {
        QString name = QFile::decodeName(entry->d_name);
        // "*.json" as QDir matches it: in any case, and ".json" itself too ("." and ".." never end so)
        if (name.endsWith(u".json"_s, Qt::CaseInsensitive) && listedAsFileOrFolder(folderFd, *entry))
            names.append(std::move(name));
    }
    ::closedir(dir);
    // QDir::Name without IgnoreCase or LocaleAware: by UTF-16 code units
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace jb
