#include "faultinjector.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTest>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

const QString jsonRoute = u"GET /ws/{cep}/json/"_s;
const QString otherRoute = u"POST /api/v1/customers"_s;

MockResponse sampleAnswer(const QString &route = jsonRoute)
{
    MockResponse response = MockResponse::withBody(
        200, "application/json; charset=utf-8", "{\n  \"cep\": \"01001-000\",\n  \"uf\": \"SP\"\n}");
    response.route = route;
    response.prebuild();
    return response;
}

FaultRule rule(FaultKind kind, double probability, const QString &route = QString(FaultRule::anyRoute))
{
    FaultRule r;
    r.kind = kind;
    r.probability = probability;
    r.route = route;
    return r;
}

bool isJson(const QByteArray &body)
{
    QJsonParseError error;
    QJsonDocument::fromJson(body, &error);
    return error.error == QJsonParseError::NoError;
}

} // namespace

class TestFaultInjector final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void probability_data();
    void probability();
    void sameSeedSameFaults();
    void routeScope();
    void effects_data();
    void effects();
    void oversizedSize_data();
    void oversizedSize();
    void latency();
    void firstOutcomeWins();
    void noRulesTouchesNothing();
    void ruleJson_data();
    void ruleJson();
    void badRuleJson_data();
    void badRuleJson();
};

void TestFaultInjector::probability_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<double>("probability");
    QTest::addColumn<quint32>("seed");
    for (const quint32 seed : {1u, 42u, 20261128u}) {
        QTest::addRow("http-500 20%%, seed %u", seed) << int(FaultKind::Http500) << 0.2 << seed;
        QTest::addRow("reset 5%%, seed %u", seed) << int(FaultKind::Reset) << 0.05 << seed;
        QTest::addRow("latency 50%%, seed %u", seed) << int(FaultKind::Latency) << 0.5 << seed;
    }
    QTest::addRow("never") << int(FaultKind::Http503) << 0.0 << 7u;
    QTest::addRow("always") << int(FaultKind::TruncatedJson) << 1.0 << 7u;
}

void TestFaultInjector::probability()
{
    QFETCH(int, kind);
    QFETCH(double, probability);
    QFETCH(quint32, seed);
    FaultRule r = rule(FaultKind(kind), probability, jsonRoute);
    r.latencyMs = 10;
    FaultInjector injector(seed);
    injector.setRules({r});
    constexpr int calls = 1000;
    int fired = 0;
    for (int i = 0; i < calls; ++i) {
        MockResponse response = sampleAnswer();
        injector.apply(response);
        if (response.fault.kind == FaultKind(kind))
            ++fired;
        else
            QCOMPARE(response.fault.kind, FaultKind::None);
    }
    // ±5 percentage points: more than 3 standard deviations for every probability used here
    const double rate = double(fired) / calls;
    QVERIFY2(std::abs(rate - probability) <= 0.05, qPrintable(u"%1 of %2 fired"_s.arg(fired).arg(calls)));
    if (probability == 0.0 || probability == 1.0)
        QCOMPARE(fired, int(probability * calls));
}

void TestFaultInjector::sameSeedSameFaults()
{
    auto run = [](quint32 seed) {
        FaultInjector injector(seed);
        FaultRule latency = rule(FaultKind::Latency, 0.3);
        latency.latencyMs = 5;
        latency.jitterMs = 20;
        injector.setRules({latency, rule(FaultKind::Http503, 0.2), rule(FaultKind::Reset, 0.1)});
        QStringList faults;
        for (int i = 0; i < 200; ++i) {
            MockResponse response = sampleAnswer();
            injector.apply(response);
            faults.append(response.fault.describe());
        }
        return faults;
    };
    QCOMPARE(run(99), run(99));
    QVERIFY(run(99) != run(100));
    FaultInjector reseeded(1);
    reseeded.reseed(99); // reseeding replays from the start
    reseeded.setRules({rule(FaultKind::Http500, 0.5)});
    FaultInjector fresh(99);
    fresh.setRules({rule(FaultKind::Http500, 0.5)});
    for (int i = 0; i < 50; ++i) {
        MockResponse a = sampleAnswer();
        MockResponse b = sampleAnswer();
        reseeded.apply(a);
        fresh.apply(b);
        QCOMPARE(a.fault.kind, b.fault.kind);
    }
}

void TestFaultInjector::routeScope()
{
    FaultInjector injector(3);
    injector.setRules({rule(FaultKind::Http500, 1.0, otherRoute)});
    MockResponse untouched = sampleAnswer(jsonRoute);
    injector.apply(untouched);
    QCOMPARE(untouched.status, 200);
    QCOMPARE(untouched.fault.kind, FaultKind::None);
    QVERIFY(!untouched.wire.isEmpty()); // the prebuilt bytes stay valid
    MockResponse hit = sampleAnswer(otherRoute);
    injector.apply(hit);
    QCOMPARE(hit.status, 500);
    QCOMPARE(hit.fault.kind, FaultKind::Http500);
    QVERIFY(hit.wire.isEmpty());
}

void TestFaultInjector::effects_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("validJson");
    QTest::addColumn<QByteArray>("body"); // empty: the original body
    QTest::addColumn<QString>("described");
    QTest::addRow("http-500") << int(FaultKind::Http500) << 500 << true
                              << QByteArray(R"({"error": "injected fault: HTTP 500 Internal Server Error"})")
                              << u"http-500"_s;
    QTest::addRow("http-503") << int(FaultKind::Http503) << 503 << true
                              << QByteArray(R"({"error": "injected fault: HTTP 503 Service Unavailable"})")
                              << u"http-503"_s;
    QTest::addRow("truncated") << int(FaultKind::TruncatedJson) << 200 << false
                               << QByteArray("{\n  \"cep\": \"01001-0") << u"truncated-json"_s;
    QTest::addRow("malformed") << int(FaultKind::MalformedJson) << 200 << false
                               << QByteArray("{\n  \"cep\": \"01001-000\",\n  \"uf\": \"SP\"\n,}")
                               << u"malformed-json"_s;
    QTest::addRow("oversized") << int(FaultKind::Oversized) << 200 << true
                               << FaultInjector::oversizedBody(FaultRule::defaultOversizeBytes)
                               << u"oversized"_s;
    QTest::addRow("reset") << int(FaultKind::Reset) << 200 << true << QByteArray() << u"reset"_s;
    QTest::addRow("no answer") << int(FaultKind::NoAnswer) << 200 << true << QByteArray() << u"no-answer"_s;
    QTest::addRow("blocked") << int(FaultKind::Blocked) << 200 << true << QByteArray()
                             << u"blocked (closed unanswered; the listening socket stays up)"_s;
}

void TestFaultInjector::effects()
{
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(bool, validJson);
    QFETCH(QByteArray, body);
    QFETCH(QString, described);
    FaultInjector injector(5);
    injector.setRules({rule(FaultKind(kind), 1.0)});
    const MockResponse original = sampleAnswer();
    MockResponse response = original;
    injector.apply(response);
    QCOMPARE(response.fault.kind, FaultKind(kind));
    QCOMPARE(response.fault.describe(), described);
    QCOMPARE(response.status, status);
    QCOMPARE(isJson(response.body), validJson);
    QCOMPARE(response.body, body.isEmpty() ? original.body : body);
    QCOMPARE(response.route, original.route);
    // what goes on the wire agrees with the fields, Content-Length included
    QVERIFY(response.serialized().endsWith(response.body));
    const QByteArray length = "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    QVERIFY(response.head().contains(length));
}

void TestFaultInjector::oversizedSize_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addRow("6 MiB") << FaultRule::defaultOversizeBytes;
    QTest::addRow("5 MB + 1") << qint64(5'000'001);
    QTest::addRow("tiny") << qint64(16);
}

void TestFaultInjector::oversizedSize()
{
    QFETCH(qint64, size);
    const QByteArray body = FaultInjector::oversizedBody(size);
    QCOMPARE(body.size(), size);
    QVERIFY(isJson(body));
}

void TestFaultInjector::latency()
{
    FaultRule jittered = rule(FaultKind::Latency, 1.0);
    jittered.latencyMs = 100;
    jittered.jitterMs = 50;
    FaultInjector injector(11);
    injector.setRules({jittered});
    QSet<int> delays;
    for (int i = 0; i < 300; ++i) {
        MockResponse response = sampleAnswer();
        injector.apply(response);
        QCOMPARE(response.fault.kind, FaultKind::Latency);
        QVERIFY(response.fault.delayMs >= 100 && response.fault.delayMs <= 150);
        QCOMPARE(response.status, 200);
        QVERIFY(!response.wire.isEmpty() || response.body == sampleAnswer().body);
        delays.insert(response.fault.delayMs);
    }
    QVERIFY2(delays.size() > 20, "jitter spreads the delays");
    QVERIFY(delays.contains(100) || delays.contains(101) || delays.contains(150) || delays.contains(149));

    FaultRule fixed = rule(FaultKind::Latency, 1.0);
    fixed.latencyMs = 250;
    injector.setRules({fixed});
    MockResponse response = sampleAnswer();
    injector.apply(response);
    QCOMPARE(response.fault.delayMs, 250);
    QCOMPARE(response.fault.describe(), u"latency 250 ms"_s);
}

void TestFaultInjector::firstOutcomeWins()
{
    FaultRule slow = rule(FaultKind::Latency, 1.0);
    slow.latencyMs = 30;
    FaultRule slower = slow;
    slower.latencyMs = 20;
    FaultInjector injector(1);
    injector.setRules({slow, rule(FaultKind::Reset, 1.0), rule(FaultKind::Http500, 1.0), slower});
    MockResponse response = sampleAnswer();
    injector.apply(response);
    QCOMPARE(response.fault.kind, FaultKind::Reset);
    QCOMPARE(response.fault.delayMs, 50); // both delays add up
    QCOMPARE(response.status, 200); // the 500 rule was never drawn
    QCOMPARE(response.fault.describe(), u"latency 50 ms + reset"_s);
}

void TestFaultInjector::noRulesTouchesNothing()
{
    FaultInjector injector(1);
    MockResponse response = sampleAnswer();
    const QByteArray wire = response.wire;
    injector.apply(response);
    QVERIFY(response.fault.isNone());
    QCOMPARE(response.wire, wire);
    QVERIFY(response.wire.isSharedWith(wire)); // not even copied
}

void TestFaultInjector::ruleJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("kind");
    QTest::addRow("latency") << QByteArray(
        R"({"route": "GET /ws/{cep}/json/", "kind": "latency", "probability": 0.2, "latencyMs": 200, "jitterMs": 50})")
                             << int(FaultKind::Latency);
    QTest::addRow("no answer") << QByteArray(R"({"kind": "no-answer", "probability": 1, "holdMs": 30000})")
                               << int(FaultKind::NoAnswer);
    QTest::addRow("oversized") << QByteArray(
        R"({"kind": "oversized", "probability": 0.1, "sizeBytes": 6291456})")
                               << int(FaultKind::Oversized);
    for (const FaultKind kind : allFaultKinds())
        QTest::addRow("%s", qPrintable(faultKindName(kind)))
            << QByteArray("{\"kind\": \"" + faultKindName(kind).toUtf8() + "\"}") << int(kind);
}

void TestFaultInjector::ruleJson()
{
    QFETCH(QByteArray, json);
    QFETCH(int, kind);
    const Result<FaultRule> parsed = FaultRule::fromJson(QJsonDocument::fromJson(json).object());
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
    QCOMPARE(parsed.value().kind, FaultKind(kind));
    const Result<FaultRule> again = FaultRule::fromJson(parsed.value().toJson());
    QVERIFY(again.ok());
    QCOMPARE(again.value(), parsed.value());
}

void TestFaultInjector::badRuleJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::addRow("unknown kind") << QByteArray(R"([{"kind": "gremlins"}])")
                                  << u"fault rule 1: unknown fault kind"_s;
    QTest::addRow("probability above 1")
        << QByteArray(R"([{"kind": "reset", "probability": 1.5}])") << u"probability"_s;
    QTest::addRow("negative latency")
        << QByteArray(R"([{"kind": "latency", "latencyMs": -1}])") << u"latencyMs"_s;
    QTest::addRow("a day of hold") << QByteArray(R"([{"kind": "no-answer", "holdMs": 86400000}])")
                                   << u"holdMs"_s;
    QTest::addRow("gigabytes") << QByteArray(R"([{"kind": "oversized", "sizeBytes": 1e12}])")
                               << u"sizeBytes"_s;
    QTest::addRow("empty route") << QByteArray(R"([{"kind": "reset", "route": ""}])") << u"route"_s;
    QTest::addRow("not a list") << QByteArray(R"({"kind": "reset"})") << u"JSON array"_s;
}

void TestFaultInjector::badRuleJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const QJsonDocument document = QJsonDocument::fromJson(json);
    const Result<QList<FaultRule>> rules = FaultRule::listFromJson(
        document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object()));
    QVERIFY(!rules.ok());
    QVERIFY2(rules.errorString().contains(error), qPrintable(rules.errorString()));
}

} // namespace jb

QTEST_APPLESS_MAIN(jb::TestFaultInjector)
#include "tst_faultinjector.moc"
