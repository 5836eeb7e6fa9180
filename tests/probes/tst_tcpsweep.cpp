// TcpSweep against real sockets: listeners on loopback (IPv4 and IPv6), a port nothing listens on,
// and a destination inside a network namespace that drops packets. Each outcome with its message,
// timeouts within 20% counted from each connect's own start, the budget bound (also when slots are
// held by others), cancel, running out of file descriptors, and every target reported once.
#include "probebudget.h"
#include "tcpsweep.h"
#include "testservices.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QTcpServer>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace jb;
using namespace std::chrono_literals;

namespace {

struct SweepRecord
{
    QList<SweepOutcome> ended;
    QList<qsizetype> started;
    QList<qsizetype> endedBeforeStart; // indexes reported ended without a start reported first
    qint64 elapsedMs = 0;
};

// Runs a sweep on another thread (as the runner does) and collects what it reported.
SweepRecord sweep(const QList<SweepTarget> &targets, ProbeBudget &budget, const CancelFlag &cancel = {})
{
    SweepRecord record;
    QElapsedTimer clock;
    clock.start();
    QtConcurrent::run([&] {
        TcpSweep::run(
            targets, budget, cancel, [&](const QList<qsizetype> &started, const QList<SweepOutcome> &ended) {
                record.started += started;
                for (const SweepOutcome &outcome : ended) {
                    if (outcome.started && !record.started.contains(outcome.index))
                        record.endedBeforeStart.append(outcome.index);
                    record.ended.append(outcome);
                }
            });
    }).waitForFinished();
    record.elapsedMs = clock.elapsed();
    return record;
}

const SweepOutcome *outcomeOf(const SweepRecord &record, qsizetype index)
{
    for (const SweepOutcome &outcome : record.ended) {
        if (outcome.index == index)
            return &outcome;
    }
    return nullptr;
}

// A port on `address` that nothing listens on: bound once by a server, then released.
quint16 closedPort(const QHostAddress &address)
{
    QTcpServer server;
    if (!server.listen(address))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

// Accepts connections on a loopback port and closes each at once, as a busy server does, on a thread
// of its own, until none has come for 300 ms. (A connection reset before it is accepted may never
// reach accept(), so it does not count them.)
class AcceptAndClose final
{
public:
    explicit AcceptAndClose(const QHostAddress &address)
    {
        m_server.setListenBacklogSize(64);
        if (!m_server.listen(address))
            return;
        const int listener = int(m_server.socketDescriptor());
        m_thread = std::thread([listener] {
            pollfd ready{listener, POLLIN, 0};
            while (::poll(&ready, 1, 300) > 0) {
                const int connection = ::accept(listener, nullptr, nullptr);
                if (connection >= 0)
                    ::close(connection);
            }
        });
    }
    ~AcceptAndClose() { join(); }
    quint16 port() const { return m_server.serverPort(); }
    void join()
    {
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    QTcpServer m_server;
    std::thread m_thread;
};

// The TCP connections in TIME_WAIT (state 06 of /proc/net/tcp and tcp6) with `port` at either end.
int timeWaitsWith(quint16 port)
{
    int found = 0;
    for (const QString &table : {u"/proc/net/tcp"_s, u"/proc/net/tcp6"_s}) {
        QFile file(table);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> lines = file.readAll().split('\n');
        for (const QByteArray &line : lines.mid(1)) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            if (fields.size() < 4 || fields.at(3) != "06")
                continue;
            const auto portOf
                = [](const QByteArray &endpoint) { return endpoint.split(':').last().toUInt(nullptr, 16); };
            if (portOf(fields.at(1)) == port || portOf(fields.at(2)) == port)
                ++found;
        }
    }
    return found;
}

} // namespace

class TestTcpSweep final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServices> m_services;
    QTcpServer m_ipv4;
    QTcpServer m_ipv6;

    QHostAddress dropAddress() const { return QHostAddress(m_services->value(u"DROP_ADDR"_s)); }

private Q_SLOTS:
    void initTestCase()
    {
        m_services = std::make_unique<TestServices>(QStringList{u"netns"_s});
        QVERIFY2(m_services->ok(), qPrintable(m_services->error()));
        // listening is enough: the kernel completes a handshake before anyone accepts it, as long as
        // the backlog has room for every connect of the suite
        m_ipv4.setListenBacklogSize(1024);
        m_ipv6.setListenBacklogSize(1024);
        QVERIFY2(m_ipv4.listen(QHostAddress::LocalHost), qPrintable(m_ipv4.errorString()));
        QVERIFY2(m_ipv6.listen(QHostAddress::LocalHostIPv6),
            qPrintable(u"this machine needs IPv6 loopback (::1): "_s + m_ipv6.errorString()));
    }

    void cleanupTestCase() { m_services.reset(); }

    void outcomes_data()
    {
        QTest::addColumn<QString>("target"); // "open4", "open6", "closed4", "closed6", "drop"
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("peer");
        using Kind = TcpOutcome::Kind;
        QTest::addRow("open IPv4") << u"open4"_s << int(Kind::Open) << QString() << u"127.0.0.1"_s;
        QTest::addRow("open IPv6") << u"open6"_s << int(Kind::Open) << QString() << u"::1"_s;
        QTest::addRow("refused IPv4")
            << u"closed4"_s << int(Kind::Refused) << u"Connection refused"_s << QString();
        QTest::addRow("refused IPv6")
            << u"closed6"_s << int(Kind::Refused) << u"Connection refused"_s << QString();
        QTest::addRow("filtered") << u"drop"_s << int(Kind::Filtered) << QString() << QString();
    }
    void outcomes()
    {
        QFETCH(QString, target);
        QFETCH(int, kind);
        QFETCH(QString, error);
        QFETCH(QString, peer);
        QVERIFY2(m_services && m_services->ok(), "the test servers are not running");
        const std::chrono::milliseconds timeout = target == u"drop" ? 700ms : 5000ms;
        const QHash<QString, SweepTarget> targets{
            {u"open4"_s, {QHostAddress::LocalHost, m_ipv4.serverPort(), timeout}},
            {u"open6"_s, {QHostAddress::LocalHostIPv6, m_ipv6.serverPort(), timeout}},
            {u"closed4"_s, {QHostAddress::LocalHost, closedPort(QHostAddress::LocalHost), timeout}},
            {u"closed6"_s, {QHostAddress::LocalHostIPv6, closedPort(QHostAddress::LocalHostIPv6), timeout}},
            {u"drop"_s, {dropAddress(), 443, timeout}},
        };
        ProbeBudget budget(4);
        const SweepRecord record = sweep({targets.value(target)}, budget);
        QCOMPARE(record.ended.size(), 1);
        QCOMPARE(record.started, QList<qsizetype>{0});
        const TcpOutcome &outcome = record.ended.constFirst().outcome;
        QCOMPARE(int(outcome.kind), kind);
        QCOMPARE(outcome.error, error);
        QCOMPARE(outcome.peerAddress, peer);
        QCOMPARE(outcome.open(), kind == int(TcpOutcome::Kind::Open));
        if (outcome.open())
            QVERIFY2(outcome.latencyMs >= 0 && outcome.latencyMs < 1000,
                qPrintable(QString::number(outcome.latencyMs)));
        else
            QCOMPARE(outcome.latencyMs, -1.0);
        if (target == u"drop")
            QVERIFY2(record.elapsedMs >= 700 * 0.8 && record.elapsedMs <= 700 * 1.2,
                qPrintable(u"a 700 ms timeout ended after %1 ms"_s.arg(record.elapsedMs)));
        QCOMPARE(budget.peak(), 1);
    }

    // A check resets the connections it made: against a server that accepts and closes, neither end
    // is left in TIME_WAIT, through the sweep or through the pool's sockets.
    void leavesNoTimeWait_data()
    {
        QTest::addColumn<bool>("swept");
        QTest::addColumn<QHostAddress>("address");
        QTest::addRow("sweep, IPv4") << true << QHostAddress(QHostAddress::LocalHost);
        QTest::addRow("sweep, IPv6") << true << QHostAddress(QHostAddress::LocalHostIPv6);
        QTest::addRow("pool, IPv4") << false << QHostAddress(QHostAddress::LocalHost);
    }
    void leavesNoTimeWait()
    {
        QFETCH(bool, swept);
        QFETCH(QHostAddress, address);
        constexpr int connections = 20;
        AcceptAndClose server(address);
        QVERIFY(server.port() != 0);
        // The port came from the ephemeral range, where a connection of another suite running
        // meanwhile may have left a TIME_WAIT of its own: only the ones this check adds count.
        const int before = timeWaitsWith(server.port());
        if (swept) {
            QList<SweepTarget> targets(connections, SweepTarget{address, server.port(), 5000ms});
            ProbeBudget budget(4);
            const SweepRecord record = sweep(targets, budget);
            QCOMPARE(record.ended.size(), connections);
            for (const SweepOutcome &ended : record.ended)
                QVERIFY(ended.outcome.open());
        } else {
            const ProbeContext context;
            const ProbeControl control(context, 5000ms);
            const QList<std::pair<QString, int>> targets(connections, {address.toString(), server.port()});
            for (const TcpOutcome &outcome : TcpProbe::connectAll(targets, control))
                QVERIFY(outcome.open());
        }
        server.join();
        QVERIFY2(timeWaitsWith(server.port()) <= before,
            qPrintable(
                u"%1 TIME_WAIT before the check, %2 after"_s.arg(before).arg(timeWaitsWith(server.port()))));
    }

    // Waves of `capacity` filtered connects: each waits its own timeout from its own start.
    void budgetBound_data()
    {
        QTest::addColumn<int>("capacity");
        QTest::addColumn<int>("heldByOthers"); // slots the pool's probes hold throughout
        QTest::addColumn<int>("targets");
        QTest::addRow("3 at a time") << 3 << 0 << 9;
        QTest::addRow("2 of 4 held elsewhere") << 4 << 2 << 6;
        QTest::addRow("one at a time") << 1 << 0 << 3;
    }
    void budgetBound()
    {
        QFETCH(int, capacity);
        QFETCH(int, heldByOthers);
        QFETCH(int, targets);
        QVERIFY2(m_services && m_services->ok(), "the test servers are not running");
        const int timeoutMs = 400;
        QList<SweepTarget> list;
        for (int i = 0; i < targets; ++i)
            list.append({dropAddress(), quint16(2000 + i), std::chrono::milliseconds(timeoutMs)});
        ProbeBudget budget(capacity);
        for (int i = 0; i < heldByOthers; ++i)
            QVERIFY(budget.tryTake());
        const SweepRecord record = sweep(list, budget);
        const int waves = targets / (capacity - heldByOthers);
        QVERIFY2(
            record.elapsedMs >= waves * timeoutMs * 0.8 && record.elapsedMs <= waves * timeoutMs * 1.2 + 200,
            qPrintable(u"%1 waves of %2 ms took %3 ms"_s.arg(waves).arg(timeoutMs).arg(record.elapsedMs)));
        QCOMPARE(budget.peak(), capacity);
        QCOMPARE(record.ended.size(), targets);
        for (int i = 0; i < targets; ++i) {
            const SweepOutcome *outcome = outcomeOf(record, i);
            QVERIFY2(outcome, qPrintable(u"target %1 was never reported"_s.arg(i)));
            QCOMPARE(outcome->outcome.kind, TcpOutcome::Kind::Filtered);
        }
        QVERIFY(record.endedBeforeStart.isEmpty());
        // every slot it took came back: the others' slots and all the rest are free
        for (int i = 0; i < heldByOthers; ++i)
            budget.give();
        for (int i = 0; i < capacity; ++i)
            QVERIFY(budget.tryTake());
        QVERIFY(!budget.tryTake());
    }

    // A slot given back by another probe mid-sweep is used at once.
    void slotFreedElsewhere()
    {
        ProbeBudget budget(1);
        QVERIFY(budget.tryTake());
        std::thread other([&budget] {
            std::this_thread::sleep_for(300ms);
            budget.give();
        });
        const SweepRecord record = sweep({{QHostAddress::LocalHost, m_ipv4.serverPort(), 5000ms}}, budget);
        other.join();
        QCOMPARE(record.ended.size(), 1);
        QVERIFY(record.ended.constFirst().outcome.open());
        QVERIFY2(record.elapsedMs >= 250 && record.elapsedMs < 1000,
            qPrintable(QString::number(record.elapsedMs)));
    }

    void cancel()
    {
        QVERIFY2(m_services && m_services->ok(), "the test servers are not running");
        QList<SweepTarget> list;
        for (int i = 0; i < 10; ++i)
            list.append({dropAddress(), quint16(3000 + i), 5000ms});
        ProbeBudget budget(4);
        auto flag = std::make_shared<std::atomic_bool>(false);
        std::thread canceller([flag] {
            std::this_thread::sleep_for(200ms);
            flag->store(true);
        });
        const SweepRecord record = sweep(list, budget, flag);
        canceller.join();
        QVERIFY2(record.elapsedMs < 600, qPrintable(u"cancel took until %1 ms"_s.arg(record.elapsedMs)));
        QCOMPARE(record.ended.size(), 10);
        int started = 0;
        for (const SweepOutcome &outcome : record.ended) {
            QCOMPARE(outcome.outcome.kind, TcpOutcome::Kind::Cancelled);
            started += outcome.started ? 1 : 0;
        }
        QCOMPARE(started, 4); // the four in flight; the six waiting never started
        QCOMPARE(record.started.size(), 4);
    }

    // With the process out of file descriptors, the sweep waits for its own to close and goes on.
    void outOfDescriptors()
    {
        rlimit original{};
        QCOMPARE(::getrlimit(RLIMIT_NOFILE, &original), 0);
        QSet<int> open;
        for (const QString &fd : QDir(u"/proc/self/fd"_s).entryList(QDir::NoDotAndDotDot | QDir::AllEntries))
            open.insert(fd.toInt());
        // the limit bounds descriptor numbers, not their count, and earlier tests leave gaps: it goes
        // where six numbers below it are free
        rlimit tight = original;
        tight.rlim_cur = 0;
        for (int free = 0; free < 6; ++tight.rlim_cur) {
            if (!open.contains(int(tight.rlim_cur)))
                ++free;
        }
        QCOMPARE(::setrlimit(RLIMIT_NOFILE, &tight), 0);
        QList<SweepTarget> list;
        for (int i = 0; i < 40; ++i)
            list.append({QHostAddress::LocalHost, m_ipv4.serverPort(), 5000ms});
        ProbeBudget budget(64);
        const SweepRecord record = sweep(list, budget);
        QCOMPARE(::setrlimit(RLIMIT_NOFILE, &original), 0);
        QCOMPARE(record.ended.size(), 40);
        for (const SweepOutcome &outcome : record.ended)
            QVERIFY2(outcome.outcome.open(), qPrintable(outcome.outcome.error));
        QVERIFY2(budget.peak() < 10, qPrintable(QString::number(budget.peak())));
    }

    // What the sweep takes and what goes through TcpProbe instead.
    void targetOf_data()
    {
        QTest::addColumn<QString>("probe");
        QTest::addColumn<QString>("connectTo");
        QTest::addColumn<QString>("expected"); // "address port", or empty: not swept
        QTest::addRow("IPv4 address") << u"tcp 10.0.0.5 5432"_s << QString() << u"10.0.0.5 5432"_s;
        QTest::addRow("IPv6 address") << u"tcp ::1 22"_s << QString() << u"::1 22"_s;
        QTest::addRow("a name to resolve") << u"tcp erp.internal 443"_s << QString() << QString();
        QTest::addRow("a name sent to an address")
            << u"tcp erp.internal 443"_s << u"erp.internal:443:127.0.0.1:8443"_s << u"127.0.0.1 8443"_s;
        QTest::addRow("an address sent to a name")
            << u"tcp 10.0.0.5 443"_s << u"10.0.0.5:443:localhost:8443"_s << QString();
        QTest::addRow("no port") << u"tcp 10.0.0.5 0"_s << QString() << QString();
        QTest::addRow("port out of range") << u"tcp 10.0.0.5 70000"_s << QString() << QString();
        QTest::addRow("not a TCP probe") << u"dns 10.0.0.5 53"_s << QString() << QString();
    }
    void targetOf()
    {
        QFETCH(QString, probe);
        QFETCH(QString, connectTo);
        QFETCH(QString, expected);
        const QStringList parts = probe.split(u' ');
        ProbeSpec spec;
        spec.type = parts.at(0) == u"tcp" ? ProbeType::Tcp : ProbeType::Dns;
        spec.host = parts.at(1);
        spec.port = parts.at(2).toInt();
        ProbeContext context;
        if (!connectTo.isEmpty())
            context.connectTo.append(ConnectTo::parse(connectTo).value());
        const std::optional<SweepTarget> target = TcpSweep::targetOf(spec, context, 1234ms);
        QCOMPARE(target ? u"%1 %2"_s.arg(target->address.toString()).arg(target->port) : QString(), expected);
        if (target)
            QCOMPARE(target->timeout, 1234ms);
    }
};

QTEST_MAIN(TestTcpSweep)
#include "tst_tcpsweep.moc"
