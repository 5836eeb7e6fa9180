#include "entityfilter.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace jb {

EntityFilter::EntityFilter(const QString &text)
{
    static const QRegularExpression spaces(u"\\s+"_s);
    for (const QString &token : text.split(spaces, Qt::SkipEmptyParts)) {
        if (token.compare(u"!problems"_s, Qt::CaseInsensitive) == 0) {
            m_onlyProblems = true;
            continue;
        }
        // "key:word"; a leading or trailing colon ("::1", "http:") is part of the word
        const qsizetype colon = token.indexOf(u':');
        if (colon > 0 && colon < token.size() - 1)
            m_terms.append({fold(token.left(colon)), fold(token.mid(colon + 1))});
        else
            m_terms.append({QString(), fold(token)});
    }
}

bool EntityFilter::isEmpty() const
{
    return m_terms.isEmpty() && !m_onlyProblems;
}

QString EntityFilter::fold(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        switch (c.category()) {
        case QChar::Mark_NonSpacing:
        case QChar::Mark_SpacingCombining:
        case QChar::Mark_Enclosing:
            break; // the accent of a decomposed letter
        default:
            folded.append(c);
        }
    }
    return folded.toCaseFolded();
}

bool EntityFilter::accepts(const QList<QPair<QString, QString>> &cells, int problemCount) const
{
    if (m_onlyProblems && problemCount == 0)
        return false;
    if (m_terms.isEmpty())
        return true;
    QList<QPair<QString, QString>> folded;
    folded.reserve(cells.size());
    for (const auto &[key, text] : cells)
        folded.append({fold(key), fold(text)});
    auto anyCellContains = [&folded](const QString &key, const QString &word) {
        return std::any_of(folded.cbegin(), folded.cend(), [&](const QPair<QString, QString> &cell) {
            return (key.isEmpty() || cell.first == key) && cell.second.contains(word);
        });
    };
    for (const Term &term : m_terms) {
        if (term.key.isEmpty()) {
            if (!anyCellContains(QString(), term.word))
                return false;
            continue;
        }
        const bool knownKey = std::any_of(folded.cbegin(), folded.cend(),
            [&](const QPair<QString, QString> &cell) { return cell.first == term.key; });
        // a colon that names no column is part of what was typed (an IPv6 address, "http://...")
        if (knownKey ? !anyCellContains(term.key, term.word)
                     : !anyCellContains(QString(), term.key + u':' + term.word))
            return false;
    }
    return true;
}

} // namespace jb
