// The grammar of the messages: counts in the right number, nouns with the right article.
#include "wording.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace jb;

class TestWording final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void count_data();
    void count();
    void withArticle_data();
    void withArticle();
};

void TestWording::count_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("singular");
    QTest::addColumn<QString>("plural");
    QTest::addColumn<QString>("expected");

    QTest::addRow("none") << 0 << u"run"_s << QString() << u"0 runs"_s;
    QTest::addRow("one run") << 1 << u"run"_s << QString() << u"1 run"_s;
    QTest::addRow("two runs") << 2 << u"run"_s << QString() << u"2 runs"_s;
    QTest::addRow("one opening") << 1 << u"opening"_s << QString() << u"1 opening"_s;
    QTest::addRow("an irregular plural")
        << 3 << u"exposed endpoint"_s << u"exposed endpoints"_s << u"3 exposed endpoints"_s;
    QTest::addRow("one of an irregular plural")
        << 1 << u"VPN tunnel"_s << u"VPN tunnels"_s << u"1 VPN tunnel"_s;
}

void TestWording::count()
{
    QFETCH(int, n);
    QFETCH(QString, singular);
    QFETCH(QString, plural);
    QFETCH(QString, expected);
    QCOMPARE(Wording::count(n, singular, plural), expected);
}

void TestWording::withArticle_data()
{
    QTest::addColumn<QString>("noun");
    QTest::addColumn<QString>("expected");

    QTest::addRow("consonant") << u"server"_s << u"a server"_s;
    QTest::addRow("vowel") << u"exposed endpoint"_s << u"an exposed endpoint"_s;
    QTest::addRow("vowel, upper case") << u"Integration flow"_s << u"an Integration flow"_s;
    QTest::addRow("acronym read with a consonant") << u"VPN tunnel"_s << u"a VPN tunnel"_s;
    QTest::addRow("acronym read with a vowel") << u"SFTP server"_s << u"an SFTP server"_s;
    QTest::addRow("acronym FTP") << u"FTP server"_s << u"an FTP server"_s;
    QTest::addRow("acronym API") << u"API"_s << u"an API"_s;
    QTest::addRow("u read as you") << u"unit test"_s << u"a unit test"_s;
    QTest::addRow("user") << u"user"_s << u"a user"_s;
    QTest::addRow("empty") << QString() << QString();
}

void TestWording::withArticle()
{
    QFETCH(QString, noun);
    QFETCH(QString, expected);
    QCOMPARE(Wording::withArticle(noun), expected);
}

QTEST_APPLESS_MAIN(TestWording)
#include "tst_wording.moc"
