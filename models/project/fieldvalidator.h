#pragma once

#include "fieldspec.h"

#include <QJsonValue>

namespace jb {

// Checks one value against its field: first its JSON type (a wrong type makes a file unloadable),
// then its syntax (an invalid IP is loaded, marked and explained).
class FieldValidator final
{
public:
    // Empty when the JSON type fits the field (absent and null values fit every field).
    static QString typeError(const FieldSpec &field, const QJsonValue &value);
    // Empty when the value is acceptable; otherwise a sentence saying what is wrong.
    static QString valueError(const FieldSpec &field, const QJsonValue &value);

    static bool isIpAddress(const QString &text);
    static bool isCidr(const QString &text);
    static bool isHost(const QString &text);
    static bool isUrl(const QString &text);
    // Empty for an acceptable URL; otherwise every reason it is not one (the host has a space,
    // the port is out of range, …), so the user fixes it in one go.
    static QString urlError(const QString &text);
    static bool isEmail(const QString &text);
    static bool isId(const QString &text);

private:
    static QString scalarError(const FieldSpec &field, FieldType type, const QJsonValue &value);
};

} // namespace jb
