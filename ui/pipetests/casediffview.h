#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;

namespace jb {

struct CaseDiff;

// A case's expectations and what its run gave, side by side: two read-only JSON views, keyed by
// each expectation's path, with the lines of the differing paths highlighted in both, and the
// differing paths listed above them (each with both values, as the run wrote it).
class CaseDiffView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaseDiffView)

public:
    explicit CaseDiffView(QWidget *parent = nullptr);

    void setDiff(const CaseDiff &diff);
    void clear();

    QListWidget *pathList() const { return m_paths; }
    QPlainTextEdit *expectedView() const { return m_expected; }
    QPlainTextEdit *actualView() const { return m_actual; }
    // The lines highlighted in a view (its extra selections), as text; for tests and for the eye.
    static QStringList highlightedLines(const QPlainTextEdit *view);

private:
    void highlight(QPlainTextEdit *view, const QStringList &keys);

    QListWidget *m_paths;
    QPlainTextEdit *m_expected;
    QPlainTextEdit *m_actual;
};

} // namespace jb
