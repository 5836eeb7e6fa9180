// Evidence, no network: runs written append-only and read back, the latest result per probe, the
// checklist items' evidence and staleness, the firewall request and its CSV, the JUnit report.
#include "checklistevidence.h"
#include "core/jsonwriter.h"
#include "evidencefixture.h"
#include "evidencestore.h"
#include "firewallrequest.h"
#include "inventoryhashes.h"
#include "junitreport.h"
#include "probeplanner.h"
#include "projectloader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace jb;

namespace {

QList<EntityRecord> sampleEntities()
{
    Result<ProjectLoad> loaded = ProjectLoader::load(QStringLiteral(JB_SAMPLE_DIR));
    if (!loaded)
        qFatal("cannot load the sample: %s", qPrintable(loaded.errorString()));
    return loaded.value().data.entities;
}

ProbeResult result(const QString &id, ProbeStatus status, const QDateTime &at, double latency = 1.5,
    const QString &state = {})
{
    ProbeResult r = ProbeResult::make(status, ProbeResult::statusKey(status) + u" summary"_s, u"details"_s);
    r.probeId = id;
    r.target = u"target of "_s + id;
    r.timestamp = at;
    r.latencyMs = latency;
    if (!state.isEmpty())
        r.facts.insert(u"state"_s, state);
    return r;
}

// A run of every planned probe with `status`, stamped against `entities`.
ProbeRun runOf(const QList<ProbeSpec> &plan, const QList<EntityRecord> &entities, ProbeStatus status,
    const QDateTime &at)
{
    ProbeRun run;
    run.environment = u"test"_s;
    run.startedAt = at;
    run.finishedAt = at.addMSecs(900);
    run.toolVersion = u"journeybench test"_s;
    for (const ProbeSpec &spec : plan)
        run.results.append(result(
            spec.id, status, at.addMSecs(500), 1.5, status == ProbeStatus::Pass ? u"open"_s : u"refused"_s));
    InventoryHashes::of(entities).stampRun(run, plan);
    return run;
}

using jb::test::printItems;

} // namespace

class TestProbeEvidence final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void writeAndLoad()
    {
        QTemporaryDir project;
        QVERIFY(project.isValid());
        const EvidenceStore store(project.path());
        const QDateTime at = QDateTime(QDate(2026, 5, 21), QTime(10, 15, 2, 123), Qt::UTC);
        ProbeRun first;
        first.environment = u"test"_s;
        first.startedAt = at;
        first.finishedAt = at.addSecs(1);
        first.results = {result(u"a"_s, ProbeStatus::Pass, at)};
        ProbeRun second = first; // the same millisecond: a second file, never the same one
        second.finishedAt = at.addSecs(2);
        second.results = {result(u"a"_s, ProbeStatus::Fail, at.addSecs(2))};
        ProbeRun prod = first;
        prod.environment = u"prod"_s;

        const Result<QString> one = store.write(first);
        const Result<QString> two = store.write(second);
        const Result<QString> three = store.write(prod);
        QVERIFY2(one.ok() && two.ok() && three.ok(), qPrintable(one.errorString() + two.errorString()));
        QCOMPARE(one.value(), u"evidence/probes/20260521T101502.123Z-test.json"_s);
        QCOMPARE(two.value(), u"evidence/probes/20260521T101502.123Z-test-2.json"_s);
        QCOMPARE(three.value(), u"evidence/probes/20260521T101502.123Z-prod.json"_s);

        QStringList problems;
        const QList<EvidenceStore::Entry> test = store.load(u"test"_s, &problems);
        QVERIFY(problems.isEmpty());
        QCOMPARE(test.size(), 2);
        QCOMPARE(test.at(0).path, one.value()); // by time, not by name
        QCOMPARE(test.at(1).run.results.constFirst().status, ProbeStatus::Fail);
        QCOMPARE(store.load().size(), 3);
        const auto latest = EvidenceStore::latest(test);
        QCOMPARE(latest.value(u"a"_s).result.status, ProbeStatus::Fail);
        QCOMPARE(latest.value(u"a"_s).path, two.value());

        // a broken file is reported and left out, never rewritten
        QFile broken(QDir(project.path()).filePath(u"evidence/probes/20260101T000000.000Z-test.json"_s));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{ not json");
        broken.close();
        problems.clear();
        QCOMPARE(store.load(u"test"_s, &problems).size(), 2);
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.constFirst().contains(u"not a probe run"_s), qPrintable(problems.constFirst()));
    }

    void roundTrip()
    {
        const QList<EntityRecord> entities = sampleEntities();
        const QList<ProbeSpec> plan = ProbePlanner::plan(entities, u"test"_s);
        const QDateTime at = QDateTime(QDate(2026, 5, 21), QTime(10, 0), Qt::UTC);
        ProbeRun run = runOf(plan, entities, ProbeStatus::Pass, at);
        run.results[0].warning = true;
        run.results[0].insecure = true;
        const QByteArray bytes = EvidenceStore::bytes(run);
        const ProbeRun back = ProbeRun::fromJson(QJsonDocument::fromJson(bytes).object());
        QCOMPARE(EvidenceStore::bytes(back), bytes);
        QCOMPARE(back.results.size(), plan.size());
        QCOMPARE(back.stamps.value(u"database-customers-pg-db"_s).sourceHashes.keys(),
            QStringList{u"database/customers-pg"_s});
        QVERIFY(back.results.constFirst().insecure);
        // the file starts with what a reader looks for first
        QVERIFY2(bytes.startsWith("{\n  \"kind\": \"journeybench.probe-run\",\n  \"environment\": \"test\","),
            bytes.left(120).constData());
    }

    // A probe's hash is what earlier evidence is compared by: streamed without a QJsonObject, it must
    // stay the SHA-256 of the probe's sorted JSON without name, notes and host key.
    void probeHashUnchanged()
    {
        QList<ProbeSpec> specs = ProbePlanner::plan(sampleEntities(), u"test"_s);
        for (const ProbeType type : {ProbeType::Dns, ProbeType::Tcp, ProbeType::Http, ProbeType::Tls,
                 ProbeType::Ftp, ProbeType::Sftp, ProbeType::Database, ProbeType::Vpn}) {
            ProbeSpec full;
            full.id = u"full-"_s + ProbeSpec::typeKey(type);
            full.name = u"S\u00e3o Paulo \"full\""_s;
            full.type = type;
            full.phase = 1;
            full.enabled = false;
            full.environment = u"test"_s;
            full.sources = {u"server/b"_s, u"server/a"_s};
            full.timeoutMs = 1500;
            full.host = u"10.0.0.5"_s;
            full.port = 2222;
            full.expectAddress = u"10.0.0.5"_s;
            full.nameserver = u"10.0.0.53"_s;
            full.url = u"https://erp.test/health?x=1&y=2"_s;
            full.method = u"POST"_s;
            full.expectStatus = u"200-299"_s;
            full.expectHeader = u"Content-Type: application/json"_s;
            full.expectBody = u"\"ok\""_s;
            full.redirects = u"safe"_s;
            full.insecure = true;
            full.warnDays = 7;
            full.auth = u"key"_s;
            full.user = u"erp"_s;
            full.secret = u"ERP_KEY"_s;
            full.path = u"/in"_s;
            full.file = u"orders.csv"_s;
            full.ftps = u"implicit"_s;
            full.hostKeySha256 = u"SHA256:abc"_s;
            full.driver = u"QPSQL"_s;
            full.database = u"customers"_s;
            full.validationQuery = u"SELECT 1"_s;
            full.tables = {u"customers"_s, u"orders"_s};
            full.targets = {u"10.0.0.5:22"_s, u"10.0.0.6:443"_s};
            full.notes = u"notes"_s;
            specs.append(full);
        }
        QVERIFY(specs.size() > 20);
        for (const ProbeSpec &spec : std::as_const(specs)) {
            QJsonObject json = spec.toJson();
            for (const QString &key : {u"name"_s, u"notes"_s, u"hostKeySha256"_s})
                json.remove(key);
            const QString expected = QString::fromLatin1(
                QCryptographicHash::hash(JsonWriter::write(json), QCryptographicHash::Sha256).toHex());
            QCOMPARE(InventoryHashes::probeHash(spec), expected);
        }
        // and a value pinned once, so that a change on both sides still shows
        ProbeSpec pinned;
        pinned.id = u"server-erp-tcp-5432"_s;
        pinned.name = u"ERP database port"_s;
        pinned.environment = u"test"_s;
        pinned.sources = {u"server/erp"_s};
        pinned.host = u"10.0.0.5"_s;
        pinned.port = 5432;
        // (the SHA-256 of Python's json.dumps(probe, indent=2, sort_keys=True) + "\n", the same bytes)
        QCOMPARE(InventoryHashes::probeHash(pinned),
            u"4045976b5d89129c48fcd0aa356d1164821c0ea3b5d295abd71319156c9c3da5"_s);
    }

    // `check` hashes only the entities its probes name: the same stamps as hashing everything.
    void stampsFromSourcesOnly()
    {
        const QList<EntityRecord> entities = sampleEntities();
        const QList<ProbeSpec> plan = ProbePlanner::plan(entities, u"test"_s);
        const QHash<QString, ProbeStamp> all = InventoryHashes::of(entities).stamps(plan);
        const InventoryHashes named = InventoryHashes::ofSources(entities, plan);
        const QHash<QString, ProbeStamp> fromSources = named.stamps(plan);
        QCOMPARE(fromSources.size(), all.size());
        int sourcesSeen = 0;
        for (auto it = all.cbegin(); it != all.cend(); ++it) {
            QCOMPARE(fromSources.value(it.key()).probeHash, it->probeHash);
            QCOMPARE(fromSources.value(it.key()).sourceHashes, it->sourceHashes);
            sourcesSeen += int(it->sourceHashes.size());
        }
        QVERIFY(sourcesSeen > 10);
        // an entity no probe names is not hashed
        const auto unnamed
            = std::find_if(entities.cbegin(), entities.cend(), [&](const EntityRecord &record) {
                  const QString key = record.kind + u'/' + record.id();
                  return std::none_of(plan.cbegin(), plan.cend(),
                      [&](const ProbeSpec &p) { return p.sources.contains(key); });
              });
        QVERIFY(unnamed != entities.cend());
        QVERIFY(named.hash(unnamed->kind + u'/' + unnamed->id()).isEmpty());
        QVERIFY(!InventoryHashes::of(entities).hash(unnamed->kind + u'/' + unnamed->id()).isEmpty());
    }

    // The evidence is written straight from the structs; it must be what the JSON writer makes of the
    // same content with the documented key order: canonical, so that runs diff cleanly.
    void writtenLayout_data()
    {
        QTest::addColumn<QString>("variant");
        QTest::addRow("sample run") << u"plain"_s;
        QTest::addRow("text to escape, nested facts, no latency") << u"escapes"_s;
        QTest::addRow("no results, cancelled") << u"empty"_s;
    }
    void writtenLayout()
    {
        QFETCH(QString, variant);
        const QList<EntityRecord> entities = sampleEntities();
        const QList<ProbeSpec> plan = ProbePlanner::plan(entities, u"test"_s);
        const QDateTime at = QDateTime(QDate(2026, 5, 21), QTime(10, 0, 0, 7), Qt::UTC);
        ProbeRun run = runOf(plan, entities, ProbeStatus::Fail, at);
        if (variant == u"escapes") {
            ProbeResult &first = run.results[0];
            first.summary = u"n\u00e3o \"\u00e9\" S\u00e3o Paulo\ttab"_s;
            first.details = u"line 1\nline 2\r\n\\ and \u0001"_s;
            first.latencyMs = -1;
            first.warning = true;
            first.facts.insert(u"certificate"_s,
                QJsonObject{
                    {u"sans"_s, QJsonArray{u"a.test"_s, u"b.test"_s}}, {u"days"_s, 12}, {u"ok"_s, false}});
            first.facts.insert(u"empty"_s, QJsonObject());
        } else if (variant == u"empty") {
            run.results.clear();
            run.cancelled = true;
        }
        const QByteArray bytes = EvidenceStore::bytes(run);
        QJsonParseError error{};
        const QJsonObject parsed = QJsonDocument::fromJson(bytes, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const auto order = [](const QString &path) -> QStringList {
            if (path.isEmpty())
                return {u"kind"_s, u"environment"_s, u"startedAt"_s, u"finishedAt"_s, u"tool"_s,
                    u"cancelled"_s, u"summary"_s, u"results"_s};
            if (path == u"summary")
                return {u"pass"_s, u"fail"_s, u"error"_s, u"skipped"_s};
            if (path == u"results")
                return {u"probe"_s, u"name"_s, u"type"_s, u"phase"_s, u"target"_s, u"status"_s, u"summary"_s,
                    u"details"_s, u"latencyMs"_s, u"timestamp"_s, u"warning"_s, u"insecure"_s, u"probeHash"_s,
                    u"sources"_s, u"facts"_s};
            return {};
        };
        QCOMPARE(JsonWriter::write(parsed, order), bytes);
        QCOMPARE(parsed.value(u"startedAt"_s).toString(), u"2026-05-21T10:00:00.007Z"_s);
        QCOMPARE(parsed.value(u"summary"_s).toObject().value(u"fail"_s).toInt(), int(run.results.size()));
        // and it reads back as the run it was
        const ProbeRun back = ProbeRun::fromJson(parsed);
        QCOMPARE(back.results.size(), run.results.size());
        for (qsizetype i = 0; i < run.results.size(); ++i) {
            QCOMPARE(back.results.at(i).summary, run.results.at(i).summary);
            QCOMPARE(back.results.at(i).details, run.results.at(i).details);
            QCOMPARE(back.results.at(i).facts, run.results.at(i).facts);
            QCOMPARE(back.results.at(i).timestamp, run.results.at(i).timestamp);
            QCOMPARE(back.results.at(i).warning, run.results.at(i).warning);
        }
        QCOMPARE(back.cancelled, run.cancelled);
    }

    void checklistEvidence_data()
    {
        QTest::addColumn<QString>("change"); // what happens after a passing run
        QTest::addColumn<QString>("expected");
        QTest::addRow("nothing changed") << u"none"_s
                                         << u"connection reachability-tested: current 7/7\n"
                                            "connection tls-checked: current 2/2\n"
                                            "servers ports-open: current 12/12\n"
                                            "servers db-access: current 2/2\n"
                                            "servers file-servers: current 2/2"_s;
        QTest::addRow("a server changed") << u"server"_s
                                          << u"connection reachability-tested: stale 6/7\n"
                                             "connection tls-checked: current 2/2\n"
                                             "servers ports-open: stale 9/12\n"
                                             "servers db-access: current 2/2\n"
                                             "servers file-servers: current 2/2"_s;
        QTest::addRow("a probe edited") << u"probe"_s
                                        << u"connection reachability-tested: current 7/7\n"
                                           "connection tls-checked: current 2/2\n"
                                           "servers ports-open: current 12/12\n"
                                           "servers db-access: stale 1/2\n"
                                           "servers file-servers: current 2/2"_s;
        QTest::addRow("a later failure") << u"fail"_s
                                         << u"connection reachability-tested: current 7/7\n"
                                            "connection tls-checked: current 2/2\n"
                                            "servers ports-open: current 12/12\n"
                                            "servers db-access: current 2/2\n"
                                            "servers file-servers: failed 1/2"_s;
        QTest::addRow("a new probe never ran") << u"new"_s
                                               << u"connection reachability-tested: current 7/7\n"
                                                  "connection tls-checked: current 2/2\n"
                                                  "servers ports-open: stale 12/13\n"
                                                  "servers db-access: current 2/2\n"
                                                  "servers file-servers: current 2/2"_s;
    }
    void checklistEvidence()
    {
        QFETCH(QString, change);
        QFETCH(QString, expected);
        QList<EntityRecord> entities = sampleEntities();
        QList<ProbeSpec> plan = ProbePlanner::plan(entities, u"test"_s);
        const QDateTime at = QDateTime(QDate(2026, 5, 21), QTime(10, 0), Qt::UTC);
        QList<EvidenceStore::Entry> runs{
            {u"evidence/probes/a.json"_s, runOf(plan, entities, ProbeStatus::Pass, at)}};
        if (change == u"server") {
            for (EntityRecord &record : entities) {
                if (record.kind == u"server" && record.id() == u"logistics-gw")
                    record.data.insert(u"firewall"_s, u"approved"_s);
            }
        } else if (change == u"probe") {
            for (ProbeSpec &spec : plan) {
                if (spec.id == u"database-customers-sqlite-db")
                    spec.validationQuery = u"SELECT count(*) FROM customers"_s;
            }
        } else if (change == u"fail") {
            ProbeRun later;
            later.environment = u"test"_s;
            later.startedAt = at.addSecs(60);
            later.finishedAt = at.addSecs(61);
            later.results = {result(u"endpoint-logistics-ftp-ftp"_s, ProbeStatus::Fail, at.addSecs(61))};
            InventoryHashes::of(entities).stampRun(later, plan);
            runs.append({u"evidence/probes/b.json"_s, later});
        } else if (change == u"new") {
            ProbeSpec extra;
            extra.id = u"my-port"_s;
            extra.type = ProbeType::Tcp;
            extra.phase = 2;
            plan.append(extra);
        }
        const QList<ItemEvidence> items
            = ChecklistEvidence::compute(plan, runs, InventoryHashes::of(entities));
        QCOMPARE(printItems(items), expected);
        for (const ItemEvidence &item : items) {
            QCOMPARE(item.reasons.isEmpty(), item.state == ItemEvidence::State::Current);
            if (item.state != ItemEvidence::State::Missing)
                QVERIFY(!item.evidencePath.isEmpty());
        }
        if (change == u"server") {
            QVERIFY2(items.at(2).reasons.contains(
                         u"server/logistics-gw changed after server-logistics-gw-dns ran"_s),
                qPrintable(items.at(2).reasons.join(u" | "_s)));
        }
        if (change == u"fail") {
            QCOMPARE(items.at(4).evidencePath, u"evidence/probes/b.json"_s);
            QCOMPARE(items.at(4).reasons, QStringList{u"endpoint-logistics-ftp-ftp failed: fail summary"_s});
        }
    }

    void checklistEvidenceMissing()
    {
        const QList<EntityRecord> entities = sampleEntities();
        const QList<ProbeSpec> plan = ProbePlanner::plan(entities, u"test"_s);
        const QList<ItemEvidence> items = ChecklistEvidence::compute(plan, {}, InventoryHashes::of(entities));
        QCOMPARE(items.size(), 5);
        for (const ItemEvidence &item : items) {
            QCOMPARE(item.state, ItemEvidence::State::Missing);
            QVERIFY(item.evidencePath.isEmpty());
        }
    }

    void firewallRequest()
    {
        const QList<EntityRecord> entities = sampleEntities();
        const QDateTime at = QDateTime(QDate(2026, 5, 21), QTime(10, 0), Qt::UTC);
        ProbeRun run;
        run.environment = u"test"_s;
        run.startedAt = at;
        run.finishedAt = at;
        run.results = {result(u"server-erp-app-tcp-8443"_s, ProbeStatus::Pass, at, 0.2, u"open"_s),
            result(u"server-erp-app-tcp-2222"_s, ProbeStatus::Fail, at, -1, u"filtered"_s),
            result(u"server-pg-customers-tcp-5432"_s, ProbeStatus::Fail, at, -1, u"refused"_s)};
        const auto latest = EvidenceStore::latest({{u"evidence/probes/x.json"_s, run}});
        const QList<FirewallRow> rows = FirewallRequest::rows(entities, u"test"_s, latest);
        const QByteArray expected
            = "source,destination,hostname,port,protocol,service,purpose,status,tested,server\r\n"
              "127.0.0.1/32,127.0.0.1,localhost,8443,tcp,https,ERP orders "
              "API,open,2026-05-21T10:00:00Z,erp-app\r\n"
              "127.0.0.1/32,127.0.0.1,localhost,2222,tcp,sftp,Order "
              "files,filtered,2026-05-21T10:00:00Z,erp-app\r\n"
              "127.0.0.1/32,127.0.0.1,localhost,2121,tcp,ftp,Shipment drop folder,not "
              "tested,,logistics-gw\r\n"
              "127.0.0.1/32,127.0.0.1,localhost,8080,tcp,http,Shipment API,not tested,,logistics-gw\r\n"
              "127.0.0.1/32,127.0.0.1,localhost,5432,tcp,postgresql,Customer table (customer sync provider),"
              "refused,2026-05-21T10:00:00Z,pg-customers\r\n";
        QCOMPARE(FirewallRequest::toCsv(rows), expected);
        const QList<FirewallRow> prod = FirewallRequest::rows(entities, u"prod"_s, {});
        QCOMPARE(prod.size(), 2);
        QCOMPARE(prod.constFirst().source, u"10.20.0.0/24"_s);
        QCOMPARE(prod.constFirst().destination, u"172.16.50.12"_s);
    }

    void csvQuoting()
    {
        FirewallRow row;
        row.source = u"10.0.0.0/8"_s;
        row.destination = u"10.1.1.1"_s;
        row.port = 443;
        row.protocol = u"tcp"_s;
        row.purpose = u"API, \"v2\"\nand more"_s;
        row.status = u"open"_s;
        const QByteArray csv = FirewallRequest::toCsv({row});
        QVERIFY2(csv.endsWith(",443,tcp,,\"API, \"\"v2\"\"\nand more\",open,,\r\n"), csv.constData());
    }

    void junit()
    {
        const QList<EntityRecord> entities = sampleEntities();
        const QList<ProbeSpec> plan = ProbePlanner::plan(entities, u"test"_s).mid(0, 12);
        const QDateTime at = QDateTime(QDate(2026, 5, 21), QTime(10, 0), Qt::UTC);
        ProbeRun run = runOf(plan, entities, ProbeStatus::Pass, at);
        run.results[1] = result(plan.at(1).id, ProbeStatus::Fail, at);
        run.results[2] = result(plan.at(2).id, ProbeStatus::Error, at);
        run.results[11] = result(plan.at(11).id, ProbeStatus::Skipped, at);
        const QByteArray xml = JUnitReport::write(run, plan);
        QXmlStreamReader reader(xml);
        QStringList seen;
        int testcases = 0;
        int systemOuts = 0;
        while (!reader.atEnd()) {
            reader.readNext();
            if (!reader.isStartElement())
                continue;
            const QString name = reader.name().toString();
            if (name == u"testsuites" || name == u"testsuite")
                seen.append(u"%1 tests=%2 failures=%3 errors=%4 skipped=%5"_s.arg(name,
                    reader.attributes().value(u"tests"_s).toString(),
                    reader.attributes().value(u"failures"_s).toString(),
                    reader.attributes().value(u"errors"_s).toString(),
                    reader.attributes().value(u"skipped"_s).toString()));
            if (name == u"testcase")
                ++testcases;
            if (name == u"failure")
                seen.append(u"failure "_s + reader.attributes().value(u"message"_s).toString());
            if (name == u"system-out")
                ++systemOuts;
        }
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
        QCOMPARE(seen.join(u'\n'),
            u"testsuites tests=12 failures=1 errors=1 skipped=1\n"
            "testsuite tests=10 failures=1 errors=1 skipped=0\n"
            "failure fail summary\n"
            "testsuite tests=2 failures=0 errors=0 skipped=1"_s);
        QCOMPARE(testcases, 12);
        QCOMPARE(systemOuts, 12);
    }
};

QTEST_GUILESS_MAIN(TestProbeEvidence)
#include "tst_probeevidence.moc"
