#include "pipeenvironment.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcessEnvironment>

using namespace Qt::StringLiterals;

namespace jb {

Result<PipeEnvironment> PipeEnvironment::fromProject(
    const ProjectData &project, const QString &name, const Variables &overrides, const SecretLookup &secrets)
{
    PipeEnvironment environment;
    const EntityRecord *chosen = nullptr;
    QStringList known;
    for (const EntityRecord &record : project.entities) {
        if (record.kind != u"environment")
            continue;
        known.append(record.id());
        if (record.id() == (name.isEmpty() ? u"test"_s : name))
            chosen = &record;
    }
    if (!chosen && !name.isEmpty()) {
        return Result<PipeEnvironment>::failure(Error::Code::Reference,
            u"no environment \"%1\" in the project (it has: %2)"_s.arg(
                name, known.isEmpty() ? u"none"_s : known.join(u", ")));
    }
    if (chosen) {
        environment.m_name = chosen->id();
        for (const QJsonValue &variable : chosen->data.value(u"variables"_s).toArray()) {
            const QJsonObject object = variable.toObject();
            environment.setVariable(object.value(u"name"_s).toString(), object.value(u"value"_s).toString());
        }
        for (const QJsonValue &secret : chosen->data.value(u"secrets"_s).toArray()) {
            const QString secretName = secret.toObject().value(u"name"_s).toString();
            if (!secretName.isEmpty() && secrets)
                environment.m_secrets.insert(secretName, secrets(secretName));
        }
    }
    for (const auto &[key, value] : overrides)
        environment.setVariable(key, value);
    return environment;
}

PipeEnvironment::SecretLookup PipeEnvironment::processSecrets()
{
    return [](const QString &name) {
        return QProcessEnvironment::systemEnvironment().value(secretVariableName(name));
    };
}

QString PipeEnvironment::secretVariableName(const QString &secret)
{
    QString result = u"JOURNEYBENCH_SECRET_"_s;
    for (const QChar c : secret.toUpper())
        result += (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ? c : u'_';
    return result;
}

Result<std::pair<QString, QString>> PipeEnvironment::parseAssignment(const QString &text)
{
    const qsizetype equals = text.indexOf(u'=');
    if (equals <= 0)
        return Result<std::pair<QString, QString>>::failure(
            Error::Code::Parse, u"expected KEY=VALUE, got \"%1\""_s.arg(text));
    return std::pair{text.left(equals), text.mid(equals + 1)};
}

QString PipeEnvironment::variable(const QString &name) const
{
    for (const auto &[key, value] : m_variables) {
        if (key == name)
            return value;
    }
    return {};
}

void PipeEnvironment::setVariable(const QString &name, const QString &value)
{
    if (name.isEmpty())
        return;
    for (auto &[key, existing] : m_variables) {
        if (key == name) {
            existing = value;
            return;
        }
    }
    m_variables.append({name, value});
}

QString PipeEnvironment::mask(QString text) const
{
    for (auto it = m_secrets.cbegin(); it != m_secrets.cend(); ++it) {
        if (!it.value().isEmpty())
            text.replace(it.value(), u"***"_s);
    }
    return text;
}

QJsonValue PipeEnvironment::mask(const QJsonValue &value) const
{
    if (!hasSecretValues())
        return value;
    if (value.isString())
        return mask(value.toString());
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &item : value.toArray())
            array.append(mask(item));
        return array;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            *it = mask(QJsonValue(*it));
        return object;
    }
    return value;
}

bool PipeEnvironment::hasSecretValues() const
{
    return std::any_of(m_secrets.cbegin(), m_secrets.cend(), [](const QString &v) { return !v.isEmpty(); });
}

} // namespace jb
