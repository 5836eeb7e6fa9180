#pragma once

#include "artifactdocument.h"
#include "core/result.h"

class QIODevice;

namespace jb {

// A4 PDF through QTextDocument and QPdfWriter, page by page, so that every page gets a header (the
// document's title, after the first page) and a footer (project, version, environment, "page n of
// m"). Fonts are embedded; tables repeat their header row on every page they span. Draws text:
// needs a QGuiApplication; safe on a worker thread.
class PdfRenderer final
{
public:
    static Status render(const ArtifactDocument &document, QIODevice *device);
};

} // namespace jb
