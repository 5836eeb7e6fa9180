#include "junitreport.h"

#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QString seconds(qint64 us)
{
    return QString::number(double(us) / 1e6, 'f', 6);
}

} // namespace

QByteArray JUnitReport::write(const QList<CaseResult> &results, const QDateTime &startedAt)
{
    QStringList suites; // in the order they ran
    for (const CaseResult &result : results) {
        if (!suites.contains(result.suiteId))
            suites.append(result.suiteId);
    }
    qint64 totalUs = 0;
    int failures = 0;
    for (const CaseResult &result : results) {
        totalUs += result.durationUs;
        failures += result.passed ? 0 : 1;
    }
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeStartElement(u"testsuites"_s);
    xml.writeAttribute(u"name"_s, u"journeybench"_s);
    xml.writeAttribute(u"tests"_s, QString::number(results.size()));
    xml.writeAttribute(u"failures"_s, QString::number(failures));
    xml.writeAttribute(u"errors"_s, u"0"_s);
    xml.writeAttribute(u"time"_s, seconds(totalUs));
    for (const QString &suite : std::as_const(suites)) {
        QList<const CaseResult *> cases;
        qint64 suiteUs = 0;
        int suiteFailures = 0;
        for (const CaseResult &result : results) {
            if (result.suiteId != suite)
                continue;
            cases.append(&result);
            suiteUs += result.durationUs;
            suiteFailures += result.passed ? 0 : 1;
        }
        xml.writeStartElement(u"testsuite"_s);
        xml.writeAttribute(u"name"_s, suite);
        xml.writeAttribute(u"tests"_s, QString::number(cases.size()));
        xml.writeAttribute(u"failures"_s, QString::number(suiteFailures));
        xml.writeAttribute(u"errors"_s, u"0"_s);
        xml.writeAttribute(u"skipped"_s, u"0"_s);
        xml.writeAttribute(u"time"_s, seconds(suiteUs));
        xml.writeAttribute(u"timestamp"_s, startedAt.toUTC().toString(Qt::ISODate));
        xml.writeStartElement(u"properties"_s);
        xml.writeEmptyElement(u"property"_s);
        xml.writeAttribute(u"name"_s, u"pipe"_s);
        xml.writeAttribute(u"value"_s, cases.isEmpty() ? QString() : cases.constFirst()->pipeId);
        xml.writeEndElement();
        for (const CaseResult *result : std::as_const(cases)) {
            xml.writeStartElement(u"testcase"_s);
            xml.writeAttribute(u"name"_s, result->name);
            xml.writeAttribute(u"classname"_s, result->pipeId + u'.' + suite);
            xml.writeAttribute(u"time"_s, seconds(result->durationUs));
            if (!result->passed) {
                xml.writeStartElement(u"failure"_s);
                xml.writeAttribute(u"message"_s, result->failures.value(0));
                xml.writeAttribute(u"type"_s, u"expectation"_s);
                xml.writeCharacters(result->failures.join(u'\n'));
                xml.writeEndElement();
            }
            xml.writeTextElement(u"system-out"_s, result->trace);
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    return bytes;
}

} // namespace jb
