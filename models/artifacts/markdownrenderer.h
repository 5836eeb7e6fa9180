#pragma once

#include "artifactdocument.h"

namespace jb {

// GitHub-flavoured Markdown: headings with anchors, pipe tables (every row as many cells as its
// header), sequence diagrams and the timeline as Mermaid blocks, which GitHub and GitLab draw.
class MarkdownRenderer final
{
public:
    static QByteArray render(const ArtifactDocument &document);
    // Text made safe for a paragraph or a table cell (pipes escaped, line breaks as <br>).
    static QString escape(const QString &text, bool inTable = false);
};

} // namespace jb
