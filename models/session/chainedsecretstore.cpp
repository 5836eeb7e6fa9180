#include "chainedsecretstore.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace jb {

ChainedSecretStore::ChainedSecretStore(QList<std::shared_ptr<const SecretStore>> stores)
    : m_stores(std::move(stores))
{ }

Result<QString> ChainedSecretStore::secret(const QString &name) const
{
    QStringList tried;
    for (const std::shared_ptr<const SecretStore> &store : m_stores) {
        Result<QString> value = store->secret(name);
        if (value)
            return value;
        tried.append(value.errorString());
    }
    if (tried.isEmpty())
        return Result<QString>::failure(Error::Code::Reference, u"no secret store is available"_s);
    return Result<QString>::failure(Error::Code::Reference, tried.join(u"; "_s));
}

QString ChainedSecretStore::describe(const QString &name) const
{
    QStringList places;
    for (const std::shared_ptr<const SecretStore> &store : m_stores)
        places.append(store->describe(name));
    return places.join(u", then "_s);
}

} // namespace jb
