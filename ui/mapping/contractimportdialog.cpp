#include "contractimportdialog.h"

#include "contractinference.h"
#include "contractschema.h"
#include "core/whendone.h"
#include "databaseconnection.h"
#include "documenteditor.h"
#include "openapiimport.h"
#include "postmanimport.h"
#include "projectdocument.h"
#include "tablecontract.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QString fieldLine(const ContractField &field)
{
    QString line = field.name + u"  "_s + field.type;
    if (field.required)
        line += u"  required"_s;
    if (!field.format.isEmpty())
        line += u"  /"_s + field.format + u'/';
    if (field.maxLength)
        line += u"  ≤%1"_s.arg(*field.maxLength);
    if (!field.enumValues.isEmpty())
        line += u"  {"_s + field.enumValues.join(u", "_s) + u'}';
    if (!field.example.isEmpty())
        line += u"  e.g. "_s + field.example;
    return line;
}

Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<QByteArray>::failure(
            Error::Code::Io, u"cannot read %1: %2"_s.arg(path, file.errorString()));
    return file.readAll();
}

} // namespace

ContractImportDialog::ContractImportDialog(
    DocumentEditor *editor, std::function<QString(const QString &)> passwords, QWidget *parent)
    : QDialog(parent)
    , m_editor(editor)
    , m_passwords(std::move(passwords))
    , m_source(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_example(new QPlainTextEdit(this))
    , m_exampleId(new QLineEdit(this))
    , m_file(new QLineEdit(this))
    , m_database(new QComboBox(this))
    , m_table(new QComboBox(this))
    , m_system(new QComboBox(this))
    , m_readButton(new QPushButton(u"Read"_s, this))
    , m_list(new QListWidget(this))
    , m_fields(new QPlainTextEdit(this))
    , m_message(new QLabel(this))
    , m_createButton(nullptr)
{
    setWindowTitle(u"Import contracts"_s);
    m_pool.setMaxThreadCount(1);
    m_source->addItems({u"An example message (JSON or XML)"_s, u"An OpenAPI 3 document (JSON or YAML)"_s,
        u"A Postman v2.1 collection"_s, u"A table of a project database"_s});

    // example
    auto *examplePage = new QWidget(this);
    auto *exampleLayout = new QFormLayout(examplePage);
    m_example->setPlaceholderText(u"{\"cep\": \"01001-000\", \"logradouro\": \"Praça da Sé\"}"_s);
    QFont mono(u"monospace"_s);
    mono.setStyleHint(QFont::Monospace);
    m_example->setFont(mono);
    m_exampleId->setText(u"new-contract"_s);
    auto *loadExample = new QPushButton(u"Load a file…"_s, examplePage);
    connect(loadExample, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, u"Example message"_s, {}, u"Messages (*.json *.xml *.txt);;All files (*)"_s);
        if (path.isEmpty())
            return;
        whenDone(QtConcurrent::run(&m_pool, [path] { return readFile(path); }), this,
            [this](const Result<QByteArray> &bytes) {
                if (bytes)
                    m_example->setPlainText(QString::fromUtf8(bytes.value()));
                else
                    m_message->setText(bytes.errorString());
            });
    });
    exampleLayout->addRow(m_example);
    exampleLayout->addRow(u"Contract id"_s, m_exampleId);
    exampleLayout->addRow(QString(), loadExample);
    m_pages->addWidget(examplePage);

    // a file (OpenAPI and Postman share the page)
    auto *filePage = new QWidget(this);
    auto *fileLayout = new QHBoxLayout(filePage);
    auto *browse = new QPushButton(u"Browse…"_s, filePage);
    connect(browse, &QPushButton::clicked, this, [this] {
        const bool postman = m_source->currentIndex() == static_cast<int>(Source::Postman);
        const QString path = QFileDialog::getOpenFileName(this, m_source->currentText(), {},
            postman ? u"Postman collections (*.json);;All files (*)"_s
                    : u"OpenAPI documents (*.yaml *.yml *.json);;All files (*)"_s);
        if (!path.isEmpty())
            m_file->setText(path);
    });
    fileLayout->addWidget(new QLabel(u"File"_s, filePage));
    fileLayout->addWidget(m_file, 1);
    fileLayout->addWidget(browse);
    m_pages->addWidget(filePage);

    // a table
    auto *tablePage = new QWidget(this);
    auto *tableLayout = new QFormLayout(tablePage);
    for (const EntityRecord &record : editor->document()->entities(u"database"_s))
        m_database->addItem(
            u"%1  (%2, %3)"_s.arg(record.name(), record.id(), record.data.value(u"driver"_s).toString()),
            record.id());
    m_table->setEditable(true);
    const auto fillTables = [this] {
        m_table->clear();
        const EntityRecord *record
            = m_editor->document()->find(u"database"_s, m_database->currentData().toString());
        if (!record)
            return;
        for (const QJsonValue &table : record->data.value(u"tables"_s).toArray())
            m_table->addItem(table.toString());
    };
    connect(m_database, &QComboBox::currentIndexChanged, this, fillTables);
    fillTables();
    tableLayout->addRow(u"Database"_s, m_database);
    tableLayout->addRow(u"Table"_s, m_table);
    m_pages->addWidget(tablePage);

    connect(m_source, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_pages->setCurrentIndex(index == static_cast<int>(Source::Example)
                ? 0
                : (index == static_cast<int>(Source::Table) ? 2 : 1));
    });

    m_system->addItem(u"(none)"_s, QString());
    for (const EntityRecord &record : editor->document()->entities(u"system"_s))
        m_system->addItem(u"%1  (%2)"_s.arg(record.name(), record.id()), record.id());

    m_list->setObjectName(u"foundContracts"_s);
    m_fields->setReadOnly(true);
    m_fields->setFont(mono);
    m_fields->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_message->setWordWrap(true);
    connect(m_list, &QListWidget::currentRowChanged, this, &ContractImportDialog::showFields);
    connect(m_readButton, &QPushButton::clicked, this, &ContractImportDialog::read);

    auto *found = new QSplitter(Qt::Horizontal, this);
    found->addWidget(m_list);
    found->addWidget(m_fields);
    found->setSizes({260, 420});

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_createButton = buttons->addButton(u"Create contracts"_s, QDialogButtonBox::AcceptRole);
    m_createButton->setEnabled(false);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!create().isEmpty())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *top = new QFormLayout;
    top->addRow(u"From"_s, m_source);
    auto *readRow = new QHBoxLayout;
    readRow->addStretch();
    readRow->addWidget(m_readButton);
    auto *systemRow = new QFormLayout;
    systemRow->addRow(u"System of the new contracts"_s, m_system);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_pages);
    layout->addLayout(readRow);
    layout->addWidget(found, 1);
    layout->addWidget(m_message);
    layout->addLayout(systemRow);
    layout->addWidget(buttons);
    resize(760, 620);
}

ContractImportDialog::~ContractImportDialog()
{
    m_pool.waitForDone();
}

void ContractImportDialog::setSource(Source source)
{
    m_source->setCurrentIndex(static_cast<int>(source));
}

void ContractImportDialog::setExampleText(const QString &text)
{
    m_example->setPlainText(text);
}

void ContractImportDialog::setFile(const QString &path)
{
    m_file->setText(path);
}

void ContractImportDialog::setTable(const QString &databaseId, const QString &table)
{
    m_database->setCurrentIndex(m_database->findData(databaseId));
    m_table->setCurrentText(table);
}

void ContractImportDialog::read()
{
    const auto source = static_cast<Source>(m_source->currentIndex());
    const QString path = m_file->text();
    const QByteArray example = m_example->toPlainText().toUtf8();
    const QString exampleId = m_exampleId->text().trimmed();
    const QString table = m_table->currentText().trimmed();
    std::optional<DatabaseSpec> spec;
    if (const EntityRecord *record
        = m_editor->document()->find(u"database"_s, m_database->currentData().toString())) {
        spec = DatabaseSpec::fromEntity(record->data, m_editor->document()->folder());
        if (!spec->secretName.isEmpty() && spec->driver != u"QSQLITE" && m_passwords)
            spec->password = m_passwords(spec->secretName);
    }
    const quint64 generation = ++m_generation;
    m_readButton->setEnabled(false);
    m_message->setText(u"Reading…"_s);
    // the worker gets copies of everything it needs
    whenDone(QtConcurrent::run(&m_pool,
                 [source, path, example, exampleId, table, spec] {
                     Outcome outcome;
                     const auto take = [&outcome](Result<QList<ImportedContract>> result) {
                         if (result)
                             outcome.contracts = std::move(result).value();
                         else
                             outcome.error = result.errorString();
                     };
                     switch (source) {
                     case Source::Example: {
                         Result<Contract> contract = ContractInference::fromExample(example);
                         if (!contract) {
                             outcome.error = contract.errorString();
                             break;
                         }
                         ImportedContract imported{std::move(contract).value(), u"the example message"_s, {}};
                         imported.contract.id
                             = ContractSchema::slug(exampleId.isEmpty() ? u"new-contract"_s : exampleId);
                         if (imported.contract.name.isEmpty())
                             imported.contract.name = exampleId;
                         outcome.contracts.append(imported);
                         break;
                     }
                     case Source::OpenApi:
                     case Source::Postman: {
                         const Result<QByteArray> bytes = readFile(path);
                         if (!bytes) {
                             outcome.error = bytes.errorString();
                             break;
                         }
                         take(source == Source::OpenApi
                                 ? OpenApiImport::fromText(bytes.value(), &outcome.warnings)
                                 : PostmanImport::fromText(bytes.value(), &outcome.warnings));
                         break;
                     }
                     case Source::Table: {
                         if (!spec) {
                             outcome.error = u"choose a database"_s;
                             break;
                         }
                         Result<std::unique_ptr<DatabaseConnection>> connection
                             = DatabaseConnection::open(*spec);
                         if (!connection) {
                             outcome.error = connection.errorString();
                             break;
                         }
                         Result<Contract> contract
                             = TableContract::fromTable(connection.value()->database(), table);
                         if (!contract) {
                             outcome.error = contract.errorString();
                             break;
                         }
                         ImportedContract imported{
                             std::move(contract).value(), u"table %1 of %2"_s.arg(table, spec->id), {}};
                         imported.contract.id = ContractSchema::slug(table) + u"-row"_s;
                         imported.contract.name = table + u" table row"_s;
                         outcome.contracts.append(imported);
                         break;
                     }
                     }
                     return outcome;
                 }),
        this, [this, generation](const Outcome &outcome) {
            if (generation != m_generation)
                return;
            showFound(outcome);
            Q_EMIT readFinished();
        });
}

void ContractImportDialog::showFound(const Outcome &outcome)
{
    m_readButton->setEnabled(true);
    m_found = outcome.contracts;
    m_list->clear();
    for (const ImportedContract &imported : m_found) {
        const bool taken = m_editor->document()->find(u"contract"_s, imported.contract.id) != nullptr;
        auto *item = new QListWidgetItem(u"%1 — %2 field(s)%3"_s.arg(imported.contract.id)
                                             .arg(imported.contract.fields.size())
                                             .arg(taken ? u" (id taken: a new one is made)"_s : QString()),
            m_list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
        item->setToolTip(imported.origin
            + (imported.usedBy.isEmpty() ? QString()
                                         : QString(u"\nused by "_s + imported.usedBy.join(u", "_s))));
    }
    if (!m_found.isEmpty())
        m_list->setCurrentRow(0);
    QStringList messages;
    if (!outcome.error.isEmpty())
        messages.append(u"✗ "_s + outcome.error);
    else
        messages.append(u"%1 contract(s) found."_s.arg(m_found.size()));
    for (const QString &warning : outcome.warnings)
        messages.append(u"note: "_s + warning);
    m_message->setText(messages.join(u'\n'));
    m_createButton->setEnabled(!m_found.isEmpty());
}

void ContractImportDialog::showFields(int row)
{
    if (row < 0 || row >= m_found.size()) {
        m_fields->clear();
        return;
    }
    const ImportedContract &imported = m_found.at(row);
    QStringList lines{u"%1 — %2"_s.arg(imported.contract.name, imported.origin), QString()};
    for (const ContractField &field : imported.contract.fields)
        lines.append(fieldLine(field));
    if (!imported.contract.examples.isEmpty())
        lines.append(u"\n%1 example message(s)"_s.arg(imported.contract.examples.size()));
    m_fields->setPlainText(lines.join(u'\n'));
}

QStringList ContractImportDialog::create()
{
    QStringList ids;
    QList<Contract> chosen;
    for (int i = 0; i < m_list->count() && i < m_found.size(); ++i) {
        if (m_list->item(i)->checkState() == Qt::Checked)
            chosen.append(m_found.at(i).contract);
    }
    if (chosen.isEmpty())
        return ids;
    QUndoStack *stack = m_editor->undoStack();
    if (stack)
        stack->beginMacro(u"Import %1 contract(s)"_s.arg(chosen.size()));
    for (Contract contract : std::as_const(chosen)) {
        contract.system = m_system->currentData().toString();
        const int row = m_editor->addEntity(u"contract"_s, contract.toJson());
        ids.append(m_editor->document()->at(u"contract"_s, row).id());
    }
    if (stack)
        stack->endMacro();
    return ids;
}

} // namespace jb
