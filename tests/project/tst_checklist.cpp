#include "checklist.h"
#include "projectstatus.h"
#include "projecttree.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace jb;
using jb::testing::ProjectTree;

namespace {

QJsonObject parse(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonObject object = QJsonDocument::fromJson(json, &error).object();
    if (error.error != QJsonParseError::NoError)
        qFatal("bad fixture: %s", qPrintable(error.errorString()));
    return object;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject withConnectionState(const QByteArray &state)
{
    return {{u"name"_s, u"t"_s}, {u"checklist"_s, QJsonObject{{u"connection"_s, parse(state)}}}};
}

ChecklistItem itemOf(const QJsonObject &manifest, Phase phase, const QString &id)
{
    for (const ChecklistItem &item : Checklist::items(manifest, phase)) {
        if (item.id == id)
            return item;
    }
    return {};
}

// A small journey: two items done in Connection (one of them still awaiting its sign-off), one n/a,
// a custom item done in Pipes, and the Systems phase signed.
const QByteArray tinyManifest = R"({
  "name": "Tiny",
  "checklist": {
    "connection": {
      "vpn-parameters": {"status": "done"},
      "tls-checked": {"status": "n/a"},
      "vpn-document": {"status": "done", "owner": "Marina"},
      "reachability-tested": {"status": "in-progress", "owner": "Rafael"}
    },
    "pipes": {"security-review": {"title": "Pipe reviewed by security", "status": "done"}}
  },
  "signoffs": {"systems": {"by": "Paulo", "at": "2026-11-10T14:35:00Z"}}
})";

} // namespace

// The checklist in journey.json: what counts as complete, edits that keep what they do not know,
// and the status report.
class TestChecklist : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void completion_data();
    void completion();
    void sampleCompletion();
    void itemsReadState();
    void withItemKeepsUnknownKeys();
    void withItemOpenAndEmptyIsRemoved();
    void withoutItemKeepsTheRest();
    void phaseSignoffKeepsUnknownKeys();
    void statusText();
    void statusTextPrintsNamesAsTheyAre();
    void statusJson();
};

void TestChecklist::completion_data()
{
    QTest::addColumn<QByteArray>("state"); // the Connection phase's checklist state
    QTest::addColumn<int>("complete");
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("percent");

    // Connection has six items; "vpn-document" needs a sign-off
    QTest::addRow("nothing recorded") << QByteArray("{}") << 0 << 6 << 0;
    QTest::addRow("one done") << QByteArray(R"({"vpn-parameters": {"status": "done"}})") << 1 << 6 << 17;
    QTest::addRow("in progress does not count")
        << QByteArray(R"({"vpn-parameters": {"status": "in-progress"}})") << 0 << 6 << 0;
    QTest::addRow("n/a is left out of the total")
        << QByteArray(R"({"tls-checked": {"status": "n/a"}})") << 0 << 5 << 0;
    QTest::addRow("n/a and done") << QByteArray(
        R"({"tls-checked": {"status": "n/a"}, "vpn-parameters": {"status": "done"}})")
                                  << 1 << 5 << 20;
    QTest::addRow("done, awaiting its sign-off")
        << QByteArray(R"({"vpn-document": {"status": "done"}})") << 0 << 6 << 0;
    QTest::addRow("done and signed") << QByteArray(
        R"({"vpn-document": {"status": "done", "signoff": {"by": "Paulo", "at": "2026-11-10"}}})")
                                     << 1 << 6 << 17;
    QTest::addRow("signed but not done")
        << QByteArray(R"({"vpn-document": {"status": "in-progress", "signoff": {"by": "Paulo"}}})") << 0 << 6
        << 0;
    QTest::addRow("a sign-off without a name is no sign-off")
        << QByteArray(R"({"vpn-document": {"status": "done", "signoff": {"at": "2026-11-10"}}})") << 0 << 6
        << 0;
    QTest::addRow("done without a sign-off where none is needed")
        << QByteArray(R"({"tls-checked": {"status": "done"}})") << 1 << 6 << 17;
    QTest::addRow("a custom item counts")
        << QByteArray(R"({"pentest": {"title": "Pen test", "status": "done"}})") << 1 << 7 << 14;
    QTest::addRow("a custom n/a item is left out")
        << QByteArray(R"({"pentest": {"title": "Pen test", "status": "n/a"}})") << 0 << 6 << 0;
    QTest::addRow("a value that is not an object is no item")
        << QByteArray(R"({"x-note": "text"})") << 0 << 6 << 0;
    QTest::addRow("an unknown status reads as open")
        << QByteArray(R"({"vpn-parameters": {"status": "blocked"}})") << 0 << 6 << 0;
    QTest::addRow("everything done and signed")
        << QByteArray(R"({"vpn-parameters": {"status": "done"}, "encryption-domains": {"status": "done"},
            "endpoints-recorded": {"status": "done"}, "reachability-tested": {"status": "done"},
            "tls-checked": {"status": "done"}, "vpn-document": {"status": "done", "signoff": {"by": "P"}}})")
        << 6 << 6 << 100;
    QTest::addRow("everything n/a") << QByteArray(
        R"({"vpn-parameters": {"status": "n/a"}, "encryption-domains": {"status": "n/a"},
            "endpoints-recorded": {"status": "n/a"}, "reachability-tested": {"status": "n/a"},
            "tls-checked": {"status": "n/a"}, "vpn-document": {"status": "n/a"}})")
                                    << 0 << 0 << 0;
}

void TestChecklist::completion()
{
    QFETCH(QByteArray, state);
    QFETCH(int, complete);
    QFETCH(int, total);
    QFETCH(int, percent);

    const QJsonObject manifest = withConnectionState(state);
    const Completion completion = Checklist::completion(manifest, Phase::Connection);
    QCOMPARE(completion.complete, complete);
    QCOMPARE(completion.total, total);
    QCOMPARE(completion.percent(), percent);
    // the other phases are untouched: overall adds their 35 open items
    const Completion overall = Checklist::overall(manifest);
    QCOMPARE(overall.complete, complete);
    QCOMPARE(overall.total, total + 35);
}

void TestChecklist::sampleCompletion()
{
    const QJsonObject manifest = parse(ProjectTree::read(QStringLiteral(JB_SAMPLE_DIR "/journey.json")));
    QStringList perPhase;
    for (const PhaseInfo &info : Phases::all()) {
        const Completion completion = Checklist::completion(manifest, info.phase);
        perPhase.append(u"%1 %2/%3"_s.arg(info.key).arg(completion.complete).arg(completion.total));
    }
    QCOMPARE(perPhase,
        (QStringList{u"connection 3/6"_s, u"servers 2/6"_s, u"systems 4/4"_s, u"services 1/4"_s,
            u"contracts 2/4"_s, u"pipes 0/3"_s, u"unit-tests 0/2"_s, u"integrated-tests 0/3"_s,
            u"capacity 0/3"_s, u"deploy 0/6"_s}));
    const Completion overall = Checklist::overall(manifest);
    QCOMPARE(overall.complete, 12);
    QCOMPARE(overall.total, 41);
    QCOMPARE(overall.percent(), 29);
}

void TestChecklist::itemsReadState()
{
    const QJsonObject manifest = withConnectionState(R"({
        "vpn-document": {"status": "done", "owner": "Marina", "evidence": ["NET-4411", "doc.pdf"],
                         "comment": "sent", "signoff": {"by": "Paulo", "at": "2026-11-10", "comment": "ok"}},
        "pentest": {"title": "Pen test", "status": "in-progress"},
        "untitled": {}})");
    const QList<ChecklistItem> items = Checklist::items(manifest, Phase::Connection);
    QStringList printed;
    for (const ChecklistItem &item : items) {
        printed.append(u"%1|%2|%3|%4|%5|%6|%7|%8|%9"_s.arg(item.id, item.title,
            ChecklistItem::statusKey(item.status), item.owner, item.evidence.join(u','), item.comment,
            item.signoff.by + u'@' + item.signoff.at + u' ' + item.signoff.comment,
            item.needsSignoff ? u"needs sign-off"_s : QString(), item.custom ? u"custom"_s : QString()));
    }
    QCOMPARE(printed,
        (QStringList{
            u"vpn-parameters|VPN parameters agreed with the partner (peers, IKE, ciphers, lifetimes)|open||||@ ||"_s,
            u"encryption-domains|Encryption domains (local and remote subnets) recorded|open||||@ ||"_s,
            u"endpoints-recorded|Exposed endpoints recorded with their authentication|open||||@ ||"_s,
            u"reachability-tested|Hosts behind the tunnel and exposed endpoints answer|open||||@ ||"_s,
            u"tls-checked|TLS certificates valid and matching their host names|open||||@ ||"_s,
            u"vpn-document|VPN establishment document "
            u"delivered|done|Marina|NET-4411,doc.pdf|sent|Paulo@2026-11-10 "
            "ok|needs sign-off|"_s,
            u"pentest|Pen test|in-progress||||@ ||custom"_s, u"untitled|untitled|open||||@ ||custom"_s}));
}

void TestChecklist::withItemKeepsUnknownKeys()
{
    const QJsonObject manifest = parse(R"({
        "name": "t", "x-top": 1,
        "checklist": {
            "connection": {
                "x-phase-note": "kept",
                "vpn-document": {"status": "in-progress", "x-ticket": "NET-1",
                                 "signoff": {"by": "Paulo", "at": "2026-11-10", "x-via": "e-mail"}},
                "tls-checked": {"status": "done"}
            },
            "x-future-phase": {"a": {"status": "done"}}
        }
    })");
    ChecklistItem item = itemOf(manifest, Phase::Connection, u"vpn-document"_s);
    item.status = ChecklistItem::Status::Done;
    item.owner = u"Marina"_s;
    item.evidence = {u"NET-4411"_s};

    const QJsonObject edited = Checklist::withItem(manifest, Phase::Connection, item);
    QCOMPARE(compact(edited), compact(parse(R"({
        "name": "t", "x-top": 1,
        "checklist": {
            "connection": {
                "x-phase-note": "kept",
                "vpn-document": {"status": "done", "owner": "Marina", "evidence": ["NET-4411"], "x-ticket": "NET-1",
                                 "signoff": {"by": "Paulo", "at": "2026-11-10", "x-via": "e-mail"}},
                "tls-checked": {"status": "done"}
            },
            "x-future-phase": {"a": {"status": "done"}}
        }
    })")));
    QCOMPARE(Checklist::completion(edited, Phase::Connection).complete, 2);

    // clearing the fields removes them, and only them
    item.status = ChecklistItem::Status::Open;
    item.owner.clear();
    item.evidence.clear();
    item.signoff = {};
    QCOMPARE(compact(Checklist::withItem(edited, Phase::Connection, item)), compact(parse(R"({
        "name": "t", "x-top": 1,
        "checklist": {
            "connection": {"x-phase-note": "kept", "vpn-document": {"x-ticket": "NET-1"}, "tls-checked": {"status": "done"}},
            "x-future-phase": {"a": {"status": "done"}}
        }
    })")));
}

void TestChecklist::withItemOpenAndEmptyIsRemoved()
{
    const QJsonObject manifest = withConnectionState(R"({"tls-checked": {"status": "done"}})");
    ChecklistItem item = itemOf(manifest, Phase::Connection, u"tls-checked"_s);
    item.status = ChecklistItem::Status::Open;
    QCOMPARE(compact(Checklist::withItem(manifest, Phase::Connection, item)),
        QByteArray(R"({"checklist":{},"name":"t"})"));

    // a custom item stays even when open and empty: it is the only place its title lives
    ChecklistItem custom;
    custom.id = u"pentest"_s;
    custom.title = u"Pen test"_s;
    custom.custom = true;
    QCOMPARE(compact(Checklist::withItem(manifest, Phase::Pipes, custom)),
        QByteArray(
            R"({"checklist":{"connection":{"tls-checked":{"status":"done"}},"pipes":{"pentest":{"title":"Pen test"}}},"name":"t"})"));
}

void TestChecklist::withoutItemKeepsTheRest()
{
    const QJsonObject manifest = parse(R"({"name": "t", "x-top": true,
        "checklist": {"connection": {"pentest": {"title": "Pen test"}, "tls-checked": {"status": "done", "x-k": 1}},
                      "pipes": {"local-runs": {"status": "done"}}}})");
    QCOMPARE(compact(Checklist::withoutItem(manifest, Phase::Connection, u"pentest"_s)),
        QByteArray(
            R"({"checklist":{"connection":{"tls-checked":{"status":"done","x-k":1}},"pipes":{"local-runs":{"status":"done"}}},"name":"t","x-top":true})"));
    // removing the last item of a phase removes the phase's entry
    QCOMPARE(compact(Checklist::withoutItem(manifest, Phase::Pipes, u"local-runs"_s)),
        QByteArray(
            R"({"checklist":{"connection":{"pentest":{"title":"Pen test"},"tls-checked":{"status":"done","x-k":1}}},"name":"t","x-top":true})"));
    // an item that is not there changes nothing
    QCOMPARE(compact(Checklist::withoutItem(manifest, Phase::Pipes, u"nothing"_s)), compact(manifest));
}

void TestChecklist::phaseSignoffKeepsUnknownKeys()
{
    const QJsonObject manifest = parse(R"({"name": "t",
        "signoffs": {"systems": {"by": "Paulo", "at": "2026-11-10", "x-via": "e-mail"}, "x-other": 1}})");
    QCOMPARE(Checklist::phaseSignoff(manifest, Phase::Systems).by, u"Paulo"_s);

    const Signoff signoff{u"Ana"_s, u"2026-12-01"_s, u"re-signed"_s, {}, {}};
    QCOMPARE(compact(Checklist::withPhaseSignoff(manifest, Phase::Systems, signoff)),
        QByteArray(
            R"({"name":"t","signoffs":{"systems":{"at":"2026-12-01","by":"Ana","comment":"re-signed","x-via":"e-mail"},"x-other":1}})"));
    // withdrawing a sign-off removes it, and "signoffs" with it once empty
    const QJsonObject withdrawn = Checklist::withPhaseSignoff(manifest, Phase::Systems, {});
    QCOMPARE(compact(withdrawn), QByteArray(R"({"name":"t","signoffs":{"x-other":1}})"));
    QCOMPARE(compact(Checklist::withPhaseSignoff(QJsonObject{{u"name"_s, u"t"_s}}, Phase::Deploy, {})),
        QByteArray(R"({"name":"t"})"));
}

void TestChecklist::statusText()
{
    const QString expected = uR"(Tiny: 5% (2 of 41 checklist items)
 1 Connection          20% (1/5)
     - Encryption domains (local and remote subnets) recorded
     - Exposed endpoints recorded with their authentication
     - Hosts behind the tunnel and exposed endpoints answer (in-progress) [owner: Rafael]
     - VPN establishment document delivered (awaiting sign-off) [owner: Marina]
 2 Servers / DB         0% (0/6)
     - Server IPs and ports recorded with their purpose
     - Firewall request sent to the network team
     - Every recorded port answers from the integration's source addresses
     - Database login, validation query and tables checked
     - FTP / SFTP logins and folders checked
     - Infrastructure access signed off
 3 Systems              0% (0/4)  signed by Paulo
     - Systems recorded with acronym, description and owner team
     - Integration flows recorded (provider, consumer, trigger)
     - Error treatment defined for every flow
     - Integration list delivered
 4 Services             0% (0/4)
     - Services recorded with endpoint, method and permissions
     - Exceptions and error handling described per service
     - Sequence diagram per flow
     - Services validated by the customer (mock or real)
 5 Contracts            0% (0/4)
     - Contract fields recorded (type, required, format, example)
     - Message examples attached (JSON / XML)
     - De-Para written: every required consumer field has a source
     - Contracts signed off by both systems' owners
 6 Pipes               25% (1/4)
     - Pipes built for every flow
     - Local runs traced for the main and error paths
     - Error events handled by an error-treatment pipe
 7 Unit tests           0% (0/2)
     - A unit test per pipe step with minimum data
     - Unit tests passed
 8 Integrated tests     0% (0/3)
     - Pipes promoted to the test environment
     - Integration scenarios passed
     - Owner homologation
 9 Capacity             0% (0/3)
     - Volumes recorded (payload size, consumers, messages per second)
     - Load run measured
     - Pipe size chosen and validated
10 Deploy               0% (0/6)
     - Production accesses tested
     - Environment variables checked
     - Integrated tests passed
     - Owner sign-off
     - Capacity validated
     - Deploy performed by the customer
)"_s;
    QCOMPARE(ProjectStatus::toText(parse(tinyManifest)), expected);
}

void TestChecklist::statusTextPrintsNamesAsTheyAre()
{
    // placeholders in a name are text, not holes for the numbers that follow
    const QJsonObject manifest{{u"name"_s, u"Fase %1 de %2 — 100% CEP"_s}};
    QCOMPARE(ProjectStatus::toText(manifest).section(u'\n', 0, 0),
        u"Fase %1 de %2 — 100% CEP: 0% (0 of 41 checklist items)"_s);
}

void TestChecklist::statusJson()
{
    const QJsonObject status = ProjectStatus::toJson(parse(tinyManifest));
    QCOMPARE(status.value(u"name"_s).toString(), u"Tiny"_s);
    QCOMPARE(status.value(u"complete"_s).toInt(), 2);
    QCOMPARE(status.value(u"total"_s).toInt(), 41);
    QCOMPARE(status.value(u"percent"_s).toInt(), 5);
    const QJsonArray phases = status.value(u"phases"_s).toArray();
    QCOMPARE(phases.size(), 10);
    QCOMPARE(compact(phases.at(0).toObject()),
        QByteArray(
            R"({"complete":1,"key":"connection","open":[)"
            R"({"id":"encryption-domains","status":"open","title":"Encryption domains (local and remote subnets) recorded"},)"
            R"({"id":"endpoints-recorded","status":"open","title":"Exposed endpoints recorded with their authentication"},)"
            R"({"id":"reachability-tested","owner":"Rafael","status":"in-progress","title":"Hosts behind the tunnel and exposed endpoints answer"},)"
            R"({"awaiting":"sign-off","id":"vpn-document","owner":"Marina","status":"done","title":"VPN establishment document delivered"}],)"
            R"("percent":20,"phase":1,"title":"Connection","total":5})"));
    QCOMPARE(compact(phases.at(2).toObject().value(u"signoff"_s).toObject()),
        QByteArray(R"({"at":"2026-11-10T14:35:00Z","by":"Paulo"})"));
    QCOMPARE(compact(phases.at(5).toObject()),
        QByteArray(
            R"({"complete":1,"key":"pipes","open":[)"
            R"({"id":"pipes-built","status":"open","title":"Pipes built for every flow"},)"
            R"({"id":"local-runs","status":"open","title":"Local runs traced for the main and error paths"},)"
            R"({"id":"error-events","status":"open","title":"Error events handled by an error-treatment pipe"}],)"
            R"("percent":25,"phase":6,"title":"Pipes","total":4})"));
}

QTEST_APPLESS_MAIN(TestChecklist)
#include "tst_checklist.moc"
