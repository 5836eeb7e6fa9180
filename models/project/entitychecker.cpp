#include "entitychecker.h"

#include "fieldvalidator.h"

#include <QJsonArray>
#include <QVarLengthArray>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace jb {

QList<FieldProblem> EntityChecker::structuralProblems(const KindSpec &kind, const QJsonObject &object)
{
    QList<FieldProblem> problems;
    const QJsonValue id = object.value(u"id"_s);
    if (!id.isString() || id.toString().isEmpty())
        problems.append({QString(), u"the entity has no \"id\" (a non-empty string)"_s});
    if (!kind.discriminatorKey.isEmpty() && !kind.matches(object)) {
        problems.append({u"/"_s + kind.discriminatorKey,
            u"\"%1\" must be one of: %2"_s.arg(
                kind.discriminatorKey, kind.discriminatorValues.join(u", "_s))});
    }
    checkTypes(kind.fields, object, QString(), problems);
    return problems;
}

QList<FieldProblem> EntityChecker::valueProblems(const KindSpec &kind, const QJsonObject &object)
{
    QList<FieldProblem> problems;
    checkValues(kind.fields, kind.discriminatorOf(object), object, QString(), problems);
    return problems;
}

void EntityChecker::checkTypes(const QList<FieldSpec> &fields, const QJsonObject &object,
    const QString &pointer, QList<FieldProblem> &problems)
{
    // Only the members present can have the wrong type: a missing one reads as null, which, like
    // undefined, has none. So the object's few members are looked up among the kind's many fields,
    // not the fields among the members (a thousand probe files each come through here), and are
    // then checked in the fields' order, the order the problems are reported in. A kind names each
    // key once, so a member is one field.
    QVarLengthArray<std::pair<qsizetype, QJsonValue>, 16> present;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        const auto field = std::find_if(fields.cbegin(), fields.cend(),
            [&key](const FieldSpec &candidate) { return candidate.key == key; });
        if (field != fields.cend())
            present.append({field - fields.cbegin(), it.value()});
    }
    std::sort(present.begin(), present.end(),
        [](const auto &left, const auto &right) { return left.first < right.first; });
    for (const auto &[index, value] : present) {
        const FieldSpec &field = fields.at(index);
        // the pointer is made only for a problem or a list to go into
        if (const QString error = FieldValidator::typeError(field, value); !error.isEmpty()) {
            problems.append({pointer + u'/' + field.key, error});
            continue;
        }
        if (field.type == FieldType::ObjectList) {
            const QString here = pointer + u'/' + field.key;
            const QJsonArray items = value.toArray();
            for (qsizetype i = 0; i < items.size(); ++i)
                checkTypes(
                    field.itemFields, items.at(i).toObject(), here + u'/' + QString::number(i), problems);
        }
    }
}

void EntityChecker::checkValues(const QList<FieldSpec> &fields, const QString &discriminator,
    const QJsonObject &object, const QString &pointer, QList<FieldProblem> &problems)
{
    for (const FieldSpec &field : fields) {
        if (!field.appliesTo(discriminator))
            continue;
        const QJsonValue value = object.value(field.key);
        const QString here = pointer + u'/' + field.key;
        if (const QString error = FieldValidator::valueError(field, value); !error.isEmpty())
            problems.append({here, error});
        if (field.type == FieldType::ObjectList) {
            const QJsonArray items = value.toArray();
            for (qsizetype i = 0; i < items.size(); ++i) {
                checkValues(field.itemFields, QString(), items.at(i).toObject(),
                    here + u'/' + QString::number(i), problems);
            }
        }
    }
}

} // namespace jb
