#pragma once

// A model printed as text, so that a test compares a whole table or tree at once and a failure
// shows every row that differs, instead of one cell checked at a time.

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace jb::test {

// What printModel prints of each row, and how. The defaults print every column's display text,
// cells joined by " | ", one row a line.
struct ModelPrint
{
    QString separator = QStringLiteral(" | ");
    QString rowSeparator = QStringLiteral("\n");
    QList<int> columns = {}; // the columns printed, in this order; empty: every column
    QHash<int, int> roles = {}; // column -> the role printed there instead of Qt::DisplayRole
    bool checkBoxes = false; // a cell with a check state prints "[x]" or "[ ]" instead of its text
    QList<int> extraRoles = {}; // after the columns, more cells: these roles of column 0 (a list's roles)
};

// One row's cells as printModel prints them.
inline QStringList printRow(
    const QAbstractItemModel &model, int row, const ModelPrint &how = {}, const QModelIndex &parent = {})
{
    QList<int> columns = how.columns;
    if (columns.isEmpty()) {
        for (int column = 0; column < model.columnCount(parent); ++column)
            columns.append(column);
    }
    QStringList cells;
    for (const int column : std::as_const(columns)) {
        const QModelIndex cell = model.index(row, column, parent);
        const QVariant check = how.checkBoxes ? cell.data(Qt::CheckStateRole) : QVariant();
        if (check.isValid())
            cells.append(check.toInt() == Qt::Checked ? QStringLiteral("[x]") : QStringLiteral("[ ]"));
        else
            cells.append(cell.data(how.roles.value(column, Qt::DisplayRole)).toString());
    }
    for (const int role : how.extraRoles)
        cells.append(model.index(row, 0, parent).data(role).toString());
    return cells;
}

// The rows below `parent`, each followed by its children indented two spaces a level (a tree
// model prints as an outline, a table as its rows); no separator after the last row.
inline QString printModel(
    const QAbstractItemModel &model, const ModelPrint &how = {}, const QModelIndex &parent = {})
{
    QStringList lines;
    const auto print = [&](const auto &self, const QModelIndex &under, int depth) -> void {
        for (int row = 0; row < model.rowCount(under); ++row) {
            lines.append(
                QString(depth * 2, QLatin1Char(' ')) + printRow(model, row, how, under).join(how.separator));
            // the children hang off column 0, as views and QAbstractItemModelTester expect
            const QModelIndex first = model.index(row, 0, under);
            if (model.hasChildren(first))
                self(self, first, depth + 1);
        }
    };
    print(print, parent, 0);
    return lines.join(how.rowSeparator);
}

} // namespace jb::test
