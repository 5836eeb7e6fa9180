#pragma once

#include "kindspec.h"

#include <QJsonObject>

namespace jb {

// A problem with one value of an entity, located by JSON Pointer ("/ports/0/port").
struct FieldProblem
{
    QString pointer;
    QString message;
    bool warning = false; // worth fixing before it bites (at probe time), but not wrong
};

// Checks an entity's JSON against its kind. Structural problems (wrong JSON types, no id) make the
// file unloadable; value problems (an invalid IP, a missing name) are loaded and shown inline.
class EntityChecker final
{
public:
    static QList<FieldProblem> structuralProblems(const KindSpec &kind, const QJsonObject &object);
    static QList<FieldProblem> valueProblems(const KindSpec &kind, const QJsonObject &object);

private:
    static void checkTypes(const QList<FieldSpec> &fields, const QJsonObject &object, const QString &pointer,
        QList<FieldProblem> &problems);
    static void checkValues(const QList<FieldSpec> &fields, const QString &discriminator,
        const QJsonObject &object, const QString &pointer, QList<FieldProblem> &problems);
};

} // namespace jb
