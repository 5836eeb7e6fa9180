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

    QString format() const;
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);

} // namespace jb
