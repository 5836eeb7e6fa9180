#pragma once

#include "artifactdocument.h"

namespace jb {

// One self-contained HTML file: styles inline, diagrams as inline SVG, no script, no external
// resource. Written as XHTML (well-formed XML that browsers read as HTML), so that it can be
// checked with any XML parser. Draws the diagrams: needs a QGuiApplication.
class HtmlRenderer final
{
public:
    static QByteArray render(const ArtifactDocument &document);

private:
    static QString styleSheet();
    static QString inlineSvg(const DocFigure &figure);
};

} // namespace jb
