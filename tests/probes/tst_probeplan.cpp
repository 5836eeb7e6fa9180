// Probe definitions and planning, no network: expected statuses, connect-to rules, secret names,
// the probe entity's JSON and schema, the plan generated from the sample project, user edits.
#include "entitychecker.h"
#include "environmentsecretstore.h"
#include "journeyschema.h"
#include "probecontrol.h"
#include "probeplanner.h"
#include "projectloader.h"
#include "statusexpectation.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace jb;

// A raw UTF-8 literal as a QString: u"{'json': true}"_s. (moc does not read u-prefixed raw
// strings, so test fixtures use plain raw strings.)
inline QString operator""_q(const char *text, size_t size)
{
    return QString::fromUtf8(text, qsizetype(size));
}

namespace {

QList<EntityRecord> sampleEntities()
{
    Result<ProjectLoad> loaded = ProjectLoader::load(QStringLiteral(JB_SAMPLE_DIR));
    if (!loaded)
        qFatal("cannot load the sample: %s", qPrintable(loaded.errorString()));
    return loaded.value().data.entities;
}

// The plan as compact text: one probe per line.
QString printPlan(const QList<ProbeSpec> &probes)
{
    QStringList lines;
    for (const ProbeSpec &p : probes) {
        QString line
            = u"%1 | %2 | %3 | %4"_s.arg(p.id, ProbeSpec::typeKey(p.type)).arg(p.phase).arg(p.target());
        if (!p.enabled)
            line += u" | disabled"_s;
        lines.append(line);
    }
    return lines.join(u'\n');
}

class MapSecrets final : public SecretStore
{
public:
    explicit MapSecrets(QHash<QString, QString> values)
        : m_values(std::move(values))
    { }
    Result<QString> secret(const QString &name) const override
    {
        if (!m_values.contains(name))
            return Result<QString>::failure(Error::Code::Reference, u"no secret "_s + name);
        return m_values.value(name);
    }
    QString describe(const QString &name) const override { return name; }

private:
    QHash<QString, QString> m_values;
};

} // namespace

class TestProbePlan final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusExpectation_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("matches");
        QTest::addRow("empty means 2xx: 200") << QString() << 200 << true;
        QTest::addRow("empty means 2xx: 299") << QString() << 299 << true;
        QTest::addRow("empty means 2xx: 301") << QString() << 301 << false;
        QTest::addRow("single hit") << u"204"_s << 204 << true;
        QTest::addRow("single miss") << u"204"_s << 200 << false;
        QTest::addRow("range low edge") << u"100-499"_s << 100 << true;
        QTest::addRow("range high edge") << u"100-499"_s << 499 << true;
        QTest::addRow("range above") << u"100-499"_s << 500 << false;
        QTest::addRow("class") << u"3xx"_s << 302 << true;
        QTest::addRow("class upper case") << u"4XX"_s << 404 << true;
        QTest::addRow("class miss") << u"3xx"_s << 200 << false;
        QTest::addRow("list second") << u"200, 404"_s << 404 << true;
        QTest::addRow("list miss") << u"200,404"_s << 403 << false;
        QTest::addRow("mixed list") << u"2xx,401-403"_s << 402 << true;
    }
    void statusExpectation()
    {
        QFETCH(QString, text);
        QFETCH(int, status);
        QFETCH(bool, matches);
        const Result<StatusExpectation> parsed = StatusExpectation::parse(text);
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
        QCOMPARE(parsed.value().matches(status), matches);
    }

    void statusExpectationErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::addRow("words")
            << u"ok"_s << u"expected status \"ok\": write 200, 200-299, 2xx, or a comma-separated list"_s;
        QTest::addRow("backwards") << u"299-200"_s
                                   << u"expected status \"299-200\": the range is backwards"_s;
        QTest::addRow("out of range")
            << u"600"_s << u"expected status \"600\": write 200, 200-299, 2xx, or a comma-separated list"_s;
        QTest::addRow("only commas") << u",,"_s << u"no expected status given"_s;
    }
    void statusExpectationErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const Result<StatusExpectation> parsed = StatusExpectation::parse(text);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.errorString(), message);
    }

    void connectTo_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("printed"); // empty: a parse error
        QTest::addRow("ipv4") << u"127.0.0.1:5432:127.0.0.1:35432"_s << u"127.0.0.1:5432:127.0.0.1:35432"_s;
        QTest::addRow("name") << u"localhost:8443:127.0.0.1:1"_s << u"localhost:8443:127.0.0.1:1"_s;
        QTest::addRow("ipv6 brackets") << u"[::1]:443:127.0.0.1:8443"_s << u"[::1]:443:127.0.0.1:8443"_s;
        QTest::addRow("missing port") << u"127.0.0.1:5432:127.0.0.1"_s << QString();
        QTest::addRow("port zero") << u"a:0:b:1"_s << QString();
        QTest::addRow("port too big") << u"a:1:b:70000"_s << QString();
    }
    void connectTo()
    {
        QFETCH(QString, text);
        QFETCH(QString, printed);
        const Result<ConnectTo> rule = ConnectTo::parse(text);
        QCOMPARE(rule.ok(), !printed.isEmpty());
        if (rule)
            QCOMPARE(rule.value().toString(), printed);
    }

    void endpointRewriting()
    {
        ProbeContext context;
        context.connectTo = {ConnectTo::parse(u"LocalHost:8443:127.0.0.1:18443"_s).value()};
        const Endpoint mapped = context.endpoint(u"localhost"_s, 8443);
        QCOMPARE(mapped.host, u"127.0.0.1"_s);
        QCOMPARE(mapped.port, 18443);
        QVERIFY(mapped.redirected);
        const Endpoint other = context.endpoint(u"localhost"_s, 8444);
        QCOMPARE(other.port, 8444);
        QVERIFY(!other.redirected);
    }

    void secretVariableName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("variable");
        QTest::addRow("dashes") << u"customers-db-password"_s
                                << u"JOURNEYBENCH_SECRET_CUSTOMERS_DB_PASSWORD"_s;
        QTest::addRow("dots and case") << u"erp.Sftp.key2"_s << u"JOURNEYBENCH_SECRET_ERP_SFTP_KEY2"_s;
        QTest::addRow("accents become _") << u"senha-ção"_s << u"JOURNEYBENCH_SECRET_SENHA___O"_s;
    }
    void secretVariableName()
    {
        QFETCH(QString, name);
        QFETCH(QString, variable);
        QCOMPARE(EnvironmentSecretStore::variableName(name), variable);
    }

    void environmentSecretStore()
    {
        QProcessEnvironment environment;
        environment.insert(u"JOURNEYBENCH_SECRET_API_TOKEN"_s, u"tok-123"_s);
        const EnvironmentSecretStore store(environment);
        const Result<QString> found = store.secret(u"api-token"_s);
        QVERIFY(found.ok());
        QCOMPARE(found.value(), u"tok-123"_s);
        const Result<QString> missing = store.secret(u"db-password"_s);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.errorString(),
            u"the secret \"db-password\" is not set: export JOURNEYBENCH_SECRET_DB_PASSWORD for headless runs"_s);
    }

    void scrub_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::addRow("plain") << u"s3cr3t-Value"_s << u"login with s3cr3t-Value failed"_s
                               << u"login with ******** failed"_s;
        QTest::addRow("twice") << u"abc123xyz"_s << u"abc123xyz/abc123xyz"_s << u"********/********"_s;
        QTest::addRow("percent-encoded")
            << u"p@ss word"_s << u"url ftp://u:p%40ss%20word@h"_s << u"url ftp://u:********@h"_s;
        QTest::addRow("base64") << u"hunter2-hunter2"_s << u"aHVudGVyMi1odW50ZXIy"_s << u"********"_s;
        QTest::addRow("a key's line")
            << u"-----BEGIN KEY-----\nAAAAB3NzaC1yc2EAAAADAQABAAABAQ\n-----END KEY-----\n"_s
            << u"bad line: AAAAB3NzaC1yc2EAAAADAQABAAABAQ"_s << u"bad line: ********"_s;
        QTest::addRow("untouched") << u"s3cr3t"_s << u"nothing to hide"_s << u"nothing to hide"_s;
    }
    void scrub()
    {
        QFETCH(QString, secret);
        QFETCH(QString, text);
        QFETCH(QString, expected);
        ProbeContext context;
        context.secrets = std::make_shared<MapSecrets>(QHash<QString, QString>{{u"s"_s, secret}});
        ProbeControl control(context, std::chrono::milliseconds(1000));
        QVERIFY(control.secret(u"s"_s).ok());
        QVERIFY(control.usedSecrets());
        QCOMPARE(control.scrub(text), expected);
    }

    void specRoundTrip_data()
    {
        QTest::addColumn<QString>("fixture"); // the entity as written: only the keys that apply
        auto add = [](const char *name, const QString &json) { QTest::addRow("%s", name) << json; };
        add("dns",
            u"{'expectAddress':'127.0.0.1','host':'db.example','id':'d','name':'D','nameserver':'127.0.0.53','phase':2,'type':'dns'}"_s);
        add("tcp",
            u"{'enabled':false,'host':'10.0.0.1','id':'t','name':'T','phase':2,'port':22,'timeoutMs':1500,'type':'tcp'}"_s);
        add("http",
            u"{'auth':'bearer','expectBody':'ok','expectHeader':'X-A: b','expectStatus':'2xx','id':'h','insecure':true,'method':'HEAD','name':'H','phase':1,'redirects':'safe','secret':'tok','type':'http','url':'https://api.example/v1'}"_s);
        add("tls",
            u"{'host':'api.example','id':'s','name':'S','phase':1,'port':443,'type':'tls','warnDays':14}"_s);
        add("ftp",
            u"{'auth':'password','file':'a.csv','ftps':'explicit','host':'ftp.example','id':'f','name':'F','path':'/in','phase':1,'port':21,'secret':'pw','type':'ftp','user':'u'}"_s);
        add("sftp",
            u"{'auth':'key','host':'sftp.example','hostKeySha256':'SHA256:abc','id':'p','name':'P','path':'/out','phase':1,'secret':'key','type':'sftp','user':'u'}"_s);
        add("database",
            u"{'auth':'password','database':'db','driver':'QPSQL','host':'db.example','id':'b','name':'B','phase':2,'port':5432,'secret':'pw','tables':['a','b'],'type':'database','user':'u','validationQuery':'SELECT 2'}"_s);
        add("vpn",
            u"{'environment':'test','id':'v','name':'V','phase':1,'sources':['vpn/x'],'targets':['10.0.0.1:443','[fd00::1]:22'],'type':'vpn'}"_s);
    }
    void specRoundTrip()
    {
        QFETCH(QString, fixture);
        const QString json = QString(fixture).replace(u'\'', u'"'); // fixtures use single quotes
        const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
        QVERIFY(!object.isEmpty());
        const ProbeSpec spec = ProbeSpec::fromJson(object);
        QCOMPARE(QJsonDocument(spec.toJson()).toJson(QJsonDocument::Compact), json.toUtf8());
        // the entity validates against the schema's probe kind
        const KindSpec *kind = JourneySchema::kind(u"probe"_s);
        QVERIFY(kind);
        QVERIFY(kind->matches(object));
        const QList<FieldProblem> problems
            = EntityChecker::structuralProblems(*kind, object) + EntityChecker::valueProblems(*kind, object);
        for (const FieldProblem &problem : problems)
            qWarning("%s: %s", qPrintable(problem.pointer), qPrintable(problem.message));
        QVERIFY(problems.isEmpty());
    }

    // What a probe file leaves out, leaves empty or gets the type of wrong: the defaults, never a
    // crash; keys the schema does not know are left out.
    void specDefaults_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("expected"); // toJson() of what was read
        QTest::addRow("only an id: name, type and phase default")
            << u"{'id':'a'}"_s << u"{'id':'a','name':'a','phase':2,'type':'tcp'}"_s;
        QTest::addRow("an empty name is the id")
            << u"{'id':'a','name':''}"_s << u"{'id':'a','name':'a','phase':2,'type':'tcp'}"_s;
        QTest::addRow("empty texts keep the defaults")
            << u"{'id':'h','type':'http','method':'','redirects':'','auth':'','url':''}"_s
            << u"{'id':'h','name':'h','phase':2,'type':'http'}"_s;
        QTest::addRow("numbers and flags of the wrong type default")
            << u"{'id':'t','phase':'one','port':'80','enabled':'no','timeoutMs':true}"_s
            << u"{'id':'t','name':'t','phase':2,'type':'tcp'}"_s;
        QTest::addRow("an unknown type is tcp")
            << u"{'id':'t','type':'icmp','host':'h','port':7}"_s
            << u"{'host':'h','id':'t','name':'t','phase':2,'port':7,'type':'tcp'}"_s;
        QTest::addRow("unknown keys are left out")
            << u"{'id':'t','colour':'red','host':'h'}"_s
            << u"{'host':'h','id':'t','name':'t','phase':2,'type':'tcp'}"_s;
        QTest::addRow("disabled, with a timeout")
            << u"{'id':'t','enabled':false,'timeoutMs':1500}"_s
            << u"{'enabled':false,'id':'t','name':'t','phase':2,'timeoutMs':1500,'type':'tcp'}"_s;
    }
    void specDefaults()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, expected);
        const QJsonObject object = QJsonDocument::fromJson(fixture.replace(u'\'', u'"').toUtf8()).object();
        QVERIFY(!object.isEmpty());
        QCOMPARE(QString::fromUtf8(
                     QJsonDocument(ProbeSpec::fromJson(object).toJson()).toJson(QJsonDocument::Compact)),
            expected.replace(u'\'', u'"'));
    }

    void irrelevantFieldsAreNotWritten()
    {
        ProbeSpec spec;
        spec.id = u"t"_s;
        spec.name = u"T"_s;
        spec.type = ProbeType::Tcp;
        spec.host = u"h"_s;
        spec.port = 1;
        spec.url = u"https://ignored.example"_s;
        spec.driver = u"QPSQL"_s;
        spec.user = u"nobody"_s;
        const QJsonObject json = spec.toJson();
        QCOMPARE(json.keys(), (QStringList{u"host"_s, u"id"_s, u"name"_s, u"phase"_s, u"port"_s, u"type"_s}));
    }

    void samplePlanTest()
    {
        const QString expected
            = u"endpoint-customer-portal-api-tcp | tcp | 1 | 127.0.0.1:8443\n"
              u"endpoint-customer-portal-api-tls | tls | 1 | 127.0.0.1:8443\n"
              u"endpoint-customer-portal-api-http | http | 1 | GET https://127.0.0.1:8443/api/v1/customers\n"
              u"endpoint-erp-orders-sftp-tcp | tcp | 1 | 127.0.0.1:2222\n"
              u"endpoint-erp-orders-sftp-sftp | sftp | 1 | sftp://erp-sync@127.0.0.1:2222/outbound/orders\n"
              u"endpoint-logistics-ftp-tcp | tcp | 1 | 127.0.0.1:2121\n"
              u"endpoint-logistics-ftp-ftp | ftp | 1 | ftp://logistics@127.0.0.1:2121/inbound\n"
              u"endpoint-viacep-test-tcp | tcp | 1 | 127.0.0.1:18080\n"
              u"endpoint-viacep-test-http | http | 1 | GET http://127.0.0.1:18080/ws/\n"
              u"vpn-vpn-erp-hosting-vpn | vpn | 1 | 127.0.0.1:8443, 127.0.0.1:2222, 127.0.0.1:2121, "
              u"127.0.0.1:8080\n"
              u"server-erp-app-dns | dns | 2 | localhost\n"
              u"server-erp-app-tcp-8443 | tcp | 2 | 127.0.0.1:8443\n"
              u"server-erp-app-tls-8443 | tls | 2 | localhost:8443\n"
              u"server-erp-app-tcp-2222 | tcp | 2 | 127.0.0.1:2222\n"
              u"server-logistics-gw-dns | dns | 2 | localhost\n"
              u"server-logistics-gw-tcp-2121 | tcp | 2 | 127.0.0.1:2121\n"
              u"server-logistics-gw-tcp-8080 | tcp | 2 | 127.0.0.1:8080\n"
              u"server-pg-customers-dns | dns | 2 | localhost\n"
              u"server-pg-customers-tcp-5432 | tcp | 2 | 127.0.0.1:5432\n"
              u"database-customers-pg-db | database | 2 | QPSQL 127.0.0.1:5432/journeybench\n"
              u"database-customers-sqlite-db | database | 2 | QSQLITE data/customers.sqlite\n"
              u"service-billing-invoices-http | http | 2 | HEAD http://127.0.0.1:8081/billing/invoices\n"
              u"service-customers-api-http | http | 2 | HEAD https://127.0.0.1:8443/api/v1/customers\n"
              u"service-erp-orders-http | http | 2 | GET https://127.0.0.1:8443/erp/orders\n"
              u"service-logistics-shipments-http | http | 2 | HEAD http://127.0.0.1:8080/logistics/shipments"_s;
        const QList<ProbeSpec> plan = ProbePlanner::plan(sampleEntities(), u"test"_s);
        QCOMPARE(printPlan(plan), expected);
        for (const ProbeSpec &spec : plan) {
            QCOMPARE(spec.origin, ProbeSpec::Origin::Generated);
            QCOMPARE(spec.environment, u"test"_s);
            QVERIFY2(!spec.sources.isEmpty(), qPrintable(spec.id));
        }
    }

    void samplePlanDetails()
    {
        const QList<ProbeSpec> plan = ProbePlanner::plan(sampleEntities(), u"test"_s);
        auto find = [&plan](const QString &id) {
            const auto it
                = std::find_if(plan.cbegin(), plan.cend(), [&](const ProbeSpec &p) { return p.id == id; });
            return it == plan.cend() ? ProbeSpec() : *it;
        };
        const ProbeSpec sftp = find(u"endpoint-erp-orders-sftp-sftp"_s);
        QCOMPARE(sftp.auth, u"key"_s);
        QCOMPARE(sftp.secret, u"erp-sftp-key"_s);
        QCOMPARE(sftp.path, u"/outbound/orders"_s);
        const ProbeSpec api = find(u"endpoint-customer-portal-api-http"_s);
        QCOMPARE(api.auth, u"bearer"_s);
        QCOMPARE(api.expectStatus, u"100-499"_s);
        const ProbeSpec dns = find(u"server-erp-app-dns"_s);
        QCOMPARE(dns.expectAddress, u"127.0.0.1"_s);
        const ProbeSpec db = find(u"database-customers-pg-db"_s);
        QCOMPARE(db.tables, QStringList{u"customers"_s});
        QCOMPARE(db.secret, u"customers-db-password"_s);
        const ProbeSpec vpn = find(u"vpn-vpn-erp-hosting-vpn"_s);
        QCOMPARE(vpn.sources,
            (QStringList{u"vpn/vpn-erp-hosting"_s, u"server/erp-app"_s, u"server/logistics-gw"_s}));
        QCOMPARE(ProbePlanner::ofPhase(plan, 1).size(), 10);
        QCOMPARE(ProbePlanner::ofPhase(plan, 2).size(), 15);
    }

    void samplePlanProd()
    {
        const QString expected
            = u"endpoint-viacep-prod-dns | dns | 1 | viacep.com.br\n"
              u"endpoint-viacep-prod-tcp | tcp | 1 | viacep.com.br:443\n"
              u"endpoint-viacep-prod-tls | tls | 1 | viacep.com.br:443\n"
              u"endpoint-viacep-prod-http | http | 1 | GET https://viacep.com.br/ws/\n"
              u"server-erp-app-prod-dns | dns | 2 | erp01.nuvemhosting.example\n"
              u"server-erp-app-prod-tcp-443 | tcp | 2 | 172.16.50.12:443\n"
              u"server-erp-app-prod-tls-443 | tls | 2 | erp01.nuvemhosting.example:443\n"
              u"server-erp-app-prod-tcp-22 | tcp | 2 | 172.16.50.12:22\n"
              u"database-customers-sqlite-db | database | 2 | QSQLITE data/customers.sqlite\n"
              u"service-viacep-cep-http | http | 1 | GET https://viacep.com.br/ws/"_s;
        QList<ProbeSpec> plan = ProbePlanner::plan(sampleEntities(), u"prod"_s);
        QCOMPARE(printPlan(plan).split(u'\n').size(), 10);
        // ordered by phase: the service lands among phase 1 (stable otherwise)
        QStringList lines = expected.split(u'\n');
        lines.move(9, 4);
        QCOMPARE(printPlan(plan), lines.join(u'\n'));
    }

    void userEdits()
    {
        QList<EntityRecord> entities = sampleEntities();
        ProbeSpec edited = ProbeSpec::fromJson(QJsonObject{{u"id"_s, u"server-pg-customers-tcp-5432"_s},
            {u"name"_s, u"PG port"_s}, {u"type"_s, u"tcp"_s}, {u"phase"_s, 2}, {u"enabled"_s, false},
            {u"host"_s, u"127.0.0.1"_s}, {u"port"_s, 5432}, {u"timeoutMs"_s, 9000}});
        ProbeSpec mine = ProbeSpec::fromJson(
            QJsonObject{{u"id"_s, u"my-extra-check"_s}, {u"name"_s, u"Extra"_s}, {u"type"_s, u"tcp"_s},
                {u"phase"_s, 1}, {u"environment"_s, u"test"_s}, {u"host"_s, u"127.0.0.1"_s}, {u"port"_s, 9}});
        ProbeSpec elsewhere = mine;
        elsewhere.id = u"prod-only"_s;
        elsewhere.environment = u"prod"_s;
        for (const ProbeSpec &spec : {edited, mine, elsewhere})
            entities.append(
                {u"probe"_s, u"probes/"_s + spec.id + u".json"_s, ProbePlanner::entityData(spec)});

        const QList<ProbeSpec> plan = ProbePlanner::plan(entities, u"test"_s);
        QCOMPARE(plan.size(), 26);
        const auto at = [&plan](const QString &id) {
            return *std::find_if(plan.cbegin(), plan.cend(), [&](const ProbeSpec &p) { return p.id == id; });
        };
        const ProbeSpec override = at(u"server-pg-customers-tcp-5432"_s);
        QCOMPARE(override.origin, ProbeSpec::Origin::Edited);
        QVERIFY(!override.enabled);
        QCOMPARE(override.timeoutMs, 9000);
        QCOMPARE(override.sources, QStringList{u"server/pg-customers"_s}); // kept from the generated probe
        const ProbeSpec added = at(u"my-extra-check"_s);
        QCOMPARE(added.origin, ProbeSpec::Origin::User);
        QCOMPARE(added.phase, 1);
        QVERIFY(std::none_of(
            plan.cbegin(), plan.cend(), [](const ProbeSpec &p) { return p.id == u"prod-only"; }));
        // phase 1 first: the user's phase-1 probe comes before every phase-2 probe
        const qsizetype addedAt = std::find_if(plan.cbegin(), plan.cend(), [](const ProbeSpec &p) {
            return p.id == u"my-extra-check";
        }) - plan.cbegin();
        QCOMPARE(addedAt, 10);
    }

    // A project of probe files alone: they are the plan, in their files' order, each once.
    void onlyUserProbes()
    {
        QList<EntityRecord> entities;
        QStringList expected;
        for (int i = 0; i < 50; ++i) {
            ProbeSpec spec;
            spec.id = u"tcp-%1"_s.arg(i);
            spec.host = u"127.0.0.1"_s;
            spec.port = 1000 + i;
            spec.environment = i % 10 == 3 ? u"prod"_s : (i % 2 ? u"test"_s : QString());
            if (spec.environment != u"prod")
                expected.append(spec.id);
            entities.append(
                {u"probe"_s, u"probes/"_s + spec.id + u".json"_s, ProbePlanner::entityData(spec)});
        }
        const QList<ProbeSpec> plan = ProbePlanner::plan(entities, u"test"_s);
        QStringList ids;
        for (const ProbeSpec &spec : plan) {
            QCOMPARE(spec.origin, ProbeSpec::Origin::User);
            QCOMPARE(spec.port, 1000 + spec.id.mid(4).toInt());
            ids.append(spec.id);
        }
        QCOMPARE(ids, expected);
    }

    void defaultEnvironment()
    {
        QList<EntityRecord> entities = sampleEntities();
        QCOMPARE(ProbePlanner::defaultEnvironment(entities), std::optional<QString>(u"test"_s));
        entities.removeIf(
            [](const EntityRecord &r) { return r.kind == u"environment" && r.id() == u"test"; });
        QCOMPARE(ProbePlanner::defaultEnvironment(entities), std::optional<QString>(u"prod"_s));
        entities.append({u"environment"_s, u"environments/qa.json"_s, QJsonObject{{u"id"_s, u"qa"_s}}});
        QCOMPARE(ProbePlanner::defaultEnvironment(entities), std::nullopt);
    }
};

QTEST_APPLESS_MAIN(TestProbePlan)
#include "tst_probeplan.moc"
