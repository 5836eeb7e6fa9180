#pragma once

#include "transformspec.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QToolButton;

namespace jb {

// Edits one rule's chain of transforms: the steps in order (add from the catalogue, remove, move),
// the selected step's parameters as a small form, and the whole chain as text (the De-Para's
// notation), either of which can be edited. Every finished edit is announced once, as the whole
// new chain (chainEdited); the owner writes it through DocumentEditor and hands the stored chain
// back with setChain.
class TransformChainEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransformChainEditor)

public:
    explicit TransformChainEditor(QWidget *parent = nullptr);

    // `target` is the consumer field the chain belongs to; `sourceFields` feed the field pickers.
    void setChain(const QString &target, const QList<TransformSpec> &chain, const QStringList &sourceFields);
    void clearChain(const QString &why);
    QList<TransformSpec> chain() const { return m_chain; }
    QString target() const { return m_target; }
    QListWidget *stepList() const { return m_steps; }
    QLineEdit *textEdit() const { return m_text; }
    // Adds a step with the catalogue's defaults (what the Add menu does).
    void addStep(TransformOp op);

Q_SIGNALS:
    void chainEdited(const QList<TransformSpec> &chain);

private:
    void rebuildList(int select, bool form = true);
    void rebuildForm();
    void commit(QList<TransformSpec> chain, int select, bool form = true);
    void moveStep(int delta);

    QString m_target;
    QList<TransformSpec> m_chain;
    QStringList m_sourceFields;
    QLabel *m_title;
    QListWidget *m_steps;
    QToolButton *m_add;
    QToolButton *m_remove;
    QToolButton *m_up;
    QToolButton *m_down;
    QLabel *m_description;
    QWidget *m_formHost;
    QFormLayout *m_form;
    QLineEdit *m_text;
    QLabel *m_textError;
};

} // namespace jb
