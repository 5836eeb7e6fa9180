#include "diagnosticsdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

enum Column
{
    WhereColumn,
    ProblemColumn
};

QString whereOf(const Diagnostic &diagnostic, const QString &baseFolder)
{
    QString file = diagnostic.file;
    if (!baseFolder.isEmpty()) {
        const QString relative = QDir(baseFolder).relativeFilePath(file);
        if (!relative.startsWith(u".."_s))
            file = relative;
    }
    file = QDir::toNativeSeparators(file);
    return diagnostic.hasPosition() ? u"%1:%2:%3"_s.arg(file).arg(diagnostic.line).arg(diagnostic.column)
                                    : file;
}

} // namespace

DiagnosticsDialog::DiagnosticsDialog(const QString &title, const QString &intro,
    const Diagnostics &diagnostics, const QString &baseFolder, QWidget *parent)
    : QDialog(parent)
    , m_diagnostics(diagnostics)
    , m_list(new QTreeWidget(this))
{
    setWindowTitle(title);
    auto *label = new QLabel(intro, this);
    label->setWordWrap(true);

    m_list->setObjectName(u"diagnostics"_s);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setHeaderLabels({u"Where"_s, u"Problem"_s});
    m_list->header()->setStretchLastSection(true);
    const QIcon error = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (qsizetype i = 0; i < diagnostics.size(); ++i) {
        const Diagnostic &d = diagnostics.at(i);
        const bool isWarning = d.severity == Diagnostic::Severity::Warning;
        auto *item = new QTreeWidgetItem(
            m_list, {whereOf(d, baseFolder), isWarning ? u"warning: "_s + d.message : d.message});
        item->setIcon(WhereColumn, isWarning ? warning : error);
        item->setData(WhereColumn, Qt::UserRole, static_cast<int>(i));
        item->setToolTip(ProblemColumn, d.message);
        item->setToolTip(WhereColumn,
            d.kind.isEmpty() ? d.file : u"%1\nDouble-click or press Enter to open the field"_s.arg(d.file));
    }
    m_list->resizeColumnToContents(WhereColumn);
    m_list->setColumnWidth(WhereColumn, qMin(m_list->columnWidth(WhereColumn) + 12, 380));
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *open = buttons->addButton(u"&Open"_s, QDialogButtonBox::ActionRole);
    open->setObjectName(u"open"_s);
    QPushButton *copy = buttons->addButton(u"&Copy"_s, QDialogButtonBox::ActionRole);
    // Enter belongs to the list (it opens the row), not to a default button that would do it again
    for (QAbstractButton *button : buttons->buttons()) {
        if (auto *push = qobject_cast<QPushButton *>(button))
            push->setAutoDefault(false);
    }
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(copiedText()); });
    connect(open, &QPushButton::clicked, this, &DiagnosticsDialog::openCurrent);
    connect(m_list, &QTreeWidget::itemActivated, this, &DiagnosticsDialog::openCurrent);
    auto updateOpen = [this, open] {
        const QTreeWidgetItem *item = m_list->currentItem();
        open->setEnabled(
            item && !m_diagnostics.at(item->data(WhereColumn, Qt::UserRole).toInt()).kind.isEmpty());
    };
    connect(m_list, &QTreeWidget::currentItemChanged, this, updateOpen);
    updateOpen();
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(860, 380);
}

QString DiagnosticsDialog::copiedText() const
{
    QStringList lines;
    for (const Diagnostic &diagnostic : m_diagnostics)
        lines.append(diagnostic.format());
    return lines.join(u'\n') + u'\n';
}

void DiagnosticsDialog::openCurrent()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const Diagnostic &diagnostic = m_diagnostics.at(item->data(WhereColumn, Qt::UserRole).toInt());
    if (!diagnostic.kind.isEmpty())
        Q_EMIT openRequested(diagnostic);
}

} // namespace jb
