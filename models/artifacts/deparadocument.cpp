#include "deparadocument.h"

using namespace Qt::StringLiterals;

namespace jb {

ArtifactDocument DeParaDocument::build(const ArtifactContext &context)
{
    ArtifactDocument document(u"de-para"_s, u"De-Para tables"_s, context.stamp());
    appendTo(document, context, 1);
    return document;
}

QStringList DeParaDocument::header()
{
    return {u"System A field"_s, u"Type"_s, u"Rule"_s, u"System B field"_s, u"Type"_s, u"Required"_s,
        u"Example in"_s, u"Example out"_s};
}

void DeParaDocument::appendTo(ArtifactDocument &document, const ArtifactContext &context, int level)
{
    const QList<MappingTable> &mappings = context.input().mappings;
    document.addParagraph(
        u"How each field of the consuming system (B) is filled from the providing system (A): "
        u"the rule names the transformation and validation applied on the way. A gap is a "
        u"required field of B with no source."_s);
    for (const QString &problem : context.input().mappingProblems)
        document.addNote(u"Left out: "_s + problem);
    if (mappings.isEmpty()) {
        document.addNote(u"No De-Para mapping exists yet: the mappings of phase 5 (Contracts) have not been "
                         u"written. This document lists them once they are."_s);
        return;
    }
    for (const MappingTable &mapping : mappings) {
        const QString a = context.systemName(mapping.sourceSystem);
        const QString b = context.systemName(mapping.targetSystem);
        document.addHeading(level, mapping.name.isEmpty() ? mapping.id : mapping.name);
        document.addKeyValues({{u"System A (provider)"_s, a}, {u"System B (consumer)"_s, b},
            {u"Rules"_s, QString::number(mapping.rows.size())},
            {u"Gaps"_s, QString::number(mapping.gaps.size())}});
        QList<QStringList> rows;
        for (const MappingRow &row : mapping.rows) {
            rows.append({row.sourceField, row.sourceType, row.rule, row.targetField, row.targetType,
                ArtifactContext::yesNo(row.required), row.exampleIn, row.exampleOut});
        }
        document.addTable(
            u"De-Para: "_s + (mapping.name.isEmpty() ? mapping.id : mapping.name), header(), rows);
        if (mapping.gaps.isEmpty()) {
            document.addNote(u"No gaps: every required field of %1 has a source."_s.arg(b));
        } else {
            QList<QStringList> gaps;
            for (const QString &gap : mapping.gaps)
                gaps.append({gap});
            document.addTable(
                u"Gaps: "_s + (mapping.name.isEmpty() ? mapping.id : mapping.name), {u"Gap"_s}, gaps);
        }
    }
}

} // namespace jb
