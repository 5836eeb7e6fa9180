#include "renameoffer.h"

#include "documenteditor.h"
#include "projectdocument.h"

#include <QMessageBox>
#include <QPushButton>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace jb {

RenameOffer::RenameOffer(DocumentEditor *editor, QString kind, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_editor(editor)
    , m_kind(std::move(kind))
    , m_dialogParent(dialogParent)
{ }

void RenameOffer::offer(int row)
{
    const EntityRecord &record = m_editor->document()->at(m_kind, row);
    const QString oldId = record.id();
    const QString newId = m_editor->renamedId(m_kind, row, record.name());
    if (newId == oldId || record.name().trimmed().isEmpty())
        return;
    // offer() follows the name edit: the command on top of the stack is that edit
    const QUndoStack *stack = m_editor->undoStack();
    const QUndoCommand *nameEdit = stack && stack->index() > 0 ? stack->command(stack->index() - 1) : nullptr;
    const QStringList referrers = m_editor->referrers(m_kind, oldId);
    const QString where = referrers.isEmpty() ? u"No other entity names it."_s
        : referrers.size() == 1
        ? u"%1 names it and will follow."_s.arg(referrers.first())
        : u"%1 entities name it and will follow: %2."_s.arg(referrers.size()).arg(referrers.join(u", "_s));
    auto *box = new QMessageBox(QMessageBox::Question, u"Rename the Id Too?"_s,
        u"Rename the id \u201c%1\u201d to \u201c%2\u201d as well?"_s.arg(oldId, newId),
        QMessageBox::Yes | QMessageBox::No, m_dialogParent);
    box->setObjectName(u"renameIdOffer"_s);
    box->setInformativeText(u"The id names the file (%1) and is what other entities refer to. %2 "
                            u"One undo takes the whole rename back."_s.arg(record.path, where));
    box->setDefaultButton(QMessageBox::No); // ids are what git history and other tools know
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, oldId, newId, nameEdit](int result) {
        if (result == QMessageBox::Yes)
            rename(oldId, newId, nameEdit);
    });
    box->open();
}

void RenameOffer::rename(const QString &oldId, const QString &newId, const QUndoCommand *nameEdit)
{
    // the answer may come after other edits: find the entity again by the id it had
    const int row = m_editor->document()->rowOf(m_kind, oldId);
    if (row < 0)
        return;
    QUndoStack *stack = m_editor->undoStack();
    const bool nameEditOnTop = stack && nameEdit && stack->index() == stack->count()
        && stack->command(stack->index() - 1) == nameEdit;
    if (!nameEditOnTop) {
        // other edits came between: folding the name edit in would undo them too
        m_editor->renameEntity(m_kind, row, newId);
        return;
    }
    // one undo step for what the user did as one: take the name edit back and let the rename set
    // the name with the id; the rename's push then drops the undone name edit from the stack
    const QString name = m_editor->document()->at(m_kind, row).name();
    stack->undo();
    if (!m_editor->renameEntity(m_kind, row, newId, name))
        stack->redo(); // the id was taken meanwhile: keep the name as it was edited
}

} // namespace jb
