#include "probeplanner.h"

#include "databaseprobe.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QUrl>

#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

bool isAddress(const QString &host)
{
    return !QHostAddress(host).isNull();
}

// An entity with no environment belongs to every environment.
bool inEnvironment(const EntityRecord &record, const QString &environment)
{
    const QString own = record.text(u"environment"_s);
    return own.isEmpty() || own == environment;
}

QString source(const EntityRecord &record)
{
    return record.kind + u'/' + record.id();
}

class Generator
{
public:
    Generator(const QList<EntityRecord> &entities, const QString &environment)
        : m_entities(entities)
        , m_environment(environment)
    { }

    QList<ProbeSpec> run()
    {
        for (const EntityRecord &record : m_entities) {
            if (record.kind == u"endpoint" && inEnvironment(record, m_environment))
                endpoint(record);
        }
        for (const EntityRecord &record : m_entities) {
            if (record.kind == u"vpn" && inEnvironment(record, m_environment))
                vpn(record);
        }
        for (const EntityRecord &record : m_entities) {
            if (record.kind == u"server" && inEnvironment(record, m_environment))
                server(record);
        }
        for (const EntityRecord &record : m_entities) {
            if (record.kind == u"database")
                database(record);
        }
        for (const EntityRecord &record : m_entities) {
            if (record.kind == u"service")
                service(record);
        }
        return m_probes;
    }

private:
    ProbeSpec make(const EntityRecord &record, ProbeType type, int phase, const QString &suffix = {})
    {
        ProbeSpec spec;
        spec.id = record.kind + u'-' + record.id() + u'-' + ProbeSpec::typeKey(type)
            + (suffix.isEmpty() ? QString() : u'-' + suffix);
        spec.type = type;
        spec.phase = phase;
        spec.origin = ProbeSpec::Origin::Generated;
        spec.environment = m_environment;
        spec.sources = {source(record)};
        const QString what = record.name().isEmpty() ? record.id() : record.name();
        spec.name
            = ProbeSpec::typeLabel(type) + u": "_s + what + (suffix.isEmpty() ? QString() : u" :"_s + suffix);
        return spec;
    }

    void add(ProbeSpec spec) { m_probes.append(std::move(spec)); }

    void dns(const EntityRecord &record, const QString &host, int phase, const QString &expect = {})
    {
        if (host.isEmpty() || isAddress(host))
            return;
        ProbeSpec spec = make(record, ProbeType::Dns, phase);
        spec.host = host;
        spec.expectAddress = expect;
        add(spec);
    }

    void tcp(const EntityRecord &record, const QString &host, int port, int phase, const QString &suffix = {})
    {
        ProbeSpec spec = make(record, ProbeType::Tcp, phase, suffix);
        spec.host = host;
        spec.port = port;
        add(spec);
    }

    void tls(const EntityRecord &record, const QString &host, int port, int phase, const QString &suffix = {})
    {
        ProbeSpec spec = make(record, ProbeType::Tls, phase, suffix);
        spec.host = host;
        spec.port = port;
        add(spec);
    }

    void endpoint(const EntityRecord &record)
    {
        const QString type = record.text(u"type"_s);
        if (type == u"api" || type == u"ws") {
            const QUrl url(record.text(u"url"_s));
            const QString scheme = url.scheme().toLower();
            if (!url.isValid() || url.host().isEmpty())
                return;
            const bool secure = scheme == u"https" || scheme == u"wss";
            const int port = url.port(secure ? 443 : 80);
            dns(record, url.host(), 1);
            tcp(record, url.host(), port, 1);
            if (secure)
                tls(record, url.host(), port, 1);
            if (scheme == u"http" || scheme == u"https") {
                ProbeSpec spec = make(record, ProbeType::Http, 1);
                spec.url = url.toString();
                spec.expectStatus = ProbePlanner::reachableStatuses();
                spec.auth = record.text(u"auth"_s).isEmpty() ? u"none"_s : record.text(u"auth"_s);
                spec.user = record.text(u"user"_s);
                spec.secret = record.text(u"secret"_s);
                add(spec);
            }
        } else if (type == u"sftp" || type == u"ftp") {
            const QString host = record.text(u"host"_s);
            if (host.isEmpty())
                return;
            const bool sftp = type == u"sftp";
            const int port = record.data.value(u"port"_s).toInt(sftp ? 22 : 21);
            dns(record, host, 1);
            tcp(record, host, port, 1);
            ProbeSpec spec = make(record, sftp ? ProbeType::Sftp : ProbeType::Ftp, 1);
            spec.host = host;
            spec.port = port;
            spec.path = record.text(u"path"_s).isEmpty() ? u"/"_s : record.text(u"path"_s);
            spec.auth = record.text(u"auth"_s).isEmpty() ? u"password"_s : record.text(u"auth"_s);
            spec.user = record.text(u"user"_s);
            spec.secret = record.text(u"secret"_s);
            if (spec.secret.isEmpty())
                spec.auth = u"none"_s;
            add(spec);
        }
    }

    const EntityRecord *find(const QString &kind, const QString &id) const
    {
        for (const EntityRecord &record : m_entities) {
            if (record.kind == kind && record.id() == id)
                return &record;
        }
        return nullptr;
    }

    void vpn(const EntityRecord &record)
    {
        ProbeSpec spec = make(record, ProbeType::Vpn, 1);
        const QJsonArray hosts = record.data.value(u"hostsBehind"_s).toArray();
        for (const QJsonValue &id : hosts) {
            const EntityRecord *server = find(u"server"_s, id.toString());
            if (!server || !inEnvironment(*server, m_environment))
                continue;
            spec.sources.append(source(*server));
            const QString ip = server->text(u"ip"_s);
            const QJsonArray ports = server->data.value(u"ports"_s).toArray();
            for (const QJsonValue &port : ports) {
                const QString protocol = port.toObject().value(u"protocol"_s).toString();
                if (protocol == u"udp")
                    continue; // TCP cannot tell anything about a UDP port
                const QString host = ip.contains(u':') ? u'[' + ip + u']' : ip;
                spec.targets.append(host + u':' + QString::number(port.toObject().value(u"port"_s).toInt()));
            }
        }
        spec.targets.removeDuplicates();
        if (!spec.targets.isEmpty())
            add(spec);
    }

    void server(const EntityRecord &record)
    {
        const QString ip = record.text(u"ip"_s);
        const QString hostname = record.text(u"hostname"_s);
        dns(record, hostname, 2, ip);
        const QJsonArray ports = record.data.value(u"ports"_s).toArray();
        for (const QJsonValue &value : ports) {
            const QJsonObject port = value.toObject();
            const int number = port.value(u"port"_s).toInt();
            const QString protocol = port.value(u"protocol"_s).toString();
            if (number < 1 || protocol == u"udp")
                continue;
            tcp(record, ip, number, 2, QString::number(number));
            if (protocol == u"https") // certificates are issued to names: check the one clients use
                tls(record, hostname.isEmpty() ? ip : hostname, number, 2, QString::number(number));
        }
    }

    // The environment of something recorded only by host: the server (or endpoint) with that host.
    std::optional<QString> environmentOfHost(const QString &host, bool *isServer = nullptr) const
    {
        for (const EntityRecord &record : m_entities) {
            if (record.kind == u"server"
                && (record.text(u"ip"_s) == host
                    || record.text(u"hostname"_s).compare(host, Qt::CaseInsensitive) == 0)) {
                if (isServer)
                    *isServer = true;
                return record.text(u"environment"_s);
            }
        }
        for (const EntityRecord &record : m_entities) {
            if (record.kind == u"endpoint"
                && QUrl(record.text(u"url"_s)).host().compare(host, Qt::CaseInsensitive) == 0)
                return record.text(u"environment"_s);
        }
        return std::nullopt;
    }

    bool hostInEnvironment(const QString &host, bool *isServer = nullptr) const
    {
        const std::optional<QString> environment = environmentOfHost(host, isServer);
        return !environment || environment->isEmpty() || *environment == m_environment;
    }

    void database(const EntityRecord &record)
    {
        const QString host = record.text(u"host"_s);
        const QString own = record.text(u"environment"_s);
        if (!own.isEmpty() ? own != m_environment : !host.isEmpty() && !hostInEnvironment(host))
            return;
        ProbeSpec spec = make(record, ProbeType::Database, 2);
        spec.id = u"database-"_s + record.id() + u"-db"_s;
        spec.driver = record.text(u"driver"_s);
        spec.host = host;
        spec.port = record.data.value(u"port"_s).toInt(0);
        spec.database = record.text(u"database"_s);
        spec.user = record.text(u"user"_s);
        spec.secret = record.text(u"secret"_s);
        spec.auth = spec.secret.isEmpty() ? u"none"_s : u"password"_s;
        spec.validationQuery = record.text(u"validationQuery"_s);
        for (const QJsonValue &table : record.data.value(u"tables"_s).toArray())
            spec.tables.append(table.toString());
        add(spec);
    }

    void service(const EntityRecord &record)
    {
        QString endpoint = record.text(u"endpoint"_s);
        // a path template ("/ws/{cep}/json/") is probed up to its first parameter
        if (const qsizetype brace = endpoint.indexOf(u'{'); brace >= 0)
            endpoint = endpoint.left(endpoint.lastIndexOf(u'/', brace) + 1);
        const QUrl url(endpoint);
        const QString scheme = url.scheme().toLower();
        if ((scheme != u"http" && scheme != u"https") || url.host().isEmpty())
            return;
        bool isServer = false;
        if (!hostInEnvironment(url.host(), &isServer))
            return;
        ProbeSpec spec = make(record, ProbeType::Http, isServer ? 2 : 1);
        spec.url = url.toString();
        // never POST to a real system to see whether it answers
        spec.method = record.text(u"method"_s) == u"GET" ? u"GET"_s : u"HEAD"_s;
        spec.expectStatus = ProbePlanner::reachableStatuses();
        add(spec);
    }

    const QList<EntityRecord> &m_entities;
    QString m_environment;
    QList<ProbeSpec> m_probes;
};

} // namespace

QList<ProbeSpec> ProbePlanner::generate(const QList<EntityRecord> &entities, const QString &environment)
{
    return Generator(entities, environment).run();
}

QList<ProbeSpec> ProbePlanner::persisted(const QList<EntityRecord> &entities)
{
    QList<ProbeSpec> probes;
    probes.reserve(std::count_if(entities.cbegin(), entities.cend(),
        [](const EntityRecord &record) { return record.kind == u"probe"; }));
    for (const EntityRecord &record : entities) {
        if (record.kind == u"probe")
            probes.append(ProbeSpec::fromJson(record.data));
    }
    return probes;
}

QList<ProbeSpec> ProbePlanner::plan(const QList<EntityRecord> &entities, const QString &environment)
{
    QList<ProbeSpec> probes = generate(entities, environment);
    QHash<QString, qsizetype> generatedAt;
    for (qsizetype i = 0; i < probes.size(); ++i)
        generatedAt.insert(probes.at(i).id, i);
    // a probe is some 800 bytes: each is moved where it belongs, never copied, as a thousand
    // copies are megabytes of fresh memory
    QList<ProbeSpec> users = persisted(entities);
    for (ProbeSpec &own : users) {
        const auto found = generatedAt.constFind(own.id);
        if (found == generatedAt.cend()) {
            own.origin = ProbeSpec::Origin::User;
            continue;
        }
        ProbeSpec &generated = probes[*found];
        own.origin = ProbeSpec::Origin::Edited;
        if (own.sources.isEmpty())
            own.sources = generated.sources;
        if (own.environment.isEmpty())
            own.environment = generated.environment;
        generated = std::move(own); // what is left behind keeps origin Edited, and is dropped below
    }
    users.removeIf([&environment](const ProbeSpec &own) {
        return own.origin == ProbeSpec::Origin::Edited
            || !(own.environment.isEmpty() || own.environment == environment);
    });
    if (probes.isEmpty()) {
        probes = std::move(users);
    } else {
        probes.reserve(probes.size() + users.size());
        std::move(users.begin(), users.end(), std::back_inserter(probes));
    }
    // by phase, the inventory's order kept within one: each probe moved once, not n log n times
    QList<int> phases;
    for (const ProbeSpec &probe : std::as_const(probes)) {
        if (!phases.contains(probe.phase))
            phases.append(probe.phase);
    }
    if (phases.size() < 2)
        return probes;
    std::sort(phases.begin(), phases.end());
    QList<ProbeSpec> ordered;
    ordered.reserve(probes.size());
    for (const int phase : std::as_const(phases)) {
        for (ProbeSpec &probe : probes) {
            if (probe.phase == phase)
                ordered.append(std::move(probe));
        }
    }
    return ordered;
}

QList<ProbeSpec> ProbePlanner::ofPhase(const QList<ProbeSpec> &probes, int phase)
{
    QList<ProbeSpec> selected;
    std::copy_if(probes.cbegin(), probes.cend(), std::back_inserter(selected),
        [phase](const ProbeSpec &spec) { return spec.phase == phase; });
    return selected;
}

QStringList ProbePlanner::environments(const QList<EntityRecord> &entities)
{
    QStringList ids;
    for (const EntityRecord &record : entities) {
        if (record.kind == u"environment")
            ids.append(record.id());
    }
    return ids;
}

std::optional<QString> ProbePlanner::defaultEnvironment(const QList<EntityRecord> &entities)
{
    const QStringList ids = environments(entities);
    if (ids.contains(u"test"_s))
        return u"test"_s;
    if (ids.size() == 1)
        return ids.constFirst();
    return std::nullopt;
}

QJsonObject ProbePlanner::entityData(const ProbeSpec &spec)
{
    return spec.toJson();
}

} // namespace jb
