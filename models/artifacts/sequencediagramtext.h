#pragma once

#include "sequencediagram.h"

namespace jb {

// A sequence diagram as text that other tools draw: Mermaid (GitHub and GitLab render it in
// Markdown) and PlantUML. The same diagram always gives the same text.
class SequenceDiagramText final
{
public:
    static QString mermaid(const SequenceDiagram &diagram);
    static QString plantUml(const SequenceDiagram &diagram);

private:
    static QString mermaidText(const QString &text);
    static QString plantUmlText(const QString &text);
};

} // namespace jb
