// DNS, TCP, HTTP(S), TLS and VPN probes against real servers: jb-probe-testserver on loopback
// (HTTP, HTTPS with a good, an expiring, an expired, a wrong-host and a self-signed certificate,
// a silent port, a DNS server), a closed port, and an address in a network namespace that drops
// every packet. Each case: its status and summary; timeouts within +-20%.
#include "probetesthelpers.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace jb;

class TestNetProbes final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServices> m_services;
    ProbeContext m_context;

    void addColumns() { addProbeColumns(); }
    void check() { checkProbe(m_services.get(), m_context); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_services = std::make_unique<TestServices>(QStringList{u"http"_s, u"netns"_s});
        QVERIFY2(m_services->ok(), qPrintable(m_services->error()));
        const Result<QList<QSslCertificate>> ca
            = ProbeContext::loadCaFiles({m_services->value(u"CA_FILE"_s)});
        QVERIFY2(ca.ok(), qPrintable(ca.errorString()));
        m_context.extraCaCertificates = ca.value();
        m_context.secrets = std::make_shared<MapSecrets>(
            QHash<QString, QString>{{u"portal-token"_s, m_services->value(u"BEARER_TOKEN"_s)},
                {u"wrong-token"_s, u"not-the-token-0123"_s}});
        m_context.connectTo
            = {ConnectTo::parse(u"localhost:8443:127.0.0.1:%1"_s.arg(m_services->value(u"HTTPS_GOOD_PORT"_s)))
                    .value()};
    }

    void cleanupTestCase() { m_services.reset(); }

    void tcp_data()
    {
        addColumns();
        QTest::addRow("open") << u"{'type':'tcp','host':'127.0.0.1','port':${HTTP_PORT}}"_s << u"pass"_s
                              << u"open in \\d+\\.\\d+ ms"_s << 0;
        QTest::addRow("refused") << u"{'type':'tcp','host':'127.0.0.1','port':${CLOSED_PORT}}"_s << u"fail"_s
                                 << u"refused: nothing listens there"_s << 0;
        QTest::addRow("filtered")
            << u"{'type':'tcp','host':'${DROP_ADDR}','port':443,'timeoutMs':2000}"_s << u"fail"_s
            << u"filtered: no answer within 2\\.0 s \\(a firewall drops the packets, or the host is down\\)"_s
            << 2000;
        QTest::addRow("no port") << u"{'type':'tcp','host':'127.0.0.1'}"_s << u"error"_s
                                 << u"the probe needs a host and a port \\(1-65535\\)"_s << 0;
    }
    void tcp() { check(); }

    void tcpFacts()
    {
        QVERIFY2(m_services && m_services->ok(), "the test servers are not running");
        const TimedResult open = runTimed(
            specFrom(*m_services, u"{'type':'tcp','host':'127.0.0.1','port':${HTTP_PORT}}"_s), m_context);
        QCOMPARE(open.result.facts.value(u"state"_s).toString(), u"open"_s);
        QCOMPARE(open.result.facts.value(u"peerAddress"_s).toString(), u"127.0.0.1"_s);
        const TimedResult refused = runTimed(
            specFrom(*m_services, u"{'type':'tcp','host':'127.0.0.1','port':${CLOSED_PORT}}"_s), m_context);
        QCOMPARE(refused.result.facts.value(u"state"_s).toString(), u"refused"_s);
    }

    void dns_data()
    {
        addColumns();
        QTest::addRow("system resolver")
            << u"{'type':'dns','host':'localhost','expectAddress':'127.0.0.1'}"_s << u"pass"_s
            << u"resolves to (.*, )?127\\.0\\.0\\.1(, .*)? in \\d+\\.\\d ms"_s << 0;
        QTest::addRow("name server")
            << u"{'type':'dns','host':'db.journeybench.test','nameserver':'${DNS_SERVER}'}"_s << u"pass"_s
            << u"resolves to 127\\.0\\.0\\.1 in \\d+\\.\\d ms"_s << 0;
        QTest::addRow("not the recorded address")
            << u"{'type':'dns','host':'erp01.journeybench.test','nameserver':'${DNS_SERVER}','expectAddress':'10.9.8.7'}"_s
            << u"fail"_s << u"resolves to 127\\.0\\.0\\.1, not the recorded 10\\.9\\.8\\.7"_s << 0;
        QTest::addRow("no such name")
            << u"{'type':'dns','host':'nosuch.journeybench.test','nameserver':'${DNS_SERVER}'}"_s << u"fail"_s
            << u"does not resolve: the name server ${DNS_SERVER} has no such name"_s << 0;
        QTest::addRow("nothing answers on the server")
            << u"{'type':'dns','host':'db.journeybench.test','nameserver':'127.54.0.1'}"_s << u"fail"_s
            << u"lookup failed: .+"_s << 0;
        QTest::addRow("the name server is filtered")
            << u"{'type':'dns','host':'db.journeybench.test','nameserver':'${DROP_ADDR}','timeoutMs':2000}"_s
            << u"fail"_s << u"no answer from the name server ${DROP_ADDR} within 2\\.0 s"_s << 2000;
        QTest::addRow("bad name server")
            << u"{'type':'dns','host':'x.test','nameserver':'name.server'}"_s << u"error"_s
            << u"the name server \"name\\.server\" is not an IP address"_s << 0;
    }
    void dns() { check(); }

    void http_data()
    {
        addColumns();
        const QString ok = u"HTTP 200 OK in \\d+\\.\\d ms"_s;
        QTest::addRow("https") << u"{'type':'http','url':'https://127.0.0.1:${HTTPS_GOOD_PORT}/'}"_s
                               << u"pass"_s << ok << 0;
        QTest::addRow("https by name, connect-to")
            << u"{'type':'http','url':'https://localhost:8443/'}"_s << u"pass"_s << ok << 0;
        QTest::addRow("header and body")
            << u"{'type':'http','url':'http://127.0.0.1:${HTTP_PORT}/json','expectHeader':'Content-Type: application/json','expectBody':'\\u0022ok\\u0022: true'}"_s
            << u"pass"_s << ok << 0;
        QTest::addRow("HEAD") << u"{'type':'http','method':'HEAD','url':'http://127.0.0.1:${HTTP_PORT}/'}"_s
                              << u"pass"_s << ok << 0;
        QTest::addRow("an expected 404")
            << u"{'type':'http','url':'http://127.0.0.1:${HTTP_PORT}/status/404','expectStatus':'404'}"_s
            << u"pass"_s << u"HTTP 404 Not Found in .*"_s << 0;
        QTest::addRow("unexpected status")
            << u"{'type':'http','url':'http://127.0.0.1:${HTTP_PORT}/status/500'}"_s << u"fail"_s
            << u"expected status 200-299, got 500 Internal Server Error"_s << 0;
        QTest::addRow("header missing")
            << u"{'type':'http','url':'http://127.0.0.1:${HTTP_PORT}/','expectHeader':'X-Nope'}"_s
            << u"fail"_s << u"header X-Nope missing"_s << 0;
        QTest::addRow("header differs")
            << u"{'type':'http','url':'http://127.0.0.1:${HTTP_PORT}/','expectHeader':'Content-Type: application/json'}"_s
            << u"fail"_s
            << u"header Content-Type is \"text/plain; charset=utf-8\", expected it to contain \"application/json\""_s
            << 0;
        QTest::addRow("body differs")
            << u"{'type':'http','url':'http://127.0.0.1:${HTTP_PORT}/','expectBody':'hello'}"_s << u"fail"_s
            << u"body does not contain \"hello\""_s << 0;
        QTest::addRow("body bounded")
            << u"{'type':'http','url':'http://127.0.0.1:${HTTP_PORT}/big','expectBody':'zzz'}"_s << u"fail"_s
            << u"body does not contain \"zzz\" \\(within its first 1 MiB\\)"_s << 0;
        QTest::addRow("redirect not followed")
            << u"{'type':'http','url':'http://127.0.0.1:${HTTP_PORT}/redirect'}"_s << u"fail"_s
            << u"expected status 200-299, got 302 Found \\(redirect to /final, not followed: redirects none\\)"_s
            << 0;
        QTest::addRow("redirect followed")
            << u"{'type':'http','url':'http://127.0.0.1:${HTTP_PORT}/redirect','redirects':'safe','expectBody':'final destination'}"_s
            << u"pass"_s << ok << 0;
        QTest::addRow("redirect off the origin refused")
            << u"{'type':'http','url':'http://127.0.0.1:${HTTP_PORT}/offsite-redirect','redirects':'same-origin'}"_s
            << u"fail"_s
            << u"expected status 200-299, got 302 Found \\(redirect to http://127\\.0\\.0\\.2:${HTTP_PORT}/final, not followed: redirects same-origin\\)"_s
            << 0;
        QTest::addRow("bearer")
            << u"{'type':'http','url':'http://127.0.0.1:${HTTP_PORT}/auth','auth':'bearer','secret':'portal-token'}"_s
            << u"pass"_s << ok << 0;
        QTest::addRow("wrong bearer")
            << u"{'type':'http','url':'http://127.0.0.1:${HTTP_PORT}/auth','auth':'bearer','secret':'wrong-token'}"_s
            << u"fail"_s << u"expected status 200-299, got 401 Unauthorized"_s << 0;
        QTest::addRow("missing secret")
            << u"{'type':'http','url':'http://127.0.0.1:${HTTP_PORT}/auth','auth':'bearer','secret':'nope'}"_s
            << u"error"_s << u"no secret named nope"_s << 0;
        QTest::addRow("refused") << u"{'type':'http','url':'http://127.0.0.1:${CLOSED_PORT}/'}"_s << u"fail"_s
                                 << u"refused: nothing listens there"_s << 0;
        QTest::addRow("server says nothing")
            << u"{'type':'http','url':'http://127.0.0.1:${HTTP_PORT}/slow','timeoutMs':2000}"_s << u"fail"_s
            << u"no answer within 2\\.0 s"_s << 2000;
        QTest::addRow("filtered") << u"{'type':'http','url':'http://${DROP_ADDR}/','timeoutMs':2000}"_s
                                  << u"fail"_s << u"no answer within 2\\.0 s"_s << 2000;
        QTest::addRow("expired certificate")
            << u"{'type':'http','url':'https://127.0.0.1:${HTTPS_EXPIRED_PORT}/'}"_s << u"fail"_s
            << u"TLS verification failed: The certificate has expired"_s << 0;
        QTest::addRow("wrong host name")
            << u"{'type':'http','url':'https://127.0.0.1:${HTTPS_WRONGHOST_PORT}/'}"_s << u"fail"_s
            << u"TLS verification failed: The host name did not match any of the valid hosts for this certificate"_s
            << 0;
        QTest::addRow("untrusted")
            << u"{'type':'http','url':'https://127.0.0.1:${HTTPS_SELFSIGNED_PORT}/'}"_s << u"fail"_s
            << u"TLS verification failed: The certificate is self-signed, and untrusted"_s << 0;
        QTest::addRow("insecure override")
            << u"{'type':'http','url':'https://127.0.0.1:${HTTPS_EXPIRED_PORT}/','insecure':true}"_s
            << u"pass"_s << u"INSECURE \\(TLS verification off\\): "_s + ok << 0;
        QTest::addRow("not a URL") << u"{'type':'http','url':'ftp://127.0.0.1/'}"_s << u"error"_s
                                   << u"\"ftp://127\\.0\\.0\\.1/\" is not an http\\(s\\) URL"_s << 0;
        QTest::addRow("bad expectation")
            << u"{'type':'http','url':'http://127.0.0.1:${HTTP_PORT}/','expectStatus':'ok'}"_s << u"error"_s
            << u"expected status \"ok\": .*"_s << 0;
    }
    void http() { check(); }

    void httpInsecureIsReported()
    {
        QVERIFY2(m_services && m_services->ok(), "the test servers are not running");
        const TimedResult run = runTimed(
            specFrom(*m_services,
                u"{'type':'http','url':'https://127.0.0.1:${HTTPS_EXPIRED_PORT}/','insecure':true}"_s),
            m_context);
        QVERIFY(run.result.insecure);
        QVERIFY(run.result.warning);
        QVERIFY2(run.result.details.startsWith(
                     u"WARNING: TLS certificate verification is OFF for this probe (insecure)\n"_s),
            qPrintable(run.result.details));
        QVERIFY2(run.result.details.contains(u"certificate problems ignored: The certificate has expired"_s),
            qPrintable(run.result.details));
    }

    void httpSecretNeverReported()
    {
        QVERIFY2(m_services && m_services->ok(), "the test servers are not running");
        const QString token = m_services->value(u"BEARER_TOKEN"_s);
        QVERIFY(token.size() >= 16);
        for (const QString &path : {u"/auth"_s, u"/status/500"_s}) {
            const TimedResult run
                = runTimed(specFrom(*m_services,
                               u"{'type':'http','url':'http://127.0.0.1:${HTTP_PORT}"_s + path
                                   + u"','auth':'bearer','secret':'portal-token'}"_s),
                    m_context);
            const QByteArray all = QJsonDocument(run.result.toJson()).toJson();
            QVERIFY2(!all.contains(token.toUtf8()), all.constData());
        }
    }

    void tls_data()
    {
        addColumns();
        const QString good
            = u"TLS 1\\.[23], [A-Z0-9_-]+; certificate for 127\\.0\\.0\\.1 valid for 36[45] more days"_s;
        QTest::addRow("good") << u"{'type':'tls','host':'127.0.0.1','port':${HTTPS_GOOD_PORT}}"_s << u"pass"_s
                              << good << 0;
        QTest::addRow("good by name, connect-to")
            << u"{'type':'tls','host':'localhost','port':8443}"_s << u"pass"_s << good << 0;
        QTest::addRow("expires soon")
            << u"{'type':'tls','host':'127.0.0.1','port':${HTTPS_SOON_PORT}}"_s << u"pass"_s
            << u"warning: certificate expires in (9|10) days \\(warn under 30\\); TLS .*"_s << 0;
        QTest::addRow("soon, under a lower threshold")
            << u"{'type':'tls','host':'127.0.0.1','port':${HTTPS_SOON_PORT},'warnDays':5}"_s << u"pass"_s
            << u"TLS .* valid for (9|10) more days"_s << 0;
        QTest::addRow("expired") << u"{'type':'tls','host':'127.0.0.1','port':${HTTPS_EXPIRED_PORT}}"_s
                                 << u"fail"_s << u"certificate expired \\d+ days ago \\(2020-02-01\\)"_s << 0;
        QTest::addRow("wrong host")
            << u"{'type':'tls','host':'127.0.0.1','port':${HTTPS_WRONGHOST_PORT}}"_s << u"fail"_s
            << u"host name mismatch: the certificate is for wrong\\.example, not 127\\.0\\.0\\.1"_s << 0;
        QTest::addRow("self-signed")
            << u"{'type':'tls','host':'127.0.0.1','port':${HTTPS_SELFSIGNED_PORT}}"_s << u"fail"_s
            << u"untrusted certificate: The certificate is self-signed, and untrusted"_s << 0;
        QTest::addRow("insecure override")
            << u"{'type':'tls','host':'127.0.0.1','port':${HTTPS_WRONGHOST_PORT},'insecure':true}"_s
            << u"pass"_s << u"INSECURE \\(TLS verification off\\): host name mismatch: .* \\(ignored\\)"_s
            << 0;
        QTest::addRow("refused") << u"{'type':'tls','host':'127.0.0.1','port':${CLOSED_PORT}}"_s << u"fail"_s
                                 << u"refused: nothing listens there"_s << 0;
        QTest::addRow("filtered") << u"{'type':'tls','host':'${DROP_ADDR}','port':443,'timeoutMs':2000}"_s
                                  << u"fail"_s << u"filtered: no answer within 2\\.0 s"_s << 2000;
        QTest::addRow("no handshake")
            << u"{'type':'tls','host':'127.0.0.1','port':${SILENT_PORT},'timeoutMs':2000}"_s << u"fail"_s
            << u"the TLS handshake did not finish within 2\\.0 s"_s << 2000;
    }
    void tls() { check(); }

    void tlsFacts()
    {
        QVERIFY2(m_services && m_services->ok(), "the test servers are not running");
        const TimedResult run = runTimed(
            specFrom(*m_services, u"{'type':'tls','host':'127.0.0.1','port':${HTTPS_GOOD_PORT}}"_s),
            m_context);
        QVERIFY2(run.result.passed(), explain(run.result));
        const QJsonObject facts = run.result.facts;
        QCOMPARE(facts.value(u"subject"_s).toString(), u"CN=127.0.0.1"_s);
        QCOMPARE(facts.value(u"issuer"_s).toString(), u"CN=JourneyBench Test CA"_s);
        QCOMPARE(facts.value(u"subjectAltNames"_s).toArray().toVariantList(),
            (QVariantList{u"localhost"_s, u"127.0.0.1"_s}));
        QVERIFY(facts.value(u"hostNameMatches"_s).toBool());
        QVERIFY(run.result.details.contains(u"issuer: CN=JourneyBench Test CA"_s));
    }

    void vpn_data()
    {
        addColumns();
        QTest::addRow("all answer")
            << u"{'type':'vpn','targets':['127.0.0.1:${HTTP_PORT}','127.0.0.1:${HTTPS_GOOD_PORT}']}"_s
            << u"pass"_s << u"all 2 hosts behind the tunnel answer \\(slowest \\d+\\.\\d ms\\)"_s << 0;
        // tried at once: the filtered one does not add its timeout to the others'
        QTest::addRow("some do not")
            << u"{'type':'vpn','targets':['127.0.0.1:${HTTP_PORT}','127.0.0.1:${CLOSED_PORT}','${DROP_ADDR}:443'],'timeoutMs':2000}"_s
            << u"fail"_s
            << u"2 of 3 behind the tunnel do not answer: 127\\.0\\.0\\.1:${CLOSED_PORT} refused, ${DROP_ADDR}:443 filtered"_s
            << 2000;
        QTest::addRow("bad target") << u"{'type':'vpn','targets':['nope']}"_s << u"error"_s
                                    << u"\"nope\" is not host:port"_s << 0;
        QTest::addRow("no targets") << u"{'type':'vpn'}"_s << u"error"_s
                                    << u"no hosts behind the tunnel are recorded for this environment"_s << 0;
    }
    void vpn() { check(); }
};

QTEST_GUILESS_MAIN(TestNetProbes)
#include "tst_netprobes.moc"
