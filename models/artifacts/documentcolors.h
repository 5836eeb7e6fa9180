#pragma once

#include <QColor>

namespace jb {

// The colours a laid-out artifact document is drawn in. Print keeps the document's own light
// colours (what the PDF and every exported file show); the GUI's preview passes colours taken from
// its palette, so that a dark theme previews light text on a dark page.
struct DocumentColors
{
    QColor ink; // body text
    QColor heading; // titles, headings, captions, the contents' links
    QColor muted; // the stamp, notes, figure captions, key names
    QColor rule; // table borders
    QColor headerFill; // a table's header row
    QColor stripe; // every other table row
    QColor figurePaper; // drawn behind a diagram (whose own colours are for paper); none for print

    static DocumentColors print();
};

} // namespace jb
