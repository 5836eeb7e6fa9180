#pragma once

#include <QList>
#include <QString>

namespace jb {

// What is wrong with one field of one message: the field ("items[2].sku", "" for the message
// itself) and the rule it breaks ("required", "longer than 100 characters", ...).
struct FieldError
{
    QString field;
    QString rule;

    QString text() const { return (field.isEmpty() ? QStringLiteral("(message)") : field) + u": " + rule; }
    bool operator==(const FieldError &other) const = default;
};

using FieldErrors = QList<FieldError>;

} // namespace jb
