#include "mocktestdata.h"
#include "viaceproutes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace jb {

class TestViaCepRoutes final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void datasetLoads();
    void datasetSavesItsOwnBytes();
    void normalizeCep_data();
    void normalizeCep();
    void knownRecord_data();
    void knownRecord();
    void unknownCep_data();
    void unknownCep();
    void malformedCep_data();
    void malformedCep();
    void notViaCep_data();
    void notViaCep();
    void compactMatchesBenchmarkBody();
    void xmlEscapes();
    void badRecords_data();
    void badRecords();
    void editDataset();
    void importFile();
    void routesFollowEdits();

private:
    ViaCepDataset m_dataset;
    QJsonObject m_fixture;
};

void TestViaCepRoutes::initTestCase()
{
    Result<ViaCepDataset> dataset = ViaCepDataset::load(test::datasetPath());
    QVERIFY2(dataset.ok(), qPrintable(dataset.errorString()));
    m_dataset = std::move(dataset).value();
    m_fixture = test::datasetJson();
    QVERIFY(!m_fixture.isEmpty());
}

void TestViaCepRoutes::datasetLoads()
{
    const QJsonArray records = m_fixture.value("records"_L1).toArray();
    QCOMPARE(m_dataset.size(), records.size());
    QCOMPARE(m_dataset.size(), 13);
    QCOMPARE(m_dataset.unknownCeps(),
        (QStringList{u"99999-999"_s, u"00000-000"_s, u"22222-222"_s, u"54580-000"_s}));
    QCOMPARE(m_dataset.malformedInputs(),
        (QStringList{u"950100100"_s, u"95010A10"_s, u"95010 10"_s, u"0100100"_s, u"abcde"_s, QString()}));
    for (qsizetype i = 0; i < records.size(); ++i) {
        const ViaCepRecord &record = m_dataset.records().at(i);
        QStringList keys;
        for (const auto &[key, value] : record.fields) {
            keys.append(key);
            QCOMPARE(value, records.at(i).toObject().value(key).toString());
        }
        QCOMPARE(keys, test::viaCepKeys());
    }
}

void TestViaCepRoutes::datasetSavesItsOwnBytes()
{
    // an unedited dataset written back is the same file: sections, order, formatting
    QCOMPARE(m_dataset.toJson(), test::datasetBytes());
}

void TestViaCepRoutes::normalizeCep_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("digits"); // empty: malformed
    QTest::addRow("8 digits") << u"01001000"_s << u"01001000"_s;
    QTest::addRow("hyphenated") << u"01001-000"_s << u"01001000"_s;
    QTest::addRow("all zeros") << u"00000-000"_s << u"00000000"_s;
    QTest::addRow("9 digits") << u"950100100"_s << QString();
    QTest::addRow("7 digits") << u"0100100"_s << QString();
    QTest::addRow("letter") << u"95010A10"_s << QString();
    QTest::addRow("space") << u"95010 10"_s << QString();
    QTest::addRow("letters only") << u"abcde"_s << QString();
    QTest::addRow("empty") << QString() << QString();
    QTest::addRow("hyphen misplaced") << u"0100-1000"_s << QString();
    QTest::addRow("two hyphens") << u"01001--00"_s << QString();
    QTest::addRow("journey document's 3+4 pattern") << u"010-0100"_s << QString();
    QTest::addRow("leading blank") << u" 01001000"_s << QString();
    QTest::addRow("arabic-indic digits")
        << u"\u0660\u0661\u0660\u0660\u0661\u0660\u0660\u0660"_s << QString();
}

void TestViaCepRoutes::normalizeCep()
{
    QFETCH(QString, text);
    QFETCH(QString, digits);
    const std::optional<QString> normalized = ViaCepDataset::normalizeCep(text);
    QCOMPARE(normalized.value_or(QString()), digits);
    const std::optional<quint32> number = ViaCepDataset::cepNumber(text.toUtf8());
    QCOMPARE(number.has_value(), !digits.isEmpty());
    if (number)
        QCOMPARE(*number, digits.toUInt());
}

void TestViaCepRoutes::knownRecord_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    for (const QJsonValue &value : m_fixture.value("records"_L1).toArray()) {
        const QJsonObject record = value.toObject();
        const QString cep = record.value("cep"_L1).toString();
        for (const QString &form : {test::digitsOnly(cep), cep}) {
            QTest::addRow("%s json", qPrintable(form))
                << test::viaCepPath(form) << QByteArray("application/json; charset=utf-8")
                << test::expectedJson(record);
            QTest::addRow("%s xml", qPrintable(form))
                << test::viaCepPath(form, "xml") << QByteArray("application/xml; charset=utf-8")
                << test::expectedXml(record);
        }
    }
    QTest::addRow("no trailing slash")
        << QByteArray("/ws/01001000/json") << QByteArray("application/json; charset=utf-8")
        << test::expectedJson(m_fixture.value("records"_L1).toArray().first().toObject());
}

void TestViaCepRoutes::knownRecord()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    const ViaCepRoutes routes(m_dataset);
    const std::optional<MockResponse> response = routes.respond(HttpRequest::get(path));
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->headers, (HttpHeaders{{"Content-Type", contentType}}));
    QCOMPARE(response->body, body);
    QCOMPARE(response->fault.kind, FaultKind::None);
    QCOMPARE(response->route, path.contains("/xml") ? u"GET /ws/{cep}/xml/"_s : u"GET /ws/{cep}/json/"_s);
    // the prebuilt message is exactly what a server writes
    QCOMPARE(response->serialized(),
        "HTTP/1.1 200 OK\r\nContent-Type: " + contentType
            + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
}

void TestViaCepRoutes::unknownCep_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<bool>("boolean");
    QTest::addColumn<QByteArray>("body");
    for (const QString &cep : m_dataset.unknownCeps()) {
        for (const QString &form : {test::digitsOnly(cep), cep}) {
            QTest::addRow("%s json", qPrintable(form))
                << test::viaCepPath(form) << false << QByteArray("{\n  \"erro\": \"true\"\n}");
            QTest::addRow("%s json, boolean erro", qPrintable(form))
                << test::viaCepPath(form) << true << QByteArray("{\n  \"erro\": true\n}");
            QTest::addRow("%s xml", qPrintable(form))
                << test::viaCepPath(form, "xml") << false
                << QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xmlcep>\n  "
                              "<erro>true</erro>\n</xmlcep>");
        }
    }
}

void TestViaCepRoutes::unknownCep()
{
    QFETCH(QByteArray, path);
    QFETCH(bool, boolean);
    QFETCH(QByteArray, body);
    ViaCepRoutes routes(m_dataset);
    if (boolean)
        routes.setErroForm(ViaCepRoutes::ErroForm::Boolean);
    const std::optional<MockResponse> response = routes.respond(HttpRequest::get(path));
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, body);
    const QByteArray type
        = path.contains("/xml") ? "application/xml; charset=utf-8" : "application/json; charset=utf-8";
    QCOMPARE(response->headers, (HttpHeaders{{"Content-Type", type}}));
    if (!path.contains("/xml")) {
        const QJsonObject erro = QJsonDocument::fromJson(response->body).object();
        QCOMPARE(erro.value("erro"_L1), boolean ? QJsonValue(true) : QJsonValue(u"true"_s));
    }
}

void TestViaCepRoutes::malformedCep_data()
{
    QTest::addColumn<QByteArray>("path");
    for (const QString &input : m_dataset.malformedInputs()) {
        QTest::addRow("\"%s\" json", qPrintable(input)) << test::viaCepPath(input);
        QTest::addRow("\"%s\" xml", qPrintable(input)) << test::viaCepPath(input, "xml");
    }
    QTest::addRow("hyphen in the wrong place") << QByteArray("/ws/0100-1000/json/");
    QTest::addRow("encoded hyphen is still a hyphen, but 7 digits") << QByteArray("/ws/01001%2D00/json/");
    QTest::addRow("unicode digits") << QByteArray(
        "/ws/%D9%A0%D9%A1%D9%A0%D9%A0%D9%A1%D9%A0%D9%A0%D9%A0/json/");
}

void TestViaCepRoutes::malformedCep()
{
    QFETCH(QByteArray, path);
    const ViaCepRoutes routes(m_dataset);
    const std::optional<MockResponse> response = routes.respond(HttpRequest::get(path));
    QVERIFY(response);
    QCOMPARE(response->status, 400);
    QCOMPARE(response->headers, (HttpHeaders{{"Content-Type", "text/html; charset=utf-8"}}));
    QCOMPARE(response->body, ViaCepRoutes::badRequestBody());
    QVERIFY(response->body.contains("Bad Request"));
}

void TestViaCepRoutes::notViaCep_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addRow("POST") << QByteArray("POST") << QByteArray("/ws/01001000/json/");
    QTest::addRow("no format") << QByteArray("GET") << QByteArray("/ws/01001000/");
    QTest::addRow("other format") << QByteArray("GET") << QByteArray("/ws/01001000/yaml/");
    QTest::addRow("deeper path") << QByteArray("GET") << QByteArray("/ws/SP/Sao%20Paulo/Se/json/");
    QTest::addRow("other service") << QByteArray("GET") << QByteArray("/consultaCEP/01001000");
    QTest::addRow("root") << QByteArray("GET") << QByteArray("/");
}

void TestViaCepRoutes::notViaCep()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    const ViaCepRoutes routes(m_dataset);
    HttpRequest request = HttpRequest::get(path);
    request.method = method;
    QVERIFY(!routes.respond(request));
}

void TestViaCepRoutes::compactMatchesBenchmarkBody()
{
    // The benchmark's fixed answer is ViaCEP's older ten-key record without whitespace: a dataset
    // holding that record, served compact, gives the very same bytes.
    Result<ViaCepDataset> dataset = ViaCepDataset::fromJson(test::benchBody().prepend('[').append(']'));
    QVERIFY2(dataset.ok(), qPrintable(dataset.errorString()));
    ViaCepRoutes routes(std::move(dataset).value());
    routes.setBodyStyle(ViaCepRoutes::BodyStyle::Compact);
    const std::optional<MockResponse> response = routes.respond(HttpRequest::get("/ws/01001000/json/"));
    QVERIFY(response);
    QCOMPARE(response->body, test::benchBody());
    QCOMPARE(response->body.size(), 183);
    routes.setErroForm(ViaCepRoutes::ErroForm::Boolean);
    const std::optional<MockResponse> erro = routes.respond(HttpRequest::get("/ws/99999999/json/"));
    QVERIFY(erro);
    QCOMPARE(QJsonDocument::fromJson(erro->body), QJsonDocument::fromJson("{\"erro\": true}"));
}

void TestViaCepRoutes::xmlEscapes()
{
    ViaCepRecord record;
    record.setValue(u"cep"_s, u"01001-000"_s);
    record.setValue(u"logradouro"_s, u"Rua \"A\" & <B> d'Oeste"_s);
    record.setValue(u"bad key"_s, u"left out of XML"_s);
    QCOMPARE(ViaCepRoutes::xmlBody(record),
        QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xmlcep>\n  <cep>01001-000</cep>\n"
                   "  <logradouro>Rua &quot;A&quot; &amp; &lt;B&gt; d&apos;Oeste</logradouro>\n</xmlcep>"));
    QCOMPARE(ViaCepRoutes::jsonBody(record),
        QByteArray("{\n  \"cep\": \"01001-000\",\n  \"logradouro\": \"Rua \\\"A\\\" & <B> d'Oeste\",\n"
                   "  \"bad key\": \"left out of XML\"\n}"));
}

void TestViaCepRoutes::badRecords_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::addRow("not JSON") << QByteArray("{\"records\": [") << u"line 1, column 14"_s;
    QTest::addRow("no records") << QByteArray("{\"about\": \"x\"}") << u"\"records\" array"_s;
    QTest::addRow("cep missing") << QByteArray("[{\"uf\": \"SP\"}]") << u"record 1: \"cep\" is missing"_s;
    QTest::addRow("cep malformed") << QByteArray("[{\"cep\": \"0100-1000\"}]")
                                   << u"record 1: \"cep\" \"0100-1000\" is not a CEP"_s;
    QTest::addRow("boolean value") << QByteArray("[{\"cep\": \"01001000\", \"uf\": true}]")
                                   << u"record 1: \"uf\" must be a string"_s;
    QTest::addRow("duplicate") << QByteArray("[{\"cep\": \"01001000\"}, {\"cep\": \"01001-000\"}]")
                               << u"record 2: CEP 01001-000 already appears in record 1"_s;
    QTest::addRow("not an object") << QByteArray("[\"01001000\"]") << u"record 1 is not a JSON object"_s;
}

void TestViaCepRoutes::badRecords()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const Result<ViaCepDataset> dataset = ViaCepDataset::fromJson(json);
    QVERIFY(!dataset.ok());
    QVERIFY2(dataset.errorString().contains(error), qPrintable(dataset.errorString()));
}

void TestViaCepRoutes::editDataset()
{
    ViaCepDataset dataset = m_dataset;
    ViaCepRecord record;
    record.setValue(u"localidade"_s, u"Osasco"_s);
    record.setValue(u"uf"_s, u"SP"_s);
    record.setValue(u"cep"_s, u"06010000"_s);
    record.setValue(u"ibge"_s, u"3534401"_s);
    QVERIFY(dataset.add(record).ok());
    const ViaCepRecord *added = dataset.find(u"06010-000");
    QVERIFY(added);
    QCOMPARE(added->cep(), u"06010-000"_s); // stored hyphenated, keys in ViaCEP's order
    QCOMPARE(added->fields.at(1).first, u"localidade"_s);
    QCOMPARE(added->fields.at(3).first, u"ibge"_s);
    QCOMPARE(dataset.add(record).error().code, Error::Code::Refused);

    record.setValue(u"bairro"_s, u"Centro"_s);
    QVERIFY(dataset.update(u"06010000", record).ok());
    QCOMPARE(dataset.find(u"06010000")->value(u"bairro"), u"Centro"_s);
    QCOMPARE(dataset.find(u"06010000")->fields.at(1).first, u"bairro"_s);

    ViaCepRecord renamed = record;
    renamed.setValue(u"cep"_s, u"01001-000"_s);
    QCOMPARE(dataset.update(u"06010-000", renamed).error().code, Error::Code::Refused);
    QVERIFY(dataset.remove(u"06010-000").ok());
    QVERIFY(!dataset.find(u"06010-000"));
    QCOMPARE(dataset.remove(u"06010-000").error().code, Error::Code::Reference);
    QCOMPARE(dataset.size(), m_dataset.size());
}

void TestViaCepRoutes::importFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"import.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"json([{"cep": "01001000", "localidade": "Sao Paulo (edited)", "uf": "SP"},
                   {"cep": "06010-000", "localidade": "Osasco", "uf": "SP", "ddd": 11}])json");
    file.close();

    ViaCepDataset dataset = m_dataset;
    const Result<qsizetype> imported = dataset.importFile(path);
    QVERIFY2(imported.ok(), qPrintable(imported.errorString()));
    QCOMPARE(imported.value(), 2);
    QCOMPARE(dataset.size(), m_dataset.size() + 1);
    QCOMPARE(dataset.find(u"01001-000")->value(u"localidade"), u"Sao Paulo (edited)"_s);
    QCOMPARE(dataset.find(u"06010000")->value(u"ddd"), u"11"_s); // a number became ViaCEP's string

    // a broken file changes nothing and says where
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(R"([{"cep": "13013051"}, {"cep": "x"}])");
    file.close();
    const ViaCepDataset before = dataset;
    const Result<qsizetype> failed = dataset.importFile(path);
    QVERIFY(!failed.ok());
    QVERIFY2(failed.errorString().contains(u"record 2"_s), qPrintable(failed.errorString()));
    QCOMPARE(dataset.records(), before.records());

    // saved and loaded again, the edits survive
    const QString saved = dir.filePath(u"saved.json"_s);
    QVERIFY(dataset.save(saved).ok());
    const Result<ViaCepDataset> reloaded = ViaCepDataset::load(saved);
    QVERIFY(reloaded.ok());
    QCOMPARE(reloaded.value().records(), dataset.records());
    QCOMPARE(reloaded.value().unknownCeps(), m_dataset.unknownCeps());
}

void TestViaCepRoutes::routesFollowEdits()
{
    ViaCepRoutes routes(m_dataset);
    QCOMPARE(routes.respond(HttpRequest::get("/ws/06010000/json/"))->body,
        ViaCepRoutes::erroJsonBody(ViaCepRoutes::ErroForm::String));
    ViaCepDataset dataset = m_dataset;
    ViaCepRecord record;
    record.setValue(u"cep"_s, u"06010-000"_s);
    record.setValue(u"localidade"_s, u"Osasco"_s);
    QVERIFY(dataset.add(record).ok());
    routes.setDataset(dataset);
    QCOMPARE(routes.respond(HttpRequest::get("/ws/06010-000/json/"))->body,
        QByteArray("{\n  \"cep\": \"06010-000\",\n  \"localidade\": \"Osasco\"\n}"));
    QCOMPARE(routes.routes().size(), 2);
    QVERIFY(routes.routes().first().description.contains(u"14 records"_s));
}

} // namespace jb

QTEST_APPLESS_MAIN(jb::TestViaCepRoutes)
#include "tst_viaceproutes.moc"
