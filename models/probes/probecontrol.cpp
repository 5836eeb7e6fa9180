#include "probecontrol.h"

#include <QByteArray>
#include <QDateTime>
#include <QEventLoop>
#include <QTimer>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace jb {

namespace {
// How often a waiting probe looks at the cancel flag: cancel answers within this.
constexpr int cancelPollMs = 25;
} // namespace

ProbeControl::ProbeControl(const ProbeContext &context, std::chrono::milliseconds timeout, CancelFlag cancel)
    : m_context(context)
    , m_timeout(timeout)
    , m_deadline(timeout, Qt::PreciseTimer)
    , m_startMs(QDeadlineTimer::current(Qt::PreciseTimer).deadline())
    , m_cancel(std::move(cancel))
{ }

QString ProbeControl::timeoutText() const
{
    return u"%1 s"_s.arg(double(m_timeout.count()) / 1000.0, 0, 'f', 1);
}

bool ProbeControl::cancelled() const
{
    return m_cancel && m_cancel->load();
}

qint64 ProbeControl::remainingMs() const
{
    return std::max<qint64>(0, m_deadline.remainingTime());
}

qint64 ProbeControl::elapsedMs() const
{
    return QDeadlineTimer::current(Qt::PreciseTimer).deadline() - m_startMs;
}

ProbeControl::Wait ProbeControl::wait(QEventLoop &loop, const std::function<bool()> &done) const
{
    QTimer deadline;
    deadline.setTimerType(Qt::PreciseTimer);
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&loop] { loop.quit(); });
    QTimer poll;
    poll.setInterval(cancelPollMs);
    QObject::connect(&poll, &QTimer::timeout, &loop, [this, &loop] {
        if (cancelled())
            loop.quit();
    });
    poll.start();
    // bounded: every pass ends on done(), the deadline or the cancel flag
    for (;;) {
        if (done())
            return Wait::Done;
        if (cancelled())
            return Wait::Cancelled;
        if (m_deadline.hasExpired())
            return Wait::TimedOut;
        deadline.start(int(std::max<qint64>(1, m_deadline.remainingTime())));
        loop.exec();
    }
}

Result<QString> ProbeControl::secret(const QString &name)
{
    if (!m_context.secrets)
        return Result<QString>::failure(Error::Code::Internal, u"no secret store is configured"_s);
    Result<QString> value = m_context.secrets->secret(name);
    if (value && !value.value().isEmpty()) {
        m_secretValues.append(value.value());
        // a key file's lines could surface one at a time (a parser quoting the line it choked on)
        const QStringList lines = value.value().split(u'\n', Qt::SkipEmptyParts);
        for (const QString &line : lines) {
            if (lines.size() > 1 && line.trimmed().size() >= 16)
                m_secretValues.append(line.trimmed());
        }
    }
    return value;
}

QString ProbeControl::scrub(QString text) const
{
    for (const QString &value : m_secretValues) {
        text.replace(value, u"********"_s);
        // the forms a value takes on the wire: Basic auth and URL encoding
        text.replace(QString::fromLatin1(value.toUtf8().toBase64()), u"********"_s);
        text.replace(QString::fromLatin1(QUrl::toPercentEncoding(value)), u"********"_s);
    }
    return text;
}

} // namespace jb
