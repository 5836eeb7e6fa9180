#include "casediffview.h"

#include "captioned.h"
#include "casediff.h"

#include <QFontDatabase>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTextBlock>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QPlainTextEdit *jsonView(const QString &name, QWidget *parent)
{
    auto *view = new QPlainTextEdit(parent);
    view->setObjectName(name);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return view;
}

} // namespace

CaseDiffView::CaseDiffView(QWidget *parent)
    : QWidget(parent)
    , m_paths(new QListWidget(this))
    , m_expected(jsonView(u"expectedJson"_s, this))
    , m_actual(jsonView(u"actualJson"_s, this))
{
    m_paths->setObjectName(u"differingPaths"_s);
    m_paths->setMaximumHeight(90);
    m_paths->setWordWrap(true);
    auto *sides = new QSplitter(Qt::Horizontal, this);
    sides->setChildrenCollapsible(false);
    sides->addWidget(captioned(tr("Expected"), m_expected, sides, 2));
    sides->addWidget(captioned(tr("Actual"), m_actual, sides, 2));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(captioned(tr("Differences"), m_paths, this, 2));
    layout->addWidget(sides, 1);
}

void CaseDiffView::clear()
{
    m_paths->clear();
    m_expected->clear();
    m_actual->clear();
}

void CaseDiffView::setDiff(const CaseDiff &diff)
{
    m_paths->clear();
    for (const QString &message : diff.messages)
        m_paths->addItem(message);
    m_expected->setPlainText(QString::fromUtf8(QJsonDocument(diff.expected).toJson(QJsonDocument::Indented)));
    m_actual->setPlainText(QString::fromUtf8(QJsonDocument(diff.actual).toJson(QJsonDocument::Indented)));
    // the expectations whose path is, or leads to, a differing path
    QStringList keys;
    for (auto it = diff.expected.begin(); it != diff.expected.end(); ++it) {
        for (const QString &path : diff.paths) {
            if (path == it.key() || path.startsWith(it.key() + u'.') || path.startsWith(it.key() + u'['))
                keys.append(it.key());
        }
    }
    highlight(m_expected, keys);
    highlight(m_actual, keys);
}

void CaseDiffView::highlight(QPlainTextEdit *view, const QStringList &keys)
{
    QList<QTextEdit::ExtraSelection> marks;
    const auto markBlock = [&marks](const QTextBlock &block) {
        QTextEdit::ExtraSelection mark;
        mark.format.setBackground(QColor(0xff, 0xd6, 0xd6));
        mark.format.setProperty(QTextFormat::FullWidthSelection, true);
        mark.cursor = QTextCursor(block);
        marks.append(mark);
    };
    // the whole value of a marked key: from its line to the next line at the same indentation
    int markIndent = -1;
    for (QTextBlock block = view->document()->begin(); block.isValid(); block = block.next()) {
        const QString text = block.text();
        int indent = 0;
        while (indent < text.size() && text.at(indent) == u' ')
            ++indent;
        const QString trimmed = text.trimmed();
        bool marked = false;
        if (markIndent >= 0) {
            if (indent > markIndent) {
                marked = true;
            } else if (indent == markIndent && (trimmed.startsWith(u'}') || trimmed.startsWith(u']'))) {
                marked = true;
                markIndent = -1;
                // the closing line ends the value; it cannot start another
                markBlock(block);
                continue;
            } else {
                markIndent = -1;
            }
        }
        if (!marked) {
            for (const QString &key : keys) {
                if (trimmed.startsWith(QString(u'"' + key + u"\":"_s))) {
                    marked = true;
                    if (trimmed.endsWith(u'{') || trimmed.endsWith(u'['))
                        markIndent = indent;
                }
            }
        }
        if (marked)
            markBlock(block);
    }
    view->setExtraSelections(marks);
    // the sides differ in length (the actual values are whole documents): each shows its first mark
    if (!marks.isEmpty()) {
        view->setTextCursor(marks.constFirst().cursor);
        view->centerCursor();
    }
}

QStringList CaseDiffView::highlightedLines(const QPlainTextEdit *view)
{
    QStringList lines;
    for (const QTextEdit::ExtraSelection &mark : view->extraSelections())
        lines.append(mark.cursor.block().text().trimmed());
    return lines;
}

} // namespace jb
