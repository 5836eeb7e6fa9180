#include "deparacsv.h"

using namespace Qt::StringLiterals;

namespace jb {

QStringList DeParaCsv::header()
{
    return {u"System A field"_s, u"Type"_s, u"Rule"_s, u"System B field"_s, u"Type"_s, u"Required"_s,
        u"Example in"_s, u"Example out"_s};
}

QString DeParaCsv::field(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u';') && !text.contains(u'"') && !text.contains(u'\n')
        && !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

QByteArray DeParaCsv::write(const MappingTable &table)
{
    // UTF-8 with a BOM and CRLF, as spreadsheets open it without asking
    QString out = u"\uFEFF"_s;
    const auto line = [&out](const QStringList &cells) {
        QStringList fields;
        for (const QString &cell : cells)
            fields.append(field(cell));
        out += fields.join(u',') + u"\r\n"_s;
    };
    line(header());
    for (const MappingRow &row : table.rows)
        line({row.sourceField, row.sourceType, row.rule, row.targetField, row.targetType,
            row.required ? u"yes"_s : u"no"_s, row.exampleIn, row.exampleOut});
    return out.toUtf8();
}

QList<QStringList> DeParaCsv::parse(const QString &text, QChar delimiter)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == u'"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == delimiter) {
            record.append(field);
            field.clear();
            fieldStarted = false;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            fieldStarted = false;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (fieldStarted || !record.isEmpty() || !field.isEmpty()) {
        record.append(field);
        records.append(record);
    }
    return records;
}

Result<QList<MappingRule>> DeParaCsv::read(const QByteArray &csv)
{
    using Rules = Result<QList<MappingRule>>;
    QString text = QString::fromUtf8(csv);
    if (text.startsWith(u'\uFEFF'))
        text.remove(0, 1);
    const QString firstLine = text.section(u'\n', 0, 0);
    const QChar delimiter = firstLine.count(u';') > firstLine.count(u',') ? u';' : u',';
    const QList<QStringList> records = parse(text, delimiter);
    const QStringList expected = header();
    if (records.isEmpty())
        return Rules::failure(Error::Code::Parse, u"the CSV is empty"_s);
    QStringList header = records.constFirst();
    for (QString &cell : header)
        cell = cell.trimmed();
    if (header.size() < 4 || header.at(0).compare(expected.at(0), Qt::CaseInsensitive) != 0
        || header.at(2).compare(expected.at(2), Qt::CaseInsensitive) != 0
        || header.at(3).compare(expected.at(3), Qt::CaseInsensitive) != 0)
        return Rules::failure(Error::Code::Parse,
            u"not a De-Para sheet: the first row should read %1"_s.arg(expected.join(u", "_s)));
    QList<MappingRule> rules;
    for (qsizetype i = 1; i < records.size(); ++i) {
        const QStringList &cells = records.at(i);
        MappingRule rule;
        rule.source = cells.value(0).trimmed();
        rule.target = cells.value(3).trimmed();
        if (rule.target.isEmpty()) {
            if (!cells.join(QString()).trimmed().isEmpty() && !rule.source.isEmpty())
                return Rules::failure(
                    Error::Code::Parse, u"row %1: no system B field for %2"_s.arg(i + 1).arg(rule.source));
            continue;
        }
        Result<QList<TransformSpec>> chain = TransformSpec::parseChain(cells.value(2));
        if (!chain)
            return Rules::failure(Error::Code::Parse, u"row %1: %2"_s.arg(i + 1).arg(chain.errorString()));
        rule.transforms = std::move(chain).value();
        rules.append(rule);
    }
    return rules;
}

} // namespace jb
