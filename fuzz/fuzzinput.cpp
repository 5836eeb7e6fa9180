#include "fuzzinput.h"

#include <QCoreApplication>

namespace jb::fuzz {

void ensureApplication()
{
    if (QCoreApplication::instance())
        return;
    static int argc = 1;
    static char name[] = "journeybench-fuzz";
    static char *argv[] = {name, nullptr};
    // lives until the process ends, as libFuzzer never returns from its loop
    new QCoreApplication(argc, argv);
}

QList<QByteArray> splitInput(const QByteArray &input, char separator, qsizetype maxParts)
{
    QList<QByteArray> parts;
    qsizetype from = 0;
    while (parts.size() + 1 < maxParts) {
        const qsizetype at = input.indexOf(separator, from);
        if (at < 0)
            break;
        parts.append(input.mid(from, at - from));
        from = at + 1;
    }
    parts.append(input.mid(from));
    return parts;
}

} // namespace jb::fuzz
