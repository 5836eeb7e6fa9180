#pragma once

#include "core/result.h"
#include "projectdata.h"

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <functional>
#include <utility>

namespace jb {

// The variables and secrets a pipe run sees: one environment of the project, with per-run
// overrides. Secret values never come from the project: a lookup (by default the process
// environment, JOURNEYBENCH_SECRET_<NAME>) supplies them, and traces mask them.
class PipeEnvironment final
{
public:
    using SecretLookup = std::function<QString(const QString &name)>;
    using Variables = QList<std::pair<QString, QString>>;

    PipeEnvironment() = default;

    // `name` empty: the environment called "test" when the project has one, else no variables.
    // `overrides` ("KEY=VALUE" already split) replace or add variables.
    static Result<PipeEnvironment> fromProject(const ProjectData &project, const QString &name,
        const Variables &overrides = {}, const SecretLookup &secrets = processSecrets());

    // Reads JOURNEYBENCH_SECRET_<NAME> (upper case, every other character than A-Z and 0-9 as '_').
    static SecretLookup processSecrets();
    static QString secretVariableName(const QString &secret);
    // Splits "KEY=VALUE"; fails when there is no '=' or the key is empty.
    static Result<std::pair<QString, QString>> parseAssignment(const QString &text);

    QString name() const { return m_name; }
    const Variables &variables() const { return m_variables; }
    QString variable(const QString &name) const;
    void setVariable(const QString &name, const QString &value);
    const QHash<QString, QString> &secrets() const { return m_secrets; }
    void setSecret(const QString &name, const QString &value) { m_secrets.insert(name, value); }

    // `text` with every non-empty secret value replaced by "***".
    QString mask(QString text) const;
    // The same for every string inside a JSON value (unchanged when no secret has a value).
    QJsonValue mask(const QJsonValue &value) const;
    bool hasSecretValues() const;

private:
    QString m_name;
    Variables m_variables;
    QHash<QString, QString> m_secrets;
};

} // namespace jb
