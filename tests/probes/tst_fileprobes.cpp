// FTP, FTPS (explicit and implicit) and SFTP probes against real servers: vsftpd and OpenSSH's sshd
// on loopback with the test users "logistics" and "erp-sync" (password and key logins, a chroot),
// a closed port and a packet-dropping address. Host keys: checked against the recorded SHA256
// fingerprint, and reported on first contact.
#include "fileserverprobe.h"
#include "probetesthelpers.h"

#include <QStandardPaths>
#include <QTest>
#include <QVersionNumber>

using namespace Qt::StringLiterals;
using namespace jb;

class TestFileProbes final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServices> m_services;
    ProbeContext m_context;

    void check() { checkProbe(m_services.get(), m_context); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_services = std::make_unique<TestServices>(QStringList{u"ftp"_s, u"ssh"_s, u"netns"_s});
        QVERIFY2(m_services->ok(), qPrintable(m_services->error()));
        const Result<QList<QSslCertificate>> ca
            = ProbeContext::loadCaFiles({m_services->value(u"CA_FILE"_s)});
        QVERIFY2(ca.ok(), qPrintable(ca.errorString()));
        m_context.extraCaCertificates = ca.value();
        m_context.secrets = std::make_shared<MapSecrets>(QHash<QString, QString>{
            {u"ftp"_s, m_services->value(u"FTP_PASSWORD"_s)},
            {u"ssh-password"_s, m_services->value(u"SSH_PASSWORD"_s)},
            {u"ssh-key"_s, m_services->fileText(u"SSH_KEY"_s)},
            {u"ssh-rsa-key"_s, m_services->fileText(u"SSH_RSA_KEY"_s)},
            {u"ssh-ecdsa-key"_s, m_services->fileText(u"SSH_ECDSA_KEY"_s)},
            {u"stranger-key"_s, m_services->fileText(u"SSH_STRANGER_KEY"_s)},
            {u"bad-key"_s, u"this is not a private key at all"_s},
            {u"wrong"_s, u"wrong-password-4711"_s},
        });
        QVERIFY(m_services->fileText(u"SSH_KEY"_s).contains(u"PRIVATE KEY"_s));
    }

    void cleanupTestCase() { m_services.reset(); }

    void ftp_data()
    {
        addProbeColumns();
        const QString base
            = u"'type':'ftp','host':'127.0.0.1','port':${FTP_PORT},'user':'logistics','auth':'password'"_s;
        const QString listed
            = u"logged in as logistics, listed /inbound/ \\(2 entries\\)%1 in \\d+\\.\\d ms"_s;
        QTest::addRow("list") << u"{"_s + base + u",'secret':'ftp','path':'/inbound'}"_s << u"pass"_s
                              << listed.arg(QString()) << 0;
        QTest::addRow("file exists") << u"{"_s + base
                + u",'secret':'ftp','path':'/inbound','file':'shipments-2026-05-21.csv'}"_s
                                     << u"pass"_s << listed.arg(u", shipments-2026-05-21\\.csv found"_s) << 0;
        QTest::addRow("file missing")
            << u"{"_s + base + u",'secret':'ftp','path':'/inbound','file':'nope.csv'}"_s << u"fail"_s
            << u"logged in as logistics, but /inbound/ has no file nope\\.csv"_s << 0;
        QTest::addRow("folder missing")
            << u"{"_s + base + u",'secret':'ftp','path':'/nope'}"_s << u"fail"_s
            << u"logged in as logistics, but the folder /nope/ is missing or not readable"_s << 0;
        QTest::addRow("wrong password")
            << u"{"_s + base + u",'secret':'wrong','path':'/inbound'}"_s << u"fail"_s
            << u"login failed for logistics \\(password authentication\\)"_s << 0;
        QTest::addRow("explicit FTPS")
            << u"{"_s + base + u",'secret':'ftp','path':'/inbound','ftps':'explicit'}"_s << u"pass"_s
            << listed.arg(QString()) << 0;
        QTest::addRow("implicit FTPS")
            << u"{'type':'ftp','host':'127.0.0.1','port':${FTPS_IMPLICIT_PORT},'user':'logistics','auth':'password','secret':'ftp','path':'/inbound','ftps':'implicit'}"_s
            << u"pass"_s << listed.arg(QString()) << 0;
        QTest::addRow("refused")
            << u"{'type':'ftp','host':'127.0.0.1','port':${CLOSED_PORT},'user':'logistics','auth':'password','secret':'ftp'}"_s
            << u"fail"_s << u"refused: nothing listens there"_s << 0;
        QTest::addRow("filtered")
            << u"{'type':'ftp','host':'${DROP_ADDR}','port':21,'user':'logistics','auth':'password','secret':'ftp','timeoutMs':2000}"_s
            << u"fail"_s << u"filtered: no answer within 2\\.0 s"_s << 2000;
        QTest::addRow("missing secret")
            << u"{"_s + base + u",'secret':'nope'}"_s << u"error"_s << u"no secret named nope"_s << 0;
        QTest::addRow("no secret named") << u"{"_s + base + u"}"_s << u"error"_s
                                         << u"authentication \"password\" needs a secret name"_s << 0;
        QTest::addRow("key on FTP")
            << u"{'type':'ftp','host':'127.0.0.1','port':${FTP_PORT},'user':'logistics','auth':'key','secret':'ssh-key'}"_s
            << u"error"_s << u"key authentication is for SFTP; FTP logs in with a password"_s << 0;
    }
    void ftp() { check(); }

    void ftpsUntrusted()
    {
        QVERIFY2(m_services && m_services->ok(), "the test servers are not running");
        ProbeContext context = m_context;
        context.extraCaCertificates.clear(); // the test CA is unknown: verification must fail
        const TimedResult run = runTimed(
            specFrom(*m_services,
                u"{'type':'ftp','host':'127.0.0.1','port':${FTP_PORT},'user':'logistics','auth':'password','secret':'ftp','path':'/inbound','ftps':'explicit'}"_s),
            context);
        QCOMPARE(run.result.status, ProbeStatus::Fail);
        QVERIFY2(run.result.summary.startsWith(u"TLS verification failed: "_s), explain(run.result));
        ProbeSpec insecure = specFrom(*m_services,
            u"{'type':'ftp','host':'127.0.0.1','port':${FTP_PORT},'user':'logistics','auth':'password','secret':'ftp','path':'/inbound','ftps':'explicit','insecure':true}"_s);
        const TimedResult overridden = runTimed(insecure, context);
        QVERIFY2(overridden.result.passed(), explain(overridden.result));
        QVERIFY(overridden.result.insecure);
        QVERIFY2(overridden.result.summary.startsWith(
                     u"INSECURE (TLS verification off): logged in as logistics"_s),
            explain(overridden.result));
    }

    void sftp_data()
    {
        addProbeColumns();
        const QString base
            = u"'type':'sftp','host':'127.0.0.1','port':${SSH_PORT},'user':'erp-sync','hostKeySha256':'${SSH_HOSTKEY_SHA256}'"_s;
        const QString listed
            = u"logged in as erp-sync, listed /outbound/orders/ \\(2 entries\\)%1 in \\d+\\.\\d ms"_s;
        QTest::addRow("password") << u"{"_s + base
                + u",'auth':'password','secret':'ssh-password','path':'/outbound/orders'}"_s
                                  << u"pass"_s << listed.arg(QString()) << 0;
        QTest::addRow("ed25519 key") << u"{"_s + base
                + u",'auth':'key','secret':'ssh-key','path':'/outbound/orders'}"_s
                                     << u"pass"_s << listed.arg(QString()) << 0;
        QTest::addRow("ecdsa key") << u"{"_s + base
                + u",'auth':'key','secret':'ssh-ecdsa-key','path':'/outbound/orders','file':'order-0002.json'}"_s
                                   << u"pass"_s << listed.arg(u", order-0002\\.json found"_s) << 0;
        QTest::addRow("a key it does not know")
            << u"{"_s + base + u",'auth':'key','secret':'stranger-key','path':'/outbound/orders'}"_s
            << u"fail"_s << u"login failed for erp-sync \\(key authentication\\)"_s << 0;
        QTest::addRow("not a key") << u"{"_s + base
                + u",'auth':'key','secret':'bad-key','path':'/outbound/orders'}"_s
                                   << u"fail"_s << u".+"_s << 0;
        QTest::addRow("wrong password")
            << u"{"_s + base + u",'auth':'password','secret':'wrong','path':'/outbound/orders'}"_s
            << u"fail"_s << u"login failed for erp-sync \\(password authentication\\)"_s << 0;
        QTest::addRow("folder missing")
            << u"{"_s + base + u",'auth':'key','secret':'ssh-key','path':'/nope'}"_s << u"fail"_s
            << u"logged in as erp-sync, but the folder /nope/ is missing or not readable"_s << 0;
        QTest::addRow("file missing")
            << u"{"_s + base
                + u",'auth':'key','secret':'ssh-key','path':'/outbound/orders','file':'x.json'}"_s
            << u"fail"_s << u"logged in as erp-sync, but /outbound/orders/ has no file x\\.json"_s << 0;
        QTest::addRow("host key mismatch")
            << u"{'type':'sftp','host':'127.0.0.1','port':${SSH_PORT},'user':'erp-sync','auth':'key','secret':'ssh-key','path':'/outbound/orders','hostKeySha256':'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'}"_s
            << u"fail"_s
            << u"host key mismatch: the server presented ${SSH_HOSTKEY_SHA256}, recorded SHA256:A{43} \\(a new server, or someone in between\\)"_s
            << 0;
        QTest::addRow("first contact")
            << u"{'type':'sftp','host':'127.0.0.1','port':${SSH_PORT},'user':'erp-sync','auth':'key','secret':'ssh-key','path':'/outbound/orders'}"_s
            << u"pass"_s
            << listed.arg(QString())
                + u"; host key ${SSH_HOSTKEY_SHA256} seen for the first time: record it"_s
            << 0;
        QTest::addRow("refused")
            << u"{'type':'sftp','host':'127.0.0.1','port':${CLOSED_PORT},'user':'erp-sync','auth':'key','secret':'ssh-key'}"_s
            << u"fail"_s << u"refused: nothing listens there"_s << 0;
        QTest::addRow("filtered")
            << u"{'type':'sftp','host':'${DROP_ADDR}','port':22,'user':'erp-sync','auth':'key','secret':'ssh-key','timeoutMs':2000}"_s
            << u"fail"_s << u"filtered: no answer within 2\\.0 s"_s << 2000;
    }
    void sftp() { check(); }

    // libssh2 1.10 signs RSA keys with SHA-1 only; OpenSSH 9 refuses that: a clear failure with a hint
    void sftpRsaKeyHint()
    {
        QVERIFY2(m_services && m_services->ok(), "the test servers are not running");
        const TimedResult run = runTimed(
            specFrom(*m_services,
                u"{'type':'sftp','host':'127.0.0.1','port':${SSH_PORT},'user':'erp-sync','auth':'key','secret':'ssh-rsa-key','path':'/outbound/orders','hostKeySha256':'${SSH_HOSTKEY_SHA256}'}"_s),
            m_context);
        // libssh2 learned rsa-sha2 user authentication in 1.11
        const QString library = FileServerProbe::sshLibraryVersion();
        QVERIFY2(library.startsWith(u"libssh2/"_s), qPrintable(library));
        const QVersionNumber version = QVersionNumber::fromString(library.mid(8));
        if (version >= QVersionNumber(1, 11)) {
            QVERIFY2(run.result.passed(), explain(run.result));
            return;
        }
        QCOMPARE(run.result.summary, u"login failed for erp-sync (key authentication)"_s);
        QVERIFY2(run.result.details.contains(u"use an ed25519 or ECDSA key"_s), explain(run.result));
    }

    void sftpFirstContactFacts()
    {
        QVERIFY2(m_services && m_services->ok(), "the test servers are not running");
        const TimedResult run = runTimed(
            specFrom(*m_services,
                u"{'type':'sftp','host':'127.0.0.1','port':${SSH_PORT},'user':'erp-sync','auth':'password','secret':'ssh-password','path':'/outbound/orders'}"_s),
            m_context);
        QVERIFY2(run.result.passed(), explain(run.result));
        QCOMPARE(run.result.facts.value(u"hostKeySha256"_s).toString(),
            m_services->value(u"SSH_HOSTKEY_SHA256"_s));
        QVERIFY(run.result.facts.value(u"hostKeyFirstContact"_s).toBool());
        // with the key recorded, the next run checks it and reports no first contact
        ProbeSpec recorded = specFrom(*m_services,
            u"{'type':'sftp','host':'127.0.0.1','port':${SSH_PORT},'user':'erp-sync','auth':'password','secret':'ssh-password','path':'/outbound/orders'}"_s);
        recorded.hostKeySha256 = run.result.facts.value(u"hostKeySha256"_s).toString();
        const TimedResult again = runTimed(recorded, m_context);
        QVERIFY2(again.result.passed(), explain(again.result));
        QVERIFY(!again.result.facts.contains(u"hostKeyFirstContact"_s));
    }

    void fingerprintFormat()
    {
        // OpenSSH's form: SHA256 of the key blob, base64 without padding
        QCOMPARE(FileServerProbe::fingerprint(QByteArray("abc")),
            u"SHA256:ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0"_s);
    }

    void secretsNeverReported_data()
    {
        QTest::addColumn<QString>("probe");
        QTest::addColumn<QString>("secret");
        QTest::addRow("ftp wrong password")
            << u"{'type':'ftp','host':'127.0.0.1','port':${FTP_PORT},'user':'logistics','auth':'password','secret':'wrong'}"_s
            << u"wrong"_s;
        QTest::addRow("ftp good password")
            << u"{'type':'ftp','host':'127.0.0.1','port':${FTP_PORT},'user':'logistics','auth':'password','secret':'ftp','path':'/inbound'}"_s
            << u"ftp"_s;
        QTest::addRow("sftp password")
            << u"{'type':'sftp','host':'127.0.0.1','port':${SSH_PORT},'user':'erp-sync','auth':'password','secret':'ssh-password'}"_s
            << u"ssh-password"_s;
        QTest::addRow("sftp key refused")
            << u"{'type':'sftp','host':'127.0.0.1','port':${SSH_PORT},'user':'erp-sync','auth':'key','secret':'stranger-key'}"_s
            << u"stranger-key"_s;
    }
    void secretsNeverReported()
    {
        QFETCH(QString, probe);
        QFETCH(QString, secret);
        QVERIFY2(m_services && m_services->ok(), "the test servers are not running");
        const TimedResult run = runTimed(specFrom(*m_services, probe), m_context);
        const QByteArray all = QJsonDocument(run.result.toJson()).toJson();
        const QString value = m_context.secrets->secret(secret).value();
        QVERIFY(!value.isEmpty());
        for (const QString &line : value.split(u'\n', Qt::SkipEmptyParts)) {
            if (line.size() >= 16 && !line.startsWith(u"-----"_s))
                QVERIFY2(!all.contains(line.toUtf8()), all.constData());
        }
        QVERIFY2(!all.contains(value.toUtf8()), all.constData());
    }
};

QTEST_GUILESS_MAIN(TestFileProbes)
#include "tst_fileprobes.moc"
