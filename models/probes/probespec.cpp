#include "probespec.h"

#include "core/enumtable.h"

#include <QHash>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

constexpr auto typeNames = enumTable<ProbeType>({
    {ProbeType::Dns, u"dns", u"DNS"},
    {ProbeType::Tcp, u"tcp", u"TCP"},
    {ProbeType::Http, u"http", u"HTTP(S)"},
    {ProbeType::Tls, u"tls", u"TLS"},
    {ProbeType::Ftp, u"ftp", u"FTP / FTPS"},
    {ProbeType::Sftp, u"sftp", u"SFTP"},
    {ProbeType::Database, u"database", u"Database"},
    {ProbeType::Vpn, u"vpn", u"VPN"},
});

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
    return typeNames.key(type).value_or(QString());
}

std::optional<ProbeType> ProbeSpec::typeFromKey(const QString &key)
{
    return typeNames.fromKey(key);
}

QString ProbeSpec::typeLabel(ProbeType type)
{
    return typeNames.label(type).value_or(QString());
}

QStringList ProbeSpec::typeKeys()
{
    return typeNames.keys();
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

namespace {

using MemberSetter = std::function<void(ProbeSpec &, const QJsonValue &)>;

// A text member: an empty or missing value keeps the default.
MemberSetter text(QString ProbeSpec::*member)
{
    return [member](ProbeSpec &spec, const QJsonValue &value) {
        if (QString read = value.toString(); !read.isEmpty())
            spec.*member = std::move(read);
    };
}

MemberSetter number(int ProbeSpec::*member)
{
    return [member](ProbeSpec &spec, const QJsonValue &value) { spec.*member = value.toInt(spec.*member); };
}

MemberSetter flag(bool ProbeSpec::*member)
{
    return [member](ProbeSpec &spec, const QJsonValue &value) { spec.*member = value.toBool(spec.*member); };
}

MemberSetter list(QStringList ProbeSpec::*member)
{
    return [member](ProbeSpec &spec, const QJsonValue &value) { spec.*member = toStringList(value); };
}

// How each key of a probe file sets its member: looked up once per key the file has, rather than
// every member looked up in the file (a thousand probe files are read in one check).
const QHash<QString, MemberSetter> &memberSetters()
{
    static const QHash<QString, MemberSetter> setters{
        {u"id"_s, text(&ProbeSpec::id)},
        {u"name"_s, text(&ProbeSpec::name)},
        {u"type"_s,
            [](ProbeSpec &spec, const QJsonValue &value) {
                spec.type = ProbeSpec::typeFromKey(value.toString()).value_or(ProbeType::Tcp);
            }},
        {u"phase"_s, number(&ProbeSpec::phase)},
        {u"enabled"_s, flag(&ProbeSpec::enabled)},
        {u"environment"_s, text(&ProbeSpec::environment)},
        {u"sources"_s, list(&ProbeSpec::sources)},
        {u"timeoutMs"_s, number(&ProbeSpec::timeoutMs)},
        {u"host"_s, text(&ProbeSpec::host)},
        {u"port"_s, number(&ProbeSpec::port)},
        {u"expectAddress"_s, text(&ProbeSpec::expectAddress)},
        {u"nameserver"_s, text(&ProbeSpec::nameserver)},
        {u"url"_s, text(&ProbeSpec::url)},
        {u"method"_s, text(&ProbeSpec::method)},
        {u"expectStatus"_s, text(&ProbeSpec::expectStatus)},
        {u"expectHeader"_s, text(&ProbeSpec::expectHeader)},
        {u"expectBody"_s, text(&ProbeSpec::expectBody)},
        {u"redirects"_s, text(&ProbeSpec::redirects)},
        {u"insecure"_s, flag(&ProbeSpec::insecure)},
        {u"warnDays"_s, number(&ProbeSpec::warnDays)},
        {u"auth"_s, text(&ProbeSpec::auth)},
        {u"user"_s, text(&ProbeSpec::user)},
        {u"secret"_s, text(&ProbeSpec::secret)},
        {u"path"_s, text(&ProbeSpec::path)},
        {u"file"_s, text(&ProbeSpec::file)},
        {u"ftps"_s, text(&ProbeSpec::ftps)},
        {u"hostKeySha256"_s, text(&ProbeSpec::hostKeySha256)},
        {u"driver"_s, text(&ProbeSpec::driver)},
        {u"database"_s, text(&ProbeSpec::database)},
        {u"validationQuery"_s, text(&ProbeSpec::validationQuery)},
        {u"tables"_s, list(&ProbeSpec::tables)},
        {u"targets"_s, list(&ProbeSpec::targets)},
        {u"notes"_s, text(&ProbeSpec::notes)},
    };
    return setters;
}

} // namespace

ProbeSpec ProbeSpec::fromJson(const QJsonObject &o)
{
    ProbeSpec spec;
    const QHash<QString, MemberSetter> &setters = memberSetters();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (const auto setter = setters.constFind(it.key()); setter != setters.cend())
            (*setter)(spec, it.value());
    }
    if (spec.name.isEmpty())
        spec.name = spec.id;
    return spec;
}

} // namespace jb
