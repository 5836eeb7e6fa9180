#pragma once

#include "contract.h"
#include "contractvalidator.h"
#include "core/result.h"
#include "fieldpath.h"
#include "mappingdefinition.h"
#include "transformstep.h"

#include <memory>

namespace jb {

// A mapping compiled once for many records: field paths parsed, transform parameters checked and
// converted, JavaScript syntax checked, the target contract's validator built. Immutable, so one
// plan serves every worker thread (each through its own MappingRunner).
class MappingPlan final
{
public:
    struct Rule
    {
        FieldPath target;
        FieldPath source;
        bool elementWise = false; // the source has "[]": transforms apply to each element
        QList<TransformStep> steps;
        QString targetType; // from the target contract, for the final conversion
    };

    // Errors name the rule ("phone: phone-br: ...", "name: js: SyntaxError ...").
    static Result<std::shared_ptr<const MappingPlan>> compile(
        const MappingDefinition &definition, const Contract &source, const Contract &target);

    const MappingDefinition &definition() const { return m_definition; }
    const Contract &source() const { return m_source; }
    const Contract &target() const { return m_target; }
    const QList<Rule> &rules() const { return m_rules; }
    // The JavaScript transforms, each wrapped as a function (value, record, env).
    const QStringList &scripts() const { return m_scripts; }
    // A validator to copy into each thread.
    const ContractValidator &validator() const { return m_validator; }
    // The order top-level keys are written in: the target contract's, then any other.
    const QStringList &outputOrder() const { return m_outputOrder; }

    static QString wrapScript(const QString &expression);

private:
    explicit MappingPlan(ContractValidator validator);

    MappingDefinition m_definition;
    Contract m_source;
    Contract m_target;
    QList<Rule> m_rules;
    QStringList m_scripts;
    ContractValidator m_validator;
    QStringList m_outputOrder;
};

} // namespace jb
