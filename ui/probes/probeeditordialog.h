#pragma once

#include "probetargets.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;

namespace jb {

struct FieldSpec;

// Adds or edits one probe. The form is the schema's: every field of the "probe" kind, the ones
// that do not apply to the chosen type hidden, so the editor cannot drift from what the loader and
// the validator accept. Works on the probe entity's JSON; the caller persists it.
class ProbeEditorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProbeEditorDialog)

public:
    // `probe` is ProbeSpec::toJson() of the probe to edit (or a seed for a new one); `environments`
    // are the project's, offered for the probe's own environment; `targets` (ProbeTargets::of the
    // inventory) are offered to fill the probe's type, host, port and the rest from.
    ProbeEditorDialog(const QJsonObject &probe, const QStringList &environments,
        const QList<ProbeTarget> &targets = {}, QWidget *parent = nullptr);

    // The edited probe: the fields that apply to its type and hold a value.
    QJsonObject probe() const;
    // Sets a field's editor as the user would (for tests and for callers pre-filling a form).
    void setValue(const QString &key, const QJsonValue &value);
    // The "From the inventory" picker; choosing its entry `index` (1..) fills the form from it.
    QComboBox *targetBox() const { return m_targetBox; }
    void pickTarget(int index);

private:
    struct Row
    {
        const FieldSpec *field = nullptr;
        QWidget *editor = nullptr;
    };
    QWidget *makeEditor(const FieldSpec &field, const QStringList &environments);
    QJsonValue valueOf(const Row &row) const;
    void updateForm();

    QJsonObject m_original;
    QList<ProbeTarget> m_targets;
    QComboBox *m_targetBox = nullptr;
    QString m_pickedName; // the name a pick gave, which the next pick may replace
    QString m_pickedSource; // the picked target's "kind/id", when the probe had no sources
    QFormLayout *m_form;
    QList<Row> m_rows;
    QHash<QString, int> m_rowOf; // key -> index in m_rows
    QLabel *m_problems;
    QDialogButtonBox *m_buttons;
};

} // namespace jb
