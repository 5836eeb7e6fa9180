#pragma once

#include "artifactdocument.h"

namespace jb {

struct RenderedFile
{
    QString name;
    QByteArray bytes;
};

// CSV, one file per table ("<document>-<table>.csv"), plus "<document>-about.csv" with the stamp
// (project, version, environment, date), so that the tables themselves stay plain rectangles.
// RFC 4180: comma separated, CRLF line ends, fields quoted when they hold a comma, a quote or a
// line break. UTF-8 with a byte order mark, which spreadsheet programs need to read accents.
class CsvRenderer final
{
public:
    static QList<RenderedFile> render(const ArtifactDocument &document);
    static QByteArray table(const QStringList &header, const QList<QStringList> &rows);
    static QString field(const QString &text);
};

} // namespace jb
