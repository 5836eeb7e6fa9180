// The event store under SIGKILL: journeybench-cli serve publishes one event per request before it
// answers 202, and is killed at a random moment of a load run. Every request that got its 202 must
// be in the store afterwards, once, and the store must open as if nothing had happened.
#include "eventstore.h"
#include "loadclient.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace jb;
using namespace jb::test;

namespace {

constexpr int rounds = 5;
constexpr int requestsPerRound = 3000;
constexpr int connections = 4;

// a pipe that keeps each request as an event, then accepts it
constexpr char acceptPipe[] = R"({
  "id": "accept",
  "name": "Accept",
  "trigger": {"type": "rest", "method": "GET", "path": "/accept/{n}", "timeoutMs": 30000, "maxRequestBytes": 65536},
  "steps": [
    {"id": "store", "type": "publish", "name": "Keep it", "event": "accepted", "body": "{{ ({n: request.params.n}) }}"},
    {"id": "answer", "type": "respond", "name": "202", "status": 202, "body": {"n": "{{ request.params.n }}"}}
  ]
}
)";

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return QDir().mkpath(QFileInfo(path).absolutePath()) && file.open(QIODevice::WriteOnly)
        && file.write(bytes) == bytes.size();
}

} // namespace

class TestServeKill final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(writeFile(m_dir.filePath(u"journey.json"_s),
            "{\n  \"schemaVersion\": 1,\n  \"name\": \"Serve kill\",\n  \"checklist\": {},\n"
            "  \"timeline\": {}\n}\n"));
        QVERIFY(writeFile(m_dir.filePath(u"pipes/accept.json"_s), acceptPipe));
    }

    void everyAcceptedRequestIsStored()
    {
        const quint32 seed = qEnvironmentVariableIsSet("JB_KILL_SEED")
            ? qEnvironmentVariable("JB_KILL_SEED").toUInt()
            : QRandomGenerator::global()->generate();
        qInfo("seed %u (set JB_KILL_SEED to repeat)", seed);
        QRandomGenerator random(seed);

        qsizetype accepted = 0;
        qsizetype unanswered = 0;
        QSet<QString> acceptedKeys;
        for (int round = 0; round < rounds; ++round) {
            QProcess server;
            server.setStandardErrorFile(QProcess::nullDevice());
            server.start(QStringLiteral(JB_CLI_PATH), {u"serve"_s, m_dir.path(), u"--port"_s, u"0"_s});
            QVERIFY(server.waitForStarted());
            QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), 20000);
            const QUrl base(QString::fromUtf8(server.readLine().trimmed()));
            QVERIFY(base.port() > 0);

            QList<QByteArray> targets;
            for (int i = 0; i < requestsPerRound; ++i)
                targets.append("/accept/" + QByteArray::number(round) + '-' + QByteArray::number(i));
            // the kill lands after a random number of answers, anywhere in the first two thirds
            const int killAfter = int(random.bounded(1, requestsPerRound * 2 / 3));
            LoadClient client(quint16(base.port()), targets, connections);
            QTRY_VERIFY_WITH_TIMEOUT(client.done() >= killAfter, 60000);
            server.kill(); // SIGKILL
            QVERIFY(server.waitForFinished(10000));
            QCOMPARE(server.exitStatus(), QProcess::CrashExit);
            // the server is gone: every request written either has its answer or is lost with its
            // connection, and nothing more is sent
            QTRY_COMPARE_WITH_TIMEOUT(client.done(), client.sent(), 10000);
            QVERIFY2(client.sent() < requestsPerRound, "the kill came after the run had ended");

            for (qsizetype i = 0; i < client.sent(); ++i) {
                const LoadClient::Answer &answer = client.answers().at(i);
                if (answer.status == 0) {
                    ++unanswered;
                    continue;
                }
                QCOMPARE(answer.status, 202);
                acceptedKeys.insert(QString::fromLatin1(targets.at(i).mid(8)));
                ++accepted;
            }
        }

        EventStore store(EventStore::defaultFile(m_dir.path()));
        EventFilter filter;
        filter.name = u"accepted"_s;
        filter.limit = 1000000;
        const Result<QList<StoredEvent>> events = store.list(filter);
        QVERIFY2(events, qPrintable(events.errorString()));
        QSet<QString> stored;
        for (const StoredEvent &event : events.value()) {
            const QString key = event.payload.value(u"n"_s).toString();
            QVERIFY2(!stored.contains(key), qPrintable(u"stored twice: "_s + key));
            stored.insert(key);
        }
        for (const QString &key : std::as_const(acceptedKeys))
            QVERIFY2(stored.contains(key), qPrintable(u"answered 202 but not stored: "_s + key));
        // a request may be stored and lose its answer with the kill; never the other way round
        QVERIFY(stored.size() >= acceptedKeys.size());
        QVERIFY(stored.size() <= acceptedKeys.size() + unanswered);
        qInfo("%d kills, %lld requests answered 202 and all %lld of them stored; %lld lost their answer "
              "with the kill, %lld of those stored anyway",
            rounds, qint64(accepted), qint64(accepted), qint64(unanswered),
            qint64(stored.size() - acceptedKeys.size()));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestServeKill)
#include "tst_servekill.moc"
