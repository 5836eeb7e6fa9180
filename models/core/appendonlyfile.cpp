#include "appendonlyfile.h"

#include <QDir>
#include <QFile>

#include <cerrno>
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

} // namespace

QString AppendOnlyFile::candidate(const Name &name, int attempt)
{
    if (attempt <= 1)
        return name.stem + name.extension;
    return name.stem + u'-' + QString::number(name.firstSuffix + attempt - 2) + name.extension;
}

Result<QString> AppendOnlyFile::write(const QString &folder, const Name &name, const QByteArray &bytes)
{
    Temporary temporary(folder, name.stem);
    if (temporary.error() != 0)
        return Result<QString>::failure(Error::Code::Io, systemError(temporary.error()));
    if (const int error = temporary.fill(bytes); error != 0)
        return Result<QString>::failure(Error::Code::Io, systemError(error));
    const QDir dir(folder);
    for (int attempt = 1; attempt <= name.attempts; ++attempt) {
        const QString chosen = candidate(name, attempt);
        // link(2) never replaces an existing name, so two writers racing for one name cannot
        // both win, and the file appears under its name whole
        const QByteArray target = QFile::encodeName(dir.filePath(chosen));
        const int linked = ::link(temporary.path(), target.constData());
        const int error = linked == 0 ? 0 : errno;
        if (linked == 0)
            return chosen;
        if (error != EEXIST)
            return Result<QString>::failure(Error::Code::Io, systemError(error));
    }
    return Result<QString>::failure(Error::Code::Refused, u"every name is taken"_s);
}

} // namespace jb
