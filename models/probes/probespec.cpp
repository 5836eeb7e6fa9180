#include "probespec.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

struct TypeName
{
    ProbeType type;
    QString key;
    QString label;
};

const QList<TypeName> &typeNames()
{
    static const QList<TypeName> names = {
        {ProbeType::Dns, u"dns"_s, u"DNS"_s},
        {ProbeType::Tcp, u"tcp"_s, u"TCP"_s},
        {ProbeType::Http, u"http"_s, u"HTTP(S)"_s},
        {ProbeType::Tls, u"tls"_s, u"TLS"_s},
        {ProbeType::Ftp, u"ftp"_s, u"FTP / FTPS"_s},
        {ProbeType::Sftp, u"sftp"_s, u"SFTP"_s},
        {ProbeType::Database, u"database"_s, u"Database"_s},
        {ProbeType::Vpn, u"vpn"_s, u"VPN"_s},
    };
    return names;
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        list.append(item.toString());
    return list;
}

bool uses(ProbeType type, std::initializer_list<ProbeType> types)
{
    return std::find(types.begin(), types.end(), type) != types.end();
}

} // namespace

QString ProbeSpec::typeKey(ProbeType type)
{
    for (const TypeName &name : typeNames()) {
        if (name.type == type)
            return name.key;
    }
    return {};
}

std::optional<ProbeType> ProbeSpec::typeFromKey(const QString &key)
{
    for (const TypeName &name : typeNames()) {
        if (name.key == key)
            return name.type;
    }
    return std::nullopt;
}

QString ProbeSpec::typeLabel(ProbeType type)
{
    for (const TypeName &name : typeNames()) {
        if (name.type == type)
            return name.label;
    }
    return {};
}

QStringList ProbeSpec::typeKeys()
{
    QStringList keys;
    for (const TypeName &name : typeNames())
        keys.append(name.key);
    return keys;
}

QString ProbeSpec::target() const
{
    auto hostPort = [this] { return port > 0 ? QString(host + u':' + QString::number(port)) : host; };
    switch (type) {
    case ProbeType::Dns:
        return nameserver.isEmpty() ? host : QString(host + u" @"_s + nameserver);
    case ProbeType::Tcp:
    case ProbeType::Tls:
        return hostPort();
    case ProbeType::Http:
        return method + u' ' + url;
    case ProbeType::Ftp:
    case ProbeType::Sftp: {
        const QString scheme = type == ProbeType::Sftp ? u"sftp"_s
            : ftps == u"implicit"                      ? u"ftps"_s
                                                       : u"ftp"_s;
        return scheme + u"://"_s + (user.isEmpty() ? QString() : user + u'@') + hostPort() + path;
    }
    case ProbeType::Database:
        return host.isEmpty() ? QString(driver + u' ' + database)
                              : QString(driver + u' ' + hostPort() + u'/' + database);
    case ProbeType::Vpn:
        return targets.join(u", "_s);
    }
    return {};
}

QJsonObject ProbeSpec::toJson() const
{
    QJsonObject o;
    forEachMember([&o](const QString &key, const QJsonValue &value) { o.insert(key, value); });
    return o;
}

void ProbeSpec::forEachMember(const std::function<void(const QString &, const QJsonValue &)> &member) const
{
    const ProbeSpec defaults;
    member(u"id"_s, id);
    member(u"name"_s, name);
    member(u"type"_s, typeKey(type));
    member(u"phase"_s, phase);
    if (!enabled)
        member(u"enabled"_s, false);
    auto text = [&member](const QString &key, const QString &value, const QString &fallback = {}) {
        if (!value.isEmpty() && value != fallback)
            member(key, value);
    };
    text(u"environment"_s, environment);
    if (!sources.isEmpty())
        member(u"sources"_s, toArray(sources));
    if (timeoutMs > 0)
        member(u"timeoutMs"_s, timeoutMs);
    if (type != ProbeType::Http && type != ProbeType::Vpn) {
        text(u"host"_s, host);
        if (port > 0 && type != ProbeType::Dns)
            member(u"port"_s, port);
    }
    if (type == ProbeType::Dns) {
        text(u"expectAddress"_s, expectAddress);
        text(u"nameserver"_s, nameserver);
    }
    if (type == ProbeType::Http) {
        text(u"url"_s, url);
        text(u"method"_s, method, defaults.method);
        text(u"expectStatus"_s, expectStatus);
        text(u"expectHeader"_s, expectHeader);
        text(u"expectBody"_s, expectBody);
        text(u"redirects"_s, redirects, defaults.redirects);
    }
    if (uses(type, {ProbeType::Http, ProbeType::Tls, ProbeType::Ftp}) && insecure)
        member(u"insecure"_s, true);
    if (type == ProbeType::Tls && warnDays != defaults.warnDays)
        member(u"warnDays"_s, warnDays);
    if (uses(type, {ProbeType::Http, ProbeType::Ftp, ProbeType::Sftp, ProbeType::Database})) {
        text(u"auth"_s, auth, defaults.auth);
        text(u"user"_s, user);
        text(u"secret"_s, secret);
    }
    if (type == ProbeType::Ftp || type == ProbeType::Sftp) {
        text(u"path"_s, path, defaults.path);
        text(u"file"_s, file);
    }
    if (type == ProbeType::Ftp)
        text(u"ftps"_s, ftps, defaults.ftps);
    if (type == ProbeType::Sftp)
        text(u"hostKeySha256"_s, hostKeySha256);
    if (type == ProbeType::Database) {
        text(u"driver"_s, driver);
        text(u"database"_s, database);
        text(u"validationQuery"_s, validationQuery);
        if (!tables.isEmpty())
            member(u"tables"_s, toArray(tables));
    }
    if (type == ProbeType::Vpn && !targets.isEmpty())
        member(u"targets"_s, toArray(targets));
    text(u"notes"_s, notes);
}

ProbeSpec ProbeSpec::fromJson(const QJsonObject &o)
{
    ProbeSpec spec;
    auto text = [&o](const QString &key, const QString &fallback = {}) {
        const QString value = o.value(key).toString();
        return value.isEmpty() ? fallback : value;
    };
    spec.id = text(u"id"_s);
    spec.name = text(u"name"_s, spec.id);
    spec.type = typeFromKey(text(u"type"_s)).value_or(ProbeType::Tcp);
    spec.phase = o.value(u"phase"_s).toInt(2);
    spec.enabled = o.value(u"enabled"_s).toBool(true);
    spec.environment = text(u"environment"_s);
    spec.sources = toStringList(o.value(u"sources"_s));
    spec.timeoutMs = o.value(u"timeoutMs"_s).toInt(0);
    spec.host = text(u"host"_s);
    spec.port = o.value(u"port"_s).toInt(0);
    spec.expectAddress = text(u"expectAddress"_s);
    spec.nameserver = text(u"nameserver"_s);
    spec.url = text(u"url"_s);
    spec.method = text(u"method"_s, spec.method);
    spec.expectStatus = text(u"expectStatus"_s);
    spec.expectHeader = text(u"expectHeader"_s);
    spec.expectBody = text(u"expectBody"_s);
    spec.redirects = text(u"redirects"_s, spec.redirects);
    spec.insecure = o.value(u"insecure"_s).toBool(false);
    spec.warnDays = o.value(u"warnDays"_s).toInt(spec.warnDays);
    spec.auth = text(u"auth"_s, spec.auth);
    spec.user = text(u"user"_s);
    spec.secret = text(u"secret"_s);
    spec.path = text(u"path"_s, spec.path);
    spec.file = text(u"file"_s);
    spec.ftps = text(u"ftps"_s, spec.ftps);
    spec.hostKeySha256 = text(u"hostKeySha256"_s);
    spec.driver = text(u"driver"_s);
    spec.database = text(u"database"_s);
    spec.validationQuery = text(u"validationQuery"_s);
    spec.tables = toStringList(o.value(u"tables"_s));
    spec.targets = toStringList(o.value(u"targets"_s));
    spec.notes = text(u"notes"_s);
    return spec;
}

} // namespace jb
