#pragma once

#include "diagrampicture.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <variant>

namespace jb {

// The parts a document is made of. Renderers (Markdown, HTML, PDF, CSV, XLSX) each know how to
// draw every one of them; documents never know about formats.

struct DocHeading
{
    int level = 1; // 1 = a section of the document; the title is not a heading
    QString text;
    QString anchor; // unique in its document, for links and the table of contents
};

struct DocParagraph
{
    QString text;
    bool note = false; // an aside: a muted, smaller paragraph ("none recorded yet")
};

struct DocKeyValues
{
    QList<std::pair<QString, QString>> items;
};

struct DocTable
{
    QString id; // unique in its document: names the CSV file and the XLSX sheet
    QString caption;
    QStringList header;
    QList<QStringList> rows; // each as long as the header
    bool showCaption = true; // false when the heading right above already says it
};

struct DocFigure
{
    QString id;
    QString caption;
    // Built when a renderer draws it (it needs fonts to measure text); a copy of values only.
    std::function<DiagramPicture()> picture;
    QString mermaid; // the same figure as Mermaid text, for Markdown; may be empty
};

struct DocPageBreak
{
};

// Where the table of contents goes; renderers fill it from the document's headings.
struct DocContents
{
    int depth = 2;
};

struct DocCover
{
    QString title;
    QString subtitle;
    QList<std::pair<QString, QString>> facts;
};

using DocBlock = std::variant<DocHeading, DocParagraph, DocKeyValues, DocTable, DocFigure, DocPageBreak,
    DocContents, DocCover>;

} // namespace jb
