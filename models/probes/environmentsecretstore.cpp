#include "environmentsecretstore.h"

using namespace Qt::StringLiterals;

namespace jb {

EnvironmentSecretStore::EnvironmentSecretStore(QProcessEnvironment environment)
    : m_environment(std::move(environment))
{ }

QString EnvironmentSecretStore::variableName(const QString &secretName)
{
    QString name = u"JOURNEYBENCH_SECRET_"_s;
    for (const QChar c : secretName.toUpper()) {
        const bool plain = (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
        name += plain ? c : u'_';
    }
    return name;
}

Result<QString> EnvironmentSecretStore::secret(const QString &name) const
{
    if (name.isEmpty())
        return Result<QString>::failure(Error::Code::Reference, u"no secret is named"_s);
    const QString variable = variableName(name);
    if (!m_environment.contains(variable)) {
        return Result<QString>::failure(Error::Code::Reference,
            u"the secret \"%1\" is not set: export %2 for headless runs"_s.arg(name, variable));
    }
    return m_environment.value(variable);
}

QString EnvironmentSecretStore::describe(const QString &name) const
{
    return u"environment variable %1"_s.arg(variableName(name));
}

} // namespace jb
