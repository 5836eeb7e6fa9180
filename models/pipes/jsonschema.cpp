#include "jsonschema.h"

#include <exception>
#include <valijson/adapters/qtjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

using namespace Qt::StringLiterals;

namespace jb {

JsonSchema::JsonSchema()
    : m_schema(std::make_unique<valijson::Schema>())
{ }

JsonSchema::~JsonSchema() = default;

Result<std::shared_ptr<const JsonSchema>> JsonSchema::compile(const QJsonValue &schema)
{
    using Compiled = Result<std::shared_ptr<const JsonSchema>>;
    if (!schema.isObject() && !schema.isBool())
        return Compiled::failure(Error::Code::Schema, u"a JSON Schema must be an object"_s);
    std::shared_ptr<JsonSchema> result(new JsonSchema);
    try {
        valijson::SchemaParser parser;
        const valijson::adapters::QtJsonAdapter adapter(schema);
        parser.populateSchema(adapter, *result->m_schema);
    } catch (const std::exception &error) {
        return Compiled::failure(
            Error::Code::Schema, u"invalid JSON Schema: %1"_s.arg(QString::fromStdString(error.what())));
    }
    return std::shared_ptr<const JsonSchema>(std::move(result));
}

QStringList JsonSchema::validate(const QJsonValue &value) const
{
    valijson::Validator validator;
    valijson::ValidationResults results;
    const valijson::adapters::QtJsonAdapter target(value);
    QStringList errors;
    try {
        if (validator.validate(*m_schema, target, &results))
            return errors;
    } catch (const std::exception &error) {
        return {QString::fromStdString(error.what())};
    }
    valijson::ValidationResults::Error error;
    while (results.popError(error)) {
        QString path;
        for (const std::string &part : error.context)
            path += QString::fromStdString(part);
        errors.append(u"%1: %2"_s.arg(path, QString::fromStdString(error.description)));
    }
    return errors;
}

} // namespace jb
