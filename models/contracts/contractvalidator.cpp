#include "contractvalidator.h"

#include "contractschema.h"
#include "fieldpath.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <valijson/adapters/qtjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QString article(const QString &type)
{
    if (type == u"integer" || type == u"object" || type == u"array")
        return u"an "_s + type;
    if (type == u"date" || type == u"datetime")
        return u"a string"_s;
    return u"a "_s + type;
}

// valijson's wrappers ("Failed to validate item #0 in array.") only repeat what the inner error said
bool isWrapper(const std::string &description)
{
    static const char *const wrappers[]
        = {"Failed to validate item #", "Failed to validate against schema associated",
            "Failed to validate against child schema", "Failed to validate against additional"};
    return std::any_of(std::begin(wrappers), std::end(wrappers),
        [&](const char *prefix) { return description.rfind(prefix, 0) == 0; });
}

} // namespace

Result<ContractValidator> ContractValidator::create(const Contract &contract)
{
    ContractValidator validator;
    auto schema = std::make_shared<valijson::Schema>();
    try {
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
        const QJsonValue document = ContractSchema::toJsonSchema(contract);
        const valijson::adapters::QtJsonAdapter adapter(document);
        parser.populateSchema(adapter, *schema);
    } catch (const std::exception &error) {
        return Result<ContractValidator>::failure(Error::Code::Schema,
            u"contract %1 cannot be checked: %2"_s.arg(contract.id, QString::fromStdString(error.what())));
    }
    validator.m_contract = std::make_shared<const Contract>(contract);
    validator.m_schema = std::move(schema);
    validator.m_validator = std::make_unique<valijson::Validator>();
    return validator;
}

ContractValidator::ContractValidator(const ContractValidator &other)
    : m_contract(other.m_contract)
    , m_schema(other.m_schema)
    , m_validator(std::make_unique<valijson::Validator>())
{ }

ContractValidator &ContractValidator::operator=(const ContractValidator &other)
{
    if (this != &other) {
        m_contract = other.m_contract;
        m_schema = other.m_schema;
        m_validator = std::make_unique<valijson::Validator>();
    }
    return *this;
}

ContractValidator::ContractValidator(ContractValidator &&other) noexcept = default;
ContractValidator &ContractValidator::operator=(ContractValidator &&other) noexcept = default;
ContractValidator::~ContractValidator() = default;

FieldErrors ContractValidator::validate(const QJsonValue &message) const
{
    valijson::ValidationResults results;
    const valijson::adapters::QtJsonAdapter target(message);
    try {
        // without a results object valijson stops at the first failure: the common, valid case
        // costs one pass, and only an invalid message is walked again to collect every error
        if (m_validator->validate(*m_schema, target, nullptr))
            return {};
        m_validator->validate(*m_schema, target, &results);
    } catch (const std::exception &error) {
        return {{QString(), QString::fromStdString(error.what())}};
    }
    FieldErrors errors;
    FieldErrors wrappers;
    valijson::ValidationResults::Error error;
    while (results.popError(error)) {
        const FieldError translated = translate(message, error.context, error.description);
        FieldErrors &list = isWrapper(error.description) ? wrappers : errors;
        if (!list.contains(translated))
            list.append(translated);
    }
    if (errors.isEmpty())
        errors = wrappers;
    // the contract's order, then the message's: the same message always reads the same way
    const auto rank = [this](const FieldError &e) {
        const qsizetype index = m_contract->indexOf(FieldPath::generalise(e.field));
        return index < 0 ? m_contract->fields.size() : index;
    };
    std::stable_sort(errors.begin(), errors.end(), [&](const FieldError &a, const FieldError &b) {
        const qsizetype ra = rank(a);
        const qsizetype rb = rank(b);
        return ra != rb ? ra < rb : a.field < b.field;
    });
    return errors;
}

FieldError ContractValidator::translate(
    const QJsonValue &message, const std::vector<std::string> &context, const std::string &description) const
{
    // valijson writes both "[name]" and "[0]": the message tells a key from an index
    QString path;
    QJsonValue node = message;
    for (std::size_t i = 1; i < context.size(); ++i) {
        const std::string &part = context[i];
        if (part.size() < 2 || part.front() != '[' || part.back() != ']')
            continue;
        const QString inner = QString::fromStdString(part.substr(1, part.size() - 2));
        if (node.isArray()) {
            path += u'[' + inner + u']';
            node = node.toArray().at(inner.toLongLong());
        } else {
            path += (path.isEmpty() ? QString() : u"."_s) + inner;
            node = node.toObject().value(inner);
        }
    }
    const QString text = QString::fromStdString(description);
    static const QRegularExpression missing(u"^Missing required property '(.*)'\\.$"_s);
    static const QRegularExpression longer(u"^String should be no more than (\\d+) characters"_s);
    static const QRegularExpression shorter(u"^String should be no fewer than (\\d+) characters"_s);
    if (const QRegularExpressionMatch match = missing.match(text); match.hasMatch())
        return {path.isEmpty() ? match.captured(1) : path + u'.' + match.captured(1), u"required"_s};
    const ContractField *field = m_contract->field(FieldPath::generalise(path));
    if (text.startsWith(u"Failed to match regex"))
        return {path, u"does not match "_s + (field ? field->format : u"its pattern"_s)};
    if (const QRegularExpressionMatch match = longer.match(text); match.hasMatch())
        return {path, u"longer than %1 characters"_s.arg(match.captured(1))};
    if (const QRegularExpressionMatch match = shorter.match(text); match.hasMatch())
        return {path, u"shorter than %1 characters"_s.arg(match.captured(1))};
    if (text.startsWith(u"Value type not permitted")) {
        const QString type = field ? field->type : (path.isEmpty() ? u"object"_s : QString());
        return {path, type.isEmpty() ? u"wrong type"_s : u"not "_s + article(type)};
    }
    if (text.startsWith(u"Failed to match against any enum"))
        return {path, u"not one of "_s + (field ? field->enumValues.join(u", "_s) : u"the allowed values"_s)};
    if (text == u"String should be a valid date")
        return {path, u"not a date (yyyy-MM-dd)"_s};
    if (text == u"String should be a valid date-time")
        return {path, u"not a date and time (ISO 8601)"_s};
    return {path, text};
}

} // namespace jb
