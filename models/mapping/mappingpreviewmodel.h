#pragma once

#include "mappingpreviewresult.h"

#include <QAbstractTableModel>

namespace jb {

// The preview as a grid: one row per sample record, a status column, then one column per target
// field with the mapped value. A field the transforms or the target contract reject is marked in
// its cell (the rule it breaks in the cell's text and tooltip), so validation reads inline.
class MappingPreviewModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MappingPreviewModel)

public:
    enum Role
    {
        ErrorRole = Qt::UserRole + 1, // the cell's error text, empty when it is fine
        InputRole, // the record's source value(s) for that field, as JSON text
        ValidRole, // whether the whole record is valid (status column)
    };

    explicit MappingPreviewModel(QObject *parent = nullptr);

    void setResult(const MappingPreviewResult &result);
    const MappingPreviewResult &result() const { return m_result; }
    int validCount() const;
    int invalidCount() const;
    // For the rules table: each target's value and error in record `row`.
    QHash<QString, QString> valuesOf(int row) const;
    QHash<QString, QString> errorsOf(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString errorFor(int row, const QString &column) const;
    QString recordErrors(int row) const;

    MappingPreviewResult m_result;
};

} // namespace jb
