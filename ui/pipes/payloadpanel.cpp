#include "payloadpanel.h"

#include "documenteditor.h"
#include "pathtemplate.h"
#include "projectdocument.h"
#include "statustint.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// the entity kind that holds the payloads
const QString ownerKind = u"pipe"_s;

QString prettyJson(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented));
    return u"{}\n"_s;
}

} // namespace

PayloadPanel::PayloadPanel(DocumentEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_saved(new QComboBox(this))
    , m_save(new QToolButton(this))
    , m_delete(new QToolButton(this))
    , m_text(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
{
    m_saved->setObjectName(u"savedPayloads"_s);
    m_saved->setMinimumContentsLength(16);
    m_saved->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_save->setText(tr("Save as…"));
    m_save->setToolTip(tr("Keep this payload in the pipe's file under a name"));
    m_delete->setText(tr("Delete"));
    m_delete->setToolTip(tr("Forget the chosen saved payload"));
    m_text->setObjectName(u"payloadEditor"_s);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setTabChangesFocus(true);
    m_text->setPlaceholderText(tr("The request as JSON: {\"params\": {…}, \"query\": {…}, \"body\": …}"));
    StatusTint::apply(m_error, ThemeColors::Status::Error);
    m_error->hide();

    auto *chooser = new QHBoxLayout;
    chooser->addWidget(new QLabel(tr("Payload"), this));
    chooser->addWidget(m_saved, 1);
    chooser->addWidget(m_save);
    chooser->addWidget(m_delete);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(chooser);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_error);

    connect(m_saved, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            loadPayload(m_saved->itemText(index));
    });
    connect(m_save, &QToolButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(
            this, tr("Save the payload"), tr("Name:"), QLineEdit::Normal, m_saved->currentText(), &ok)
                                 .trimmed();
        if (ok && !name.isEmpty())
            savePayload(name);
    });
    connect(m_delete, &QToolButton::clicked, this, [this] {
        if (m_saved->currentIndex() > 0)
            deletePayload(m_saved->currentText());
    });
    connect(m_text, &QPlainTextEdit::textChanged, this, [this] { m_error->hide(); });
    connect(
        editor->document(), &ProjectDocument::entityChanged, this, [this](const QString &kind, int changed) {
            if (kind == ownerKind && changed == pipeRow())
                refreshSaved();
        });
}

int PayloadPanel::pipeRow() const
{
    return m_pipeId.isEmpty() ? -1 : m_editor->document()->rowOf(ownerKind, m_pipeId);
}

QJsonArray PayloadPanel::saved() const
{
    const int row = pipeRow();
    if (row < 0)
        return {};
    return m_editor->document()->at(ownerKind, row).data.value(payloadsKey).toArray();
}

QStringList PayloadPanel::savedNames() const
{
    QStringList names;
    for (const QJsonValue &entry : saved())
        names.append(entry.toObject().value(u"name"_s).toString());
    return names;
}

void PayloadPanel::setPipe(const QString &pipeId)
{
    m_pipeId = pipeId;
    refreshSaved();
    const QStringList names = savedNames();
    if (!names.isEmpty())
        loadPayload(names.constFirst());
    else
        setText(defaultPayload());
}

// A REST pipe's path parameters with empty values, or an empty event: something to fill in.
QString PayloadPanel::defaultPayload() const
{
    const int row = pipeRow();
    if (row < 0)
        return u"{}\n"_s;
    const QJsonObject trigger = m_editor->document()->at(ownerKind, row).data.value(u"trigger"_s).toObject();
    if (trigger.value(u"type"_s).toString() == u"event")
        return u"{}\n"_s;
    QJsonObject params;
    if (const Result<PathTemplate> pattern
        = PathTemplate::parse(trigger.value(u"path"_s).toString(), PathTemplate::Matching::Exact))
        for (const QString &name : pattern.value().parameterNames())
            params.insert(name, QString());
    return prettyJson(QJsonObject{{u"params"_s, params}});
}

void PayloadPanel::refreshSaved()
{
    const QString current = m_saved->currentText();
    m_saved->clear();
    m_saved->addItem(tr("(unsaved)"));
    m_saved->addItems(savedNames());
    const int index = m_saved->findText(current);
    m_saved->setCurrentIndex(index > 0 ? index : 0);
    m_delete->setEnabled(m_saved->count() > 1);
    m_save->setEnabled(pipeRow() >= 0);
}

QString PayloadPanel::text() const
{
    return m_text->toPlainText();
}

void PayloadPanel::setText(const QString &text)
{
    m_text->setPlainText(text);
}

std::optional<QJsonValue> PayloadPanel::payload()
{
    const QString text = m_text->toPlainText().trimmed();
    if (text.isEmpty())
        return QJsonValue(QJsonObject());
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        m_error->setText(tr("Not JSON: %1 at character %2").arg(error.errorString()).arg(error.offset));
        m_error->show();
        return std::nullopt;
    }
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

void PayloadPanel::loadPayload(const QString &name)
{
    for (const QJsonValue &entry : saved()) {
        const QJsonObject object = entry.toObject();
        if (object.value(u"name"_s).toString() == name) {
            setText(prettyJson(object.value(u"input"_s)));
            m_saved->setCurrentIndex(std::max(0, m_saved->findText(name)));
            return;
        }
    }
}

void PayloadPanel::savePayload(const QString &name)
{
    const int row = pipeRow();
    const std::optional<QJsonValue> input = payload();
    if (row < 0 || !input)
        return;
    QJsonArray list = saved();
    const QJsonObject entry{{u"name"_s, name}, {u"input"_s, *input}};
    const QStringList names = savedNames();
    if (const qsizetype at = names.indexOf(name); at >= 0)
        list.replace(at, entry);
    else
        list.append(entry);
    m_editor->setField(ownerKind, row, QString(payloadsKey), list);
    m_saved->setCurrentIndex(std::max(0, m_saved->findText(name)));
}

void PayloadPanel::deletePayload(const QString &name)
{
    const int row = pipeRow();
    const qsizetype at = savedNames().indexOf(name);
    if (row < 0 || at < 0)
        return;
    QJsonArray list = saved();
    list.removeAt(at);
    m_editor->setField(ownerKind, row, QString(payloadsKey),
        list.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(list));
}

} // namespace jb
