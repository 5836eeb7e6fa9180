#include "artifactdocument.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace jb {

ArtifactDocument::ArtifactDocument(QString name, QString title, ArtifactStamp stamp)
    : m_name(std::move(name))
    , m_title(std::move(title))
    , m_stamp(std::move(stamp))
    , m_ids{u"about"_s} // the CSV export's side file of facts
{ }

QString ArtifactDocument::redactedMark()
{
    return u"[redacted]"_s;
}

QString ArtifactDocument::uniqueId(const QString &base, const QString &fallback)
{
    static const QRegularExpression nonWord(u"[^a-z0-9]+"_s);
    QString id = base.toLower();
    // fold accents so that "São Paulo" names a file "sao-paulo"
    id = id.normalized(QString::NormalizationForm_D);
    id.remove(QRegularExpression(u"[\\x{0300}-\\x{036f}]"_s));
    id.replace(nonWord, u"-"_s);
    id = id.mid(0, 40);
    while (id.startsWith(u'-'))
        id.remove(0, 1);
    while (id.endsWith(u'-'))
        id.chop(1);
    if (id.isEmpty())
        id = fallback;
    QString candidate = id;
    for (int n = 2; m_ids.contains(candidate); ++n)
        candidate = id + u'-' + QString::number(n);
    m_ids.append(candidate);
    return candidate;
}

void ArtifactDocument::addHeading(int level, const QString &text)
{
    m_blocks.append(DocHeading{level, text, u"s%1"_s.arg(++m_anchorCount)});
}

void ArtifactDocument::addParagraph(const QString &text)
{
    m_blocks.append(DocParagraph{text, false});
}

void ArtifactDocument::addNote(const QString &text)
{
    m_blocks.append(DocParagraph{text, true});
}

void ArtifactDocument::addKeyValues(const QList<std::pair<QString, QString>> &items)
{
    DocKeyValues list;
    for (const auto &[key, value] : items) {
        if (!value.trimmed().isEmpty())
            list.items.append({key, value});
    }
    if (!list.items.isEmpty())
        m_blocks.append(list);
}

void ArtifactDocument::addTable(const QString &caption, const QStringList &header, QList<QStringList> rows)
{
    for (QStringList &row : rows) {
        while (row.size() < header.size())
            row.append(QString());
        row = row.mid(0, header.size());
    }
    const auto *heading = m_blocks.isEmpty() ? nullptr : std::get_if<DocHeading>(&m_blocks.last());
    const bool repeated = heading && heading->text == caption;
    m_blocks.append(DocTable{uniqueId(caption, u"table"_s), caption, header, rows, !repeated});
}

void ArtifactDocument::addCompactTable(
    const QString &caption, const QStringList &header, QList<QStringList> rows)
{
    QList<int> kept;
    for (int column = 0; column < header.size(); ++column) {
        const bool used = std::any_of(rows.cbegin(), rows.cend(),
            [column](const QStringList &row) { return !row.value(column).trimmed().isEmpty(); });
        if (used || column == 0)
            kept.append(column);
    }
    QStringList keptHeader;
    for (int column : kept)
        keptHeader.append(header.at(column));
    QList<QStringList> keptRows;
    for (const QStringList &row : rows) {
        QStringList cells;
        for (int column : kept)
            cells.append(row.value(column));
        keptRows.append(cells);
    }
    addTable(caption, keptHeader, keptRows);
}

void ArtifactDocument::addFigure(
    const QString &caption, std::function<DiagramPicture()> picture, const QString &mermaid)
{
    m_blocks.append(
        DocFigure{uniqueId(u"figure "_s + caption, u"figure"_s), caption, std::move(picture), mermaid});
}

void ArtifactDocument::addPageBreak()
{
    m_blocks.append(DocPageBreak{});
}

void ArtifactDocument::addContents(int depth)
{
    m_blocks.append(DocContents{depth});
}

void ArtifactDocument::addCover(const DocCover &cover)
{
    m_blocks.append(cover);
}

QList<DocTable> ArtifactDocument::tables() const
{
    QList<DocTable> result;
    for (const DocBlock &block : m_blocks) {
        if (const auto *table = std::get_if<DocTable>(&block))
            result.append(*table);
    }
    return result;
}

QList<DocHeading> ArtifactDocument::headings() const
{
    QList<DocHeading> result;
    for (const DocBlock &block : m_blocks) {
        if (const auto *heading = std::get_if<DocHeading>(&block))
            result.append(*heading);
    }
    return result;
}

QList<DocFigure> ArtifactDocument::figures() const
{
    QList<DocFigure> result;
    for (const DocBlock &block : m_blocks) {
        if (const auto *figure = std::get_if<DocFigure>(&block))
            result.append(*figure);
    }
    return result;
}

void ArtifactDocument::numberHeadings()
{
    int first = 0;
    int second = 0;
    for (DocBlock &block : m_blocks) {
        auto *heading = std::get_if<DocHeading>(&block);
        if (!heading)
            continue;
        if (heading->level == 1) {
            second = 0;
            heading->text = QString::number(++first) + u"  "_s + heading->text;
        } else if (heading->level == 2 && first > 0) {
            heading->text = u"%1.%2  "_s.arg(first).arg(++second) + heading->text;
        }
    }
}

void ArtifactDocument::redact(const QStringList &values)
{
    QStringList secrets;
    for (const QString &value : values) {
        // a one- or two-letter value would blank ordinary words; such a secret is no secret anyway
        if (value.size() >= 3)
            secrets.append(value);
    }
    if (secrets.isEmpty())
        return;
    const QString mark = redactedMark();
    auto scrub = [&](QString &text) {
        for (const QString &secret : std::as_const(secrets))
            text.replace(secret, mark);
    };
    auto scrubPairs = [&](QList<std::pair<QString, QString>> &pairs) {
        for (auto &[key, value] : pairs) {
            scrub(key);
            scrub(value);
        }
    };
    scrub(m_title);
    for (DocBlock &block : m_blocks) {
        if (auto *heading = std::get_if<DocHeading>(&block)) {
            scrub(heading->text);
        } else if (auto *paragraph = std::get_if<DocParagraph>(&block)) {
            scrub(paragraph->text);
        } else if (auto *list = std::get_if<DocKeyValues>(&block)) {
            scrubPairs(list->items);
        } else if (auto *table = std::get_if<DocTable>(&block)) {
            scrub(table->caption);
            for (QString &cell : table->header)
                scrub(cell);
            for (QStringList &row : table->rows) {
                for (QString &cell : row)
                    scrub(cell);
            }
        } else if (auto *figure = std::get_if<DocFigure>(&block)) {
            scrub(figure->caption);
            scrub(figure->mermaid);
            if (figure->picture) {
                figure->picture = [inner = figure->picture, secrets, mark] {
                    DiagramPicture picture = inner();
                    picture.redact(secrets, mark);
                    return picture;
                };
            }
        } else if (auto *cover = std::get_if<DocCover>(&block)) {
            scrub(cover->title);
            scrub(cover->subtitle);
            scrubPairs(cover->facts);
        }
    }
}

QString ArtifactDocument::plainText() const
{
    QStringList parts{m_title, m_stamp.line()};
    for (const DocBlock &block : m_blocks) {
        if (const auto *heading = std::get_if<DocHeading>(&block)) {
            parts.append(heading->text);
        } else if (const auto *paragraph = std::get_if<DocParagraph>(&block)) {
            parts.append(paragraph->text);
        } else if (const auto *list = std::get_if<DocKeyValues>(&block)) {
            for (const auto &[key, value] : list->items)
                parts.append(key + u": "_s + value);
        } else if (const auto *table = std::get_if<DocTable>(&block)) {
            parts.append(table->caption);
            parts.append(table->header.join(u" | "_s));
            for (const QStringList &row : table->rows)
                parts.append(row.join(u" | "_s));
        } else if (const auto *figure = std::get_if<DocFigure>(&block)) {
            parts.append(figure->caption);
            parts.append(figure->mermaid);
        } else if (const auto *cover = std::get_if<DocCover>(&block)) {
            parts.append(cover->title);
            parts.append(cover->subtitle);
            for (const auto &[key, value] : cover->facts)
                parts.append(key + u": "_s + value);
        }
    }
    return parts.join(u'\n');
}

} // namespace jb
