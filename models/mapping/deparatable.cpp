#include "deparatable.h"

#include "fieldpath.h"
#include "jsonlinewriter.h"
#include "jsonscalars.h"
#include "mappinganalysis.h"
#include "mappingplan.h"
#include "mappingrunner.h"
#include "samplerecords.h"

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QString exampleText(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return {};
    if (value.isArray() || value.isObject()) {
        QByteArray out;
        JsonLineWriter::appendValue(out, value);
        return QString::fromUtf8(out);
    }
    return JsonScalars::text(value);
}

} // namespace

QString DeParaTable::gapText(const Contract &target, const QString &field)
{
    const ContractField *spec = target.field(field);
    return u"%1 (%2): required by B, no source"_s.arg(field, spec ? spec->type : u"object"_s);
}

MappingTable DeParaTable::build(const ResolvedMapping &mapping, const QJsonObject &sample)
{
    MappingTable table;
    table.id = mapping.definition.id;
    table.name = mapping.definition.name;
    table.sourceSystem = mapping.source.system;
    table.targetSystem = mapping.target.system;

    QJsonObject record = sample;
    if (record.isEmpty()) {
        const QList<QJsonObject> samples = SampleRecords::fromContract(mapping.source);
        record = samples.value(0);
    }
    QList<MappedField> outcomes;
    Result<std::shared_ptr<const MappingPlan>> plan
        = MappingPlan::compile(mapping.definition, mapping.source, mapping.target);
    if (plan && !record.isEmpty()) {
        MappingRunner runner(plan.value());
        outcomes = runner.map(record, MappingRunner::Detail::Fields).fields;
    }

    // the target contract's order; rules on fields it does not list come last, as written
    QList<qsizetype> order;
    for (qsizetype i = 0; i < mapping.definition.rules.size(); ++i)
        order.append(i);
    const auto rank = [&](qsizetype i) {
        const qsizetype index = mapping.target.indexOf(mapping.definition.rules.at(i).target);
        return index < 0 ? mapping.target.fields.size() : index;
    };
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) { return rank(a) < rank(b); });
    for (const qsizetype i : std::as_const(order)) {
        const MappingRule &rule = mapping.definition.rules.at(i);
        MappingRow row;
        row.sourceField = rule.source;
        if (const ContractField *field = mapping.source.field(rule.source))
            row.sourceType = field->type;
        row.rule = rule.transformText();
        row.targetField = rule.target;
        if (const ContractField *field = mapping.target.field(rule.target)) {
            row.targetType = field->type;
            row.required = field->required;
        }
        if (i < outcomes.size()) {
            const MappedField &outcome = outcomes.at(i);
            row.exampleIn = exampleText(outcome.input);
            row.exampleOut = outcome.error.isEmpty() ? exampleText(outcome.output)
                                                     : QString(u"error: "_s + outcome.error);
        }
        table.rows.append(row);
    }
    const MappingAnalysis analysis = MappingAnalysis::of(mapping.definition, mapping.source, mapping.target);
    for (const QString &gap : analysis.gaps)
        table.gaps.append(gapText(mapping.target, gap));
    for (const QString &field : analysis.unknownTargets)
        table.gaps.append(u"%1: not a field of the target contract %2"_s.arg(field, mapping.target.id));
    for (const QString &field : analysis.duplicateTargets)
        table.gaps.append(u"%1: written by more than one rule"_s.arg(field));
    return table;
}

} // namespace jb
