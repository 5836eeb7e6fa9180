#pragma once

#include <QDialog>
#include <QHash>
#include <QJsonObject>

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
    // are the project's, offered for the probe's own environment.
    ProbeEditorDialog(const QJsonObject &probe, const QStringList &environments, QWidget *parent = nullptr);

    // The edited probe: the fields that apply to its type and hold a value.
    QJsonObject probe() const;
    // Sets a field's editor as the user would (for tests and for callers pre-filling a form).
    void setValue(const QString &key, const QJsonValue &value);

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
    QFormLayout *m_form;
    QList<Row> m_rows;
    QHash<QString, int> m_rowOf; // key -> index in m_rows
    QLabel *m_problems;
    QDialogButtonBox *m_buttons;
};

} // namespace jb
