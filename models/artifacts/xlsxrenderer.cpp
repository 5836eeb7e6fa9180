#include "xlsxrenderer.h"

#include <QFile>

#include <xlsxwriter.h>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

constexpr double minWidth = 8;
constexpr double maxWidth = 60;

struct Formats
{
    lxw_format *header = nullptr;
    lxw_format *wrap = nullptr;
    lxw_format *title = nullptr;
};

// Writes one table at (firstRow, 0); returns false when libxlsxwriter refused a cell.
bool writeTable(lxw_worksheet *sheet, const Formats &formats, const QStringList &header,
    const QList<QStringList> &rows, int firstRow, bool filter)
{
    QList<double> widths(header.size(), minWidth);
    const auto cell = [&](int row, int column, const QString &text, lxw_format *format) {
        const QByteArray bytes = text.toUtf8();
        for (const QString &line : text.split(u'\n'))
            widths[column] = std::max(widths.at(column), std::min(maxWidth, line.size() * 1.1 + 2));
        const bool longText = text.size() > maxWidth || text.contains(u'\n');
        return worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), bytes.constData(),
                   format ? format : (longText ? formats.wrap : nullptr))
            == LXW_NO_ERROR;
    };
    for (int column = 0; column < header.size(); ++column) {
        if (!cell(firstRow, column, header.at(column), formats.header))
            return false;
    }
    for (int row = 0; row < rows.size(); ++row) {
        for (int column = 0; column < header.size(); ++column) {
            if (!cell(firstRow + 1 + row, column, rows.at(row).value(column), nullptr))
                return false;
        }
    }
    for (int column = 0; column < header.size(); ++column)
        worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), widths.at(column), nullptr);
    if (filter && !header.isEmpty()) {
        worksheet_freeze_panes(sheet, lxw_row_t(firstRow + 1), 0);
        worksheet_autofilter(
            sheet, lxw_row_t(firstRow), 0, lxw_row_t(firstRow + rows.size()), lxw_col_t(header.size() - 1));
    }
    return true;
}

} // namespace

QString XlsxRenderer::sheetName(const QString &caption, const QStringList &taken)
{
    QString name = caption;
    for (const QChar bad : {u'[', u']', u':', u'*', u'?', u'/', u'\\'})
        name.replace(bad, u' ');
    name = name.simplified();
    while (name.startsWith(u'\''))
        name.remove(0, 1);
    if (name.isEmpty())
        name = u"Table"_s;
    QString candidate = name.left(31).trimmed();
    for (int n = 2; taken.contains(candidate, Qt::CaseInsensitive); ++n) {
        const QString suffix = u" (%1)"_s.arg(n);
        candidate = name.left(31 - suffix.size()).trimmed() + suffix;
    }
    while (candidate.endsWith(u'\''))
        candidate.chop(1);
    return candidate;
}

Status XlsxRenderer::render(const ArtifactDocument &document, const QString &path)
{
    const QByteArray file = QFile::encodeName(path);
    lxw_workbook *workbook = workbook_new(file.constData());
    if (!workbook)
        return Status::failure(Error::Code::Io, u"cannot create the workbook %1"_s.arg(path));

    const ArtifactStamp &stamp = document.stamp();
    QByteArray title = document.title().toUtf8();
    QByteArray subject = stamp.project.toUtf8();
    QByteArray author = stamp.owner.toUtf8();
    QByteArray comments = stamp.line().toUtf8();
    lxw_doc_properties properties = {};
    properties.title = title.data();
    properties.subject = subject.data();
    properties.author = author.data();
    properties.comments = comments.data();
    properties.created = stamp.generatedAt.toSecsSinceEpoch();
    workbook_set_properties(workbook, &properties);

    Formats formats;
    formats.header = workbook_add_format(workbook);
    format_set_bold(formats.header);
    format_set_bg_color(formats.header, 0xE2E8F0);
    format_set_bottom(formats.header, LXW_BORDER_THIN);
    format_set_text_wrap(formats.header);
    format_set_align(formats.header, LXW_ALIGN_VERTICAL_TOP);
    formats.wrap = workbook_add_format(workbook);
    format_set_text_wrap(formats.wrap);
    format_set_align(formats.wrap, LXW_ALIGN_VERTICAL_TOP);
    formats.title = workbook_add_format(workbook);
    format_set_bold(formats.title);
    format_set_font_size(formats.title, 14);

    bool ok = true;
    QStringList taken{u"About"_s};
    lxw_worksheet *about = workbook_add_worksheet(workbook, "About");
    ok = ok && about;
    if (about) {
        worksheet_write_string(about, 0, 0, title.constData(), formats.title);
        QList<QStringList> facts;
        for (const auto &[key, value] : stamp.facts())
            facts.append({key, value});
        QStringList tables;
        for (const DocTable &table : document.tables())
            tables.append(table.caption);
        facts.append({u"Tables"_s, tables.isEmpty() ? u"none"_s : tables.join(u"\n"_s)});
        ok = ok && writeTable(about, formats, {u"Field"_s, u"Value"_s}, facts, 2, false);
    }
    for (const DocTable &table : document.tables()) {
        const QString name = sheetName(table.caption, taken);
        taken.append(name);
        const QByteArray sheetName = name.toUtf8();
        lxw_worksheet *sheet = workbook_add_worksheet(workbook, sheetName.constData());
        if (!sheet) {
            ok = false;
            break;
        }
        ok = ok && writeTable(sheet, formats, table.header, table.rows, 0, true);
    }
    const lxw_error closed = workbook_close(workbook);
    if (!ok || closed != LXW_NO_ERROR)
        return Status::failure(Error::Code::Io,
            u"cannot write the workbook %1: %2"_s.arg(path, QString::fromUtf8(lxw_strerror(closed))));
    return {};
}

} // namespace jb
