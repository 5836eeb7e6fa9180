#include "wording.h"

using namespace Qt::StringLiterals;

namespace jb {

QString Wording::count(qsizetype n, const QString &singular, const QString &plural)
{
    const QString noun = n == 1 ? singular : (plural.isEmpty() ? singular + u's' : plural);
    return u"%1 %2"_s.arg(n).arg(noun);
}

QString Wording::withArticle(const QString &noun)
{
    const QString first = noun.section(u' ', 0, 0);
    if (first.isEmpty())
        return noun;
    bool vowelSound = false;
    if (first.size() > 1 && first == first.toUpper()) {
        // an acronym is read letter by letter: "an FTP server", "an SFTP server", "a VPN tunnel"
        vowelSound = QStringView(u"AEFHILMNORSX").contains(first.at(0));
    } else {
        const QString lower = first.toLower();
        vowelSound = QStringView(u"aeiou").contains(lower.at(0));
        // the words of this domain that break the letter rule
        if (lower.startsWith(u"user"_s) || lower.startsWith(u"uni"_s) || lower.startsWith(u"one"_s))
            vowelSound = false;
        if (lower.startsWith(u"hour"_s))
            vowelSound = true;
    }
    return (vowelSound ? u"an "_s : u"a "_s) + noun;
}

QString Wording::inSentence(const QString &label)
{
    const QString first = label.section(u' ', 0, 0);
    if (first.size() > 1 && first == first.toUpper())
        return label;
    return label.left(1).toLower() + label.mid(1);
}

} // namespace jb
