#pragma once

#include "importedcontract.h"

#include <QDialog>
#include <QThreadPool>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace jb {

class DocumentEditor;

// Creates contracts from what an integration already has: an example message (JSON or XML), an
// OpenAPI 3 document (JSON or YAML), a Postman v2.1 collection, or a table read live from a
// project database. Reading and parsing happen on a worker thread; the contracts found are listed
// with their fields, and the checked ones are added to the project as one undoable step.
class ContractImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContractImportDialog)

public:
    enum class Source
    {
        Example,
        OpenApi,
        Postman,
        Table,
    };

    ContractImportDialog(
        DocumentEditor *editor, std::function<QString(const QString &)> passwords, QWidget *parent = nullptr);
    ~ContractImportDialog() override;

    void setSource(Source source);
    void setExampleText(const QString &text);
    void setFile(const QString &path);
    void setTable(const QString &databaseId, const QString &table);
    // Reads the chosen source on a worker; found() changes when it is done.
    void read();
    const QList<ImportedContract> &found() const { return m_found; }
    // Adds the checked contracts; returns their ids.
    QStringList create();

Q_SIGNALS:
    void readFinished();

private:
    struct Outcome
    {
        QList<ImportedContract> contracts;
        QStringList warnings;
        QString error;
    };
    void showFound(const Outcome &outcome);
    void showFields(int row);

    DocumentEditor *m_editor;
    std::function<QString(const QString &)> m_passwords;
    QThreadPool m_pool;
    quint64 m_generation = 0;
    QList<ImportedContract> m_found;

    QComboBox *m_source;
    QStackedWidget *m_pages;
    QPlainTextEdit *m_example;
    QLineEdit *m_exampleId;
    QLineEdit *m_file;
    QComboBox *m_database;
    QComboBox *m_table;
    QComboBox *m_system;
    QPushButton *m_readButton;
    QListWidget *m_list;
    QPlainTextEdit *m_fields;
    QLabel *m_message;
    QPushButton *m_createButton;
};

} // namespace jb
