#include "deparaxlsx.h"

#include "deparacsv.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <xlsxwriter.h>

using namespace Qt::StringLiterals;

namespace jb {

Status DeParaXlsx::write(
    const MappingTable &table, const QString &systemA, const QString &systemB, const QString &path)
{
    const QString temporary = path + u".part"_s;
    QFile::remove(temporary);
    lxw_workbook *workbook = workbook_new(QFile::encodeName(temporary).constData());
    if (!workbook)
        return Status::failure(Error::Code::Io, u"cannot create %1"_s.arg(path));
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "De-Para");

    lxw_format *title = workbook_add_format(workbook);
    format_set_bold(title);
    format_set_font_size(title, 14);
    lxw_format *subtitle = workbook_add_format(workbook);
    format_set_font_color(subtitle, 0x555555);
    lxw_format *header = workbook_add_format(workbook);
    format_set_bold(header);
    format_set_bg_color(header, 0x1F4E79);
    format_set_font_color(header, LXW_COLOR_WHITE);
    format_set_border(header, LXW_BORDER_THIN);
    format_set_text_wrap(header);
    format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
    lxw_format *cell = workbook_add_format(workbook);
    format_set_border(cell, LXW_BORDER_THIN);
    format_set_text_wrap(cell);
    format_set_align(cell, LXW_ALIGN_VERTICAL_TOP);
    lxw_format *code = workbook_add_format(workbook);
    format_set_border(code, LXW_BORDER_THIN);
    format_set_text_wrap(code);
    format_set_font_name(code, "Consolas");
    format_set_align(code, LXW_ALIGN_VERTICAL_TOP);
    lxw_format *gap = workbook_add_format(workbook);
    format_set_font_color(gap, 0x9C0006);
    format_set_bg_color(gap, 0xFFC7CE);
    lxw_format *fine = workbook_add_format(workbook);
    format_set_font_color(fine, 0x006100);
    lxw_format *bold = workbook_add_format(workbook);
    format_set_bold(bold);

    const auto text = [](const QString &value) { return value.toUtf8(); };
    const double widths[] = {24, 10, 44, 24, 10, 10, 32, 32};
    for (lxw_col_t column = 0; column < 8; ++column)
        worksheet_set_column(sheet, column, column, widths[column], nullptr);

    const QString name = table.name.isEmpty() ? table.id : table.name;
    worksheet_write_string(sheet, 0, 0, text(u"De-Para: "_s + name).constData(), title);
    worksheet_write_string(sheet, 1, 0,
        text(u"System A (provider): %1    →    System B (consumer): %2"_s.arg(systemA, systemB)).constData(),
        subtitle);

    const lxw_row_t headerRow = 3;
    const QStringList columns = DeParaCsv::header();
    for (qsizetype c = 0; c < columns.size(); ++c)
        worksheet_write_string(
            sheet, headerRow, static_cast<lxw_col_t>(c), text(columns.at(c)).constData(), header);
    worksheet_set_row(sheet, headerRow, 20, nullptr);
    lxw_row_t row = headerRow + 1;
    for (const MappingRow &mapping : table.rows) {
        const QStringList cells = {mapping.sourceField, mapping.sourceType, mapping.rule, mapping.targetField,
            mapping.targetType, mapping.required ? u"yes"_s : u"no"_s, mapping.exampleIn, mapping.exampleOut};
        for (qsizetype c = 0; c < cells.size(); ++c)
            worksheet_write_string(
                sheet, row, static_cast<lxw_col_t>(c), text(cells.at(c)).constData(), c == 2 ? code : cell);
        ++row;
    }
    worksheet_freeze_panes(sheet, headerRow + 1, 0);
    if (!table.rows.isEmpty())
        worksheet_autofilter(sheet, headerRow, 0, row - 1, 7);
    ++row;
    worksheet_write_string(sheet, row++, 0, "Gaps", bold);
    if (table.gaps.isEmpty()) {
        worksheet_write_string(sheet, row, 0,
            text(u"No gaps: every required field of %1 has a source."_s.arg(systemB)).constData(), fine);
    } else {
        for (const QString &problem : table.gaps)
            worksheet_write_string(sheet, row++, 0, text(problem).constData(), gap);
    }
    const lxw_error closed = workbook_close(workbook);
    if (closed != LXW_NO_ERROR) {
        QFile::remove(temporary);
        return Status::failure(
            Error::Code::Io, u"cannot write %1: %2"_s.arg(path, QString::fromUtf8(lxw_strerror(closed))));
    }
    // rename(2) replaces the old table in one step: a reader (or a kill) never finds no file, or half
    if (std::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData()) != 0) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        QFile::remove(temporary);
        return Status::failure(Error::Code::Io, u"cannot write %1: %2"_s.arg(path, why));
    }
    return {};
}

} // namespace jb
