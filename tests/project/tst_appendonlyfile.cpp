// AppendOnlyFile: evidence files appear whole under a name never used before, and neither a
// collision nor a failure leaves a temporary behind.
#include "core/appendonlyfile.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// every entry, hidden ones included, as "name=content"
QStringList listing(const QString &folder)
{
    QStringList entries;
    const QDir dir(folder);
    for (const QString &name :
        dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name)) {
        QFile file(dir.filePath(name));
        entries.append(
            file.open(QIODevice::ReadOnly) ? name + u'=' + QString::fromUtf8(file.readAll()) : name);
    }
    return entries;
}

} // namespace

class TestAppendOnlyFile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void write_data()
    {
        QTest::addColumn<QStringList>("existing"); // files in the folder before, with content "old"
        QTest::addColumn<QString>("folder"); // relative to the temporary folder
        QTest::addColumn<int>("firstSuffix");
        QTest::addColumn<int>("attempts");
        QTest::addColumn<QString>("expected"); // the name written, or "error:" and the code
        QTest::addColumn<QStringList>("after"); // the folder's listing afterwards
        QTest::addColumn<int>("publish"); // AppendOnlyFile::Publish: every way answers the same

        struct Row
        {
            const char *name;
            QStringList existing;
            QString folder;
            int firstSuffix;
            int attempts;
            QString expected;
            QStringList after;
        };
        QList<Row> rows;

        const QStringList none;
        rows.append({"a new name", none, u"."_s, 2, 100, u"run.json"_s, QStringList{u"run.json=new"_s}});
        rows.append({"a taken name gets -2", QStringList{u"run.json"_s}, u"."_s, 2, 100, u"run-2.json"_s,
            QStringList{u"run-2.json=new"_s, u"run.json=old"_s}});
        rows.append({"two taken names get -3", QStringList{u"run.json"_s, u"run-2.json"_s}, u"."_s, 2, 100,
            u"run-3.json"_s, QStringList{u"run-2.json=old"_s, u"run-3.json=new"_s, u"run.json=old"_s}});
        rows.append({"suffixes may start at 1", QStringList{u"run.json"_s}, u"."_s, 1, 100, u"run-1.json"_s,
            QStringList{u"run-1.json=new"_s, u"run.json=old"_s}});
        rows.append({"the first free suffix, even below a taken one",
            QStringList{u"run.json"_s, u"run-3.json"_s}, u"."_s, 2, 100, u"run-2.json"_s,
            QStringList{u"run-2.json=new"_s, u"run-3.json=old"_s, u"run.json=old"_s}});
        rows.append({"every name taken: refused, nothing left", QStringList{u"run.json"_s, u"run-2.json"_s},
            u"."_s, 2, 2, u"error:refused"_s, QStringList{u"run-2.json=old"_s, u"run.json=old"_s}});
        rows.append({"a missing folder: an error, nothing made", none, u"missing"_s, 2, 100, u"error:io"_s,
            QStringList{}});
        rows.append({"a file where the folder should be: an error", QStringList{u"plain"_s}, u"plain"_s, 2,
            100, u"error:io"_s, QStringList{u"plain=old"_s}});
        const std::pair<const char *, jb::AppendOnlyFile::Publish> ways[]
            = {{"link", jb::AppendOnlyFile::Publish::Link},
                {"renameat2", jb::AppendOnlyFile::Publish::RenameNoReplace},
                {"reserve and rename", jb::AppendOnlyFile::Publish::ReserveAndRename}};
        for (const auto &[way, publish] : ways) {
            for (const Row &row : std::as_const(rows))
                QTest::addRow("%s, %s", row.name, way)
                    << row.existing << row.folder << row.firstSuffix << row.attempts << row.expected
                    << row.after << int(publish);
        }
    }

    void write()
    {
        QFETCH(QStringList, existing);
        QFETCH(QString, folder);
        QFETCH(int, firstSuffix);
        QFETCH(int, attempts);
        QFETCH(QString, expected);
        QFETCH(QStringList, after);
        QFETCH(int, publish);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const QString &name : std::as_const(existing)) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            QCOMPARE(file.write("old"), 3);
        }
        const jb::Result<QString> written = jb::AppendOnlyFile::write(QDir(dir.path()).filePath(folder),
            {u"run"_s, u".json"_s, firstSuffix, attempts}, "new", jb::AppendOnlyFile::Publish(publish));
        QString answer;
        if (written)
            answer = written.value();
        else
            answer = written.error().code == jb::Error::Code::Refused ? u"error:refused"_s
                : written.error().code == jb::Error::Code::Io         ? u"error:io"_s
                                                                      : u"error:other"_s;
        QCOMPARE(answer, expected);
        if (!written)
            QVERIFY2(!written.errorString().isEmpty(), "a failure says why");
        QCOMPARE(listing(dir.path()), after);
    }

    // The published file is readable like any project file, not private as temporaries are.
    void readableByOthers()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const jb::Result<QString> written
            = jb::AppendOnlyFile::write(dir.path(), {u"run"_s, u".json"_s}, "{}");
        QVERIFY2(written, qPrintable(written.errorString()));
        const QFile::Permissions permissions = QFile::permissions(dir.filePath(written.value()));
        QVERIFY(permissions.testFlag(QFile::ReadOther));
        QVERIFY(permissions.testFlag(QFile::WriteOwner));
        QVERIFY(!permissions.testFlag(QFile::WriteOther));
    }

    // Twenty runs in the same millisecond: twenty files, none lost, none overwritten.
    void sameStemTwentyTimes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QSet<QString> names;
        for (int i = 0; i < 20; ++i) {
            const jb::Result<QString> written
                = jb::AppendOnlyFile::write(dir.path(), {u"run"_s, u".json"_s}, QByteArray::number(i));
            QVERIFY2(written, qPrintable(written.errorString()));
            names.insert(written.value());
        }
        QCOMPARE(names.size(), 20);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 20);
        QCOMPARE(listing(dir.path()).constFirst(), u"run-10.json=9"_s);
    }
};

QTEST_APPLESS_MAIN(TestAppendOnlyFile)
#include "tst_appendonlyfile.moc"
