#pragma once

#include <QDialog>
#include <QJsonObject>

#include <functional>

class QLabel;
class QPlainTextEdit;

namespace jb {

// Edits one unit case as JSON text. OK keeps the text only when it parses as an object and the
// check (the suite read with the edited case in place) finds nothing wrong; otherwise the
// problems show below the text and the dialog stays open.
class CaseJsonDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaseJsonDialog)

public:
    // `check` gives the problems of a candidate case, one a line (none: it is good).
    using Check = std::function<QStringList(const QJsonObject &)>;
    CaseJsonDialog(const QJsonObject &test, Check check, QWidget *parent = nullptr);

    QJsonObject edited() const { return m_edited; }
    QPlainTextEdit *editor() const { return m_text; }
    QLabel *problemLabel() const { return m_problems; }
    // Checks the text; keeps it and returns true when it is good.
    bool tryAccept();

private:
    Check m_check;
    QJsonObject m_edited;
    QPlainTextEdit *m_text;
    QLabel *m_problems;
};

} // namespace jb
