#pragma once

#include "contract.h"
#include "core/result.h"
#include "fielderror.h"

#include <QJsonValue>

#include <memory>

namespace valijson {
class Schema;
class Validator;
} // namespace valijson

namespace jb {

// Validates messages against a contract through its JSON Schema, with valijson. The compiled
// schema is shared and read-only; each copy owns its own valijson validator (which caches the
// compiled regular expressions), so copy one per thread and never share a copy.
class ContractValidator final
{
public:
    static Result<ContractValidator> create(const Contract &contract);

    ContractValidator(const ContractValidator &other);
    ContractValidator &operator=(const ContractValidator &other);
    ContractValidator(ContractValidator &&other) noexcept;
    ContractValidator &operator=(ContractValidator &&other) noexcept;
    ~ContractValidator();

    // Each violation, naming the field and the rule, in the contract's field order.
    FieldErrors validate(const QJsonValue &message) const;
    const Contract &contract() const { return *m_contract; }

private:
    ContractValidator() = default;
    FieldError translate(const QJsonValue &message, const std::vector<std::string> &context,
        const std::string &description) const;

    std::shared_ptr<const Contract> m_contract;
    std::shared_ptr<const valijson::Schema> m_schema;
    mutable std::unique_ptr<valijson::Validator> m_validator;
};

} // namespace jb
