#include "markdownrenderer.h"

using namespace Qt::StringLiterals;

namespace jb {

QString MarkdownRenderer::escape(const QString &text, bool inTable)
{
    QString result;
    result.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\\' || c == u'*' || c == u'_' || c == u'`' || c == u'[' || c == u']'
            || (inTable && c == u'|'))
            result += u'\\';
        if (c == u'<')
            result += u"&lt;"_s;
        else if (c == u'>')
            result += u"&gt;"_s;
        else if (c == u'\n')
            result += inTable ? u"<br>"_s : u"  \n"_s;
        else if (c != u'\r')
            result += c;
    }
    // a line starting with '#', '-', '+' or a number and '.' would become a heading or a list
    if (!inTable && !result.isEmpty()
        && (result.at(0) == u'#' || result.at(0) == u'-' || result.at(0) == u'+'))
        result.prepend(u'\\');
    return result;
}

QByteArray MarkdownRenderer::render(const ArtifactDocument &document)
{
    QString out;
    const auto paragraph = [&out](const QString &text) { out += text + u"\n\n"_s; };
    paragraph(u"# "_s + escape(document.title()));
    paragraph(u"_"_s + escape(document.stamp().line()) + u'_');
    for (const DocBlock &block : document.blocks()) {
        if (const auto *heading = std::get_if<DocHeading>(&block)) {
            paragraph(QString(std::clamp(heading->level + 1, 2, 6), u'#') + u' ' + escape(heading->text)
                + u" <a id=\""_s + heading->anchor + u"\"></a>"_s);
        } else if (const auto *text = std::get_if<DocParagraph>(&block)) {
            paragraph((text->note ? u"> "_s : QString()) + escape(text->text));
        } else if (const auto *list = std::get_if<DocKeyValues>(&block)) {
            for (const auto &[key, value] : list->items)
                out += u"- **"_s + escape(key) + u":** "_s + escape(value, true) + u'\n';
            out += u'\n';
        } else if (const auto *table = std::get_if<DocTable>(&block)) {
            if (table->showCaption)
                paragraph(u"**"_s + escape(table->caption) + u"**"_s);
            const auto row = [](const QStringList &cells) -> QString {
                QString line = u"|"_s;
                for (const QString &cell : cells)
                    line += u' ' + escape(cell, true) + u" |"_s;
                return line + u'\n';
            };
            out += row(table->header);
            out += u"|"_s + QString(u" --- |"_s).repeated(table->header.size()) + u'\n';
            for (const QStringList &cells : table->rows)
                out += row(cells);
            out += u'\n';
        } else if (const auto *figure = std::get_if<DocFigure>(&block)) {
            if (!figure->mermaid.isEmpty())
                paragraph(u"```mermaid\n"_s + figure->mermaid + u"```"_s);
            paragraph(u"_Figure: "_s + escape(figure->caption)
                + (figure->mermaid.isEmpty() ? u" (drawn in the HTML and PDF versions)"_s : QString())
                + u'_');
        } else if (const auto *contents = std::get_if<DocContents>(&block)) {
            paragraph(u"## Contents"_s);
            for (const DocHeading &entry : document.headings()) {
                if (entry.level > contents->depth)
                    continue;
                out += QString(2 * (entry.level - 1), u' ') + u"- ["_s + escape(entry.text) + u"](#"_s
                    + entry.anchor + u")\n"_s;
            }
            out += u'\n';
        } else if (const auto *cover = std::get_if<DocCover>(&block)) {
            paragraph(u"**"_s + escape(cover->subtitle) + u"**"_s);
            for (const auto &[key, value] : cover->facts)
                out += u"- "_s + escape(key) + u": "_s + escape(value, true) + u'\n';
            out += u'\n';
        } else if (std::holds_alternative<DocPageBreak>(block)) {
            paragraph(u"---"_s);
        }
    }
    while (out.endsWith(u"\n\n"_s))
        out.chop(1);
    return out.toUtf8();
}

} // namespace jb
