#include "newmappingdialog.h"

#include "contract.h"
#include "mappingdefinition.h"
#include "mappingsuggestions.h"
#include "projectdocument.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace jb {

NewMappingDialog::NewMappingDialog(const ProjectDocument *document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_name(new QLineEdit(this))
    , m_source(new QComboBox(this))
    , m_target(new QComboBox(this))
    , m_database(new QComboBox(this))
    , m_suggest(new QCheckBox(u"Start with the fields whose names match"_s, this))
{
    setWindowTitle(u"New mapping"_s);
    for (const EntityRecord &record : document->entities(u"contract"_s)) {
        const QString label = u"%1  (%2)"_s.arg(record.name(), record.id());
        m_source->addItem(label, record.id());
        m_target->addItem(label, record.id());
    }
    m_target->setCurrentIndex(m_target->count() > 1 ? 1 : 0);
    m_database->addItem(u"(none: example messages only)"_s, QString());
    for (const EntityRecord &record : document->entities(u"database"_s))
        m_database->addItem(u"%1  (%2)"_s.arg(record.name(), record.id()), record.id());
    m_suggest->setChecked(true);
    m_name->setPlaceholderText(u"e.g. Customers: table → portal"_s);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(u"Create"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto check = [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(m_source->count() > 0 && !m_name->text().trimmed().isEmpty());
    };
    connect(m_name, &QLineEdit::textChanged, this, check);
    check();

    auto *form = new QFormLayout(this);
    form->addRow(u"Name"_s, m_name);
    form->addRow(u"Provider contract (A)"_s, m_source);
    form->addRow(u"Consumer contract (B)"_s, m_target);
    form->addRow(u"Provider database"_s, m_database);
    form->addRow(QString(), m_suggest);
    form->addRow(buttons);
    resize(520, sizeHint().height());
}

QJsonObject NewMappingDialog::entity() const
{
    MappingDefinition definition;
    definition.name = m_name->text().trimmed();
    definition.sourceContract = m_source->currentData().toString();
    definition.targetContract = m_target->currentData().toString();
    definition.sourceDatabase = m_database->currentData().toString();
    if (m_suggest->isChecked()) {
        const EntityRecord *source = m_document->find(u"contract"_s, definition.sourceContract);
        const EntityRecord *target = m_document->find(u"contract"_s, definition.targetContract);
        if (source && target)
            definition.rules = MappingSuggestions::byName(
                Contract::fromJson(source->data), Contract::fromJson(target->data));
    }
    QJsonObject entity = definition.toJson();
    entity.remove(u"id"_s);
    return entity;
}

} // namespace jb
