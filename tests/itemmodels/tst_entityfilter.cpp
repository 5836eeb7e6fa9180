#include "entityfilter.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Cells = QList<QPair<QString, QString>>;

namespace jb {

class TestEntityFilter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fold_data();
    void fold();
    void parse_data();
    void parse();
    void accepts_data();
    void accepts();
};

void TestEntityFilter::fold_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("folded");
    QTest::addRow("plain") << u"orders"_s << u"orders"_s;
    QTest::addRow("upper case") << u"ERP Orders"_s << u"erp orders"_s;
    QTest::addRow("tilde and acute") << u"São Paulo"_s << u"sao paulo"_s;
    QTest::addRow("cedilla") << u"AÇÃO"_s << u"acao"_s;
    QTest::addRow("precomposed accents") << u"Üé"_s << u"ue"_s;
    QTest::addRow("decomposed accents") << u"U\u0308e\u0301"_s << u"ue"_s;
    QTest::addRow("digits and dots") << u"10.0.0.5"_s << u"10.0.0.5"_s;
    QTest::addRow("empty") << QString() << QString();
}

void TestEntityFilter::fold()
{
    QFETCH(QString, text);
    QFETCH(QString, folded);
    QCOMPARE(EntityFilter::fold(text), folded);
}

void TestEntityFilter::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("empty");
    QTest::addColumn<bool>("onlyProblems");
    QTest::addRow("nothing") << QString() << true << false;
    QTest::addRow("blanks") << u"  \t "_s << true << false;
    QTest::addRow("a word") << u"erp"_s << false << false;
    QTest::addRow("problems only") << u"!problems"_s << false << true;
    QTest::addRow("problems, any case, with a word") << u"erp !PROBLEMS"_s << false << true;
    QTest::addRow("not the problems keyword") << u"!problem"_s << false << false;
}

void TestEntityFilter::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, empty);
    QFETCH(bool, onlyProblems);
    const EntityFilter filter(text);
    QCOMPARE(filter.isEmpty(), empty);
    QCOMPARE(filter.onlyProblems(), onlyProblems);
}

void TestEntityFilter::accepts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Cells>("cells");
    QTest::addColumn<int>("problems");
    QTest::addColumn<bool>("accepted");

    const Cells server = {{u"id"_s, u"db-server"_s}, {u"name"_s, u"Banco São Paulo"_s},
        {u"ip"_s, u"10.0.0.6"_s}, {u"notes"_s, u"fe80::1 behind NAT"_s}};
    const Cells endpoint = {{u"id"_s, u"viacep"_s}, {u"url"_s, u"https://viacep.com.br/ws/"_s}};

    QTest::addRow("empty filter takes all") << QString() << server << 0 << true;
    QTest::addRow("one word") << u"banco"_s << server << 0 << true;
    QTest::addRow("a word in no cell") << u"oracle"_s << server << 0 << false;
    QTest::addRow("accent typed, none in cell") << u"Sâo"_s << Cells{{u"name"_s, u"sao"_s}} << 0 << true;
    QTest::addRow("no accent typed, accent in cell") << u"sao paulo"_s << server << 0 << true;
    QTest::addRow("case does not matter") << u"BANCO"_s << server << 0 << true;
    QTest::addRow("every word must match") << u"banco 10.0.0"_s << server << 0 << true;
    QTest::addRow("one word of two misses") << u"banco 192.168"_s << server << 0 << false;
    QTest::addRow("words may match different cells") << u"paulo db-server"_s << server << 0 << true;
    QTest::addRow("key:word in its column") << u"ip:10.0.0"_s << server << 0 << true;
    QTest::addRow("key:word in another column") << u"name:10.0.0"_s << server << 0 << false;
    QTest::addRow("key:word, key in any case") << u"IP:10.0"_s << server << 0 << true;
    QTest::addRow("key:word with accents folded") << u"name:são"_s << server << 0 << true;
    QTest::addRow("IPv6 is a word, not a key") << u"fe80::1"_s << server << 0 << true;
    QTest::addRow("URL is a word, not a key") << u"https://viacep"_s << endpoint << 0 << true;
    QTest::addRow("leading colon is a word") << u"::1"_s << server << 0 << true;
    QTest::addRow("problems only, none") << u"!problems"_s << server << 0 << false;
    QTest::addRow("problems only, some") << u"!problems"_s << server << 2 << true;
    QTest::addRow("problems and a word that matches") << u"!problems banco"_s << server << 1 << true;
    QTest::addRow("problems and a word that misses") << u"!problems oracle"_s << server << 1 << false;
    QTest::addRow("no cells") << u"x"_s << Cells() << 0 << false;
}

void TestEntityFilter::accepts()
{
    QFETCH(QString, text);
    QFETCH(Cells, cells);
    QFETCH(int, problems);
    QFETCH(bool, accepted);
    QCOMPARE(EntityFilter(text).accepts(cells, problems), accepted);
}

} // namespace jb

QTEST_APPLESS_MAIN(jb::TestEntityFilter)
#include "tst_entityfilter.moc"
