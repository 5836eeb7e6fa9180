#include "htmlreport.h"

#include <QJsonDocument>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

const QString style = u"body{font-family:sans-serif;margin:2em;color:#222}"
                      "table{border-collapse:collapse;margin:1em 0}"
                      "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}"
                      ".pass{color:#1a7f37}.fail{color:#cf222e}"
                      "pre{background:#f6f8fa;padding:8px;overflow:auto;max-height:30em}"_s;

QString percent(double value)
{
    return QString::number(value, 'f', value == 100.0 || value == 0.0 ? 0 : 1) + u'%';
}

void cell(QXmlStreamWriter &xml, const QString &text, const QString &cls = {})
{
    xml.writeStartElement(u"td"_s);
    if (!cls.isEmpty())
        xml.writeAttribute(u"class"_s, cls);
    xml.writeCharacters(text);
    xml.writeEndElement();
}

void header(QXmlStreamWriter &xml, const QStringList &names)
{
    xml.writeStartElement(u"tr"_s);
    for (const QString &name : names)
        xml.writeTextElement(u"th"_s, name);
    xml.writeEndElement();
}

} // namespace

QByteArray HtmlReport::write(const TestRunRecord &record, const QString &projectName)
{
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.setAutoFormatting(true);
    xml.writeDTD(u"<!DOCTYPE html>"_s);
    xml.writeStartElement(u"html"_s);
    xml.writeDefaultNamespace(u"http://www.w3.org/1999/xhtml"_s);
    xml.writeStartElement(u"head"_s);
    xml.writeEmptyElement(u"meta"_s);
    xml.writeAttribute(u"charset"_s, u"utf-8"_s);
    const QString title = u"Pipe tests — %1"_s.arg(projectName);
    xml.writeTextElement(u"title"_s, title);
    xml.writeTextElement(u"style"_s, style);
    xml.writeEndElement(); // head
    xml.writeStartElement(u"body"_s);
    xml.writeTextElement(u"h1"_s, title);
    xml.writeStartElement(u"p"_s);
    xml.writeAttribute(u"class"_s, record.passed() ? u"pass"_s : u"fail"_s);
    xml.writeCharacters(u"%1: %2 cases, %3 failed; environment %4; %5 UTC; %6"_s.arg(
        record.passed() ? u"PASSED"_s : u"FAILED"_s, QString::number(record.cases.size()),
        QString::number(record.failedCases()), record.environment,
        record.startedAt.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s), record.toolVersion));
    xml.writeEndElement();

    xml.writeTextElement(u"h2"_s, u"Coverage"_s);
    xml.writeStartElement(u"table"_s);
    header(xml, {u"Pipe"_s, u"Steps"_s, u"Branches"_s, u"Not covered"_s});
    for (const PipeCoverage &coverage : record.coverage) {
        const bool full = coverage.stepPercent() == 100.0 && coverage.branchPercent() == 100.0;
        xml.writeStartElement(u"tr"_s);
        cell(xml, coverage.pipeId());
        cell(xml,
            u"%1/%2 (%3)"_s.arg(coverage.stepsExecuted())
                .arg(coverage.steps().size())
                .arg(percent(coverage.stepPercent())),
            full ? u"pass"_s : QString());
        cell(xml,
            u"%1/%2 (%3)"_s.arg(coverage.branchesTaken())
                .arg(coverage.branches().size())
                .arg(percent(coverage.branchPercent())),
            full ? u"pass"_s : QString());
        QStringList missed;
        for (const QString &step : coverage.missedSteps())
            missed.append(u"step "_s + step);
        for (const QString &branch : coverage.missedBranches())
            missed.append(u"branch "_s + branch);
        cell(xml, missed.join(u", "_s));
        xml.writeEndElement();
    }
    xml.writeEndElement(); // table

    xml.writeTextElement(u"h2"_s, u"Cases"_s);
    xml.writeStartElement(u"table"_s);
    header(xml, {u"Suite"_s, u"Case"_s, u"Result"_s, u"ms"_s});
    for (const CaseResult &result : record.cases) {
        xml.writeStartElement(u"tr"_s);
        cell(xml, result.suiteId);
        cell(xml, result.name);
        cell(xml, result.passed ? u"pass"_s : u"FAIL"_s, result.passed ? u"pass"_s : u"fail"_s);
        cell(xml, QString::number(double(result.durationUs) / 1000.0, 'f', 1));
        xml.writeEndElement();
    }
    xml.writeEndElement(); // table

    if (record.failedCases() > 0)
        xml.writeTextElement(u"h2"_s, u"Failures"_s);
    for (const CaseResult &result : record.cases) {
        if (result.passed)
            continue;
        xml.writeTextElement(u"h3"_s, result.suiteId + u": "_s + result.name);
        xml.writeStartElement(u"table"_s);
        header(xml, {u"Path"_s, u"Expected"_s, u"Got"_s});
        for (const QString &failure : result.failures) {
            // "path: expected X, got Y" side by side; any other sentence whole
            const qsizetype colon = failure.indexOf(u": expected "_s);
            const qsizetype got = failure.lastIndexOf(u", got "_s);
            xml.writeStartElement(u"tr"_s);
            if (colon > 0 && got > colon) {
                cell(xml, failure.left(colon));
                cell(xml, failure.mid(colon + 11, got - colon - 11));
                cell(xml, failure.mid(got + 6), u"fail"_s);
            } else {
                cell(xml, QString());
                cell(xml, QString());
                cell(xml, failure, u"fail"_s);
            }
            xml.writeEndElement();
        }
        xml.writeEndElement(); // table
        xml.writeTextElement(u"p"_s, u"What the run gave:"_s);
        xml.writeTextElement(
            u"pre"_s, QString::fromUtf8(QJsonDocument(result.actual).toJson(QJsonDocument::Indented)));
        xml.writeTextElement(u"p"_s, u"Trace:"_s);
        xml.writeTextElement(u"pre"_s, result.trace);
    }
    xml.writeEndElement(); // body
    xml.writeEndElement(); // html
    xml.writeEndDocument();
    return bytes;
}

} // namespace jb
