#include "probeeditordialog.h"

#include "entitychecker.h"
#include "journeyschema.h"
#include "statustint.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

const KindSpec &probeKind()
{
    return *JourneySchema::kind(u"probe"_s);
}

// Kept from the probe as it came: what it tests is the planner's business, not the form's.
bool keptAsIs(const QString &key)
{
    return key == u"id" || key == u"sources";
}

} // namespace

ProbeEditorDialog::ProbeEditorDialog(const QJsonObject &probe, const QStringList &environments,
    const QList<ProbeTarget> &targets, QWidget *parent)
    : QDialog(parent)
    , m_original(probe)
    , m_targets(targets)
    , m_form(new QFormLayout)
    , m_problems(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"probeEditor"_s);
    setWindowTitle(probe.value(u"id"_s).toString().isEmpty()
            ? u"New probe"_s
            : u"Probe %1"_s.arg(probe.value(u"id"_s).toString()));
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    if (!m_targets.isEmpty()) {
        // what the inventory records already: picked, not retyped
        m_targetBox = new QComboBox(this);
        m_targetBox->setObjectName(u"probeTarget"_s);
        m_targetBox->setToolTip(u"Fill the type, host, port and the rest from a recorded server port, "
                                u"endpoint or database"_s);
        m_targetBox->addItem(u"(none: type them below)"_s);
        for (const ProbeTarget &target : std::as_const(m_targets))
            m_targetBox->addItem(target.label, target.source);
        m_targetBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        m_targetBox->setMinimumContentsLength(30);
        // as wide as the form: a label names the host and port, and must not be cut
        m_targetBox->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        connect(m_targetBox, &QComboBox::activated, this, &ProbeEditorDialog::pickTarget);
        m_form->addRow(u"From the inventory:"_s, m_targetBox);
    }
    for (const FieldSpec &field : probeKind().fields) {
        if (keptAsIs(field.key))
            continue;
        QWidget *editor = makeEditor(field, environments);
        editor->setObjectName(field.key);
        if (!field.hint.isEmpty())
            editor->setToolTip(field.hint);
        m_rowOf.insert(field.key, int(m_rows.size()));
        m_rows.append({&field, editor});
        m_form->addRow(field.label + u':', editor);
        setValue(field.key, probe.value(field.key));
    }
    if (probe.value(u"phase"_s).isUndefined())
        setValue(u"phase"_s, 2);

    m_problems->setObjectName(u"probeProblems"_s);
    m_problems->setWordWrap(true);
    StatusTint::apply(m_problems, ThemeColors::Status::Error);

    auto *inner = new QWidget;
    inner->setLayout(m_form);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(inner);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_problems);
    layout->addWidget(m_buttons);
    resize(m_targetBox ? 700 : 560, 620); // the picker's entries name entity, host and port
    updateForm();
}

void ProbeEditorDialog::pickTarget(int index)
{
    if (m_targetBox && m_targetBox->currentIndex() != index)
        m_targetBox->setCurrentIndex(index);
    if (index < 1 || index > m_targets.size())
        return;
    const ProbeTarget &target = m_targets.at(index - 1);
    // what an earlier pick (or typing) left in the target's fields goes: the form shows this target
    for (const QString &key : {u"host"_s, u"port"_s, u"url"_s, u"path"_s, u"user"_s, u"secret"_s,
             u"database"_s, u"validationQuery"_s, u"tables"_s})
        setValue(key, QJsonValue::Undefined);
    setValue(u"type"_s, target.fields.value(u"type"_s)); // first: it decides which fields show
    for (auto it = target.fields.begin(); it != target.fields.end(); ++it)
        setValue(it.key(), it.value());
    const QString name = valueOf(m_rows.at(m_rowOf.value(u"name"_s))).toString();
    // a name nobody typed (the default, or an earlier pick's) follows the pick
    if (name.isEmpty() || name == u"New probe" || name == m_pickedName) {
        setValue(u"name"_s, target.label);
        m_pickedName = target.label;
    }
    if (!m_original.contains(u"sources"_s))
        m_pickedSource = target.source;
    updateForm();
}

QWidget *ProbeEditorDialog::makeEditor(const FieldSpec &field, const QStringList &environments)
{
    QWidget *editor = nullptr;
    if (field.key == u"phase") {
        auto *box = new QComboBox(this);
        box->addItem(u"1 Connection"_s, 1);
        box->addItem(u"2 Servers / DB"_s, 2);
        connect(box, &QComboBox::currentIndexChanged, this, &ProbeEditorDialog::updateForm);
        editor = box;
    } else if (field.key == u"environment") {
        auto *box = new QComboBox(this);
        box->addItem(u"(every environment)"_s, QString());
        for (const QString &environment : environments)
            box->addItem(environment, environment);
        connect(box, &QComboBox::currentIndexChanged, this, &ProbeEditorDialog::updateForm);
        editor = box;
    } else {
        switch (field.type) {
        case FieldType::Bool: {
            auto *check = new QCheckBox(this);
            if (field.key == u"insecure") // as loud here as in the results
            {
                StatusTint::apply(check, ThemeColors::Status::Error);
                check->setStyleSheet(u"QCheckBox { font-weight: bold; }"_s);
            }
            connect(check, &QCheckBox::toggled, this, &ProbeEditorDialog::updateForm);
            editor = check;
            break;
        }
        case FieldType::Enum: {
            auto *box = new QComboBox(this);
            box->addItems(field.choices);
            connect(box, &QComboBox::currentIndexChanged, this, &ProbeEditorDialog::updateForm);
            editor = box;
            break;
        }
        case FieldType::Integer:
        case FieldType::Port: {
            auto *spin = new QSpinBox(this);
            spin->setRange(0, field.type == FieldType::Port ? 65535 : 3'600'000);
            spin->setSpecialValueText(u"—"_s); // 0: not set, the default applies
            connect(spin, &QSpinBox::valueChanged, this, &ProbeEditorDialog::updateForm);
            editor = spin;
            break;
        }
        case FieldType::LongText: {
            auto *text = new QPlainTextEdit(this);
            text->setFixedHeight(text->fontMetrics().lineSpacing() * 4 + 12);
            connect(text, &QPlainTextEdit::textChanged, this, &ProbeEditorDialog::updateForm);
            editor = text;
            break;
        }
        default: {
            auto *line = new QLineEdit(this);
            line->setPlaceholderText(field.isList() ? u"comma-separated"_s : field.hint);
            connect(line, &QLineEdit::textChanged, this, &ProbeEditorDialog::updateForm);
            editor = line;
            break;
        }
        }
    }
    return editor;
}

void ProbeEditorDialog::setValue(const QString &key, const QJsonValue &value)
{
    const int at = m_rowOf.value(key, -1);
    if (at < 0)
        return;
    QWidget *editor = m_rows.at(at).editor;
    if (auto *box = qobject_cast<QComboBox *>(editor)) {
        int index = box->findData(value.toVariant());
        if (index < 0)
            index = box->findText(value.toString());
        if (index >= 0 || !value.isUndefined())
            box->setCurrentIndex(std::max(index, 0));
    } else if (auto *check = qobject_cast<QCheckBox *>(editor)) {
        check->setChecked(value.toBool(key == u"enabled"));
    } else if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->setValue(value.toInt(0));
    } else if (auto *text = qobject_cast<QPlainTextEdit *>(editor)) {
        text->setPlainText(value.toString());
    } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items.append(item.toString());
        line->setText(value.isArray() ? items.join(u", "_s) : value.toVariant().toString());
        line->setCursorPosition(0); // a long value filled in shows its start, as typing would
    }
}

QJsonValue ProbeEditorDialog::valueOf(const Row &row) const
{
    const FieldSpec &field = *row.field;
    if (auto *box = qobject_cast<QComboBox *>(row.editor)) {
        const QVariant data = box->currentData();
        if (field.key == u"phase")
            return data.toInt();
        const QString text = data.isValid() ? data.toString() : box->currentText();
        return text.isEmpty() ? QJsonValue() : QJsonValue(text);
    }
    if (auto *check = qobject_cast<QCheckBox *>(row.editor))
        return check->isChecked();
    if (auto *spin = qobject_cast<QSpinBox *>(row.editor))
        return spin->value() > 0 ? QJsonValue(spin->value()) : QJsonValue();
    if (auto *text = qobject_cast<QPlainTextEdit *>(row.editor)) {
        const QString plain = text->toPlainText().trimmed();
        return plain.isEmpty() ? QJsonValue() : QJsonValue(plain);
    }
    const QString text = qobject_cast<QLineEdit *>(row.editor)->text().trimmed();
    if (field.isList()) {
        QJsonArray items;
        for (const QString &item : text.split(u',', Qt::SkipEmptyParts))
            if (!item.trimmed().isEmpty())
                items.append(item.trimmed());
        return items.isEmpty() ? QJsonValue() : QJsonValue(items);
    }
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonObject ProbeEditorDialog::probe() const
{
    QJsonObject object;
    for (const QString &key : {u"id"_s, u"sources"_s}) {
        if (m_original.contains(key))
            object.insert(key, m_original.value(key));
    }
    if (!m_pickedSource.isEmpty()) // a probe of a recorded entity counts for it, as generated ones do
        object.insert(u"sources"_s, QJsonArray{m_pickedSource});
    const QString type = valueOf(m_rows.at(m_rowOf.value(u"type"_s))).toString();
    for (const Row &row : m_rows) {
        if (!row.field->appliesTo(type))
            continue;
        const QJsonValue value = valueOf(row);
        if (value.isUndefined() || value.isNull())
            continue;
        if (row.field->type == FieldType::Bool && !value.toBool() && row.field->key != u"enabled")
            continue; // off is the default of every other switch
        if (row.field->key == u"enabled" && value.toBool())
            continue;
        object.insert(row.field->key, value);
    }
    return object;
}

void ProbeEditorDialog::updateForm()
{
    const int typeRow = m_rowOf.value(u"type"_s, -1);
    if (typeRow < 0 || m_rows.size() <= typeRow)
        return; // still being built
    const QString type = valueOf(m_rows.at(typeRow)).toString();
    for (const Row &row : std::as_const(m_rows))
        m_form->setRowVisible(row.editor, row.field->appliesTo(type));
    QJsonObject candidate = probe();
    if (!candidate.contains(u"id"_s))
        candidate.insert(u"id"_s, u"new-probe"_s); // the id is made when the probe is added
    QStringList problems;
    for (const FieldProblem &problem : EntityChecker::valueProblems(probeKind(), candidate)) {
        const FieldSpec *field = probeKind().field(problem.pointer.section(u'/', 1, 1));
        problems.append((field ? field->label : problem.pointer) + u": "_s + problem.message);
    }
    m_problems->setText(problems.join(u'\n'));
    m_problems->setVisible(!problems.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problems.isEmpty());
}

} // namespace jb
