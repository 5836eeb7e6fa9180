// What the probe editor offers to pick from the inventory: for a table of entities, the targets
// and the probe fields each fills (type, host, port and the rest), printed as text and compared.
#include "probetargets.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace jb;

namespace {

EntityRecord entity(const QString &kind, const char *json)
{
    return {kind, QString(), QJsonDocument::fromJson(QByteArray(json)).object()};
}

// One target per line: "source | label | fields as compact JSON".
QString printTargets(const QList<ProbeTarget> &targets)
{
    QStringList lines;
    for (const ProbeTarget &target : targets)
        lines.append(target.source + u" | "_s + target.label + u" | "_s
            + QString::fromUtf8(QJsonDocument(target.fields).toJson(QJsonDocument::Compact)));
    return lines.join(u'\n');
}

} // namespace

Q_DECLARE_METATYPE(jb::EntityRecord)

class TestProbeTargets final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void targets_data();
    void targets();
    void kindsComeInInventoryOrder();
};

void TestProbeTargets::targets_data()
{
    QTest::addColumn<EntityRecord>("record");
    QTest::addColumn<QString>("expected");

    QTest::addRow("server: a port each, https by the name its certificate carries")
        << entity(u"server"_s,
               R"({"id":"erp-app","ip":"10.0.0.5","hostname":"erp.acme.example","ports":[
                   {"port":8443,"protocol":"https","purpose":"Orders API"},{"port":2222,"protocol":"sftp"},
                   {"port":5432,"protocol":"postgresql"},{"port":514,"protocol":"udp"}]})")
        << uR"(server/erp-app | Server erp-app: erp.acme.example:8443 (https, Orders API) | {"host":"erp.acme.example","port":8443,"type":"tls"}
server/erp-app | Server erp-app: 10.0.0.5:2222 (sftp) | {"host":"10.0.0.5","port":2222,"type":"sftp"}
server/erp-app | Server erp-app: 10.0.0.5:5432 (postgresql) | {"host":"10.0.0.5","port":5432,"type":"tcp"})"_s;
    QTest::addRow("server without ports: its host, no port")
        << entity(u"server"_s, R"({"id":"gw","hostname":"gw.acme.example"})")
        << uR"(server/gw | Server gw: gw.acme.example | {"host":"gw.acme.example","type":"tcp"})"_s;
    QTest::addRow("server with IPv6 address")
        << entity(u"server"_s, R"({"id":"v6","ip":"fd00::5","ports":[{"port":443,"protocol":"tcp"}]})")
        << uR"(server/v6 | Server v6: [fd00::5]:443 (tcp) | {"host":"fd00::5","port":443,"type":"tcp"})"_s;
    QTest::addRow("server with neither address nor name: nothing to pick")
        << entity(u"server"_s, R"({"id":"blank","ports":[{"port":80}]})") << QString();
    QTest::addRow("API endpoint: an HTTP probe of its URL, with its credentials' names")
        << entity(u"endpoint"_s,
               R"({"id":"portal","type":"api","url":"https://portal.acme.example:8443/api/v1","auth":"bearer","secret":"portal-token"})")
        << uR"(endpoint/portal | Endpoint portal: https://portal.acme.example:8443/api/v1 | {"auth":"bearer","secret":"portal-token","type":"http","url":"https://portal.acme.example:8443/api/v1"})"_s;
    QTest::addRow("WebSocket endpoint: its TLS port")
        << entity(u"endpoint"_s, R"({"id":"feed","type":"ws","url":"wss://feed.acme.example/live"})")
        << uR"(endpoint/feed | Endpoint feed: wss://feed.acme.example/live | {"host":"feed.acme.example","port":443,"type":"tls"})"_s;
    QTest::addRow("SFTP endpoint: host, port, folder and login")
        << entity(u"endpoint"_s,
               R"({"id":"orders","type":"sftp","host":"127.0.0.1","port":2222,"path":"/outbound","auth":"key","user":"erp-sync","secret":"erp-key"})")
        << uR"(endpoint/orders | Endpoint orders: sftp://127.0.0.1:2222 | {"auth":"key","host":"127.0.0.1","path":"/outbound","port":2222,"secret":"erp-key","type":"sftp","user":"erp-sync"})"_s;
    QTest::addRow("FTP endpoint without a port: the protocol's")
        << entity(u"endpoint"_s, R"({"id":"drop","type":"ftp","host":"ftp.acme.example"})")
        << uR"(endpoint/drop | Endpoint drop: ftp://ftp.acme.example:21 | {"host":"ftp.acme.example","port":21,"type":"ftp"})"_s;
    QTest::addRow("endpoint with a URL that is not one: nothing to pick")
        << entity(u"endpoint"_s, R"({"id":"bad","type":"api","url":"orders api"})") << QString();
    QTest::addRow("PostgreSQL database: driver, host, port, name, login and tables")
        << entity(u"database"_s,
               R"({"id":"customers-pg","driver":"QPSQL","host":"127.0.0.1","port":5432,"database":"journeybench","user":"jb","secret":"db-password","tables":["customers"]})")
        << uR"(database/customers-pg | Database customers-pg: QPSQL 127.0.0.1:5432/journeybench | {"auth":"password","database":"journeybench","driver":"QPSQL","host":"127.0.0.1","port":5432,"secret":"db-password","tables":["customers"],"type":"database","user":"jb"})"_s;
    QTest::addRow("SQLite database: a file, no host")
        << entity(u"database"_s, R"({"id":"local","driver":"QSQLITE","database":"data/customers.sqlite"})")
        << uR"(database/local | Database local: QSQLITE data/customers.sqlite | {"database":"data/customers.sqlite","driver":"QSQLITE","type":"database"})"_s;
    QTest::addRow("other kinds are not probe targets")
        << entity(u"system"_s, R"({"id":"erp","name":"ERP"})") << QString();
}

void TestProbeTargets::targets()
{
    QFETCH(EntityRecord, record);
    QFETCH(QString, expected);
    QCOMPARE(printTargets(ProbeTargets::of({record})), expected);
}

void TestProbeTargets::kindsComeInInventoryOrder()
{
    const QList<ProbeTarget> targets
        = ProbeTargets::of({entity(u"database"_s, R"({"id":"d","driver":"QSQLITE","database":"x"})"),
            entity(u"endpoint"_s, R"({"id":"e","type":"ftp","host":"h"})"),
            entity(u"server"_s, R"({"id":"s","ip":"10.0.0.1"})")});
    QStringList sources;
    for (const ProbeTarget &target : targets)
        sources.append(target.source);
    QCOMPARE(sources, (QStringList{u"server/s"_s, u"endpoint/e"_s, u"database/d"_s}));
}

QTEST_APPLESS_MAIN(TestProbeTargets)
#include "tst_probetargets.moc"
