#include "core/jsonstream.h"
#include "core/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>
#include <limits>

using namespace Qt::StringLiterals;
using jb::JsonWriter;

// JsonWriter: the bytes project files are made of. Same value, same bytes; text kept as UTF-8.
class TestJsonWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void strings_data();
    void strings();
    void numbers_data();
    void numbers();
    void scalarsAndEmpties_data();
    void scalarsAndEmpties();
    void wholeDocument();
    void keyOrder();
    void schemaPathsAskedFor();
    void orderedKeys();
    void stableAndIdempotent();
    void streamMatchesWriter_data();
    void streamMatchesWriter();
};

void TestJsonWriter::strings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("written");

    QTest::addRow("plain") << u"ERP orders"_s << QByteArray(R"("ERP orders")");
    QTest::addRow("quote and backslash")
        << u"say \"hi\" C:\\temp"_s << QByteArray(R"("say \"hi\" C:\\temp")");
    QTest::addRow("short escapes") << u"a\nb\tc\rd\be\ff"_s << QByteArray(R"("a\nb\tc\rd\be\ff")");
    QTest::addRow("other control characters as \\u00XX")
        << QString::fromLatin1("\x01\x1f") << QByteArray(R"("\u0001\u001f")");
    QTest::addRow("slash and DEL left alone") << QString::fromLatin1("a/b\x7f") << QByteArray("\"a/b\x7f\"");
    QTest::addRow("non-ASCII kept as UTF-8")
        << u"São Paulo — não é"_s << QByteArray("\"S\xc3\xa3o Paulo \xe2\x80\x94 n\xc3\xa3o \xc3\xa9\"");
    QTest::addRow("outside the BMP kept as UTF-8") << u"pin 📍"_s << QByteArray("\"pin \xf0\x9f\x93\x8d\"");
    QTest::addRow("line separator kept as UTF-8") << u"a\u2028b"_s
                                                  << QByteArray("\"a\xe2\x80\xa8"
                                                                "b\"");
    // UTF-8 cannot hold half a pair: written as '?', as QString::toUtf8 writes it
    QTest::addRow("lone high surrogate") << (u"a"_s + QChar(0xd83d) + u"b"_s)
                                         << QByteArray("\"a?"
                                                       "b\"");
    QTest::addRow("lone low surrogate at the end") << (u"a"_s + QChar(0xdc8d)) << QByteArray("\"a?\"");
    QTest::addRow("empty") << QString() << QByteArray(R"("")");
}

void TestJsonWriter::strings()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, written);

    const QByteArray out = JsonWriter::write(QJsonValue(text));
    QCOMPARE(out, written + '\n');
    // and it reads back as the same text (half a surrogate pair, which UTF-8 cannot hold, as '?')
    const QString readable = QString::fromUtf8(text.toUtf8());
    QCOMPARE(QJsonDocument::fromJson('[' + out + ']').array().at(0).toString(), readable);
}

void TestJsonWriter::numbers_data()
{
    QTest::addColumn<double>("number");
    QTest::addColumn<QByteArray>("written");

    QTest::addRow("zero") << 0.0 << QByteArray("0");
    QTest::addRow("negative zero") << -0.0 << QByteArray("0");
    QTest::addRow("port") << 8443.0 << QByteArray("8443");
    QTest::addRow("negative") << -7.0 << QByteArray("-7");
    QTest::addRow("whole, large") << 28800000000.0 << QByteArray("28800000000");
    QTest::addRow("2^53 - 1") << 9007199254740991.0 << QByteArray("9007199254740991");
    QTest::addRow("2^53") << 9007199254740992.0 << QByteArray("9007199254740992");
    QTest::addRow("fraction") << 1.5 << QByteArray("1.5");
    QTest::addRow("shortest form of 0.1") << 0.1 << QByteArray("0.1");
    QTest::addRow("shortest form of 0.1 + 0.2") << 0.1 + 0.2 << QByteArray("0.30000000000000004");
    QTest::addRow("many digits") << 123456.789 << QByteArray("123456.789");
    QTest::addRow("tiny") << 1e-7 << QByteArray("1e-07");
    QTest::addRow("huge") << 1e21 << QByteArray("1e+21");
    QTest::addRow("NaN is null") << std::numeric_limits<double>::quiet_NaN() << QByteArray("null");
    QTest::addRow("infinity is null") << std::numeric_limits<double>::infinity() << QByteArray("null");
}

void TestJsonWriter::numbers()
{
    QFETCH(double, number);
    QFETCH(QByteArray, written);

    const QByteArray out = JsonWriter::write(QJsonValue(number));
    QCOMPARE(out, written + '\n');
    // every finite number reads back exactly
    if (std::isfinite(number)) {
        QJsonParseError error{};
        const QJsonDocument reread = QJsonDocument::fromJson('[' + out + ']', &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(reread.array().at(0).toDouble(), number);
    }
}

void TestJsonWriter::scalarsAndEmpties_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QByteArray>("written");

    QTest::addRow("true") << QJsonValue(true) << QByteArray("true\n");
    QTest::addRow("false") << QJsonValue(false) << QByteArray("false\n");
    QTest::addRow("null") << QJsonValue(QJsonValue::Null) << QByteArray("null\n");
    QTest::addRow("empty object") << QJsonValue(QJsonObject()) << QByteArray("{}\n");
    QTest::addRow("empty array") << QJsonValue(QJsonArray()) << QByteArray("[]\n");
    QTest::addRow("empty containers nested")
        << QJsonValue(QJsonObject{{u"a"_s, QJsonArray()}, {u"b"_s, QJsonObject()}})
        << QByteArray("{\n  \"a\": [],\n  \"b\": {}\n}\n");
}

void TestJsonWriter::scalarsAndEmpties()
{
    QFETCH(QJsonValue, value);
    QFETCH(QByteArray, written);

    QCOMPARE(JsonWriter::write(value), written);
}

void TestJsonWriter::wholeDocument()
{
    const QJsonObject server{{u"id"_s, u"erp-app"_s}, {u"name"_s, u"ERP — São Paulo"_s},
        {u"ports"_s,
            QJsonArray{QJsonObject{{u"port"_s, 8443}, {u"protocol"_s, u"https"_s}},
                QJsonObject{{u"port"_s, 22}, {u"tags"_s, QJsonArray{u"sftp"_s, true, QJsonValue()}}}}},
        {u"active"_s, true}};

    const QByteArray expected = R"({
  "active": true,
  "id": "erp-app",
  "name": "ERP — São Paulo",
  "ports": [
    {
      "port": 8443,
      "protocol": "https"
    },
    {
      "port": 22,
      "tags": [
        "sftp",
        true,
        null
      ]
    }
  ]
}
)";
    QCOMPARE(JsonWriter::write(server), expected);
}

void TestJsonWriter::keyOrder()
{
    // the schema's keys first, in the schema's order; any other key after them, alphabetically
    const JsonWriter::KeyOrder order = [](const QString &schemaPath) {
        if (schemaPath.isEmpty())
            return QStringList{u"id"_s, u"name"_s, u"ip"_s, u"ports"_s, u"notes"_s};
        if (schemaPath == u"ports")
            return QStringList{u"port"_s, u"protocol"_s};
        return QStringList();
    };
    const QJsonObject server{{u"notes"_s, u"n"_s}, {u"zz-later"_s, 1}, {u"ip"_s, u"10.0.0.5"_s},
        {u"aa-first-unknown"_s, 2}, {u"id"_s, u"s"_s},
        {u"ports"_s,
            QJsonArray{QJsonObject{{u"x-vlan"_s, 12}, {u"protocol"_s, u"tcp"_s}, {u"port"_s, 22},
                {u"meta"_s, QJsonObject{{u"b"_s, 1}, {u"a"_s, 2}}}}}}};

    const QByteArray expected = R"({
  "id": "s",
  "ip": "10.0.0.5",
  "ports": [
    {
      "port": 22,
      "protocol": "tcp",
      "meta": {
        "a": 2,
        "b": 1
      },
      "x-vlan": 12
    }
  ],
  "notes": "n",
  "aa-first-unknown": 2,
  "zz-later": 1
}
)";
    QCOMPARE(JsonWriter::write(server, order), expected);
}

void TestJsonWriter::schemaPathsAskedFor()
{
    // array indices are left out of the schema path; nested objects extend it; each path is asked
    // once per write, however many objects share it (the two items of fields)
    QStringList asked;
    const JsonWriter::KeyOrder order = [&asked](const QString &schemaPath) {
        asked.append(schemaPath);
        return QStringList();
    };
    const QJsonObject contract{
        {u"fields"_s,
            QJsonArray{QJsonObject{{u"name"_s, u"cep"_s}},
                QJsonObject{{u"name"_s, u"uf"_s}, {u"rule"_s, QJsonObject{{u"k"_s, 1}}}}}},
        {u"meta"_s, QJsonObject{{u"inner"_s, QJsonObject{{u"x"_s, 1}}}}}};
    JsonWriter::write(contract, order);
    QCOMPARE(asked, (QStringList{u""_s, u"fields"_s, u"fields/rule"_s, u"meta"_s, u"meta/inner"_s}));
}

void TestJsonWriter::orderedKeys()
{
    const QJsonObject object{{u"c"_s, 1}, {u"a"_s, 1}, {u"name"_s, 1}, {u"id"_s, 1}};
    QCOMPARE(JsonWriter::orderedKeys(object, {u"id"_s, u"name"_s, u"missing"_s}),
        (QStringList{u"id"_s, u"name"_s, u"a"_s, u"c"_s}));
    QCOMPARE(JsonWriter::orderedKeys(object, {}), (QStringList{u"a"_s, u"c"_s, u"id"_s, u"name"_s}));
}

void TestJsonWriter::stableAndIdempotent()
{
    const QByteArray handWritten
        = R"({"z": [1, 2.5, {"b": "é", "a": null}], "a": {"y": false, "x": "\u00e9\n"}})";
    const QJsonValue value = QJsonDocument::fromJson(handWritten).object();
    const QByteArray once = JsonWriter::write(value);
    // the same value always gives the same bytes
    QCOMPARE(JsonWriter::write(value), once);
    // and writing what was written changes nothing
    QCOMPARE(JsonWriter::write(QJsonDocument::fromJson(once).object()), once);
    QVERIFY(once.endsWith("}\n"));
    QVERIFY(!once.endsWith("\n\n"));
}

// JsonStream writes from structs what JsonWriter writes from a QJsonValue: the same bytes, so that
// evidence written either way reads and diffs the same.
void TestJsonWriter::streamMatchesWriter_data()
{
    QTest::addColumn<QByteArray>("document"); // JSON whose keys are already in alphabetical order

    QTest::addRow("empty object") << QByteArray("{}");
    QTest::addRow("empty array") << QByteArray("[]");
    QTest::addRow("scalar") << QByteArray("\"S\u00e3o Paulo \\\"centro\\\"\\n\"");
    QTest::addRow("flat object") << QByteArray(R"({"a": 1, "b": "x", "c": true, "d": null, "e": 0.125})");
    QTest::addRow("nested") << QByteArray(R"({"a": {"b": [1, {"c": []}, {}], "d": {}}, "e": [[], [2]]})");
    QTest::addRow("escapes and numbers")
        << QByteArray(R"({"k\"ey": "tab\there", "n": -3, "big": 1e300, "tiny": 1.5e-7, "u": "\u0001"})");
}

void TestJsonWriter::streamMatchesWriter()
{
    QFETCH(QByteArray, document);
    QJsonParseError error{};
    const QJsonDocument parsed = QJsonDocument::fromJson("[" + document + "]", &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonValue value = parsed.array().at(0);

    // the same value streamed by hand, member by member
    jb::JsonStream stream;
    std::function<void(const QJsonValue &)> write = [&](const QJsonValue &v) {
        if (v.isObject()) {
            stream.beginObject();
            const QJsonObject object = v.toObject();
            for (auto it = object.begin(); it != object.end(); ++it) {
                stream.key(it.key());
                write(it.value());
            }
            stream.endObject();
        } else if (v.isArray()) {
            stream.beginArray();
            for (const QJsonValue &item : v.toArray())
                write(item);
            stream.endArray();
        } else if (v.isString()) {
            stream.string(v.toString());
        } else if (v.isDouble()) {
            stream.number(v.toDouble());
        } else if (v.isBool()) {
            stream.boolean(v.toBool());
        } else {
            stream.null();
        }
    };
    write(value);
    const QByteArray streamed = stream.take();
    QCOMPARE(streamed, JsonWriter::write(value));
    // and what it wrote is JSON that reads back as the value
    QCOMPARE(QJsonDocument::fromJson("[" + streamed + "]").array().at(0), value);
}

QTEST_APPLESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
