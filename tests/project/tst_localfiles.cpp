// LocalFiles: the loader's own reading of files and folders must answer exactly as QFile and
// QDir::entryList do, name for name and message for message.
#include "core/localfiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(file.errorString()));
    QCOMPARE(file.write(bytes), bytes.size());
}

QStringList qdirEntries(const QString &folder)
{
    return QDir(folder).entryList(
        {u"*.json"_s}, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
}

} // namespace

class TestLocalFiles final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Each row is a folder's content; the listing must be QDir's, and hold exactly `expected`.
    void listsAsQDir_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QStringList>("folders");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("empty") << QStringList{} << QStringList{} << QStringList{};
        QTest::addRow("only json files, sorted") << QStringList{u"b.json"_s, u"a.json"_s,
            u"c.json"_s} << QStringList{} << QStringList{u"a.json"_s, u"b.json"_s, u"c.json"_s};
        QTest::addRow("other extensions left out")
            << QStringList{u"a.json"_s, u"a.json~"_s, u"a.jsonl"_s, u"notes.txt"_s, u"json"_s, u"ajson"_s}
            << QStringList{} << QStringList{u"a.json"_s};
        QTest::addRow("any case") << QStringList{u"A.JSON"_s, u"b.Json"_s, u"c.json"_s} << QStringList{}
                                  << QStringList{u"A.JSON"_s, u"b.Json"_s, u"c.json"_s};
        QTest::addRow("upper case before lower, as code units")
            << QStringList{u"b.json"_s, u"B.json"_s, u"a.json"_s, u"_.json"_s, u"1.json"_s} << QStringList{}
            << QStringList{u"1.json"_s, u"B.json"_s, u"_.json"_s, u"a.json"_s, u"b.json"_s};
        QTest::addRow("hidden files")
            << QStringList{u".hidden.json"_s, u".json"_s, u"shown.json"_s} << QStringList{}
            << QStringList{u".hidden.json"_s, u".json"_s, u"shown.json"_s};
        QTest::addRow("folders named like files")
            << QStringList{u"a.json"_s} << QStringList{u"b.json"_s, u"plain"_s}
            << QStringList{u"a.json"_s, u"b.json"_s};
        QTest::addRow("non-ASCII names")
            << QStringList{u"são-paulo.json"_s, u"zé.json"_s, u"ação.json"_s, u"cep-01001000.json"_s}
            << QStringList{}
            << QStringList{u"ação.json"_s, u"cep-01001000.json"_s, u"são-paulo.json"_s, u"zé.json"_s};
    }
    void listsAsQDir()
    {
        QFETCH(QStringList, files);
        QFETCH(QStringList, folders);
        QFETCH(QStringList, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const QString &name : files)
            writeFile(dir.filePath(name), "{}");
        for (const QString &name : folders)
            QVERIFY(QDir(dir.path()).mkdir(name));
        QCOMPARE(jb::LocalFiles::jsonEntries(dir.path()), qdirEntries(dir.path()));
        QCOMPARE(jb::LocalFiles::jsonEntries(dir.path()), expected);
    }

    // Links are listed as what they point to; broken ones, sockets and fifos are left out.
    void linksAndSpecialFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath(u"target.txt"_s), "{}");
        QVERIFY(QDir(dir.path()).mkdir(u"folder"_s));
        QVERIFY(QFile::link(dir.filePath(u"target.txt"_s), dir.filePath(u"to-file.json"_s)));
        QVERIFY(QFile::link(dir.filePath(u"folder"_s), dir.filePath(u"to-folder.json"_s)));
        QVERIFY(QFile::link(dir.filePath(u"missing"_s), dir.filePath(u"broken.json"_s)));
        QCOMPARE(::mkfifo(QFile::encodeName(dir.filePath(u"fifo.json"_s)).constData(), 0600), 0);
        const int listener = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(listener >= 0);
        sockaddr_un address = {};
        address.sun_family = AF_UNIX;
        const QByteArray socketPath = QFile::encodeName(dir.filePath(u"socket.json"_s));
        QVERIFY(size_t(socketPath.size()) < sizeof(address.sun_path));
        std::memcpy(address.sun_path, socketPath.constData(), size_t(socketPath.size()));
        QCOMPARE(::bind(listener, reinterpret_cast<const sockaddr *>(&address), sizeof(address)), 0);
        ::close(listener);

        QCOMPARE(jb::LocalFiles::jsonEntries(dir.path()), qdirEntries(dir.path()));
        QCOMPARE(
            jb::LocalFiles::jsonEntries(dir.path()), (QStringList{u"to-file.json"_s, u"to-folder.json"_s}));
    }

    void folderThatCannotBeListed()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath(u"a-file.json"_s), "{}");
        QCOMPARE(jb::LocalFiles::jsonEntries(dir.filePath(u"missing"_s)), QStringList());
        QCOMPARE(jb::LocalFiles::jsonEntries(dir.filePath(u"a-file.json"_s)), QStringList());
    }

    void readsWholeFiles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addRow("empty") << QByteArray();
        QTest::addRow("small") << QByteArray(R"({"id": "tcp-1"})");
        QTest::addRow("larger than a page") << QByteArray(10'000, 'x');
        QTest::addRow("binary") << QByteArray("\0\x01\xff\n", 4);
    }
    void readsWholeFiles()
    {
        QFETCH(QByteArray, bytes);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath(u"f.json"_s), bytes);
        const jb::LocalFiles::Read read = jb::LocalFiles::read(dir.filePath(u"f.json"_s));
        QCOMPARE(read.error, QString());
        QCOMPARE(read.bytes, bytes);
    }

    // A file that is not a regular one (here a pipe) is read to its end.
    void readsUnsizedFiles()
    {
        int fds[2];
        QCOMPARE(::pipe(fds), 0);
        const QByteArray bytes(9'000, 'p');
        QCOMPARE(::write(fds[1], bytes.constData(), size_t(bytes.size())), ssize_t(bytes.size()));
        ::close(fds[1]);
        const jb::LocalFiles::Read read = jb::LocalFiles::read(u"/proc/self/fd/%1"_s.arg(fds[0]));
        ::close(fds[0]);
        QCOMPARE(read.error, QString());
        QCOMPARE(read.bytes, bytes);
    }

    void readErrorsAsQFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkdir(u"folder.json"_s));
        const jb::LocalFiles::Read missing = jb::LocalFiles::read(dir.filePath(u"missing.json"_s));
        QCOMPARE(missing.bytes, QByteArray());
        QCOMPARE(missing.error, u"cannot read the file: No such file or directory"_s);
        const jb::LocalFiles::Read folder = jb::LocalFiles::read(dir.filePath(u"folder.json"_s));
        QCOMPARE(folder.error, u"cannot read the file: file to open is a directory"_s);
        QFile qfile(dir.filePath(u"folder.json"_s));
        QVERIFY(!qfile.open(QIODevice::ReadOnly));
        QCOMPARE(folder.error, u"cannot read the file: "_s + qfile.errorString().toLower());
    }
};

QTEST_GUILESS_MAIN(TestLocalFiles)
#include "tst_localfiles.moc"
