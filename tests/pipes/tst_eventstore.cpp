// The SQLite event store: append, list with filters, handling, the one automatic re-run, the
// .gitignore of the work folder, and several threads writing at once.
#include "eventstore.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

using namespace Qt::StringLiterals;
using namespace jb;

namespace {

QJsonObject errorEvent(const QString &key, const QString &pipe, const QString &errorClass, bool retriable)
{
    return {{u"executionKey"_s, key}, {u"pipe"_s, pipe}, {u"class"_s, errorClass},
        {u"retriable"_s, retriable}, {u"message"_s, u"m"_s}};
}

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestEventStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void appendAndGet();
    void filters_data();
    void filters();
    void handling();
    void retryOnlyOnce();
    void gitignore_data();
    void gitignore();
    void nothingStoredYet();
    void concurrentWriters();
    void tornLog_data();
    void tornLog();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString file() const { return EventStore::defaultFile(m_dir->path()); }
};

void TestEventStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestEventStore::appendAndGet()
{
    EventStore store(file(), m_dir->path());
    const Result<qint64> id
        = store.append(u"journey-errors"_s, errorEvent(u"k1"_s, u"sp-check"_s, u"data"_s, false));
    QVERIFY2(id.ok(), qPrintable(id.errorString()));
    // another connection (as another thread would have) sees it committed
    EventStore reader(file());
    const Result<StoredEvent> event = reader.get(id.value());
    QVERIFY(event.ok());
    QCOMPARE(event.value().name, u"journey-errors"_s);
    QCOMPARE(event.value().status, u"pending"_s);
    QCOMPARE(event.value().attempts, 0);
    QCOMPARE(event.value().executionKey, u"k1"_s);
    QCOMPARE(event.value().pipe, u"sp-check"_s);
    QCOMPARE(event.value().errorClass, u"data"_s);
    QCOMPARE(event.value().payload.value(u"message"_s).toString(), u"m"_s);
    QVERIFY(!event.value().created.isEmpty());
    // a published event that is no error event has the error columns empty
    const Result<qint64> plain = store.append(u"order-new"_s, {{u"n"_s, 1}});
    QVERIFY(plain.ok());
    QCOMPARE(reader.get(plain.value()).value().executionKey, QString());
    QCOMPARE(reader.get(99).error().code, Error::Code::Reference);
}

void TestEventStore::filters_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("pipe");
    QTest::addColumn<QString>("errorClass");
    QTest::addColumn<int>("retriable"); // -1: any
    QTest::addColumn<QString>("keys");
    QTest::addRow("everything") << QString() << QString() << QString() << QString() << -1 << u"a b c d"_s;
    QTest::addRow("by name") << u"other"_s << QString() << QString() << QString() << -1 << u"d"_s;
    QTest::addRow("by status") << QString() << u"handled"_s << QString() << QString() << -1 << u"b"_s;
    QTest::addRow("by pipe") << QString() << QString() << u"p2"_s << QString() << -1 << u"c"_s;
    QTest::addRow("by class") << QString() << QString() << QString() << u"connectivity"_s << -1 << u"a b"_s;
    QTest::addRow("retriable") << QString() << QString() << QString() << QString() << 1 << u"a b"_s;
    QTest::addRow("not retriable, pending")
        << QString() << u"pending"_s << QString() << QString() << 0 << u"c d"_s;
}

void TestEventStore::filters()
{
    QFETCH(QString, name);
    QFETCH(QString, status);
    QFETCH(QString, pipe);
    QFETCH(QString, errorClass);
    QFETCH(int, retriable);
    QFETCH(QString, keys);
    EventStore store(file());
    QVERIFY(store.append(u"errors"_s, errorEvent(u"a"_s, u"p1"_s, u"connectivity"_s, true)).ok());
    const qint64 b = store.append(u"errors"_s, errorEvent(u"b"_s, u"p1"_s, u"connectivity"_s, true)).value();
    QVERIFY(store.append(u"errors"_s, errorEvent(u"c"_s, u"p2"_s, u"data"_s, false)).ok());
    QVERIFY(store.append(u"other"_s, errorEvent(u"d"_s, u"p1"_s, u"access"_s, false)).ok());
    QVERIFY(store.finish(b, u"handled"_s, u"ok"_s).ok());
    EventFilter filter;
    filter.name = name;
    filter.status = status;
    filter.pipe = pipe;
    filter.errorClass = errorClass;
    if (retriable >= 0)
        filter.retriable = retriable == 1;
    const Result<QList<StoredEvent>> listed = store.list(filter);
    QVERIFY(listed.ok());
    QStringList found;
    for (const StoredEvent &event : listed.value())
        found.append(event.executionKey);
    QCOMPARE(found.join(u' '), keys);
    QCOMPARE(store.count(filter).value(), found.size());
}

void TestEventStore::handling()
{
    EventStore store(file());
    const qint64 id = store.append(u"errors"_s, errorEvent(u"k"_s, u"p"_s, u"data"_s, false)).value();
    QVERIFY(store.finish(id, u"failed"_s, u"first try"_s).ok());
    QVERIFY(store.finish(id, u"handled"_s, u"second try"_s).ok());
    const StoredEvent event = store.get(id).value();
    QCOMPARE(event.status, u"handled"_s);
    QCOMPARE(event.attempts, 2);
    QCOMPARE(event.outcome, u"second try"_s);
    QVERIFY(event.updated >= event.created);
}

void TestEventStore::retryOnlyOnce()
{
    EventStore first(file());
    EventStore second(file());
    const qint64 id = first.append(u"errors"_s, errorEvent(u"k"_s, u"p"_s, u"connectivity"_s, true)).value();
    QCOMPARE(first.claimRetry(id).value(), true);
    // whoever asks next, on any connection, does not get it again
    QCOMPARE(second.claimRetry(id).value(), false);
    QCOMPARE(first.claimRetry(id).value(), false);
    QCOMPARE(second.get(id).value().retry, u"scheduled"_s);
    QVERIFY(second.recordRetry(id, true, u"re-run answered 200"_s).ok());
    QCOMPARE(first.get(id).value().retry, u"succeeded"_s);
    QCOMPARE(first.get(id).value().outcome, u"re-run answered 200"_s);
    QCOMPARE(first.claimRetry(id).value(), false);
}

void TestEventStore::gitignore_data()
{
    QTest::addColumn<QString>("before"); // the .gitignore before; "-" for none
    QTest::addColumn<QString>("after");
    const QString entry
        = u"# JourneyBench's local work files (event store): never committed\n.journeybench/\n"_s;
    QTest::addRow("none") << u"-"_s << entry;
    QTest::addRow("other entries") << u"build/\n*.tmp"_s << u"build/\n*.tmp\n"_s + entry;
    QTest::addRow("already ignored") << u"/.journeybench/\n"_s << u"/.journeybench/\n"_s;
}

void TestEventStore::gitignore()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    const QString path = QDir(m_dir->path()).filePath(u".gitignore"_s);
    if (before != u"-") {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(before.toUtf8());
    }
    {
        EventStore store(file(), m_dir->path());
        QVERIFY(store.append(u"e"_s, {}).ok());
        QVERIFY(store.append(u"e"_s, {}).ok());
    }
    // a second store on the existing file leaves it alone
    EventStore again(file(), m_dir->path());
    QVERIFY(again.append(u"e"_s, {}).ok());
    QCOMPARE(readFile(path), after);
    QVERIFY(QFileInfo::exists(QDir(m_dir->path()).filePath(u".journeybench/events.sqlite"_s)));
}

void TestEventStore::nothingStoredYet()
{
    EventStore store(file(), m_dir->path());
    QCOMPARE(store.list().value().size(), 0);
    QCOMPARE(store.count().value(), 0);
    QVERIFY(!store.get(1).ok());
    // reading creates nothing: no folder, no .gitignore
    QVERIFY(!QFileInfo::exists(QDir(m_dir->path()).filePath(u".journeybench"_s)));
    QVERIFY(!QFileInfo::exists(QDir(m_dir->path()).filePath(u".gitignore"_s)));
}

void TestEventStore::concurrentWriters()
{
    const QString path = file();
    auto write = [path](int thread) {
        EventStore store(path); // one connection per thread
        QList<qint64> ids;
        for (int i = 0; i < 150; ++i) {
            const Result<qint64> id = store.append(u"load"_s, {{u"thread"_s, thread}, {u"i"_s, i}});
            if (id)
                ids.append(id.value());
        }
        return ids;
    };
    QFuture<QList<qint64>> one = QtConcurrent::run(write, 1);
    QFuture<QList<qint64>> two = QtConcurrent::run(write, 2);
    QFuture<QList<qint64>> three = QtConcurrent::run(write, 3);
    const QList<qint64> all = one.result() + two.result() + three.result();
    QCOMPARE(all.size(), 450);
    QCOMPARE(QSet<qint64>(all.cbegin(), all.cend()).size(), 450);
    EventStore reader(path);
    QCOMPARE(reader.count().value(), 450);
}

// What a process killed while it wrote leaves: the database and its write-ahead log as they were,
// the log's last bytes torn or followed by garbage. The store must open, keep every transaction the
// log holds whole, and drop the torn one, never failing the whole store.
void TestEventStore::tornLog_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<int>("expected"); // events left of the 20, -1: any whole prefix

    QTest::addRow("the log as it was") << u"none"_s << 20;
    QTest::addRow("garbage after the last record") << u"garbage"_s << 20;
    QTest::addRow("the last record cut short") << u"cut"_s << 19;
    QTest::addRow("a byte of the last record changed") << u"flip"_s << 19;
    QTest::addRow("only the log's header left") << u"header"_s << -1;
    QTest::addRow("an empty log") << u"empty"_s << -1;
}

void TestEventStore::tornLog()
{
    QFETCH(QString, damage);
    QFETCH(int, expected);

    constexpr int written = 20;
    const QString crashed = QDir(m_dir->path()).filePath(u"crashed/events.sqlite"_s);
    {
        // the writer stays open while its files are copied: nothing is checkpointed into the
        // database, every event is still only in the log, as in a process killed at that moment
        EventStore writer(file());
        for (int i = 0; i < written; ++i)
            QVERIFY(writer.append(u"load"_s, {{u"n"_s, i}}).ok());
        QVERIFY(QDir().mkpath(QFileInfo(crashed).absolutePath()));
        QVERIFY(QFile::copy(file(), crashed));
        QVERIFY(QFile::copy(file() + u"-wal"_s, crashed + u"-wal"_s));
    }
    QFile log(crashed + u"-wal"_s);
    QVERIFY(log.open(QIODevice::ReadWrite));
    const qint64 size = log.size();
    constexpr qint64 headerSize = 32; // SQLite's WAL header
    QVERIFY2(size > headerSize + 4096, "the events are in the log");
    if (damage == u"garbage") {
        QVERIFY(log.seek(size));
        QVERIFY(log.write(QByteArray(5000, '\x5a')) == 5000);
    } else if (damage == u"cut") {
        QVERIFY(log.resize(size - 10));
    } else if (damage == u"flip") {
        QVERIFY(log.seek(size - 100));
        const char byte = log.read(1).at(0);
        QVERIFY(log.seek(size - 100));
        QVERIFY(log.putChar(char(~byte)));
    } else if (damage == u"header") {
        QVERIFY(log.resize(headerSize));
    } else if (damage == u"empty") {
        QVERIFY(log.resize(0));
    }
    log.close();

    EventStore reader(crashed);
    const Result<QList<StoredEvent>> events = reader.list();
    QVERIFY2(events.ok(), qPrintable(events.errorString()));
    if (expected >= 0)
        QCOMPARE(events.value().size(), expected);
    // whatever is left is whole and in order: the first events, each with its payload
    for (qsizetype i = 0; i < events.value().size(); ++i)
        QCOMPARE(events.value().at(i).payload.value(u"n"_s).toInt(-1), int(i));
    // and the store takes new events after it
    const Result<qint64> next = reader.append(u"load"_s, {{u"n"_s, int(events.value().size())}});
    QVERIFY2(next.ok(), qPrintable(next.errorString()));
    QCOMPARE(reader.count().value(), int(events.value().size()) + 1);
}

QTEST_GUILESS_MAIN(TestEventStore)
#include "tst_eventstore.moc"
