#pragma once

// Reads exported files back the way other programs would: CSV by RFC 4180, XLSX from its XML parts
// (unzip), PDF through poppler's pdftotext, pdfinfo, pdffonts and pdftoppm, Markdown tables by
// their pipes. Each returns what it read, or an error message in `problem`.

#include <QMap>
#include <QString>
#include <QStringList>

namespace jb::test {

struct ToolOutput
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

class ExportReader final
{
public:
    static ToolOutput run(const QString &program, const QStringList &arguments);
    static QByteArray readFile(const QString &path);

    static QList<QStringList> csv(const QByteArray &bytes, QString *problem);
    // Sheet name -> rows, in workbook order (the QStringList of names gives that order).
    static QMap<QString, QList<QStringList>> xlsx(
        const QString &path, QStringList *sheetOrder, QString *problem);
    // Every pipe table: each row's cells, unescaped; a table whose rows differ in length is a problem.
    static QList<QList<QStringList>> markdownTables(const QString &text, QString *problem);

    // `layout` keeps each line as it is printed (table columns side by side)
    static QString pdfText(const QString &path, int page = 0, bool layout = false); // page 0: every page
    static int pdfPages(const QString &path);
    static QStringList pdfFontsNotEmbedded(const QString &path);
    // Renders every page to PNG in `folder`; the files written, in page order.
    static QStringList renderPdf(const QString &path, const QString &folder);

    // Whitespace dropped: PDF text breaks lines wherever a table cell wraps.
    static QString squeeze(const QString &text);
};

} // namespace jb::test
