// journeybench-cli map through the real executable: mapped lines on stdout (or --out), each
// invalid line on stderr with its number, field and rule, exit 1 when any line was invalid; rows
// from the mapping's source database with --db-query; JSON Lines from stdin; env in scripts.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(QStringLiteral(JB_CLI_PATH), arguments);
    if (!process.waitForStarted(30000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000))
        process.kill();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError())};
}

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = to + file.mid(from.size());
        if (!QDir().mkpath(QFileInfo(target).path()) || !QFile::copy(file, target))
            return false;
    }
    return true;
}

const QString sample = QStringLiteral(JB_SAMPLE_DIR);

} // namespace

class TestMapCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void linesWithInvalidOnes();
    void allValidToFile();
    void fromStdin();
    void databaseRows();
    void environmentInScripts();
    void refusals_data();
    void refusals();

private:
    QTemporaryDir m_dir;
};

void TestMapCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QFileInfo(QStringLiteral(JB_CLI_PATH)).isExecutable());
}

void TestMapCli::linesWithInvalidOnes()
{
    const QString input = m_dir.filePath(u"customers.jsonl"_s);
    QFile file(input);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        R"({"customerid": 1, "customername": " zé da silva ", "customerphone": "(21) 2548-7070", "customeremail": "Ze@Example.com"}
{"customerid": 2, "customername": "Ana", "customerphone": "2548-7070", "customeremail": "ana@example.com"}
{"customerid": 3, "customername": "broken"

{"customerid": 5, "customername": "Bia", "customerphone": "11987654321", "customeremail": "bia"}
{"customerid": 6, "customername": "Caio", "customeraddress": "Rua \"A\", 1\tfundos", "customerphone": "+55 11 3251-5644", "customeremail": "caio@example.com"}
)");
    file.close();
    const Run run = cli({u"map"_s, sample, u"customers"_s, u"--input"_s, input});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, uR"({"id":"1","name":"ZÉ DA SILVA","phone":"+552125487070","email":"ze@example.com"}
{"id":"6","name":"CAIO","address":"Rua \"A\", 1\tfundos","phone":"+551132515644","email":"caio@example.com"}
)"_s);
    QCOMPARE(run.err,
        uR"(line 2: phone: not a Brazilian phone number "2548-7070": 8 digits; expected a DDD and 8 or 9 digits
line 3: (message): not JSON: unterminated object at column 43
line 5: email: does not match ^[^@\s]+@[^@\s]+\.[^@\s]+$
customers: 5 records, 2 mapped, 3 invalid
)"_s);
}

void TestMapCli::allValidToFile()
{
    const QString input = m_dir.filePath(u"valid.jsonl"_s);
    const QString output = m_dir.filePath(u"out/mapped.jsonl"_s);
    QVERIFY(QDir().mkpath(m_dir.filePath(u"out"_s)));
    QFile file(input);
    QVERIFY(file.open(QIODevice::WriteOnly));
    for (int i = 1; i <= 1000; ++i)
        file.write("{\"customerid\":" + QByteArray::number(i)
            + ",\"customername\":\"n\",\"customerphone\":\"(11) 9" + QByteArray::number(10000000 + i)
            + "\",\"customeremail\":\"a@b.co\"}\n");
    file.close();
    const Run run = cli(
        {u"map"_s, sample, u"customers"_s, u"--input"_s, input, u"--out"_s, output, u"--jobs"_s, u"2"_s});
    QCOMPARE(run.err, u"customers: 1000 records, 1000 mapped, 0 invalid\n"_s);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QString());
    QFile mapped(output);
    QVERIFY(mapped.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = mapped.readAll().split('\n');
    QCOMPARE(lines.size(), 1001);
    QCOMPARE(
        lines.at(999), QByteArray(R"({"id":"1000","name":"N","phone":"+5511910001000","email":"a@b.co"})"));
}

void TestMapCli::fromStdin()
{
    const Run run = cli({u"map"_s, sample, u"customers"_s, u"--input"_s, u"-"_s},
        R"({"customerid": 9, "customername": "x", "customerphone": "11 3251 5644", "customeremail": "x@y.z"})");
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, uR"({"id":"9","name":"X","phone":"+551132515644","email":"x@y.z"})"_s + u'\n');
}

void TestMapCli::databaseRows()
{
    const Run run = cli({u"map"_s, sample, u"customers"_s, u"--db-query"_s,
        u"SELECT * FROM customers WHERE customerid BETWEEN 1005 AND 1015 ORDER BY customerid"_s});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out.count(u'\n'), 9);
    QVERIFY(run.out.startsWith(uR"({"id":"1005","name":"FERNANDA RODRIGUES",)"_s));
    QCOMPARE(run.err, uR"(row 2: email: does not match ^[^@\s]+@[^@\s]+\.[^@\s]+$
row 11: phone: not a Brazilian phone number "98877-6655": 9 digits; expected a DDD and 8 or 9 digits
customers: 11 records, 9 mapped, 2 invalid
)"_s);
}

void TestMapCli::environmentInScripts()
{
    // a copy of the sample with a mapping that reads env, relative SQLite path and all
    const QString project = m_dir.filePath(u"project"_s);
    QVERIFY(copyTree(sample, project));
    QFile mapping(project + u"/mappings/tagged.json"_s);
    QVERIFY(mapping.open(QIODevice::WriteOnly));
    mapping.write(R"({
  "id": "tagged",
  "name": "Tagged",
  "sourceContract": "customers-row",
  "targetContract": "portal-customer",
  "sourceDatabase": "customers-sqlite",
  "rules": [
    {"target": "id", "source": "customerid", "transforms": [{"op": "js", "expression": "env['viacep.timeoutMs'] ? env['viacep.timeoutMs'] + value : 'none'"}]},
    {"target": "name", "source": "customername", "transforms": ["trim", "title"]},
    {"target": "phone", "source": "customerphone", "transforms": ["phone-br"]},
    {"target": "email", "source": "customeremail", "transforms": ["trim", "lower"]}
  ]
}
)");
    mapping.close();
    const Run run = cli({u"map"_s, project, u"tagged"_s, u"--env"_s, u"test"_s, u"--db-query"_s,
        u"SELECT * FROM customers WHERE customerid = 1001"_s});
    QCOMPARE(run.err, u"tagged: 1 records, 1 mapped, 0 invalid\n"_s);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out,
        uR"({"id":"50001001","name":"Maria Aparecida da Silva","phone":"+5511987654321","email":"maria.silva@example.com"})"_s
            + u'\n');
    // without --env, env is empty
    const Run bare = cli({u"map"_s, project, u"tagged"_s, u"--db-query"_s,
        u"SELECT * FROM customers WHERE customerid = 1001"_s});
    QCOMPARE(bare.exitCode, 1);
    QCOMPARE(bare.err, uR"(row 1: id: does not match ^[0-9]+$
tagged: 1 records, 0 mapped, 1 invalid
)"_s);
}

void TestMapCli::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("firstLine");
    QTest::addRow("no input") << QStringList{u"map"_s, sample, u"customers"_s} << 2
                              << u"give either --input FILE or --db-query SQL"_s;
    QTest::addRow("both inputs") << QStringList{u"map"_s, sample, u"customers"_s, u"--input"_s, u"-"_s,
        u"--db-query"_s, u"x"_s} << 2
                                 << u"give either --input FILE or --db-query SQL"_s;
    QTest::addRow("no mapping") << QStringList{u"map"_s, sample} << 2
                                << u"map needs the project folder and the mapping's id"_s;
    QTest::addRow("unknown mapping") << QStringList{u"map"_s, sample, u"orders"_s, u"--input"_s,
        u"-"_s} << 1 << u"error: no mapping with the id orders (the project has: customers)"_s;
    QTest::addRow("unknown environment") << QStringList{u"map"_s, sample, u"customers"_s, u"--input"_s,
        u"-"_s, u"--env"_s, u"qa"_s} << 1 << u"error: no environment with the id qa"_s;
    QTest::addRow("missing input file")
        << QStringList{u"map"_s, sample, u"customers"_s, u"--input"_s, u"/nonexistent.jsonl"_s} << 1
        << u"error: cannot read /nonexistent.jsonl: No such file or directory"_s;
    QTest::addRow("bad query")
        << QStringList{u"map"_s, sample, u"customers"_s, u"--db-query"_s, u"SELECT * FROM clients"_s} << 1
        << u"error: the query failed: no such table: clients Unable to execute statement"_s;
    QTest::addRow("bad jobs") << QStringList{u"map"_s, sample, u"customers"_s, u"--input"_s, u"-"_s,
        u"--jobs"_s, u"0"_s} << 2
                              << u"--jobs wants a number from 1 to 256"_s;
}

void TestMapCli::refusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, firstLine);
    const Run run = cli(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QCOMPARE(run.err.section(u'\n', 0, 0), firstLine);
    QCOMPARE(run.out, QString());
}

QTEST_GUILESS_MAIN(TestMapCli)
#include "tst_mapcli.moc"
