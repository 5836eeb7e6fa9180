#pragma once

#include <QList>
#include <QString>

namespace jb {

// One finding about a project file, printable as "file:line:column: message".
struct Diagnostic
{
    enum class Severity
    {
        Error,
        Warning
    };

    QString file; // path as the user gave it (project folder + relative path)
    int line = 1;
    int column = 1;
    QString message;
    Severity severity = Severity::Error;
    // What the finding is about, when it is a field of an entity (the GUI opens it): the entity's
    // kind and id and the field's JSON pointer ("/ports/0/port"). Empty for a file that did not load.
    QString kind = {};
    QString entityId = {};
    QString pointer = {};

    // Whether line and column point into the file on disk (a file not written yet has none).
    bool hasPosition() const { return line > 0; }
    // "file:line:column: message", or "file: message" without a position.
    QString format() const;
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);

} // namespace jb
