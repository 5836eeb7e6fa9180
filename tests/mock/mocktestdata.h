#pragma once

#include "viacepdataset.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

namespace jb::test {

// The dataset the mock ships (a copy of ../shared/fixtures/viacep-dataset.json).
inline QString datasetPath()
{
    return QStringLiteral(JB_SOURCE_DIR "/resources/viacep-dataset.json");
}

inline QByteArray datasetBytes()
{
    QFile file(datasetPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline QJsonObject datasetJson()
{
    return QJsonDocument::fromJson(datasetBytes()).object();
}

// ViaCEP's key order, written out again here so the tests do not trust the code under test.
inline QStringList viaCepKeys()
{
    return {QStringLiteral("cep"), QStringLiteral("logradouro"), QStringLiteral("complemento"),
        QStringLiteral("unidade"), QStringLiteral("bairro"), QStringLiteral("localidade"),
        QStringLiteral("uf"), QStringLiteral("estado"), QStringLiteral("regiao"), QStringLiteral("ibge"),
        QStringLiteral("gia"), QStringLiteral("ddd"), QStringLiteral("siafi")};
}

// A record as ViaCEP writes it: two-space indent, "key": "value", keys in ViaCEP's order, UTF-8,
// no trailing newline. An independent writer, so the mock's bytes are checked against it.
inline QByteArray expectedJson(const QJsonObject &record)
{
    QStringList lines;
    for (const QString &key : viaCepKeys()) {
        if (record.contains(key))
            lines.append(QStringLiteral("  \"%1\": \"%2\"").arg(key, record.value(key).toString()));
    }
    return QStringLiteral("{\n%1\n}").arg(lines.join(QStringLiteral(",\n"))).toUtf8();
}

inline QByteArray expectedXml(const QJsonObject &record)
{
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xmlcep>\n";
    for (const QString &key : viaCepKeys()) {
        if (record.contains(key))
            xml += "  <" + key.toUtf8() + '>' + record.value(key).toString().toUtf8() + "</" + key.toUtf8()
                + ">\n";
    }
    xml += "</xmlcep>";
    return xml;
}

inline QString digitsOnly(const QString &cep)
{
    QString digits = cep;
    digits.remove(QLatin1Char('-'));
    return digits;
}

// The path ViaCEP is asked for: a malformed input goes percent-encoded, as a client sends it.
inline QByteArray viaCepPath(const QString &cep, const char *format = "json")
{
    return "/ws/" + QUrl::toPercentEncoding(cep) + '/' + format + '/';
}

// configs/body.json of ../shared/bench: the body the benchmark harness expects for 01001000
// (the older ten-key answer, no whitespace, 183 bytes); written out so the test stands alone.
inline QByteArray benchBody()
{
    return QByteArrayLiteral("{\"cep\":\"01001-000\",\"logradouro\":\"Pra\xc3\xa7"
                             "a da S\xc3\xa9\","
                             "\"complemento\":\"lado \xc3\xadmpar\",\"bairro\":\"S\xc3\xa9\","
                             "\"localidade\":\"S\xc3\xa3o Paulo\",\"uf\":\"SP\",\"ibge\":\"3550308\","
                             "\"gia\":\"1004\",\"ddd\":\"11\",\"siafi\":\"7107\"}");
}

} // namespace jb::test
