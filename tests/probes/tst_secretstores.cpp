// The secret stores: the environment store (names to variables, a clear message when one is
// missing) and the keychain store through QtKeychain, from its own thread and from a worker. A test
// machine may have no keychain service: then every read must fail in bounded time with a message
// naming the secret, and never fall back to plain-text storage.
#include "environmentsecretstore.h"
#include "keychainsecretstore.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;
using namespace jb;

class TestSecretStores final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void environmentStoreDescribes()
    {
        const EnvironmentSecretStore store(QProcessEnvironment{});
        QCOMPARE(
            store.describe(u"erp-sftp-key"_s), u"environment variable JOURNEYBENCH_SECRET_ERP_SFTP_KEY"_s);
        QVERIFY(!store.secret(QString()).ok());
    }

    void keychainRoundTripOrClearRefusal()
    {
        KeychainSecretStore store(u"JourneyBench tests"_s);
        const QString name = u"probe-test-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString value = u"value-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
        QSignalSpy finished(&store, &KeychainSecretStore::finished);
        store.write(name, value);
        QVERIFY(finished.wait(int(KeychainSecretStore::readTimeout.count()) + 5000));
        const bool written = finished.constFirst().at(1).toBool();

        QElapsedTimer clock;
        clock.start();
        const Result<QString> here = store.secret(name); // on the store's own thread
        // from a worker: the job runs on this thread, so this thread must keep its events flowing
        QFuture<Result<QString>> future = QtConcurrent::run([&store, name] { return store.secret(name); });
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), int(KeychainSecretStore::readTimeout.count()) + 5000);
        const Result<QString> worker = future.result();
        QVERIFY(clock.elapsed() < 2 * KeychainSecretStore::readTimeout.count() + 5000);
        QCOMPARE(worker.ok(), here.ok());
        QCOMPARE(worker.errorString(), here.errorString());
        if (written) {
            QVERIFY2(here.ok(), qPrintable(here.errorString()));
            QCOMPARE(here.value(), value);
            finished.clear();
            store.remove(name);
            QVERIFY(finished.wait(int(KeychainSecretStore::readTimeout.count()) + 5000));
            QVERIFY(finished.constFirst().at(1).toBool());
        } else {
            // no keychain service here: a refusal that names the secret and where it was looked for
            QVERIFY(!here.ok());
            qInfo("no keychain service on this machine: %s", qPrintable(here.errorString()));
            QVERIFY2(here.errorString().contains(name), qPrintable(here.errorString()));
            QVERIFY2(here.errorString().contains(u"JourneyBench tests"_s), qPrintable(here.errorString()));
        }
    }
};

QTEST_GUILESS_MAIN(TestSecretStores)
#include "tst_secretstores.moc"
