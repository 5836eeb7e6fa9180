#include "mappinganalysis.h"

#include "fieldpath.h"

using namespace Qt::StringLiterals;

namespace jb {

namespace {

bool related(const QString &a, const QString &b)
{
    return a == b || FieldPath::isAncestor(a, b) || FieldPath::isAncestor(b, a);
}

} // namespace

MappingAnalysis MappingAnalysis::of(
    const MappingDefinition &definition, const Contract &source, const Contract &target)
{
    MappingAnalysis analysis;
    QStringList targets;
    QStringList read;
    for (const MappingRule &rule : definition.rules) {
        if (targets.contains(rule.target) && !analysis.duplicateTargets.contains(rule.target))
            analysis.duplicateTargets.append(rule.target);
        targets.append(rule.target);
        read += rule.sourcesRead();
    }
    read.removeDuplicates();
    const QList<ContractField> targetFields = target.withImplicitParents();
    // a field is filled by a rule on it, on a parent (a whole object copied) or, for an object or
    // array, on anything inside it (writing lines[].code makes lines)
    const auto covered = [&](const QString &field) {
        return std::any_of(
            targets.cbegin(), targets.cend(), [&](const QString &t) { return related(t, field); });
    };
    const auto touched = [&](const QString &field) {
        return std::any_of(targets.cbegin(), targets.cend(),
            [&](const QString &t) { return t == field || FieldPath::isAncestor(field, t); });
    };
    for (const ContractField &field : targetFields) {
        if (!field.required || covered(field.name))
            continue;
        // a required field inside an optional object that nothing fills is not a gap
        const QString parent = FieldPath(field.name).parentText();
        if (!parent.isEmpty()) {
            const auto parentField = std::find_if(targetFields.cbegin(), targetFields.cend(),
                [&](const ContractField &f) { return f.name == parent; });
            const bool parentRequired = parentField != targetFields.cend() && parentField->required;
            if (!parentRequired && !touched(parent))
                continue;
        }
        analysis.gaps.append(field.name);
    }
    for (const ContractField &field : source.withImplicitParents()) {
        const bool used = std::any_of(
            read.cbegin(), read.cend(), [&](const QString &r) { return related(r, field.name); });
        if (!used)
            analysis.unusedSources.append(field.name);
    }
    for (const QString &t : std::as_const(targets)) {
        const bool known = std::any_of(
            targetFields.cbegin(), targetFields.cend(), [&](const ContractField &f) { return f.name == t; });
        if (!known && !analysis.unknownTargets.contains(t))
            analysis.unknownTargets.append(t);
    }
    const QList<ContractField> sourceFields = source.withImplicitParents();
    for (const QString &r : std::as_const(read)) {
        const bool known = std::any_of(
            sourceFields.cbegin(), sourceFields.cend(), [&](const ContractField &f) { return f.name == r; });
        if (!known)
            analysis.unknownSources.append(r);
    }
    return analysis;
}

QStringList MappingAnalysis::lines() const
{
    QStringList out;
    for (const QString &gap : gaps)
        out.append(u"gap: %1 (required, no source)"_s.arg(gap));
    for (const QString &field : unknownTargets)
        out.append(u"unknown target: %1"_s.arg(field));
    for (const QString &field : duplicateTargets)
        out.append(u"written twice: %1"_s.arg(field));
    for (const QString &field : unknownSources)
        out.append(u"unknown source: %1"_s.arg(field));
    for (const QString &field : unusedSources)
        out.append(u"unused source: %1"_s.arg(field));
    return out;
}

} // namespace jb
