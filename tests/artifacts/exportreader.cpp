#include "exportreader.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace jb::test {

ToolOutput ExportReader::run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    ToolOutput output;
    if (!process.waitForStarted(10000)) {
        output.err = (program + u" did not start: "_s + process.errorString()).toUtf8();
        return output;
    }
    process.closeWriteChannel();
    process.waitForFinished(120000);
    output.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    output.out = process.readAllStandardOutput();
    output.err = process.readAllStandardError();
    return output;
}

QByteArray ExportReader::readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QList<QStringList> ExportReader::csv(const QByteArray &bytes, QString *problem)
{
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    bool wasQuoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            if (!field.isEmpty() || wasQuoted) {
                *problem = u"a quote inside an unquoted field at offset %1"_s.arg(i);
                return {};
            }
            quoted = wasQuoted = true;
        } else if (c == u',') {
            row.append(field);
            field.clear();
            wasQuoted = false;
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row.append(field);
            rows.append(row);
            row.clear();
            field.clear();
            wasQuoted = false;
            ++i;
        } else if (c == u'\n' || c == u'\r') {
            *problem = u"a bare line break at offset %1 (RFC 4180 wants CRLF)"_s.arg(i);
            return {};
        } else {
            field += c;
        }
    }
    if (quoted)
        *problem = u"an unterminated quoted field"_s;
    if (!field.isEmpty() || !row.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
}

namespace {

QByteArray unzipPart(const QString &path, const QString &part, QString *problem)
{
    const ToolOutput output = ExportReader::run(u"unzip"_s, {u"-p"_s, path, part});
    if (output.exitCode != 0 && problem->isEmpty())
        *problem = u"unzip -p %1 %2 failed: %3"_s.arg(path, part, QString::fromUtf8(output.err));
    return output.out;
}

int columnIndex(const QString &reference)
{
    int index = 0;
    for (const QChar c : reference) {
        if (!c.isLetter())
            break;
        index = index * 26 + (c.toUpper().unicode() - u'A' + 1);
    }
    return index - 1;
}

} // namespace

QMap<QString, QList<QStringList>> ExportReader::xlsx(
    const QString &path, QStringList *sheetOrder, QString *problem)
{
    QMap<QString, QList<QStringList>> result;
    // the relationships name each sheet's part
    QHash<QString, QString> targets;
    QXmlStreamReader rels(unzipPart(path, u"xl/_rels/workbook.xml.rels"_s, problem));
    while (!rels.atEnd()) {
        rels.readNext();
        if (rels.isStartElement() && rels.name() == u"Relationship")
            targets.insert(
                rels.attributes().value(u"Id"_s).toString(), rels.attributes().value(u"Target"_s).toString());
    }
    QList<std::pair<QString, QString>> sheets;
    QXmlStreamReader workbook(unzipPart(path, u"xl/workbook.xml"_s, problem));
    while (!workbook.atEnd()) {
        workbook.readNext();
        if (workbook.isStartElement() && workbook.name() == u"sheet") {
            const QString id
                = workbook.attributes()
                      .value(
                          u"http://schemas.openxmlformats.org/officeDocument/2006/relationships"_s, u"id"_s)
                      .toString();
            sheets.append({workbook.attributes().value(u"name"_s).toString(), targets.value(id)});
        }
    }
    if (workbook.hasError())
        *problem = u"workbook.xml: "_s + workbook.errorString();
    QStringList shared;
    QXmlStreamReader strings(unzipPart(path, u"xl/sharedStrings.xml"_s, problem));
    QString current;
    bool inItem = false;
    while (!strings.atEnd()) {
        strings.readNext();
        if (strings.isStartElement() && strings.name() == u"si") {
            inItem = true;
            current.clear();
        } else if (strings.isStartElement() && strings.name() == u"t" && inItem) {
            current += strings.readElementText();
        } else if (strings.isEndElement() && strings.name() == u"si") {
            shared.append(current);
            inItem = false;
        }
    }
    for (const auto &[name, target] : std::as_const(sheets)) {
        sheetOrder->append(name);
        QList<QStringList> rows;
        QXmlStreamReader sheet(unzipPart(path, u"xl/"_s + target, problem));
        QStringList row;
        int rowNumber = 0;
        QString reference;
        QString type;
        while (!sheet.atEnd()) {
            sheet.readNext();
            if (sheet.isStartElement() && sheet.name() == u"row") {
                rowNumber = sheet.attributes().value(u"r"_s).toInt();
                row.clear();
            } else if (sheet.isStartElement() && sheet.name() == u"c") {
                reference = sheet.attributes().value(u"r"_s).toString();
                type = sheet.attributes().value(u"t"_s).toString();
            } else if (sheet.isStartElement() && (sheet.name() == u"v" || sheet.name() == u"t")) {
                const QString value = sheet.readElementText();
                const int column = columnIndex(reference);
                while (row.size() <= column)
                    row.append(QString());
                row[column] = type == u"s" ? shared.value(value.toInt()) : value;
            } else if (sheet.isEndElement() && sheet.name() == u"row") {
                while (rows.size() < rowNumber - 1)
                    rows.append(QStringList()); // empty rows are not written
                rows.append(row);
            }
        }
        if (sheet.hasError())
            *problem = name + u": "_s + sheet.errorString();
        result.insert(name, rows);
    }
    return result;
}

QList<QList<QStringList>> ExportReader::markdownTables(const QString &text, QString *problem)
{
    QList<QList<QStringList>> tables;
    QList<QStringList> table;
    const auto cells = [](const QString &line) {
        QStringList result;
        QString cell;
        for (qsizetype i = 1; i < line.size(); ++i) { // past the leading pipe
            const QChar c = line.at(i);
            if (c == u'\\' && i + 1 < line.size()) {
                cell += line.at(++i);
            } else if (c == u'|') {
                result.append(cell.trimmed());
                cell.clear();
            } else {
                cell += c;
            }
        }
        return result;
    };
    const QStringList lines = text.split(u'\n');
    for (int n = 0; n <= lines.size(); ++n) {
        const QString line = n < lines.size() ? lines.at(n) : QString();
        if (line.startsWith(u'|') && line.endsWith(u'|')) {
            table.append(cells(line));
            continue;
        }
        if (table.isEmpty())
            continue;
        for (int row = 0; row < table.size(); ++row) {
            if (table.at(row).size() != table.first().size())
                *problem = u"line %1: %2 cells where the header has %3"_s.arg(n - table.size() + row + 1)
                               .arg(table.at(row).size())
                               .arg(table.first().size());
        }
        if (table.size() < 2 || !table.at(1).join(QString()).contains(u"---"_s))
            *problem = u"line %1: a table without its --- separator row"_s.arg(n - table.size() + 1);
        tables.append(table);
        table.clear();
    }
    return tables;
}

QString ExportReader::pdfText(const QString &path, int page, bool layout)
{
    QStringList arguments{u"-enc"_s, u"UTF-8"_s};
    if (layout)
        arguments.append(u"-layout"_s);
    if (page > 0)
        arguments += {u"-f"_s, QString::number(page), u"-l"_s, QString::number(page)};
    arguments += {path, u"-"_s};
    return QString::fromUtf8(run(u"pdftotext"_s, arguments).out);
}

int ExportReader::pdfPages(const QString &path)
{
    const QString info = QString::fromUtf8(run(u"pdfinfo"_s, {path}).out);
    const QRegularExpressionMatch match
        = QRegularExpression(u"^Pages:\\s+(\\d+)"_s, QRegularExpression::MultilineOption).match(info);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

QStringList ExportReader::pdfFontsNotEmbedded(const QString &path)
{
    const QStringList lines = QString::fromUtf8(run(u"pdffonts"_s, {path}).out).split(u'\n');
    QStringList missing;
    // name, type, encoding, then "emb sub uni" as yes/no columns
    for (const QString &line : lines.mid(2)) {
        if (line.trimmed().isEmpty())
            continue;
        const QStringList words = line.split(u' ', Qt::SkipEmptyParts);
        const qsizetype emb = words.size() - 5;
        if (emb < 1 || words.at(emb) != u"yes")
            missing.append(line);
    }
    if (lines.size() < 3)
        missing.append(u"pdffonts listed no font"_s);
    return missing;
}

QStringList ExportReader::renderPdf(const QString &path, const QString &folder)
{
    const QString prefix = QDir(folder).filePath(u"page"_s);
    run(u"pdftoppm"_s, {u"-r"_s, u"30"_s, u"-png"_s, path, prefix});
    QDir dir(folder);
    QStringList files = dir.entryList({u"page*.png"_s}, QDir::Files, QDir::Name);
    for (QString &file : files)
        file = dir.filePath(file);
    return files;
}

QString ExportReader::squeeze(const QString &text)
{
    QString result;
    for (const QChar c : text) {
        if (!c.isSpace())
            result += c;
    }
    return result;
}

} // namespace jb::test
