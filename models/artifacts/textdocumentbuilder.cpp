#include "textdocumentbuilder.h"

#include "figuretextobject.h"

#include <QAbstractTextDocumentLayout>
#include <QRegularExpression>
#include <QSet>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>

#include <numeric>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QTextCharFormat text(double points, bool bold, const QColor &color, bool italic = false)
{
    QTextCharFormat format;
    format.setFontFamilies({u"DejaVu Sans"_s});
    format.setFontPointSize(points);
    format.setFontWeight(bold ? QFont::Bold : QFont::Normal);
    format.setFontItalic(italic);
    format.setForeground(color);
    // any letter spacing turns ligatures off: text copied out of the PDF reads "flows", not "ﬂows"
    format.setFontLetterSpacingType(QFont::AbsoluteSpacing);
    format.setFontLetterSpacing(0.05); // QFont keeps 1/64 px: 0.01 would round to none
    return format;
}

// Column widths in percent. Every column gets room for its longest word (a word broken across
// lines is unreadable), then the space left goes to the columns whose lines are longer.
QList<double> columnWidths(const DocTable &table, double points)
{
    const double charWidth = 0.6 * points; // DejaVu Sans, on average
    const double available = 482.0 / charWidth; // an A4 text width, in characters
    const double padding = 8.0 / charWidth;
    const auto longestWord = [](const QString &text, double scale) {
        double longest = 0;
        for (const QString &word : text.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts))
            longest = std::max(longest, double(word.size()) * scale);
        return std::min(longest, 24.0);
    };
    QList<double> minimum;
    QList<double> preferred;
    for (int column = 0; column < table.header.size(); ++column) {
        double word = longestWord(table.header.at(column), 1.1); // headers are bold
        double line = table.header.at(column).size() * 1.1;
        for (const QStringList &row : table.rows) {
            word = std::max(word, longestWord(row.value(column), 1.0));
            for (const QString &part : row.value(column).split(u'\n'))
                line = std::max(line, double(part.size()));
        }
        minimum.append(std::max(word, 2.0) + padding);
        preferred.append(std::min(std::max(line, word), 60.0) + padding);
    }
    const double sumMinimum = std::accumulate(minimum.cbegin(), minimum.cend(), 0.0);
    const double sumPreferred = std::accumulate(preferred.cbegin(), preferred.cend(), 0.0);
    QList<double> widths = minimum;
    if (sumPreferred <= available) {
        widths = preferred;
    } else if (sumMinimum < available) {
        const double extra = available - sumMinimum;
        for (int column = 0; column < widths.size(); ++column)
            widths[column]
                += extra * (preferred.at(column) - minimum.at(column)) / (sumPreferred - sumMinimum);
    }
    const double total = std::accumulate(widths.cbegin(), widths.cend(), 0.0);
    for (double &width : widths)
        width = 100.0 * width / total;
    return widths;
}

class Writer final
{
public:
    Writer(QTextDocument *document, TextDocumentBuilder::Target target, const DocumentColors &colors)
        : m_cursor(document)
        , m_print(target == TextDocumentBuilder::Target::Print)
        , m_colors(colors)
    { }

    // Body text in the document's ink unless told otherwise.
    QTextCharFormat text(
        double points, bool bold = false, const QColor &color = {}, bool italic = false) const
    {
        return jb::text(points, bold, color.isValid() ? color : m_colors.ink, italic);
    }

    // Starts a new block (the document's first block is used as it is).
    void block(QTextBlockFormat format) { block(format, text(9.5)); }
    void block(QTextBlockFormat format, const QTextCharFormat &chars)
    {
        if (m_pendingBreak) {
            format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
            m_pendingBreak = false;
        }
        if (m_first) {
            m_cursor.setBlockFormat(format);
            m_cursor.setBlockCharFormat(chars);
            m_cursor.setCharFormat(chars);
            m_first = false;
        } else {
            m_cursor.insertBlock(format, chars);
        }
    }

    void paragraph(const QString &content, const QTextCharFormat &chars, QTextBlockFormat format = {})
    {
        if (format.bottomMargin() == 0)
            format.setBottomMargin(6);
        block(format, chars);
        m_cursor.insertText(content, chars);
    }

    void title(const ArtifactDocument &artifact)
    {
        QTextBlockFormat format;
        format.setBottomMargin(2);
        paragraph(artifact.title(), text(m_print ? 20 : 18, true, m_colors.heading), format);
        QTextBlockFormat stampFormat;
        stampFormat.setBottomMargin(14);
        stampFormat.setProperty(
            QTextFormat::BlockTrailingHorizontalRulerWidth, QTextLength(QTextLength::PercentageLength, 100));
        paragraph(artifact.stamp().line(), text(8, false, m_colors.muted), stampFormat);
    }

    void heading(const DocHeading &heading)
    {
        const int level = std::clamp(heading.level, 1, 4);
        static const double sizes[] = {15, 12.5, 11, 10};
        QTextBlockFormat format;
        format.setHeadingLevel(level + 1);
        format.setTopMargin(level == 1 ? 16 : 11);
        format.setBottomMargin(5);
        format.setProperty(TextDocumentBuilder::keepWithNextProperty, true);
        QTextCharFormat chars = text(sizes[level - 1], true, m_colors.heading);
        block(format, chars);
        QTextCharFormat anchored = chars;
        anchored.setAnchor(true);
        anchored.setAnchorNames({heading.anchor});
        m_cursor.insertText(heading.text, anchored);
        m_cursor.setCharFormat(chars);
    }

    void keyValues(const DocKeyValues &list)
    {
        QTextTableFormat format;
        format.setBorder(0);
        format.setCellPadding(2);
        format.setCellSpacing(0);
        format.setBottomMargin(8);
        format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        format.setColumnWidthConstraints(
            {QTextLength(QTextLength::PercentageLength, 30), QTextLength(QTextLength::PercentageLength, 70)});
        block(QTextBlockFormat(), text(8.5));
        QTextTable *table = m_cursor.insertTable(int(list.items.size()), 2, format);
        for (int row = 0; row < list.items.size(); ++row) {
            table->cellAt(row, 0).firstCursorPosition().insertText(
                list.items.at(row).first, text(8.5, true, m_colors.muted));
            table->cellAt(row, 1).firstCursorPosition().insertText(list.items.at(row).second, text(8.5));
        }
        m_cursor.movePosition(QTextCursor::End);
    }

    void table(const DocTable &table)
    {
        if (table.showCaption) {
            QTextBlockFormat captionFormat;
            captionFormat.setTopMargin(4);
            captionFormat.setBottomMargin(3);
            captionFormat.setProperty(TextDocumentBuilder::keepWithNextProperty, true);
            paragraph(table.caption, text(9, true, m_colors.heading), captionFormat);
        }

        const int columns = int(table.header.size());
        const double size = columns > 6 ? 7.5 : 8.5;
        QList<QTextLength> widths;
        for (double width : columnWidths(table, size))
            widths.append(QTextLength(QTextLength::PercentageLength, width));

        QTextTableFormat format;
        format.setHeaderRowCount(1);
        format.setBorderCollapse(true);
        format.setBorder(0.6);
        format.setBorderBrush(m_colors.rule);
        format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        format.setCellPadding(3);
        format.setCellSpacing(0);
        format.setBottomMargin(10);
        format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        format.setColumnWidthConstraints(widths);
        QTextTable *grid = m_cursor.insertTable(int(table.rows.size()) + 1, columns, format);
        for (int column = 0; column < columns; ++column) {
            QTextTableCell cell = grid->cellAt(0, column);
            QTextTableCellFormat cellFormat = cell.format().toTableCellFormat();
            cellFormat.setBackground(m_colors.headerFill);
            cell.setFormat(cellFormat);
            cell.firstCursorPosition().insertText(table.header.at(column), text(size, true));
        }
        for (int row = 0; row < table.rows.size(); ++row) {
            for (int column = 0; column < columns; ++column) {
                QTextTableCell cell = grid->cellAt(row + 1, column);
                if (row % 2 == 1) {
                    QTextTableCellFormat cellFormat = cell.format().toTableCellFormat();
                    cellFormat.setBackground(m_colors.stripe);
                    cell.setFormat(cellFormat);
                }
                cell.firstCursorPosition().insertText(table.rows.at(row).value(column), text(size));
            }
        }
        m_cursor.movePosition(QTextCursor::End);
    }

    void figure(const DocFigure &figure, FigureTextObject *objects)
    {
        QTextBlockFormat format;
        format.setAlignment(Qt::AlignHCenter);
        format.setTopMargin(6);
        format.setBottomMargin(2);
        format.setNonBreakableLines(true);
        block(format);
        if (figure.picture)
            m_cursor.insertText(QString(QChar::ObjectReplacementCharacter), objects->add(figure.picture()));
        QTextBlockFormat captionFormat;
        captionFormat.setAlignment(Qt::AlignHCenter);
        captionFormat.setBottomMargin(10);
        paragraph(u"Figure: "_s + figure.caption, text(8, false, m_colors.muted, true), captionFormat);
    }

    void contents(const ArtifactDocument &artifact, const DocContents &contents)
    {
        QTextBlockFormat format;
        format.setTopMargin(8);
        format.setBottomMargin(8);
        paragraph(u"Contents"_s, text(15, true, m_colors.heading), format);
        QList<DocHeading> entries;
        for (const DocHeading &heading : artifact.headings()) {
            if (heading.level <= contents.depth)
                entries.append(heading);
        }
        if (!m_print) {
            for (const DocHeading &heading : std::as_const(entries)) {
                QTextBlockFormat entry;
                entry.setIndent(heading.level - 1);
                entry.setBottomMargin(1);
                QTextCharFormat link
                    = text(heading.level == 1 ? 9.5 : 9, heading.level == 1, m_colors.heading);
                link.setAnchor(true);
                link.setAnchorHref(u'#' + heading.anchor);
                block(entry, link);
                m_cursor.insertText(heading.text, link);
            }
            return;
        }
        QTextTableFormat tableFormat;
        tableFormat.setBorder(0);
        tableFormat.setCellPadding(2);
        tableFormat.setCellSpacing(0);
        tableFormat.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        tableFormat.setColumnWidthConstraints(
            {QTextLength(QTextLength::PercentageLength, 90), QTextLength(QTextLength::PercentageLength, 10)});
        block(QTextBlockFormat());
        QTextTable *table = m_cursor.insertTable(int(entries.size()), 2, tableFormat);
        for (int row = 0; row < entries.size(); ++row) {
            const DocHeading &heading = entries.at(row);
            const bool top = heading.level == 1;
            QTextCursor title = table->cellAt(row, 0).firstCursorPosition();
            QTextBlockFormat titleFormat;
            titleFormat.setLeftMargin(top ? 0 : 14);
            titleFormat.setTopMargin(top ? 4 : 0);
            title.setBlockFormat(titleFormat);
            title.insertText(heading.text, text(top ? 10 : 9, top));
            QTextCursor page = table->cellAt(row, 1).firstCursorPosition();
            QTextBlockFormat pageFormat;
            pageFormat.setAlignment(Qt::AlignRight);
            pageFormat.setTopMargin(top ? 4 : 0);
            pageFormat.setProperty(TextDocumentBuilder::contentsAnchorProperty, heading.anchor);
            page.setBlockFormat(pageFormat);
            page.setCharFormat(text(top ? 10 : 9, top));
        }
        m_cursor.movePosition(QTextCursor::End);
    }

    void cover(const DocCover &cover)
    {
        if (m_print) {
            // Qt drops a block's top margin at the top of a page: an empty block of fixed height
            // moves the title down the cover instead
            QTextBlockFormat spacer;
            spacer.setLineHeight(200, QTextBlockFormat::FixedHeight);
            block(spacer, text(9.5));
        }
        QTextBlockFormat format;
        format.setTopMargin(m_print ? 0 : 20);
        format.setBottomMargin(6);
        paragraph(cover.title, text(m_print ? 28 : 20, true, m_colors.heading), format);
        QTextBlockFormat subtitle;
        subtitle.setBottomMargin(m_print ? 40 : 16);
        subtitle.setProperty(
            QTextFormat::BlockTrailingHorizontalRulerWidth, QTextLength(QTextLength::PercentageLength, 100));
        paragraph(cover.subtitle, text(m_print ? 16 : 13, false, m_colors.ink), subtitle);
        keyValues(DocKeyValues{cover.facts});
        pageBreak();
    }

    void pageBreak()
    {
        if (m_print) {
            m_pendingBreak = true;
            return;
        }
        QTextBlockFormat format;
        format.setProperty(
            QTextFormat::BlockTrailingHorizontalRulerWidth, QTextLength(QTextLength::PercentageLength, 100));
        format.setBottomMargin(8);
        block(format);
    }

private:
    QTextCursor m_cursor;
    bool m_print;
    DocumentColors m_colors;
    bool m_first = true;
    bool m_pendingBreak = false;
};

} // namespace

void TextDocumentBuilder::build(const ArtifactDocument &artifact, QTextDocument *document, Target target)
{
    build(artifact, document, target, DocumentColors::print());
}

void TextDocumentBuilder::build(
    const ArtifactDocument &artifact, QTextDocument *document, Target target, const DocumentColors &colors)
{
    if (colors.figurePaper.isValid())
        document->setProperty(FigureTextObject::paperProperty, colors.figurePaper);
    document->setDefaultFont(QFont(u"DejaVu Sans"_s, 9));
    document->setMetaInformation(QTextDocument::DocumentTitle, artifact.title());
    FigureTextObject *objects = FigureTextObject::install(document);
    Writer writer(document, target, colors);
    const bool hasCover
        = !artifact.blocks().isEmpty() && std::holds_alternative<DocCover>(artifact.blocks().first());
    if (!hasCover)
        writer.title(artifact);
    const QList<DocBlock> &blocks = artifact.blocks();
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        const DocBlock &block = blocks.at(i);
        if (const auto *heading = std::get_if<DocHeading>(&block)) {
            writer.heading(*heading);
        } else if (const auto *paragraph = std::get_if<DocParagraph>(&block)) {
            // a paragraph that introduces a figure stays on the figure's page
            QTextBlockFormat format;
            if (i + 1 < blocks.size() && std::holds_alternative<DocFigure>(blocks.at(i + 1)))
                format.setProperty(keepWithNextProperty, true);
            writer.paragraph(paragraph->text,
                paragraph->note ? writer.text(8.5, false, colors.muted, true) : writer.text(9.5), format);
        } else if (const auto *list = std::get_if<DocKeyValues>(&block)) {
            writer.keyValues(*list);
        } else if (const auto *table = std::get_if<DocTable>(&block)) {
            writer.table(*table);
        } else if (const auto *figure = std::get_if<DocFigure>(&block)) {
            writer.figure(*figure, objects);
        } else if (const auto *contents = std::get_if<DocContents>(&block)) {
            writer.contents(artifact, *contents);
        } else if (const auto *cover = std::get_if<DocCover>(&block)) {
            writer.cover(*cover);
        } else if (std::holds_alternative<DocPageBreak>(block)) {
            writer.pageBreak();
        }
    }
}

void TextDocumentBuilder::paginate(QTextDocument *document)
{
    const double pageHeight = document->pageSize().height();
    if (pageHeight <= 0)
        return;
    QAbstractTextDocumentLayout *layout = document->documentLayout();
    const QPaintDevice *device = layout->paintDevice();
    const double dpi = device ? device->logicalDpiY() : 96.0;
    // a heading or caption needs about this much of what follows it on the same page
    const double needed = 80.0 * dpi / 72.0;

    // One move at a time, each measured on a fresh layout of the whole document: after a format
    // change Qt's incremental relayout leaves later blocks at stale places (and sometimes undrawn).
    QSet<int> moved;
    for (int round = 0; round < 200; ++round) {
        document->markContentsDirty(0, document->characterCount());
        document->pageCount(); // lays out everything
        QTextBlock found;
        for (QTextBlock block = document->begin(); block.isValid() && !found.isValid();
             block = block.next()) {
            if (!block.blockFormat().property(keepWithNextProperty).toBool()
                || moved.contains(block.blockNumber()))
                continue;
            const QRectF rect = layout->blockBoundingRect(block);
            const double pageTop = std::floor(rect.top() / pageHeight) * pageHeight;
            const double left = pageTop + pageHeight - rect.bottom();
            // a figure right below goes with its heading, if it fits on a page at all
            double wanted = needed;
            QTextBlock next = block.next();
            // a heading right above another (a chapter and its first section) takes it along
            for (; next.isValid() && next.blockFormat().property(keepWithNextProperty).toBool();
                 next = next.next())
                wanted += layout->blockBoundingRect(next).height();
            if (next.isValid() && next.text().contains(QChar::ObjectReplacementCharacter))
                // (its margins and the heading's come on top of its own height)
                wanted = std::max(wanted,
                    std::min(layout->blockBoundingRect(next).height() + needed / 2, 0.8 * pageHeight));
            if (left < wanted && rect.top() - pageTop >= 1)
                found = block;
        }
        if (!found.isValid())
            break;
        moved.insert(found.blockNumber());
        QTextCursor cursor(found);
        QTextBlockFormat format = found.blockFormat();
        format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        cursor.setBlockFormat(format);
    }
    document->markContentsDirty(0, document->characterCount());

    QHash<QString, int> pages;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().headingLevel() == 0)
            continue;
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QStringList names = it.fragment().charFormat().anchorNames();
            if (names.isEmpty())
                continue;
            const int page = int(layout->blockBoundingRect(block).top() / pageHeight) + 1;
            for (const QString &name : names)
                pages.insert(name, page);
        }
    }
    QList<QTextCursor> cells;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().hasProperty(contentsAnchorProperty))
            cells.append(QTextCursor(block));
    }
    for (QTextCursor &cell : cells) {
        const QString anchor = cell.blockFormat().property(contentsAnchorProperty).toString();
        if (pages.contains(anchor))
            cell.insertText(QString::number(pages.value(anchor)), cell.charFormat());
    }
    if (!cells.isEmpty())
        document->markContentsDirty(0, document->characterCount());
}

} // namespace jb
