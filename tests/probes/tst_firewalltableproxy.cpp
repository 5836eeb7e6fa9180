// The firewall request table as the page shows it (FirewallTableProxy over FirewallRequestModel),
// under QAbstractItemModelTester before any data: the status column gains the probe glyph of what
// the latest probe found, every other cell and role passes through.
#include "firewallrequestmodel.h"
#include "firewalltableproxy.h"
#include "printmodel.h"
#include "probetableproxy.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QImage>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace jb;

namespace {

FirewallRow row(int port, const QString &status)
{
    FirewallRow r;
    r.source = u"10.0.0.0/24"_s;
    r.destination = u"172.16.0.5"_s;
    r.hostname = u"db.example"_s;
    r.port = port;
    r.protocol = u"tcp"_s;
    r.service = u"postgresql"_s;
    r.purpose = u"Customers"_s;
    r.status = status;
    r.server = u"db"_s;
    return r;
}

QImage glyph(const QVariant &decoration)
{
    return decoration.value<QIcon>().pixmap(16, 16).toImage();
}

} // namespace

class TestFirewallTableProxy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusKey_data();
    void statusKey();
    void statusGlyphs();
};

void TestFirewallTableProxy::statusKey_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("key");

    QTest::addRow("open") << u"open"_s << u"pass"_s;
    QTest::addRow("pass") << u"pass"_s << u"pass"_s;
    QTest::addRow("refused") << u"refused"_s << u"fail"_s;
    QTest::addRow("filtered") << u"filtered"_s << u"fail"_s;
    QTest::addRow("not tested") << u"not tested"_s << QString();
    QTest::addRow("not tested, with a reason") << u"not tested (no source address)"_s << QString();
    QTest::addRow("nothing") << QString() << QString();
}

void TestFirewallTableProxy::statusKey()
{
    QFETCH(QString, status);
    QFETCH(QString, key);
    QCOMPARE(FirewallTableProxy::statusKey(status), key);
}

void TestFirewallTableProxy::statusGlyphs()
{
    FirewallRequestModel model;
    FirewallTableProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    model.setRows({row(5432, u"open"_s), row(22, u"filtered"_s), row(443, u"not tested"_s)});
    QCOMPARE(test::printModel(proxy),
        u"10.0.0.0/24 | 172.16.0.5 | db.example | 5432 | tcp | postgresql | Customers | open |  | db\n"
        "10.0.0.0/24 | 172.16.0.5 | db.example | 22 | tcp | postgresql | Customers | filtered |  | db\n"
        "10.0.0.0/24 | 172.16.0.5 | db.example | 443 | tcp | postgresql | Customers | not tested |  | db"_s);
    const auto status = [&](int r) { return proxy.index(r, FirewallRequestModel::StatusColumn); };
    QCOMPARE(glyph(status(0).data(Qt::DecorationRole)), glyph(ProbeTableProxy::statusIcon(u"pass"_s)));
    QCOMPARE(glyph(status(1).data(Qt::DecorationRole)), glyph(ProbeTableProxy::statusIcon(u"fail"_s)));
    QCOMPARE(glyph(status(2).data(Qt::DecorationRole)), glyph(ProbeTableProxy::statusIcon(QString())));
    QVERIFY(glyph(status(0).data(Qt::DecorationRole)) != glyph(status(1).data(Qt::DecorationRole)));
    // only the status column has a glyph; the source's roles pass through
    QCOMPARE(proxy.index(0, FirewallRequestModel::PortColumn).data(Qt::DecorationRole),
        model.index(0, FirewallRequestModel::PortColumn).data(Qt::DecorationRole));
    QCOMPARE(proxy.index(1, 0).data(FirewallRequestModel::StatusRole).toString(), u"filtered"_s);
    model.setRows({});
    QCOMPARE(proxy.rowCount(), 0);
}

QTEST_MAIN(TestFirewallTableProxy)
#include "tst_firewalltableproxy.moc"
