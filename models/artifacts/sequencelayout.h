#pragma once

#include "diagrampicture.h"
#include "sequencediagram.h"

namespace jb {

// Places a sequence diagram: participants in a row, their lifelines, one row per message or note,
// frames around alternatives. Columns widen until every label fits between its two lifelines.
// Measures text, so it needs a QGuiApplication (fonts); the result is a plain DiagramPicture.
class SequenceLayout final
{
public:
    enum class Title
    {
        Hidden, // a document's caption names it
        Shown, // standalone SVG, PNG and the GUI view
    };

    static DiagramPicture layout(const SequenceDiagram &diagram, Title title = Title::Hidden);
};

} // namespace jb
