#include "checklistpanel.h"

#include "checklistdelegate.h"
#include "checklistmodel.h"
#include "documenteditor.h"
#include "icons.h"
#include "projectdocument.h"
#include "signoffdialog.h"
#include "tablestyle.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace jb {

ChecklistPanel::ChecklistPanel(DocumentEditor *editor, Phase phase, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_phase(phase)
    , m_model(new ChecklistModel(editor, phase, this))
    , m_view(new QTableView(this))
    , m_signOff(new QPushButton(Icons::icon(Icons::Glyph::Signoff), u"&Sign Off…"_s, this))
    , m_clearSignoff(new QPushButton(u"C&lear Sign-off"_s, this))
    , m_addItem(new QPushButton(Icons::icon(Icons::Glyph::Add), u"Add &Item…"_s, this))
    , m_removeItem(new QPushButton(Icons::icon(Icons::Glyph::Remove), u"Remove Item"_s, this))
    , m_phaseSignOff(new QPushButton(this))
    , m_phaseState(new QLabel(this))
{
    m_view->setModel(m_model);
    m_view->setItemDelegate(new ChecklistDelegate(m_view));
    TableStyle::apply(m_view);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ChecklistModel::TitleColumn, QHeaderView::Stretch);
    header->resizeSection(ChecklistModel::StatusColumn, 130);
    header->resizeSection(ChecklistModel::OwnerColumn, 150);
    header->resizeSection(ChecklistModel::EvidenceColumn, 170);
    header->resizeSection(ChecklistModel::SignoffColumn, 200);

    m_signOff->setToolTip(u"Sign the selected item off: who, when and a comment"_s);
    m_phaseState->setTextFormat(Qt::RichText);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(6);
    for (QPushButton *button : {m_signOff, m_clearSignoff, m_addItem, m_removeItem})
        buttons->addWidget(button);
    buttons->addStretch(1);
    buttons->addWidget(m_phaseState);
    buttons->addWidget(m_phaseSignOff);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_signOff, &QPushButton::clicked, this, &ChecklistPanel::signOffItem);
    connect(m_clearSignoff, &QPushButton::clicked, this, [this] {
        const int row = m_view->currentIndex().row();
        if (row >= 0)
            m_model->clearSignoff(row);
    });
    connect(m_addItem, &QPushButton::clicked, this, &ChecklistPanel::addItem);
    connect(m_removeItem, &QPushButton::clicked, this, [this] {
        const int row = m_view->currentIndex().row();
        if (row >= 0 && m_model->item(row).custom)
            m_model->removeCustomItem(row);
    });
    connect(m_phaseSignOff, &QPushButton::clicked, this, [this] {
        if (Checklist::phaseSignoff(m_editor->document()->manifest(), m_phase).isSigned())
            clearPhaseSignoff();
        else
            signOffPhase();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &ChecklistPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ChecklistPanel::fitHeight);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ChecklistPanel::fitHeight);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ChecklistPanel::fitHeight);
    fitHeight();
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ChecklistPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ChecklistPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ChecklistPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ChecklistPanel::updateButtons);
    connect(m_editor->document(), &ProjectDocument::manifestChanged, this, &ChecklistPanel::updateButtons);
    connect(m_editor->document(), &ProjectDocument::wasReset, this, &ChecklistPanel::updateButtons);
    updateButtons();
}

void ChecklistPanel::setCompact(bool compact)
{
    m_compact = compact;
    fitHeight();
}

void ChecklistPanel::fitHeight()
{
    // every item in sight (up to eight, or all when compact): the checklist is the point of the page
    const int rows = m_compact ? std::max(m_model->rowCount(), 1) : std::clamp(m_model->rowCount(), 3, 8);
    const int height = m_view->horizontalHeader()->sizeHint().height()
        + rows * m_view->verticalHeader()->defaultSectionSize() + 2 * m_view->frameWidth();
    m_view->setMinimumHeight(height);
    m_view->setMaximumHeight(m_compact ? height : QWIDGETSIZE_MAX);
}

QString ChecklistPanel::defaultSigner() const
{
    return SignoffDialog::defaultSigner(m_editor->document()->manifest().value(u"owner"_s).toString());
}

void ChecklistPanel::signOffItem()
{
    const int row = m_view->currentIndex().row();
    if (row < 0)
        return;
    SignoffDialog dialog(m_model->item(row).title, defaultSigner(), this);
    if (dialog.exec() == QDialog::Accepted)
        m_model->signOff(row, dialog.signoff());
}

void ChecklistPanel::signOffPhase()
{
    const PhaseInfo &info = Phases::info(m_phase);
    SignoffDialog dialog(
        u"Phase %1 — %2"_s.arg(Phases::number(m_phase)).arg(info.title), defaultSigner(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QJsonObject manifest = m_editor->document()->manifest();
    m_editor->setManifest(Checklist::withPhaseSignoff(manifest, m_phase, dialog.signoff()),
        u"Sign off phase %1"_s.arg(info.title));
}

void ChecklistPanel::clearPhaseSignoff()
{
    const QJsonObject manifest = m_editor->document()->manifest();
    m_editor->setManifest(Checklist::withPhaseSignoff(manifest, m_phase, Signoff()),
        u"Clear the sign-off of phase %1"_s.arg(Phases::info(m_phase).title));
}

void ChecklistPanel::addItem()
{
    bool ok = false;
    const QString title = QInputDialog::getText(
        this, u"Add Checklist Item"_s, u"What must be done:"_s, QLineEdit::Normal, QString(), &ok);
    if (!ok || title.trimmed().isEmpty())
        return;
    const int row = m_model->addCustomItem(title.trimmed());
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, ChecklistModel::StatusColumn));
}

void ChecklistPanel::updateButtons()
{
    const int row = m_view->currentIndex().row();
    const bool valid = row >= 0 && row < m_model->rowCount();
    const ChecklistItem item = valid ? m_model->item(row) : ChecklistItem();
    const bool hasProject = m_editor->document()->hasFolder();
    m_signOff->setEnabled(valid && hasProject);
    m_clearSignoff->setEnabled(valid && item.signoff.isSigned());
    m_addItem->setEnabled(hasProject);
    m_removeItem->setEnabled(valid && item.custom);

    const Signoff phase = Checklist::phaseSignoff(m_editor->document()->manifest(), m_phase);
    if (phase.isSigned()) {
        const QDateTime at = QDateTime::fromString(phase.at, Qt::ISODate);
        m_phaseState->setText(u"Phase signed off by <b>%1</b> on %2"_s.arg(phase.by.toHtmlEscaped(),
            at.isValid() ? at.date().toString(Qt::ISODate) : phase.at.toHtmlEscaped()));
        m_phaseState->setToolTip(phase.comment);
        m_phaseSignOff->setText(u"Clear &Phase Sign-off"_s);
        m_phaseSignOff->setIcon(QIcon());
    } else {
        m_phaseState->clear();
        m_phaseState->setToolTip(QString());
        m_phaseSignOff->setText(u"Sign Off &Phase…"_s);
        m_phaseSignOff->setIcon(Icons::icon(Icons::Glyph::Signoff));
    }
    m_phaseSignOff->setEnabled(hasProject);
}

} // namespace jb
