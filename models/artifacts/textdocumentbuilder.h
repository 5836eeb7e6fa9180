#pragma once

#include "artifactdocument.h"
#include "documentcolors.h"

class QTextDocument;

namespace jb {

// Lays an ArtifactDocument out as a QTextDocument: for the GUI's preview (Screen) and for PDF pages
// (Print: a cover page of its own, a table of contents with page numbers, tables whose header row
// repeats on every page). Diagrams are drawn as vectors by a FigureTextObject.
class TextDocumentBuilder final
{
public:
    enum class Target
    {
        Screen,
        Print,
    };

    // Marks the blocks that should not end a page: headings and table captions.
    static constexpr int keepWithNextProperty = 0x100000 + 62; // QTextFormat::UserProperty + 62
    // Marks a table-of-contents page cell with the anchor of its heading.
    static constexpr int contentsAnchorProperty = 0x100000 + 63;

    // Fills `document`, which must be empty. For Print, set the layout's paint device first.
    static void build(const ArtifactDocument &artifact, QTextDocument *document, Target target);
    // The same in other colours: the on-screen preview's, taken from the GUI's palette.
    static void build(const ArtifactDocument &artifact, QTextDocument *document, Target target,
        const DocumentColors &colors);
    // Print, once the page size is set: moves headings and captions that would end a page to the
    // next one, then writes each heading's page number into the table of contents.
    static void paginate(QTextDocument *document);
};

} // namespace jb
