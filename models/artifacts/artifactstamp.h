#pragma once

#include <QDateTime>
#include <QString>

namespace jb {

// Which state of which project a document describes, and when it was made. Every rendering of
// every document shows it, so a printed page can always be traced back to the files it came from.
struct ArtifactStamp
{
    QString project;
    QString owner;
    QString version; // a short hash of the project files (ProjectVersion)
    QString environment; // display name; "All environments" when none was chosen
    QDateTime generatedAt; // UTC

    QString generatedText() const; // "2026-11-20 10:00 UTC"
    // "Acme — version 3f2a… — environment Test — generated 2026-11-20 10:00 UTC"
    QString line() const;
    // The facts as label/value pairs, for covers, About sheets and CSV side files.
    QList<std::pair<QString, QString>> facts() const;
};

} // namespace jb
