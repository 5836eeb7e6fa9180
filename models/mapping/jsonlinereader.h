#pragma once

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

namespace jb {

// Reads one line of JSON Lines into an object, fast: a hand-written reader for the common flat
// record (string, number, true/false/null values), with escapes and UTF-8 checked; any nested
// value or anything unusual hands the line to QJsonDocument, so every valid line reads the same.
class JsonLineReader final
{
public:
    // False with `error` set when the line is not a JSON object.
    static bool read(QByteArrayView line, QJsonObject &object, QString &error);

private:
    enum class Flat
    {
        Done,
        NotFlat, // valid maybe, but for the full parser
        Invalid,
    };
    static Flat readFlat(QByteArrayView line, QJsonObject &object);
};

} // namespace jb
