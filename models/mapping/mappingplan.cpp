#include "mappingplan.h"

#include <QJSEngine>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace jb {

MappingPlan::MappingPlan(ContractValidator validator)
    : m_validator(std::move(validator))
{ }

QString MappingPlan::wrapScript(const QString &expression)
{
    // an expression, or a function body when it says "return" itself
    static const QRegularExpression returns(u"\\breturn\\b"_s);
    if (returns.match(expression).hasMatch())
        return u"(function (value, record, env) {\n%1\n})"_s.arg(expression);
    return u"(function (value, record, env) { return (%1\n); })"_s.arg(expression);
}

Result<std::shared_ptr<const MappingPlan>> MappingPlan::compile(
    const MappingDefinition &definition, const Contract &source, const Contract &target)
{
    using Compiled = Result<std::shared_ptr<const MappingPlan>>;
    Result<ContractValidator> validator = ContractValidator::create(target);
    if (!validator)
        return validator.error();
    std::shared_ptr<MappingPlan> plan(new MappingPlan(std::move(validator).value()));
    plan->m_definition = definition;
    plan->m_source = source;
    plan->m_target = target;
    std::unique_ptr<QJSEngine> checker;
    for (const MappingRule &rule : definition.rules) {
        const auto fail = [&](const QString &why) {
            return Compiled::failure(Error::Code::Schema, u"%1: %2"_s.arg(rule.target, why));
        };
        Rule compiled;
        compiled.target = FieldPath(rule.target);
        if (!compiled.target.isValid() || compiled.target.tokens().constFirst().each)
            return fail(u"not a field path of an object"_s);
        if (!rule.source.isEmpty()) {
            compiled.source = FieldPath(rule.source);
            if (!compiled.source.isValid())
                return fail(u"the source \"%1\" is not a field path"_s.arg(rule.source));
        }
        compiled.elementWise = compiled.source.hasEach() && compiled.target.hasEach();
        if (const ContractField *field = target.field(rule.target))
            compiled.targetType = field->type;
        for (const TransformSpec &spec : rule.transforms) {
            int script = -1;
            if (spec.op == TransformOp::Js) {
                const QString wrapped = wrapScript(spec.params.value(u"expression"_s).toString());
                if (!checker)
                    checker = std::make_unique<QJSEngine>();
                const QJSValue function = checker->evaluate(wrapped);
                if (function.isError())
                    return fail(u"js: %1"_s.arg(function.toString()));
                script = static_cast<int>(plan->m_scripts.size());
                plan->m_scripts.append(wrapped);
            }
            Result<TransformStep> step = TransformStep::compile(spec, script);
            if (!step)
                return fail(step.errorString());
            compiled.steps.append(std::move(step).value());
        }
        plan->m_rules.append(compiled);
    }
    for (const ContractField &field : target.withImplicitParents()) {
        const QString top = FieldPath(field.name).tokens().value(0).key;
        if (!top.isEmpty() && !plan->m_outputOrder.contains(top))
            plan->m_outputOrder.append(top);
    }
    for (const Rule &rule : std::as_const(plan->m_rules)) {
        const QString top = rule.target.tokens().constFirst().key;
        if (!plan->m_outputOrder.contains(top))
            plan->m_outputOrder.append(top);
    }
    return std::shared_ptr<const MappingPlan>(std::move(plan));
}

} // namespace jb
