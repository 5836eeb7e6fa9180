#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace jb {

// What a new project starts with: its manifest and the two environments every journey needs, so
// that the connectivity tests, the firewall request and the pipe runs have somewhere to run from
// the first minute. `test` is the loopback the workbench's mocks and local servers answer on;
// `prod` is left for the customer's source addresses.
class ProjectTemplate final
{
public:
    struct File
    {
        QString path; // relative to the project folder
        QByteArray bytes;
    };

    static QList<File> files(const QString &name);
};

} // namespace jb
