#include "appendonlyfile.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QString systemError(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}

// Closes the descriptor and removes the temporary on every way out.
class Temporary final
{
public:
    explicit Temporary(const QString &folder, const QString &stem)
        : m_path(QFile::encodeName(QDir(folder).filePath(u'.' + stem + u".XXXXXX.tmp"_s)))
    {
        m_fd = ::mkostemps(m_path.data(), 4, O_CLOEXEC);
        if (m_fd < 0)
            m_error = errno;
    }
    ~Temporary()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        if (m_fd >= 0 || m_closed)
            ::unlink(m_path.constData());
    }
    Q_DISABLE_COPY_MOVE(Temporary)

    int error() const { return m_error; }
    const char *path() const { return m_path.constData(); }

    // All the bytes, on disk: 0 or the errno.
    int fill(const QByteArray &bytes)
    {
        // mkostemps makes the file private; evidence is read like any project file
        if (::fchmod(m_fd, 0644) != 0)
            return errno;
        const char *data = bytes.constData();
        qsizetype left = bytes.size();
        while (left > 0) {
            const ssize_t written = ::write(m_fd, data, size_t(left));
            if (written < 0) {
                if (errno == EINTR)
                    continue;
                return errno;
            }
            data += written;
            left -= written;
        }
        if (::fsync(m_fd) != 0)
            return errno;
        const int fd = m_fd;
        m_fd = -1;
        m_closed = true;
        return ::close(fd) == 0 ? 0 : errno;
    }

private:
    QByteArray m_path;
    int m_fd = -1;
    bool m_closed = false;
    int m_error = 0;
};

// 0, or the errno; EEXIST when the name is taken. None of the ways replaces an existing file, so
// two writers racing for one name cannot both win, and the file appears under its name whole.
int publish(AppendOnlyFile::Publish method, const char *temporary, const QByteArray &target)
{
    switch (method) {
    case AppendOnlyFile::Publish::Link:
        return ::link(temporary, target.constData()) == 0 ? 0 : errno;
    case AppendOnlyFile::Publish::RenameNoReplace:
        return ::renameat2(AT_FDCWD, temporary, AT_FDCWD, target.constData(), RENAME_NOREPLACE) == 0 ? 0
                                                                                                     : errno;
    case AppendOnlyFile::Publish::ReserveAndRename: {
        const int claim = ::open(target.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (claim < 0)
            return errno;
        ::close(claim);
        if (::rename(temporary, target.constData()) == 0)
            return 0;
        const int error = errno;
        ::unlink(target.constData());
        return error;
    }
    }
    return EINVAL;
}

// The file system cannot publish this way (as opposed to: it failed).
bool unsupported(AppendOnlyFile::Publish method, int error)
{
    if (error == ENOSYS || error == EOPNOTSUPP)
        return true;
    if (method == AppendOnlyFile::Publish::Link)
        return error == EPERM;
    if (method == AppendOnlyFile::Publish::RenameNoReplace)
        return error == EINVAL;
    return false;
}

} // namespace

QString AppendOnlyFile::candidate(const Name &name, int attempt)
{
    if (attempt <= 1)
        return name.stem + name.extension;
    return name.stem + u'-' + QString::number(name.firstSuffix + attempt - 2) + name.extension;
}

Result<QString> AppendOnlyFile::write(
    const QString &folder, const Name &name, const QByteArray &bytes, Publish first)
{
    Temporary temporary(folder, name.stem);
    if (temporary.error() != 0)
        return Result<QString>::failure(Error::Code::Io, systemError(temporary.error()));
    if (const int error = temporary.fill(bytes); error != 0)
        return Result<QString>::failure(Error::Code::Io, systemError(error));
    const QDir dir(folder);
    Publish method = first;
    for (int attempt = 1; attempt <= name.attempts;) {
        const QString chosen = candidate(name, attempt);
        const int error = publish(method, temporary.path(), QFile::encodeName(dir.filePath(chosen)));
        if (error == 0)
            return chosen;
        if (error == EEXIST) {
            ++attempt;
            continue;
        }
        if (unsupported(method, error) && method != Publish::ReserveAndRename) {
            method = Publish(int(method) + 1); // the same name, the next way
            continue;
        }
        return Result<QString>::failure(Error::Code::Io, systemError(error));
    }
    return Result<QString>::failure(Error::Code::Refused, u"every name is taken"_s);
}

} // namespace jb
