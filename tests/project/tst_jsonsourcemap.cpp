#include "core/jsonsourcemap.h"

#include <QTest>

using namespace Qt::StringLiterals;
using jb::JsonSourceMap;
using jb::TextPosition;

namespace {

QString printed(const TextPosition &position)
{
    return u"%1:%2"_s.arg(position.line).arg(position.column);
}

// A contract as a person might write it: pretty-printed, with a compact line, escapes and
// non-ASCII text before the values we look for.
const QByteArray contract = R"({
  "id": "viacep-address",
  "name": "Endereço — São Paulo",
  "fields": [
    {
      "name": "cep",
      "type": "string"
    },
    {"name": "localidade", "example": "São Paulo", "type": "string"}
  ],
)" // (moc misreads escaped quotes inside a raw string)
                            "  \"a/b\": {\"c~d\": 1, \"say \\\"hi\\\"\": [true, null]},\n"
                            R"(  "notes": "ação 📍", "last": -1.5e3,
  "empty": {}, "none": []
}
)";

} // namespace

// JsonSourceMap: where each value of a file starts, so that a message names line and column.
class TestJsonSourceMap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void positions_data();
    void positions();
    void compactText();
    void fromOffset_data();
    void fromOffset();
};

void TestJsonSourceMap::positions_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("position");

    QTest::addRow("the root") << QString() << u"1:1"_s;
    QTest::addRow("a top-level value") << u"/id"_s << u"2:9"_s;
    QTest::addRow("after non-ASCII on an earlier line") << u"/fields"_s << u"4:13"_s;
    QTest::addRow("an array item") << u"/fields/0"_s << u"5:5"_s;
    QTest::addRow("a key inside an array item") << u"/fields/0/type"_s << u"7:15"_s;
    QTest::addRow("a compact array item") << u"/fields/1"_s << u"9:5"_s;
    QTest::addRow("after non-ASCII on the same line, in characters") << u"/fields/1/type"_s << u"9:60"_s;
    QTest::addRow("a key holding a slash (~1)") << u"/a~1b"_s << u"11:10"_s;
    QTest::addRow("a key holding a tilde (~0)") << u"/a~1b/c~0d"_s << u"11:18"_s;
    QTest::addRow("a key holding escaped quotes") << u"/a~1b/say \"hi\""_s << u"11:35"_s;
    QTest::addRow("an item of that value") << u"/a~1b/say \"hi\"/1"_s << u"11:42"_s;
    QTest::addRow("after a character outside the BMP") << u"/last"_s << u"12:30"_s;
    QTest::addRow("an empty object") << u"/empty"_s << u"13:12"_s;
    QTest::addRow("an empty array") << u"/none"_s << u"13:24"_s;
    QTest::addRow("a missing key: its object") << u"/fields/0/format"_s << u"5:5"_s;
    QTest::addRow("a missing index: its array") << u"/fields/7/name"_s << u"4:13"_s;
    QTest::addRow("missing at the top: the root") << u"/nowhere"_s << u"1:1"_s;
}

void TestJsonSourceMap::positions()
{
    QFETCH(QString, pointer);
    QFETCH(QString, position);

    QCOMPARE(printed(JsonSourceMap(contract).positionOf(pointer)), position);
}

void TestJsonSourceMap::compactText()
{
    // no whitespace at all, CRLF line ends, and leading blank lines
    const JsonSourceMap oneLine(R"({"a":{"b":[1,{"c":"x"}]},"d":"é"})");
    QCOMPARE(printed(oneLine.positionOf(u"/a/b/1/c"_s)), u"1:19"_s);
    QCOMPARE(printed(oneLine.positionOf(u"/d"_s)), u"1:30"_s);

    const JsonSourceMap crlf("\r\n\r\n{\r\n  \"port\": 22\r\n}\r\n");
    QCOMPARE(printed(crlf.positionOf(QString())), u"3:1"_s);
    QCOMPARE(printed(crlf.positionOf(u"/port"_s)), u"4:11"_s);
}

void TestJsonSourceMap::fromOffset_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("position");

    QTest::addRow("start") << QByteArray("abc") << 0 << u"1:1"_s;
    QTest::addRow("same line") << QByteArray("abc") << 2 << u"1:3"_s;
    QTest::addRow("just after a newline") << QByteArray("ab\ncd") << 3 << u"2:1"_s;
    QTest::addRow("on the newline") << QByteArray("ab\ncd") << 2 << u"1:3"_s;
    QTest::addRow("two-byte characters count once") << QByteArray("x\n\"S\xc3\xa3o\": 1") << 10 << u"2:8"_s;
    QTest::addRow("three-byte characters count once")
        << QByteArray("\xe2\x80\x94\xe2\x80\x94x") << 6 << u"1:3"_s;
    QTest::addRow("four-byte characters count once") << QByteArray("\xf0\x9f\x93\x8d: x") << 6 << u"1:4"_s;
    QTest::addRow("past the end: the end") << QByteArray("ab\nc") << 99 << u"2:2"_s;
}

void TestJsonSourceMap::fromOffset()
{
    QFETCH(QByteArray, text);
    QFETCH(int, offset);
    QFETCH(QString, position);

    QCOMPARE(printed(TextPosition::fromOffset(text, offset)), position);
}

QTEST_APPLESS_MAIN(TestJsonSourceMap)
#include "tst_jsonsourcemap.moc"
