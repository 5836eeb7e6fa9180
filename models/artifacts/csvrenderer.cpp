#include "csvrenderer.h"

using namespace Qt::StringLiterals;

namespace jb {

QString CsvRenderer::field(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

QByteArray CsvRenderer::table(const QStringList &header, const QList<QStringList> &rows)
{
    QString out = u"\uFEFF"_s;
    const auto line = [&out](const QStringList &cells) {
        QStringList fields;
        for (const QString &cell : cells)
            fields.append(field(cell));
        out += fields.join(u',') + u"\r\n"_s;
    };
    line(header);
    for (const QStringList &row : rows)
        line(row);
    return out.toUtf8();
}

QList<RenderedFile> CsvRenderer::render(const ArtifactDocument &document)
{
    QList<RenderedFile> files;
    QList<QStringList> facts;
    facts.append({u"Document"_s, document.title()});
    for (const auto &[key, value] : document.stamp().facts())
        facts.append({key, value});
    files.append({document.name() + u"-about.csv"_s, table({u"Field"_s, u"Value"_s}, facts)});
    for (const DocTable &docTable : document.tables())
        files.append(
            {document.name() + u'-' + docTable.id + u".csv"_s, table(docTable.header, docTable.rows)});
    return files;
}

} // namespace jb
