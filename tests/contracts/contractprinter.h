#pragma once

#include "contract.h"
#include "importedcontract.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace jb::testing {

// Contracts as compact text, one field per line, for tests that compare whole structures.
//   phone: string required format=^\+...$ maxLength=20 enum=a|b example=... -- description
inline QString printField(const ContractField &field)
{
    QString line = field.name + u": " + field.type;
    if (field.required)
        line += u" required";
    if (!field.format.isEmpty())
        line += u" format=" + field.format;
    if (field.maxLength)
        line += u" maxLength=" + QString::number(*field.maxLength);
    if (!field.enumValues.isEmpty())
        line += u" enum=" + field.enumValues.join(u'|');
    if (!field.example.isEmpty())
        line += u" example=" + field.example;
    if (!field.description.isEmpty())
        line += u" -- " + field.description;
    return line;
}

inline QString printContract(const Contract &contract)
{
    QStringList lines{u"contract " + contract.id + u" \"" + contract.name + u"\" (" + contract.format + u")"};
    for (const ContractField &field : contract.fields)
        lines.append(u"  " + printField(field));
    for (const ContractExample &example : contract.examples)
        lines.append(u"  example \"" + example.name + u"\" " + example.mediaType + u", "
            + QString::number(example.content.size()) + u" characters");
    return lines.join(u'\n');
}

inline QString printImported(const QList<ImportedContract> &contracts)
{
    QStringList blocks;
    for (const ImportedContract &imported : contracts) {
        QString block = printContract(imported.contract) + u"\n  from " + imported.origin;
        for (const QString &use : imported.usedBy)
            block += u"\n  used by " + use;
        blocks.append(block);
    }
    return blocks.join(u'\n') + u'\n';
}

// Compares text with an expected file; on a difference it writes the actual text beside the test
// run (for a careful diff, never copied blindly) and names the first line that differs.
inline bool sameAsFile(const QString &actual, const QString &expectedPath, QString *message)
{
    QFile file(expectedPath);
    const QString expected = file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    if (actual == expected)
        return true;
    const QString actualPath = QDir::temp().filePath(QFileInfo(expectedPath).fileName() + u".actual");
    QFile out(actualPath);
    if (out.open(QIODevice::WriteOnly))
        out.write(actual.toUtf8());
    const QStringList a = actual.split(u'\n');
    const QStringList e = expected.split(u'\n');
    qsizetype line = 0;
    while (line < a.size() && line < e.size() && a.at(line) == e.at(line))
        ++line;
    *message
        = u"line %1 differs:\n  actual:   %2\n  expected: %3\n(actual text written to %4)"_s.arg(line + 1)
              .arg(a.value(line), e.value(line), actualPath);
    return false;
}

} // namespace jb::testing
