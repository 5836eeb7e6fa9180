#include "journeyschema.h"

using namespace Qt::StringLiterals;

namespace jb {

namespace {

FieldSpec field(const QString &key, const QString &label, FieldType type, const QString &hint = {})
{
    FieldSpec spec;
    spec.key = key;
    spec.label = label;
    spec.type = type;
    spec.hint = hint;
    return spec;
}

FieldSpec required(FieldSpec spec)
{
    spec.required = true;
    return spec;
}

FieldSpec choice(
    const QString &key, const QString &label, const QStringList &choices, const QString &hint = {})
{
    FieldSpec spec = field(key, label, FieldType::Enum, hint);
    spec.choices = choices;
    return spec;
}

FieldSpec reference(const QString &key, const QString &label, const QString &kind, bool many = false)
{
    FieldSpec spec = field(key, label, many ? FieldType::ReferenceList : FieldType::Reference);
    spec.referenceKind = kind;
    return spec;
}

FieldSpec objects(const QString &key, const QString &label, const QList<FieldSpec> &items)
{
    FieldSpec spec = field(key, label, FieldType::ObjectList);
    spec.itemFields = items;
    return spec;
}

FieldSpec only(FieldSpec spec, const QStringList &values)
{
    spec.onlyFor = values;
    return spec;
}

FieldSpec idField()
{
    return required(field(u"id"_s, u"Id"_s, FieldType::Id, u"lower-case letters, digits and dashes"_s));
}

FieldSpec nameField()
{
    return required(field(u"name"_s, u"Name"_s, FieldType::Text));
}

QList<FieldSpec> contactFields()
{
    return {required(field(u"name"_s, u"Name"_s, FieldType::Text)),
        field(u"role"_s, u"Role"_s, FieldType::Text), field(u"email"_s, u"E-mail"_s, FieldType::Email),
        field(u"phone"_s, u"Phone"_s, FieldType::Text)};
}

KindSpec vpnKind()
{
    const QStringList ciphers
        = {u"AES-128"_s, u"AES-192"_s, u"AES-256"_s, u"AES-128-GCM"_s, u"AES-256-GCM"_s, u"3DES"_s};
    const QStringList hashes = {u"SHA1"_s, u"SHA256"_s, u"SHA384"_s, u"SHA512"_s};
    const QStringList dhGroups
        = {u"2"_s, u"5"_s, u"14"_s, u"15"_s, u"16"_s, u"19"_s, u"20"_s, u"21"_s, u"24"_s};
    return {u"vpn"_s, u"connections"_s, u"VPN tunnel"_s, u"VPN tunnels"_s, 1,
        {idField(), nameField(), required(choice(u"type"_s, u"Type"_s, {u"vpn"_s})),
            field(u"partner"_s, u"Partner"_s, FieldType::Text, u"the organisation on the other side"_s),
            required(field(u"localGateway"_s, u"Local gateway"_s, FieldType::Ip, u"our public peer IP"_s)),
            required(
                field(u"peerGateways"_s, u"Peer gateways"_s, FieldType::IpList, u"the partner's peer IPs"_s)),
            field(
                u"localSubnets"_s, u"Local encryption domain"_s, FieldType::CidrList, u"e.g. 10.10.0.0/24"_s),
            field(u"remoteSubnets"_s, u"Remote encryption domain"_s, FieldType::CidrList,
                u"e.g. 172.16.5.0/24"_s),
            choice(u"ikeVersion"_s, u"IKE"_s, {u"IKEv1"_s, u"IKEv2"_s}),
            choice(u"ikeEncryption"_s, u"Phase 1 encryption"_s, ciphers),
            choice(u"ikeHash"_s, u"Phase 1 hash"_s, hashes),
            choice(u"ikeDhGroup"_s, u"Phase 1 DH group"_s, dhGroups),
            field(u"ikeLifetime"_s, u"Phase 1 lifetime (s)"_s, FieldType::Integer),
            choice(u"ipsecEncryption"_s, u"Phase 2 encryption"_s, ciphers),
            choice(u"ipsecHash"_s, u"Phase 2 hash"_s, hashes),
            choice(u"ipsecPfsGroup"_s, u"Phase 2 PFS group"_s, QStringList{u"none"_s} + dhGroups),
            field(u"ipsecLifetime"_s, u"Phase 2 lifetime (s)"_s, FieldType::Integer),
            reference(u"hostsBehind"_s, u"Servers behind the tunnel"_s, u"server"_s, true),
            objects(u"contacts"_s, u"Contacts"_s, contactFields()),
            field(u"notes"_s, u"Notes"_s, FieldType::LongText)},
        u"type"_s, {u"vpn"_s}};
}

KindSpec endpointKind()
{
    const QStringList types = {u"api"_s, u"ws"_s, u"sftp"_s, u"ftp"_s};
    return {u"endpoint"_s, u"connections"_s, u"Exposed endpoint"_s, u"Exposed endpoints"_s, 1,
        {idField(), nameField(), required(choice(u"type"_s, u"Type"_s, types)),
            only(field(u"url"_s, u"URL"_s, FieldType::Url, u"https://host/path"_s), {u"api"_s, u"ws"_s}),
            only(field(u"host"_s, u"Host"_s, FieldType::Host), {u"sftp"_s, u"ftp"_s}),
            only(field(u"port"_s, u"Port"_s, FieldType::Port), {u"sftp"_s, u"ftp"_s}),
            only(field(u"path"_s, u"Folder"_s, FieldType::Text, u"the folder to list"_s),
                {u"sftp"_s, u"ftp"_s}),
            reference(u"environment"_s, u"Environment"_s, u"environment"_s),
            choice(u"auth"_s, u"Authentication"_s,
                {u"none"_s, u"basic"_s, u"api-key"_s, u"bearer"_s, u"oauth2"_s, u"mtls"_s, u"password"_s,
                    u"key"_s}),
            field(u"user"_s, u"User"_s, FieldType::Text),
            field(u"secret"_s, u"Secret (name)"_s, FieldType::Text,
                u"the name of a secret kept in the keychain, never its value"_s),
            field(u"notes"_s, u"Notes"_s, FieldType::LongText)},
        u"type"_s, types};
}

KindSpec serverKind()
{
    return {u"server"_s, u"servers"_s, u"Server"_s, u"Servers"_s, 2,
        {idField(), nameField(), required(field(u"ip"_s, u"IP"_s, FieldType::Ip)),
            field(u"hostname"_s, u"Host name"_s, FieldType::Host),
            reference(u"environment"_s, u"Environment"_s, u"environment"_s),
            choice(u"firewall"_s, u"Firewall"_s,
                {u"unknown"_s, u"requested"_s, u"approved"_s, u"open"_s, u"denied"_s}),
            objects(u"ports"_s, u"Ports"_s,
                {required(field(u"port"_s, u"Port"_s, FieldType::Port)),
                    choice(u"protocol"_s, u"Protocol"_s,
                        {u"tcp"_s, u"udp"_s, u"http"_s, u"https"_s, u"ftp"_s, u"sftp"_s, u"postgresql"_s,
                            u"mysql"_s, u"sqlserver"_s, u"oracle"_s}),
                    field(u"purpose"_s, u"Purpose"_s, FieldType::Text)}),
            field(u"notes"_s, u"Notes"_s, FieldType::LongText)},
        {}, {}};
}

KindSpec databaseKind()
{
    return {u"database"_s, u"databases"_s, u"Database"_s, u"Databases"_s, 2,
        {idField(), nameField(),
            required(choice(u"driver"_s, u"Driver"_s, {u"QSQLITE"_s, u"QPSQL"_s, u"QODBC"_s, u"QMYSQL"_s})),
            field(u"host"_s, u"Host"_s, FieldType::Host), field(u"port"_s, u"Port"_s, FieldType::Port),
            required(field(u"database"_s, u"Database"_s, FieldType::Text, u"name, or file for SQLite"_s)),
            field(u"instance"_s, u"Instance"_s, FieldType::Text),
            field(u"user"_s, u"User"_s, FieldType::Text),
            field(u"secret"_s, u"Password (secret name)"_s, FieldType::Text,
                u"the name of a secret kept in the keychain, never its value"_s),
            field(u"validationQuery"_s, u"Validation query"_s, FieldType::Text, u"SELECT 1"_s),
            field(u"tables"_s, u"Tables"_s, FieldType::TextList),
            field(u"notes"_s, u"Notes"_s, FieldType::LongText)},
        {}, {}};
}

KindSpec systemKind()
{
    return {u"system"_s, u"systems"_s, u"System"_s, u"Systems"_s, 3,
        {idField(), nameField(), required(field(u"acronym"_s, u"Acronym"_s, FieldType::Text)),
            field(u"ownerTeam"_s, u"Owner team"_s, FieldType::Text),
            field(u"ownerEmail"_s, u"Owner e-mail"_s, FieldType::Email),
            field(u"description"_s, u"Functional description"_s, FieldType::LongText)},
        {}, {}};
}

KindSpec flowKind()
{
    FieldSpec pipes
        = field(u"pipeCount"_s, u"Pipes"_s, FieldType::Integer, u"number of pipes in this flow"_s);
    return {u"flow"_s, u"flows"_s, u"Flow"_s, u"Flows"_s, 3,
        {idField(), nameField(), required(reference(u"provider"_s, u"Provider"_s, u"system"_s)),
            required(reference(u"consumer"_s, u"Consumer"_s, u"system"_s)),
            field(u"businessProcess"_s, u"Business process"_s, FieldType::Text),
            choice(u"trigger"_s, u"Trigger"_s,
                {u"rest"_s, u"event"_s, u"scheduler"_s, u"file"_s, u"database"_s}),
            pipes, field(u"errorTreatment"_s, u"Error treatment"_s, FieldType::Text),
            reference(u"services"_s, u"Services"_s, u"service"_s, true),
            field(u"description"_s, u"Description"_s, FieldType::LongText)},
        {}, {}};
}

KindSpec serviceKind()
{
    return {u"service"_s, u"services"_s, u"Service"_s, u"Services"_s, 4,
        {idField(), nameField(), required(reference(u"system"_s, u"System"_s, u"system"_s)),
            required(choice(u"kind"_s, u"Kind"_s,
                {u"api"_s, u"web-service"_s, u"file"_s, u"db-select"_s, u"stored-procedure"_s, u"view"_s})),
            field(u"endpoint"_s, u"Endpoint"_s, FieldType::Text,
                u"URL, path template, file mask or object name"_s),
            choice(u"method"_s, u"Method"_s,
                {u"GET"_s, u"POST"_s, u"PUT"_s, u"PATCH"_s, u"DELETE"_s, u"SELECT"_s, u"EXEC"_s, u"READ"_s,
                    u"WRITE"_s}),
            reference(u"contract"_s, u"Contract"_s, u"contract"_s),
            field(u"permissions"_s, u"Permissions"_s, FieldType::Text),
            field(u"exceptions"_s, u"Exceptions"_s, FieldType::LongText),
            field(u"errorHandling"_s, u"Error handling"_s, FieldType::LongText)},
        {}, {}};
}

KindSpec contractKind()
{
    return {u"contract"_s, u"contracts"_s, u"Contract"_s, u"Contracts"_s, 5,
        {idField(), nameField(), reference(u"system"_s, u"System"_s, u"system"_s),
            choice(u"format"_s, u"Format"_s, {u"json"_s, u"xml"_s, u"csv"_s, u"table"_s}),
            field(u"description"_s, u"Description"_s, FieldType::LongText),
            objects(u"fields"_s, u"Fields"_s,
                {required(field(u"name"_s, u"Name or path"_s, FieldType::Text)),
                    required(choice(u"type"_s, u"Type"_s,
                        {u"string"_s, u"integer"_s, u"number"_s, u"boolean"_s, u"date"_s, u"datetime"_s,
                            u"object"_s, u"array"_s})),
                    field(u"required"_s, u"Required"_s, FieldType::Bool),
                    field(u"format"_s, u"Format (regex)"_s, FieldType::Regex),
                    field(u"maxLength"_s, u"Max length"_s, FieldType::Integer),
                    field(u"enum"_s, u"Allowed values"_s, FieldType::TextList),
                    field(u"example"_s, u"Example"_s, FieldType::Text),
                    field(u"description"_s, u"Description"_s, FieldType::Text)}),
            objects(u"examples"_s, u"Message examples"_s,
                {required(field(u"name"_s, u"Name"_s, FieldType::Text)),
                    choice(u"mediaType"_s, u"Media type"_s, {u"application/json"_s, u"application/xml"_s}),
                    required(field(u"content"_s, u"Content"_s, FieldType::LongText))})},
        {}, {}};
}

// A pipe's trigger and steps are kept as the file's other keys (they round-trip untouched);
// PipeDefinition in models/pipes reads and checks them.
KindSpec pipeKind()
{
    return {u"pipe"_s, u"pipes"_s, u"Pipe"_s, u"Pipes"_s, 6,
        {idField(), nameField(), reference(u"flow"_s, u"Flow"_s, u"flow"_s),
            field(u"description"_s, u"Description"_s, FieldType::LongText)},
        {}, {}};
}

// A From-To between two contracts. Its rules and transforms are kept as the file's other keys
// (they round-trip untouched); MappingDefinition in models/mapping reads and checks them.
KindSpec mappingKind()
{
    return {u"mapping"_s, u"mappings"_s, u"Mapping"_s, u"Mappings"_s, 5,
        {idField(), nameField(),
            required(reference(u"sourceContract"_s, u"Source contract"_s, u"contract"_s)),
            required(reference(u"targetContract"_s, u"Target contract"_s, u"contract"_s)),
            reference(u"sourceDatabase"_s, u"Source database"_s, u"database"_s),
            field(u"description"_s, u"Description"_s, FieldType::LongText)},
        {}, {}};
}

// A test suite of phases 7 and 8: the unit cases of one pipe. Its cases are kept as the file's
// other keys (they round-trip untouched); TestSuite in models/pipetests reads and checks them.
KindSpec testKind()
{
    return {u"test"_s, u"tests"_s, u"Test suite"_s, u"Test suites"_s, 7,
        {idField(), nameField(), required(choice(u"type"_s, u"Type"_s, {u"unit"_s})),
            required(reference(u"pipe"_s, u"Pipe"_s, u"pipe"_s)),
            field(u"description"_s, u"Description"_s, FieldType::LongText),
            field(u"ignore"_s, u"Ignored paths"_s, FieldType::TextList,
                u"volatile values left out of every comparison, e.g. body.executionKey"_s)},
        {}, {}};
}

// Environments serve phases 1, 2 and 6-10 alike: they belong to no phase (0) and have a page of
// their own in the navigator.
KindSpec environmentKind()
{
    return {u"environment"_s, u"environments"_s, u"Environment"_s, u"Environments"_s, 0,
        {idField(), nameField(), field(u"description"_s, u"Description"_s, FieldType::Text),
            field(u"sourceAddresses"_s, u"Source addresses"_s, FieldType::CidrList,
                u"where the integration's traffic comes from, for the firewall request"_s),
            objects(u"variables"_s, u"Variables"_s,
                {required(field(u"name"_s, u"Name"_s, FieldType::Text)),
                    field(u"value"_s, u"Value"_s, FieldType::Text),
                    field(u"description"_s, u"Description"_s, FieldType::Text)}),
            objects(u"secrets"_s, u"Secrets (names only)"_s,
                {required(field(u"name"_s, u"Name"_s, FieldType::Text)),
                    choice(u"type"_s, u"Type"_s,
                        {u"password"_s, u"api-key"_s, u"basic"_s, u"bearer"_s, u"oauth2"_s, u"private-key"_s,
                            u"certificate"_s}),
                    field(u"description"_s, u"Description"_s, FieldType::Text)})},
        {}, {}};
}

// A connectivity probe the user added or edited (generated probes are never written: see
// models/probes/probeplanner.h). The fields that apply depend on the type.
KindSpec probeKind()
{
    const QStringList types
        = {u"dns"_s, u"tcp"_s, u"http"_s, u"tls"_s, u"ftp"_s, u"sftp"_s, u"database"_s, u"vpn"_s};
    const QStringList withHost = {u"dns"_s, u"tcp"_s, u"tls"_s, u"ftp"_s, u"sftp"_s, u"database"_s};
    const QStringList withAuth = {u"http"_s, u"ftp"_s, u"sftp"_s, u"database"_s};
    const QStringList files = {u"ftp"_s, u"sftp"_s};
    return {u"probe"_s, u"probes"_s, u"Probe"_s, u"Probes"_s, 2,
        {idField(), nameField(), required(choice(u"type"_s, u"Type"_s, types)),
            required(field(u"phase"_s, u"Phase"_s, FieldType::Integer, u"1 Connection or 2 Servers / DB"_s)),
            field(u"enabled"_s, u"Enabled"_s, FieldType::Bool),
            reference(u"environment"_s, u"Environment"_s, u"environment"_s),
            field(u"sources"_s, u"Tests (kind/id)"_s, FieldType::TextList,
                u"the inventory entities it tests, e.g. server/erp-app"_s),
            field(u"timeoutMs"_s, u"Timeout (ms)"_s, FieldType::Integer, u"5000 when empty"_s),
            only(field(u"host"_s, u"Host"_s, FieldType::Host), withHost),
            only(field(u"port"_s, u"Port"_s, FieldType::Port), withHost),
            only(field(u"expectAddress"_s, u"Expected address"_s, FieldType::Ip), {u"dns"_s}),
            only(field(u"nameserver"_s, u"Name server"_s, FieldType::Ip, u"empty: the system resolver"_s),
                {u"dns"_s}),
            only(field(u"url"_s, u"URL"_s, FieldType::Url), {u"http"_s}),
            only(choice(u"method"_s, u"Method"_s,
                     {u"GET"_s, u"HEAD"_s, u"POST"_s, u"PUT"_s, u"PATCH"_s, u"DELETE"_s, u"OPTIONS"_s}),
                {u"http"_s}),
            only(field(u"expectStatus"_s, u"Expected status"_s, FieldType::Text,
                     u"200, 200-299, 2xx, 200,204"_s),
                {u"http"_s}),
            only(field(u"expectHeader"_s, u"Expected header"_s, FieldType::Text, u"Name or Name: text"_s),
                {u"http"_s}),
            only(field(u"expectBody"_s, u"Body contains"_s, FieldType::Text), {u"http"_s}),
            only(choice(u"redirects"_s, u"Redirects"_s, {u"none"_s, u"safe"_s, u"same-origin"_s}),
                {u"http"_s}),
            only(field(u"insecure"_s, u"Skip TLS verification"_s, FieldType::Bool,
                     u"reported in red in every result and export"_s),
                {u"http"_s, u"tls"_s, u"ftp"_s}),
            only(field(u"warnDays"_s, u"Warn days before expiry"_s, FieldType::Integer), {u"tls"_s}),
            only(
                choice(u"auth"_s, u"Authentication"_s,
                    {u"none"_s, u"password"_s, u"key"_s, u"basic"_s, u"bearer"_s, u"api-key"_s, u"oauth2"_s}),
                withAuth),
            only(field(u"user"_s, u"User"_s, FieldType::Text), withAuth),
            only(field(u"secret"_s, u"Secret (name)"_s, FieldType::Text,
                     u"the name of a secret kept in the keychain, never its value"_s),
                withAuth),
            only(field(u"path"_s, u"Folder"_s, FieldType::Text), files),
            only(field(u"file"_s, u"File that must exist"_s, FieldType::Text), files),
            only(choice(u"ftps"_s, u"FTPS"_s, {u"none"_s, u"explicit"_s, u"implicit"_s}), {u"ftp"_s}),
            only(field(u"hostKeySha256"_s, u"Host key (SHA256)"_s, FieldType::Text,
                     u"recorded on the first successful login"_s),
                {u"sftp"_s}),
            only(choice(u"driver"_s, u"Driver"_s, {u"QSQLITE"_s, u"QPSQL"_s, u"QODBC"_s, u"QMYSQL"_s}),
                {u"database"_s}),
            only(field(u"database"_s, u"Database"_s, FieldType::Text), {u"database"_s}),
            only(field(u"validationQuery"_s, u"Validation query"_s, FieldType::Text, u"SELECT 1"_s),
                {u"database"_s}),
            only(field(u"tables"_s, u"Tables"_s, FieldType::TextList), {u"database"_s}),
            only(field(u"targets"_s, u"Hosts behind the tunnel"_s, FieldType::TextList, u"host:port"_s),
                {u"vpn"_s}),
            field(u"notes"_s, u"Notes"_s, FieldType::LongText)},
        u"type"_s, types};
}

} // namespace

const QList<KindSpec> &JourneySchema::kinds()
{
    static const QList<KindSpec> all
        = {vpnKind(), endpointKind(), serverKind(), databaseKind(), systemKind(), flowKind(), serviceKind(),
            contractKind(), mappingKind(), pipeKind(), testKind(), environmentKind(), probeKind()};
    return all;
}

const KindSpec *JourneySchema::kind(const QString &kind)
{
    for (const KindSpec &spec : kinds()) {
        if (spec.kind == kind)
            return &spec;
    }
    return nullptr;
}

const KindSpec *JourneySchema::kindFor(const QString &folder, const QJsonObject &object)
{
    const KindSpec *fallback = nullptr;
    for (const KindSpec &spec : kinds()) {
        if (spec.folder != folder)
            continue;
        if (spec.matches(object))
            return &spec;
        if (!fallback)
            fallback = &spec;
    }
    return fallback;
}

QStringList JourneySchema::folders()
{
    QStringList result;
    for (const KindSpec &spec : kinds()) {
        if (!result.contains(spec.folder))
            result.append(spec.folder);
    }
    return result;
}

QList<const KindSpec *> JourneySchema::kindsOfPhase(int phase)
{
    QList<const KindSpec *> result;
    for (const KindSpec &spec : kinds()) {
        if (spec.phase == phase)
            result.append(&spec);
    }
    return result;
}

QStringList JourneySchema::extraKeyOrder(const QString &kind, const QString &schemaPath)
{
    if (kind == u"mapping") {
        // a mapping reads: which query, then each rule target <- source, then its transforms
        if (schemaPath.isEmpty())
            return {u"sourceQuery"_s, u"rules"_s};
        if (schemaPath == u"rules")
            return {u"target"_s, u"source"_s, u"transforms"_s, u"note"_s};
        if (schemaPath == u"rules/transforms")
            return {u"op"_s};
        return {};
    }
    if (kind == u"test") {
        // a case reads: what it is, what goes in, what the mocks answer, what must come out
        if (schemaPath.isEmpty())
            return {u"cases"_s};
        if (schemaPath == u"cases")
            return {u"name"_s, u"request"_s, u"event"_s, u"mocks"_s, u"expect"_s, u"rows"_s};
        if (schemaPath == u"cases/request")
            return {u"method"_s, u"path"_s, u"params"_s, u"query"_s, u"headers"_s, u"body"_s};
        if (schemaPath == u"cases/expect")
            return {u"path"_s};
        return {};
    }
    if (kind != u"pipe")
        return {};
    // a pipe reads top-down: trigger, steps, then each step's id, type and name before its settings
    if (schemaPath.isEmpty())
        return {u"trigger"_s, u"errorEvent"_s, u"steps"_s, u"onException"_s};
    if (schemaPath == u"trigger")
        return {u"type"_s, u"method"_s, u"path"_s, u"event"_s, u"timeoutMs"_s, u"maxRequestBytes"_s,
            u"expirationMs"_s, u"limits"_s};
    if (schemaPath == u"trigger/limits")
        return {u"headerTimeoutMs"_s, u"bodyTimeoutMs"_s, u"idleTimeoutMs"_s, u"maxHeaderBytes"_s,
            u"maxLineBytes"_s, u"maxConnections"_s};
    const QString last = schemaPath.section(u'/', -1);
    if (last == u"steps" || last == u"onException" || last == u"otherwise")
        return {u"id"_s, u"type"_s, u"name"_s, u"when"_s, u"otherwise"_s};
    if (last == u"when")
        return {u"condition"_s, u"steps"_s};
    return {};
}

QStringList JourneySchema::manifestKeyOrder(const QString &schemaPath)
{
    const QStringList parts = schemaPath.split(u'/', Qt::SkipEmptyParts);
    const QString top = parts.value(0);
    if (parts.isEmpty())
        return {u"schemaVersion"_s, u"name"_s, u"owner"_s, u"description"_s, u"checklist"_s, u"signoffs"_s,
            u"timeline"_s};
    const QStringList signoff = {u"by"_s, u"at"_s, u"comment"_s, u"override"_s};
    if ((top == u"checklist" && parts.size() == 5) || (top == u"signoffs" && parts.size() == 3))
        return {u"reason"_s, u"openItems"_s};
    if (top == u"checklist" && parts.size() == 3)
        return {u"title"_s, u"status"_s, u"owner"_s, u"evidence"_s, u"comment"_s, u"signoff"_s};
    if ((top == u"checklist" && parts.size() == 4) || (top == u"signoffs" && parts.size() == 2))
        return signoff;
    if (top == u"timeline" && parts.size() == 2)
        return {u"owner"_s, u"plannedStart"_s, u"plannedEnd"_s, u"actualStart"_s, u"actualEnd"_s};
    return {};
}

} // namespace jb
