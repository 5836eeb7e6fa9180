#include "httplimits.h"
#include "mocksettings.h"
#include "pipedefinition.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace jb;

// The servers' limits as they are written in a project: a pipe's REST trigger and the mock's
// mocks/server.json, with their defaults, and a clear message for each wrong value.
class TestHttpLimits final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void readsAndWrites();
    void badLimits_data();
    void badLimits();
    void loosestOfTwo();
    void inAPipeTrigger();
    void inTheMockSettings_data();
    void inTheMockSettings();
};

namespace {

QJsonValue json(const char *text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text);
    return document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
}

QString print(const HttpLimits &limits)
{
    return u"head %1 ms, body %2 ms, idle %3 ms, head %4 B, line %5 B, %6 connections"_s
        .arg(limits.headerTimeoutMs)
        .arg(limits.bodyTimeoutMs)
        .arg(limits.idleTimeoutMs)
        .arg(limits.maxHeaderBytes)
        .arg(limits.maxLineBytes)
        .arg(limits.maxConnections);
}

} // namespace

void TestHttpLimits::defaults()
{
    const Result<HttpLimits> none = HttpLimits::fromJson(QJsonValue(QJsonValue::Undefined), u"limits"_s);
    QVERIFY(none);
    QCOMPARE(print(none.value()),
        u"head 10000 ms, body 30000 ms, idle 60000 ms, head 65536 B, line 8192 B, 512 connections"_s);
    QCOMPARE(none.value(), HttpLimits());
    QVERIFY(HttpLimits().toJson().isEmpty()); // a file states only what it changes
}

void TestHttpLimits::readsAndWrites()
{
    const Result<HttpLimits> limits = HttpLimits::fromJson(
        json(R"({"headerTimeoutMs": 2000, "maxConnections": 50, "maxLineBytes": 4096})"), u"limits"_s);
    QVERIFY2(limits, qPrintable(limits.errorString()));
    QCOMPARE(print(limits.value()),
        u"head 2000 ms, body 30000 ms, idle 60000 ms, head 65536 B, line 4096 B, 50 connections"_s);
    QCOMPARE(QJsonDocument(limits.value().toJson()).toJson(QJsonDocument::Compact),
        QByteArray(R"({"headerTimeoutMs":2000,"maxConnections":50,"maxLineBytes":4096})"));
    const Result<HttpLimits> again = HttpLimits::fromJson(limits.value().toJson(), u"limits"_s);
    QVERIFY(again);
    QCOMPARE(again.value(), limits.value());
}

void TestHttpLimits::badLimits_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::addRow("not an object") << QByteArray("[1]") << u"limits must be an object"_s;
    QTest::addRow("unknown key")
        << QByteArray(R"({"headerTimeout": 5})")
        << u"limits has no setting \"headerTimeout\" (known: headerTimeoutMs, bodyTimeoutMs, "
           "idleTimeoutMs, maxHeaderBytes, maxLineBytes, maxConnections)"_s;
    QTest::addRow("zero timeout")
        << QByteArray(R"({"idleTimeoutMs": 0})")
        << u"limits.idleTimeoutMs must be a whole number of milliseconds from 1 to 3600000"_s;
    QTest::addRow("text for a number")
        << QByteArray(R"({"bodyTimeoutMs": "30s"})")
        << u"limits.bodyTimeoutMs must be a whole number of milliseconds from 1 to 3600000"_s;
    QTest::addRow("fractional")
        << QByteArray(R"({"headerTimeoutMs": 1.5})")
        << u"limits.headerTimeoutMs must be a whole number of milliseconds from 1 to 3600000"_s;
    QTest::addRow("head past the parser's own limit")
        << QByteArray(R"({"maxHeaderBytes": 1048576})")
        << u"limits.maxHeaderBytes must be a whole number of bytes from 256 to 81920"_s;
    QTest::addRow("too many connections")
        << QByteArray(R"({"maxConnections": 100000})")
        << u"limits.maxConnections must be a whole number of connections from 1 to 10000"_s;
    QTest::addRow("line longer than the head")
        << QByteArray(R"({"maxHeaderBytes": 1024, "maxLineBytes": 2048})")
        << u"limits.maxLineBytes (2048) cannot be more than maxHeaderBytes (1024)"_s;
}

void TestHttpLimits::badLimits()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    const Result<HttpLimits> limits = HttpLimits::fromJson(json(text.constData()), u"limits"_s);
    QVERIFY(!limits);
    QCOMPARE(limits.errorString(), error);
}

void TestHttpLimits::loosestOfTwo()
{
    HttpLimits strict;
    strict.headerTimeoutMs = 1000;
    strict.maxConnections = 2000;
    HttpLimits loose;
    loose.headerTimeoutMs = 20000;
    loose.maxLineBytes = 1024;
    QCOMPARE(print(strict.loosest(loose)),
        u"head 20000 ms, body 30000 ms, idle 60000 ms, head 65536 B, line 8192 B, 2000 connections"_s);
}

void TestHttpLimits::inAPipeTrigger()
{
    const char *pipe = R"({"id": "p", "trigger": {"type": "rest", "method": "GET", "path": "/p",
        "limits": {"headerTimeoutMs": 1500, "maxConnections": 20}}, "steps": []})";
    const Result<PipeDefinition> read = PipeDefinition::fromJson(json(pipe).toObject());
    QVERIFY2(read, qPrintable(read.errorString()));
    QCOMPARE(print(read.value().trigger.limits),
        u"head 1500 ms, body 30000 ms, idle 60000 ms, head 65536 B, line 8192 B, 20 connections"_s);

    const char *bad = R"({"id": "p", "trigger": {"type": "rest", "method": "GET", "path": "/p",
        "limits": {"maxConnections": -1}}, "steps": []})";
    const Result<PipeDefinition> refused = PipeDefinition::fromJson(json(bad).toObject());
    QVERIFY(!refused);
    QCOMPARE(refused.errorString(),
        u"pipe \"p\": trigger.limits.maxConnections must be a whole number of connections from 1 to 10000"_s);
}

void TestHttpLimits::inTheMockSettings_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("result");
    QTest::addRow("empty object") << QByteArray("{}") << print(HttpLimits());
    QTest::addRow("limits")
        << QByteArray(R"({"limits": {"idleTimeoutMs": 5000}})")
        << u"head 10000 ms, body 30000 ms, idle 5000 ms, head 65536 B, line 8192 B, 512 connections"_s;
    QTest::addRow("not JSON") << QByteArray("{limits")
                              << u"error: server.json: not JSON (unterminated object at byte 2)"_s;
    QTest::addRow("an array") << QByteArray("[]")
                              << u"error: server.json: must hold an object, {\"limits\": {...}}"_s;
    QTest::addRow("unknown key") << QByteArray(R"({"limit": {}})")
                                 << u"error: server.json: has no setting \"limit\" (known: limits)"_s;
    QTest::addRow("bad limit")
        << QByteArray(R"({"limits": {"maxHeaderBytes": 10}})")
        << u"error: server.json: limits.maxHeaderBytes must be a whole number of bytes from 256 to 81920"_s;
}

void TestHttpLimits::inTheMockSettings()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, result);
    const Result<MockSettings> settings = MockSettings::fromJson(text, u"server.json"_s);
    QCOMPARE(settings ? print(settings.value().limits) : u"error: "_s + settings.errorString(), result);
}

QTEST_APPLESS_MAIN(TestHttpLimits)

#include "tst_httplimits.moc"
