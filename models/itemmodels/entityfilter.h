#pragma once

#include <QString>
#include <QStringList>

namespace jb {

// What a user typed in a table's filter box, as a plain predicate: every word must appear in
// some cell of the row (case- and accent-insensitive); "key:word" limits a word to one column;
// "!problems" keeps only rows with problems.
class EntityFilter final
{
public:
    EntityFilter() = default;
    explicit EntityFilter(const QString &text);

    bool isEmpty() const;
    bool onlyProblems() const { return m_onlyProblems; }
    // `cells` are (field key, cell text) pairs of one row.
    bool accepts(const QList<QPair<QString, QString>> &cells, int problemCount) const;

    static QString fold(const QString &text); // lower case, accents removed

private:
    struct Term
    {
        QString key; // empty: any column
        QString word;
    };
    QList<Term> m_terms;
    bool m_onlyProblems = false;
};

} // namespace jb
