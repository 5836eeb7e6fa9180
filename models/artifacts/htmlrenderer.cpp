#include "htmlrenderer.h"

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QString escaped(const QString &text)
{
    QString result = text.toHtmlEscaped();
    result.replace(u'\n', u"<br/>"_s);
    return result;
}

} // namespace

QString HtmlRenderer::styleSheet()
{
    return uR"(
body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; font-size: 14px; color: #1f2933;
  max-width: 1100px; margin: 0 auto; padding: 24px 32px 48px; line-height: 1.45; }
h1 { font-size: 28px; color: #1e3a5f; margin: 0 0 4px; }
h2 { font-size: 21px; color: #1e3a5f; border-bottom: 1px solid #cbd5e1; padding-bottom: 3px; margin-top: 32px; }
h3 { font-size: 17px; color: #1e3a5f; margin-top: 24px; }
h4, h5, h6 { font-size: 15px; color: #334155; margin-top: 18px; }
.stamp { color: #64748b; font-size: 12px; margin-bottom: 20px; border-bottom: 2px solid #1e3a5f;
  padding-bottom: 8px; }
.note { color: #64748b; font-style: italic; border-left: 3px solid #cbd5e1; padding-left: 10px; }
table { border-collapse: collapse; margin: 6px 0 18px; font-size: 12.5px; width: 100%; }
caption { text-align: left; font-weight: bold; padding: 4px 0; color: #334155; }
th { background: #e2e8f0; text-align: left; vertical-align: bottom; }
th, td { border: 1px solid #cbd5e1; padding: 4px 7px; vertical-align: top; }
tbody tr:nth-child(even) td { background: #f8fafc; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: 3px 16px; margin: 8px 0 16px; }
dl.facts dt { font-weight: bold; color: #334155; }
dl.facts dd { margin: 0; }
figure { margin: 12px 0 20px; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #64748b; font-size: 12px; font-style: italic; margin-top: 4px; }
nav.contents ol { list-style: none; padding-left: 18px; }
nav.contents > ol { padding-left: 0; }
nav.contents a { color: #1e3a5f; text-decoration: none; }
.cover { margin: 60px 0 40px; }
.cover .subtitle { font-size: 22px; color: #334155; margin: 8px 0 28px; }
.page-break { page-break-after: always; break-after: page; }
@media print { body { max-width: none; padding: 0; } h2 { page-break-after: avoid; } }
)"_s;
}

QString HtmlRenderer::inlineSvg(const DocFigure &figure)
{
    if (!figure.picture)
        return {};
    const DiagramPicture picture = figure.picture();
    QString svg = QString::fromUtf8(picture.toSvg(figure.caption));
    // inline SVG starts at its root element: no XML declaration inside an XHTML body
    const qsizetype start = svg.indexOf(u"<svg"_s);
    if (start < 0)
        return {};
    svg = svg.mid(start);
    svg.replace(u"<svg"_s, u"<svg role=\"img\" aria-label=\""_s + figure.caption.toHtmlEscaped() + u"\""_s);
    return svg.trimmed();
}

QByteArray HtmlRenderer::render(const ArtifactDocument &document)
{
    QString out;
    out += u"<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n<head>\n"_s;
    out += u"<meta charset=\"utf-8\"/>\n"_s;
    out += u"<meta name=\"generator\" content=\"JourneyBench "_s + QStringLiteral(JB_VERSION) + u"\"/>\n"_s;
    out += u"<title>"_s + escaped(document.title() + u" — "_s + document.stamp().project) + u"</title>\n"_s;
    out += u"<style>"_s + styleSheet() + u"</style>\n</head>\n<body>\n"_s;
    out += u"<h1>"_s + escaped(document.title()) + u"</h1>\n"_s;
    out += u"<p class=\"stamp\">"_s + escaped(document.stamp().line()) + u"</p>\n"_s;
    for (const DocBlock &block : document.blocks()) {
        if (const auto *heading = std::get_if<DocHeading>(&block)) {
            const int level = std::clamp(heading->level + 1, 2, 6);
            out += u"<h%1 id=\"%2\">%3</h%1>\n"_s.arg(level).arg(heading->anchor, escaped(heading->text));
        } else if (const auto *text = std::get_if<DocParagraph>(&block)) {
            out += (text->note ? u"<p class=\"note\">"_s : u"<p>"_s) + escaped(text->text) + u"</p>\n"_s;
        } else if (const auto *list = std::get_if<DocKeyValues>(&block)) {
            out += u"<dl class=\"facts\">\n"_s;
            for (const auto &[key, value] : list->items)
                out += u"<dt>"_s + escaped(key) + u"</dt><dd>"_s + escaped(value) + u"</dd>\n"_s;
            out += u"</dl>\n"_s;
        } else if (const auto *table = std::get_if<DocTable>(&block)) {
            out += u"<table id=\"%1\">\n"_s.arg(table->id);
            if (table->showCaption)
                out += u"<caption>"_s + escaped(table->caption) + u"</caption>\n"_s;
            out += u"<thead><tr>"_s;
            for (const QString &cell : table->header)
                out += u"<th>"_s + escaped(cell) + u"</th>"_s;
            out += u"</tr></thead>\n<tbody>\n"_s;
            for (const QStringList &row : table->rows) {
                out += u"<tr>"_s;
                for (const QString &cell : row)
                    out += u"<td>"_s + escaped(cell) + u"</td>"_s;
                out += u"</tr>\n"_s;
            }
            out += u"</tbody>\n</table>\n"_s;
        } else if (const auto *figure = std::get_if<DocFigure>(&block)) {
            out += u"<figure id=\"%1\">\n"_s.arg(figure->id) + inlineSvg(*figure) + u"\n<figcaption>"_s
                + escaped(u"Figure: "_s + figure->caption) + u"</figcaption>\n</figure>\n"_s;
        } else if (const auto *contents = std::get_if<DocContents>(&block)) {
            out += u"<nav class=\"contents\">\n<h2>Contents</h2>\n<ol>\n"_s;
            int depth = 1;
            bool first = true;
            for (const DocHeading &entry : document.headings()) {
                if (entry.level > contents->depth)
                    continue;
                // nested lists: open one level down, close back up; items close before siblings
                while (depth < entry.level) {
                    out += u"\n<ol>\n"_s;
                    ++depth;
                    first = true;
                }
                while (depth > entry.level) {
                    out += u"</li>\n</ol>\n"_s;
                    --depth;
                }
                if (!first)
                    out += u"</li>\n"_s;
                out += u"<li><a href=\"#%1\">%2</a>"_s.arg(entry.anchor, escaped(entry.text));
                first = false;
            }
            if (!first)
                out += u"</li>\n"_s;
            while (depth > 1) {
                out += u"</ol>\n</li>\n"_s;
                --depth;
            }
            out += u"</ol>\n</nav>\n"_s;
        } else if (const auto *cover = std::get_if<DocCover>(&block)) {
            out += u"<section class=\"cover\">\n<p class=\"subtitle\">"_s + escaped(cover->subtitle)
                + u"</p>\n"_s;
            out += u"<dl class=\"facts\">\n"_s;
            for (const auto &[key, value] : cover->facts)
                out += u"<dt>"_s + escaped(key) + u"</dt><dd>"_s + escaped(value) + u"</dd>\n"_s;
            out += u"</dl>\n</section>\n"_s;
        } else if (std::holds_alternative<DocPageBreak>(block)) {
            out += u"<div class=\"page-break\"></div>\n"_s;
        }
    }
    out += u"</body>\n</html>\n"_s;
    return out.toUtf8();
}

} // namespace jb
