#include "stepsettingseditor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// Keys that hold nested steps: edited through their own cards.
bool isNested(const QString &key)
{
    return key == u"when" || key == u"otherwise" || key == u"steps";
}

} // namespace

StepSettingsEditor::StepSettingsEditor(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_table(new QTableWidget(0, 2, this))
    , m_add(new QToolButton(this))
    , m_remove(new QToolButton(this))
{
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_table->setObjectName(u"stepSettings"_s);
    m_table->setHorizontalHeaderLabels({tr("Setting"), tr("Value")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_add->setText(tr("Add"));
    m_add->setToolTip(tr("Add a setting to this step"));
    m_remove->setText(tr("Remove"));
    m_remove->setToolTip(tr("Remove the selected setting"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_title, 1);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_table);

    connect(m_table, &QTableWidget::cellChanged, this, &StepSettingsEditor::onCellChanged);
    connect(m_add, &QToolButton::clicked, this, &StepSettingsEditor::addSetting);
    connect(m_remove, &QToolButton::clicked, this, &StepSettingsEditor::removeSetting);
    setSettings(tr("Select a card of the flow to see its settings"), {}, false);
}

QString StepSettingsEditor::textOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QJsonValue StepSettingsEditor::valueOf(const QString &text, const QJsonValue &previous)
{
    if (previous.isString())
        return text;
    QJsonParseError error{};
    const QJsonDocument parsed = QJsonDocument::fromJson(u"[%1]"_s.arg(text).toUtf8(), &error);
    if (error.error == QJsonParseError::NoError && parsed.array().size() == 1)
        return parsed.array().at(0);
    return text;
}

void StepSettingsEditor::setSettings(const QString &title, const QJsonObject &settings, bool editable)
{
    m_title->setText(title);
    m_settings = settings;
    m_editable = editable;
    m_add->setEnabled(editable);
    m_remove->setEnabled(editable);
    fill();
}

void StepSettingsEditor::fill()
{
    m_filling = true;
    m_table->setRowCount(0);
    for (auto it = m_settings.constBegin(); it != m_settings.constEnd(); ++it) {
        if (isNested(it.key()))
            continue;
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        auto *key = new QTableWidgetItem(it.key());
        key->setFlags(key->flags() & ~Qt::ItemIsEditable);
        auto *value = new QTableWidgetItem(textOf(it.value()));
        value->setToolTip(value->text());
        if (!m_editable || it.key() == u"id")
            value->setFlags(value->flags() & ~Qt::ItemIsEditable); // ids are what traces and templates name
        m_table->setItem(row, 0, key);
        m_table->setItem(row, 1, value);
    }
    m_table->resizeColumnToContents(0);
    m_filling = false;
}

void StepSettingsEditor::setValue(const QString &key, const QString &text)
{
    QJsonObject next = m_settings;
    next.insert(key, valueOf(text, m_settings.value(key)));
    if (next == m_settings)
        return;
    m_settings = next;
    fill();
    Q_EMIT settingsEdited(m_settings);
}

void StepSettingsEditor::onCellChanged(int row, int column)
{
    if (m_filling || column != 1)
        return;
    setValue(m_table->item(row, 0)->text(), m_table->item(row, 1)->text());
}

void StepSettingsEditor::addSetting()
{
    bool ok = false;
    const QString key
        = QInputDialog::getText(this, tr("Add a setting"), tr("Name:"), QLineEdit::Normal, {}, &ok).trimmed();
    if (!ok || key.isEmpty() || m_settings.contains(key) || isNested(key))
        return;
    setValue(key, QString());
}

void StepSettingsEditor::removeSetting()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    const QString key = m_table->item(row, 0)->text();
    if (key == u"id" || key == u"type")
        return;
    m_settings.remove(key);
    fill();
    Q_EMIT settingsEdited(m_settings);
}

} // namespace jb
