#pragma once

#include "contract.h"
#include "jsonlinewriter.h"
#include "mappedrecord.h"
#include "mappingdefinition.h"
#include "mappingplan.h"
#include "mappingrunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace jb::testing {

// A JSON value as compact text; "(absent)" for undefined.
inline QString jsonText(const QJsonValue &value)
{
    if (value.isUndefined())
        return QStringLiteral("(absent)");
    QByteArray out;
    JsonLineWriter::appendValue(out, value);
    return QString::fromUtf8(out);
}

// One JSON value from text ("\"a\"", "12", "null"); undefined for "(absent)".
inline QJsonValue parseValue(const QString &text)
{
    if (text == u"(absent)")
        return QJsonValue(QJsonValue::Undefined);
    const QJsonDocument document = QJsonDocument::fromJson('[' + text.toUtf8() + ']');
    if (!document.isArray() || document.array().size() != 1)
        qFatal("not a JSON value: %s", qPrintable(text));
    return document.array().first();
}

// A mapped record as one line: the object (in the plan's order) or its errors.
inline QString printMapped(const MappedRecord &record, const QStringList &order)
{
    if (record.ok()) {
        QByteArray out;
        JsonLineWriter::append(out, record.object, order);
        return u"ok " + QString::fromUtf8(out);
    }
    QStringList errors;
    for (const FieldError &error : record.errors)
        errors.append(error.text());
    return u"invalid " + errors.join(u"; ");
}

} // namespace jb::testing
