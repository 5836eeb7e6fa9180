#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace jb {

// What a probe checks. The names are the values of the "type" field of a probe entity.
enum class ProbeType
{
    Dns,
    Tcp,
    Http,
    Tls,
    Ftp,
    Sftp,
    Database,
    Vpn,
};

// One connectivity probe: generated from the inventory (ProbePlanner) or made or edited by the
// user (persisted as an entity of kind "probe" in probes/). Plain data: it names secrets, never
// holds their values. A flat struct because the GUI edits it through one generic form and the
// fields that do not apply to a type are simply left empty (and not written).
struct ProbeSpec
{
    enum class Origin
    {
        Generated, // from the inventory, never written to disk
        Edited, // a generated probe the user changed: persisted under the generated id
        User, // added by the user
    };

    QString id; // stable: generated ids are derived from the inventory entity they test
    QString name;
    ProbeType type = ProbeType::Tcp;
    int phase = 2; // 1 Connection, 2 Servers / DB
    bool enabled = true;
    Origin origin = Origin::User;
    QString environment; // the environment id it belongs to ({} = every environment)
    QStringList sources; // the inventory entities it tests, as "kind/id"
    int timeoutMs = 0; // 0 = the runner's default

    // network target: DNS, TCP, TLS, FTP, SFTP, database
    QString host;
    int port = 0;

    // DNS
    QString expectAddress; // the address the name must resolve to ({} = any)
    QString nameserver; // ask this server directly ({} = the system resolver)

    // HTTP
    QString url;
    QString method = QStringLiteral("GET");
    QString expectStatus; // "200", "200-299", "2xx", "200,204" ({} = 200-299)
    QString expectHeader; // "Name" (present) or "Name: text" (contains)
    QString expectBody; // the body contains this text
    QString redirects = QStringLiteral("none"); // none | safe | same-origin
    bool insecure = false; // TLS verification off: always reported prominently

    // TLS
    int warnDays = 30; // a certificate that expires sooner passes with a warning

    // authentication: HTTP, FTP, SFTP, database
    QString auth = QStringLiteral("none"); // none | password | key | basic | bearer | api-key
    QString user;
    QString secret; // the secret's name

    // FTP / SFTP
    QString path = QStringLiteral("/"); // the folder to list
    QString file; // a file that must exist in that folder ({} = no check)
    QString ftps = QStringLiteral("none"); // none | explicit | implicit
    QString hostKeySha256; // SFTP: the server's recorded host key, "SHA256:base64"

    // database
    QString driver; // QSQLITE, QPSQL, QODBC
    QString database; // name, or file for SQLite (relative to the project folder)
    QString validationQuery; // {} = SELECT 1
    QStringList tables;

    // VPN: the hosts behind the tunnel, "host:port" each
    QStringList targets;

    QString notes;

    bool operator==(const ProbeSpec &) const = default;

    // What the probe reaches, for a results table: "127.0.0.1:5432", a URL, a database.
    QString target() const;
    // The entity form: only the keys that apply to the type and differ from the defaults.
    QJsonObject toJson() const;
    // Calls `member` with each key and value toJson() holds, in a fixed order (not sorted), for
    // writers that need no QJsonObject.
    void forEachMember(const std::function<void(const QString &key, const QJsonValue &value)> &member) const;
    static ProbeSpec fromJson(const QJsonObject &object);

    static QString typeKey(ProbeType type);
    static std::optional<ProbeType> typeFromKey(const QString &key);
    static QString typeLabel(ProbeType type);
    static QStringList typeKeys();
};

} // namespace jb
