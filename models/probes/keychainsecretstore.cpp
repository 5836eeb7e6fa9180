#include "keychainsecretstore.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMutex>
#include <QThread>
#include <QWaitCondition>
#include <qt6keychain/keychain.h>

#include <optional>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QString reason(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::EntryNotFound:
        return u"no such entry"_s;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return u"access denied"_s;
    case QKeychain::NoBackendAvailable:
        return u"no keychain service is running (headless runs read JOURNEYBENCH_SECRET_<NAME>)"_s;
    case QKeychain::NotImplemented:
        return u"not supported on this platform"_s;
    default:
        return u"keychain error"_s;
    }
}

} // namespace

// The hand-over between the thread that asks and the thread that runs the job.
struct KeychainSecretStore::PendingRead
{
    QMutex mutex;
    QWaitCondition ready;
    std::optional<Result<QString>> result;

    void finish(Result<QString> value)
    {
        const QMutexLocker lock(&mutex);
        result.emplace(std::move(value));
        ready.wakeAll();
    }
};

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{ }

QString KeychainSecretStore::describe(const QString &name) const
{
    return u"the keychain entry \"%1\" of %2"_s.arg(name, m_service);
}

void KeychainSecretStore::startRead(const QString &name, const std::shared_ptr<PendingRead> &pending) const
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(name);
    const QString where = describe(name);
    // the job is its own context: it lives exactly as long as the answer can arrive
    QObject::connect(job, &QKeychain::Job::finished, job, [pending, name, where](QKeychain::Job *done) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(done);
        if (read->error() == QKeychain::NoError)
            return pending->finish(read->textData());
        const Error::Code code
            = read->error() == QKeychain::EntryNotFound ? Error::Code::Reference : Error::Code::Refused;
        pending->finish(Error{code,
            u"the secret \"%1\" could not be read from %2: %3 (%4)"_s.arg(
                name, where, reason(read->error()), read->errorString())});
    });
    job->start();
}

Result<QString> KeychainSecretStore::secret(const QString &name) const
{
    if (name.isEmpty())
        return Result<QString>::failure(Error::Code::Reference, u"no secret is named"_s);
    auto pending = std::make_shared<PendingRead>();
    const QDeadlineTimer deadline(readTimeout);
    const auto timedOut = Result<QString>::failure(Error::Code::Timeout,
        u"the keychain did not answer within %1 s for the secret \"%2\""_s.arg(readTimeout.count() / 1000)
            .arg(name));
    if (QThread::currentThread() == thread()) {
        // on our own thread: spin a bounded local loop instead of waiting for ourselves
        startRead(name, pending);
        for (;;) {
            {
                const QMutexLocker lock(&pending->mutex);
                if (pending->result)
                    return *pending->result;
            }
            if (deadline.hasExpired())
                return timedOut;
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        }
    }
    QMetaObject::invokeMethod(
        const_cast<KeychainSecretStore *>(this), [this, name, pending] { startRead(name, pending); },
        Qt::QueuedConnection);
    QMutexLocker lock(&pending->mutex);
    while (!pending->result) {
        if (!pending->ready.wait(&pending->mutex, deadline))
            return timedOut;
    }
    return *pending->result;
}

void KeychainSecretStore::write(const QString &name, const QString &value)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(name);
    job->setTextData(value);
    connect(job, &QKeychain::Job::finished, this, [this, name](QKeychain::Job *done) {
        Q_EMIT finished(name, done->error() == QKeychain::NoError, done->errorString());
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &name)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(name);
    connect(job, &QKeychain::Job::finished, this, [this, name](QKeychain::Job *done) {
        Q_EMIT finished(name, done->error() == QKeychain::NoError, done->errorString());
    });
    job->start();
}

} // namespace jb
