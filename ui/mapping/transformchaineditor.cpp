#include "transformchaineditor.h"

#include "statustint.h"
#include "transformcatalog.h"

#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// "A = active" per line <-> {"A": "active"}
QString tableText(const QJsonObject &table)
{
    QStringList lines;
    for (auto it = table.begin(); it != table.end(); ++it)
        lines.append(it.key() + u" = "_s + it.value().toVariant().toString());
    return lines.join(u'\n');
}

QJsonObject parseTable(const QString &text)
{
    QJsonObject table;
    for (const QString &line : text.split(u'\n')) {
        const qsizetype eq = line.indexOf(u'=');
        if (eq < 0)
            continue;
        const QString key = line.left(eq).trimmed();
        if (!key.isEmpty())
            table.insert(key, line.mid(eq + 1).trimmed());
    }
    return table;
}

// A plain-text editor that reports when the user is done (focus leaves), like a line edit.
class FinishingTextEdit final : public QPlainTextEdit
{
public:
    using QPlainTextEdit::QPlainTextEdit;
    std::function<void()> finished;

protected:
    void focusOutEvent(QFocusEvent *event) override
    {
        QPlainTextEdit::focusOutEvent(event);
        if (finished && document()->isModified()) {
            document()->setModified(false);
            finished();
        }
    }
};

} // namespace

TransformChainEditor::TransformChainEditor(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_steps(new QListWidget(this))
    , m_add(new QToolButton(this))
    , m_remove(new QToolButton(this))
    , m_up(new QToolButton(this))
    , m_down(new QToolButton(this))
    , m_description(new QLabel(this))
    , m_formHost(new QWidget(this))
    , m_form(new QFormLayout(m_formHost))
    , m_text(new QLineEdit(this))
    , m_textError(new QLabel(this))
{
    m_title->setObjectName(u"chainTitle"_s);
    m_steps->setObjectName(u"transformSteps"_s);
    m_text->setObjectName(u"chainText"_s);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_add->setText(u"Add"_s);
    m_add->setToolTip(u"Add a transform at the end of the chain"_s);
    m_add->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_add);
    for (const TransformInfo &info : TransformCatalog::all()) {
        QAction *action = menu->addAction(info.label);
        action->setToolTip(info.description);
        connect(action, &QAction::triggered, this, [this, op = info.op] { addStep(op); });
    }
    m_add->setMenu(menu);
    m_remove->setText(u"Remove"_s);
    m_up->setText(u"▲"_s);
    m_up->setToolTip(u"Earlier in the chain"_s);
    m_down->setText(u"▼"_s);
    m_down->setToolTip(u"Later in the chain"_s);
    for (QToolButton *button : {m_add, m_remove, m_up, m_down})
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_steps->setMaximumHeight(120);
    m_description->setWordWrap(true);
    m_description->setForegroundRole(QPalette::PlaceholderText);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_text->setPlaceholderText(u"trim | upper | pad(side=\"left\", width=8, char=\"0\")"_s);
    m_text->setToolTip(u"The chain as the De-Para writes it; edit it here and press Enter"_s);
    m_textError->setWordWrap(true);
    StatusTint::apply(m_textError, ThemeColors::Status::Error);
    m_textError->hide();

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    buttons->addStretch();
    auto *listRow = new QHBoxLayout;
    listRow->addWidget(m_steps, 1);
    listRow->addLayout(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addLayout(listRow);
    layout->addWidget(m_description);
    layout->addWidget(m_formHost);
    layout->addWidget(m_text);
    layout->addWidget(m_textError);
    layout->addStretch();

    connect(m_steps, &QListWidget::currentRowChanged, this, [this] { rebuildForm(); });
    connect(m_remove, &QToolButton::clicked, this, [this] {
        const int row = m_steps->currentRow();
        if (row < 0 || row >= m_chain.size())
            return;
        QList<TransformSpec> chain = m_chain;
        chain.removeAt(row);
        commit(chain, std::min(row, static_cast<int>(chain.size()) - 1));
    });
    connect(m_up, &QToolButton::clicked, this, [this] { moveStep(-1); });
    connect(m_down, &QToolButton::clicked, this, [this] { moveStep(1); });
    connect(m_text, &QLineEdit::editingFinished, this, [this] {
        const Result<QList<TransformSpec>> parsed = TransformSpec::parseChain(m_text->text());
        if (!parsed) {
            m_textError->setText(parsed.errorString());
            m_textError->show();
            return;
        }
        m_textError->hide();
        if (parsed.value() != m_chain)
            commit(parsed.value(), static_cast<int>(parsed.value().size()) - 1);
    });
    clearChain(u"Choose a consumer field to see its transforms."_s);
}

void TransformChainEditor::setChain(
    const QString &target, const QList<TransformSpec> &chain, const QStringList &sourceFields)
{
    setEnabled(true);
    const bool same = target == m_target && chain == m_chain && sourceFields == m_sourceFields;
    m_sourceFields = sourceFields;
    m_title->setText(u"Transforms of %1"_s.arg(target));
    if (same)
        return; // our own edit coming back: the widgets already show it (and may be in use)
    const int keep = target == m_target ? m_steps->currentRow() : 0;
    m_target = target;
    m_chain = chain;
    rebuildList(std::min(keep, static_cast<int>(chain.size()) - 1));
}

void TransformChainEditor::clearChain(const QString &why)
{
    m_target.clear();
    m_chain.clear();
    m_title->setText(why);
    rebuildList(-1);
    setEnabled(false);
}

void TransformChainEditor::addStep(TransformOp op)
{
    QList<TransformSpec> chain = m_chain;
    TransformSpec spec = TransformCatalog::defaults(op);
    if (op == TransformOp::Concat && !m_sourceFields.isEmpty())
        spec.params.insert(u"fields"_s, QJsonArray{m_sourceFields.constFirst()});
    chain.append(spec);
    commit(chain, static_cast<int>(chain.size()) - 1);
}

void TransformChainEditor::moveStep(int delta)
{
    const int row = m_steps->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_chain.size())
        return;
    QList<TransformSpec> chain = m_chain;
    chain.swapItemsAt(row, to);
    commit(chain, to);
}

void TransformChainEditor::commit(QList<TransformSpec> chain, int select, bool form)
{
    m_chain = std::move(chain);
    rebuildList(select, form);
    Q_EMIT chainEdited(m_chain);
}

void TransformChainEditor::rebuildList(int select, bool form)
{
    {
        const QSignalBlocker blocker(m_steps);
        m_steps->clear();
        for (qsizetype i = 0; i < m_chain.size(); ++i) {
            const TransformSpec &spec = m_chain.at(i);
            QString label = u"%1. %2"_s.arg(i + 1).arg(TransformCatalog::info(spec.op).label);
            if (!spec.params.isEmpty())
                label += u"  "_s + spec.toText().section(u'(', 1).chopped(1);
            m_steps->addItem(label);
        }
        if (select >= 0 && select < m_steps->count())
            m_steps->setCurrentRow(select);
    }
    m_text->setText(TransformSpec::chainText(m_chain));
    m_textError->hide();
    const int row = m_steps->currentRow();
    m_remove->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_chain.size());
    if (form)
        rebuildForm();
}

void TransformChainEditor::rebuildForm()
{
    // widgets of the old form may be the ones reporting this edit: delete them later
    while (m_form->rowCount() > 0) {
        QFormLayout::TakeRowResult taken = m_form->takeRow(0);
        for (QLayoutItem *item : {taken.labelItem, taken.fieldItem}) {
            if (item && item->widget())
                item->widget()->deleteLater();
            delete item;
        }
    }
    const int row = m_steps->currentRow();
    m_remove->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_chain.size());
    if (row < 0 || row >= m_chain.size()) {
        m_description->setText(m_chain.isEmpty() && !m_target.isEmpty()
                ? u"No transforms: the value is copied as it is (converted to the field's type)."_s
                : QString());
        return;
    }
    const TransformSpec spec = m_chain.at(row);
    const TransformInfo &info = TransformCatalog::info(spec.op);
    m_description->setText(info.description);
    const auto update = [this, row](const QString &key, const QJsonValue &value) {
        if (row >= m_chain.size())
            return;
        QList<TransformSpec> chain = m_chain;
        if (value.isUndefined()
            || (value.isString() && value.toString().isEmpty() && key != u"value" && key != u"separator"))
            chain[row].params.remove(key);
        else
            chain[row].params.insert(key, value);
        // the form stays: the user may be on their way to the next parameter
        if (chain != m_chain)
            commit(chain, row, false);
    };
    for (const TransformParam &param : info.params) {
        const QJsonValue current = spec.params.value(param.key);
        QWidget *field = nullptr;
        switch (param.kind) {
        case TransformParam::Kind::Choice: {
            auto *combo = new QComboBox(m_formHost);
            for (const QString &choice : param.choices)
                combo->addItem(choice.isEmpty() ? u"(none)"_s : choice, choice);
            const int index
                = combo->findData(current.isUndefined() ? param.defaultValue.toString() : current.toString());
            combo->setCurrentIndex(std::max(index, 0));
            connect(combo, &QComboBox::activated, this,
                [update, combo, key = param.key] { update(key, combo->currentData().toString()); });
            field = combo;
            break;
        }
        case TransformParam::Kind::Integer: {
            auto *edit = new QLineEdit(m_formHost);
            edit->setValidator(new QIntValidator(-100000, 100000, edit));
            edit->setText(current.isUndefined() ? QString() : QString::number(current.toInt()));
            edit->setPlaceholderText(param.hint);
            connect(edit, &QLineEdit::editingFinished, this, [update, edit, key = param.key] {
                update(key,
                    edit->text().isEmpty() ? QJsonValue(QJsonValue::Undefined)
                                           : QJsonValue(edit->text().toInt()));
            });
            field = edit;
            break;
        }
        case TransformParam::Kind::Fields: {
            auto *edit = new QLineEdit(m_formHost);
            QStringList fields;
            for (const QJsonValue &value : current.toArray())
                fields.append(value.toString());
            edit->setText(fields.join(u", "_s));
            edit->setPlaceholderText(u"provider fields, separated by commas"_s);
            edit->setCompleter(new QCompleter(m_sourceFields, edit));
            connect(edit, &QLineEdit::editingFinished, this, [update, edit, key = param.key] {
                QJsonArray list;
                for (const QString &name : edit->text().split(u',', Qt::SkipEmptyParts))
                    list.append(name.trimmed());
                update(key, list);
            });
            field = edit;
            break;
        }
        case TransformParam::Kind::Table:
        case TransformParam::Kind::Code: {
            auto *edit = new FinishingTextEdit(m_formHost);
            const bool table = param.kind == TransformParam::Kind::Table;
            edit->setPlainText(table ? tableText(current.toObject()) : current.toString());
            edit->setPlaceholderText(table ? u"A = active\nI = inactive"_s : u"value.trim()"_s);
            edit->setFixedHeight(table ? 90 : 70);
            QFont mono(u"monospace"_s);
            mono.setStyleHint(QFont::Monospace);
            edit->setFont(mono);
            edit->document()->setModified(false);
            edit->finished = [update, edit, table, key = param.key] {
                update(key,
                    table ? QJsonValue(parseTable(edit->toPlainText())) : QJsonValue(edit->toPlainText()));
            };
            field = edit;
            break;
        }
        case TransformParam::Kind::Text: {
            auto *edit = new QLineEdit(m_formHost);
            edit->setText(current.isUndefined() ? QString() : current.toVariant().toString());
            edit->setPlaceholderText(
                param.hint.isEmpty() ? param.defaultValue.toVariant().toString() : param.hint);
            connect(edit, &QLineEdit::editingFinished, this,
                [update, edit, key = param.key] { update(key, edit->text()); });
            field = edit;
            break;
        }
        }
        field->setObjectName(u"param-"_s + param.key);
        field->setToolTip(param.hint);
        m_form->addRow(param.label + (param.required ? u" *"_s : QString()), field);
    }
}

} // namespace jb
