#pragma once

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace jb {

class ProjectDocument;

// Asks what a new mapping joins: its name, the provider (source) and consumer (target) contracts,
// the provider database for preview rows, and whether to start from rules matched by name.
class NewMappingDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewMappingDialog)

public:
    explicit NewMappingDialog(const ProjectDocument *document, QWidget *parent = nullptr);

    // The new entity's JSON (without an id: DocumentEditor::addEntity makes one from the name).
    QJsonObject entity() const;

private:
    const ProjectDocument *m_document;
    QLineEdit *m_name;
    QComboBox *m_source;
    QComboBox *m_target;
    QComboBox *m_database;
    QCheckBox *m_suggest;
};

} // namespace jb
