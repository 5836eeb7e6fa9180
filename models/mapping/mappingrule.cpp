#include "mappingrule.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace jb {

Result<MappingRule> MappingRule::fromJson(const QJsonObject &object)
{
    MappingRule rule;
    rule.target = object.value(u"target"_s).toString();
    rule.source = object.value(u"source"_s).toString();
    rule.note = object.value(u"note"_s).toString();
    if (rule.target.isEmpty())
        return Result<MappingRule>::failure(Error::Code::Schema, u"a rule needs a \"target\" field"_s);
    const QJsonValue transforms = object.value(u"transforms"_s);
    if (!transforms.isUndefined() && !transforms.isArray())
        return Result<MappingRule>::failure(
            Error::Code::Schema, u"%1: \"transforms\" is a list"_s.arg(rule.target));
    const QJsonArray list = transforms.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        Result<TransformSpec> spec = TransformSpec::fromJson(list.at(i));
        if (!spec)
            return Result<MappingRule>::failure(Error::Code::Schema,
                u"%1: transform %2: %3"_s.arg(rule.target).arg(i + 1).arg(spec.errorString()));
        rule.transforms.append(std::move(spec).value());
    }
    return rule;
}

QJsonObject MappingRule::toJson() const
{
    QJsonObject object{{u"target"_s, target}};
    if (!source.isEmpty())
        object.insert(u"source"_s, source);
    if (!transforms.isEmpty()) {
        QJsonArray list;
        for (const TransformSpec &spec : transforms)
            list.append(spec.toJson());
        object.insert(u"transforms"_s, list);
    }
    if (!note.isEmpty())
        object.insert(u"note"_s, note);
    return object;
}

QStringList MappingRule::sourcesRead() const
{
    QStringList read;
    if (!source.isEmpty())
        read.append(source);
    static const QRegularExpression dotted(u"\\brecord\\.([A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*)"_s);
    static const QRegularExpression bracket(u"\\brecord\\[\\s*[\"']([^\"']+)[\"']\\s*\\]"_s);
    for (const TransformSpec &spec : transforms) {
        if (spec.op == TransformOp::Concat) {
            for (const QJsonValue &field : spec.params.value(u"fields"_s).toArray())
                read.append(field.toString());
        } else if (spec.op == TransformOp::Js) {
            const QString code = spec.params.value(u"expression"_s).toString();
            for (const QRegularExpression *pattern : {&dotted, &bracket}) {
                for (auto it = pattern->globalMatch(code); it.hasNext();)
                    read.append(it.next().captured(1));
            }
        }
    }
    read.removeDuplicates();
    return read;
}

} // namespace jb
