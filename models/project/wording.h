#pragma once

#include <QString>

namespace jb {

// The small grammar of the messages shown to the user: a count with its noun in the right number
// ("1 run", "2 runs"), a noun with its article ("a server", "an exposed endpoint", "an SFTP
// server"), a label as it reads inside a sentence. One place, so no message says "1 openings".
class Wording final
{
public:
    // "1 opening", "3 openings"; plural defaults to singular + "s"
    static QString count(qsizetype n, const QString &singular, const QString &plural = QString());
    // "a server", "an endpoint", "an SFTP server", "a VPN tunnel": by how the first word sounds
    static QString withArticle(const QString &noun);
    // "Server" -> "server", "VPN tunnel" -> "VPN tunnel"
    static QString inSentence(const QString &label);
};

} // namespace jb
