#include "fieldvalidator.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using jb::FieldSpec;
using jb::FieldType;
using jb::FieldValidator;

namespace {

FieldSpec spec(FieldType type, bool required = false)
{
    FieldSpec field;
    field.key = u"value"_s;
    field.label = u"Value"_s;
    field.type = type;
    field.required = required;
    field.choices = {u"tcp"_s, u"udp"_s};
    return field;
}

void row(const char *name, FieldType type, const QJsonValue &value, const QString &error = {})
{
    QTest::addRow("%s", name) << type << value << error;
}

} // namespace

// FieldValidator: what an inventory accepts. Every rejection says what is wrong.
class TestFieldValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void values_data();
    void values();
    void required();
    void types_data();
    void types();
    void predicatesAgree_data();
    void predicatesAgree();
};

void TestFieldValidator::values_data()
{
    QTest::addColumn<FieldType>("type");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("error");

    const QString notIp = u"\"%1\" is not an IP address (e.g. 10.0.0.5 or fd00::5)"_s;
    row("IPv4", FieldType::Ip, u"10.0.0.5"_s);
    row("IPv4 zeros", FieldType::Ip, u"0.0.0.0"_s);
    row("IPv4 broadcast", FieldType::Ip, u"255.255.255.255"_s);
    row("IPv4 octet over 255", FieldType::Ip, u"10.0.0.256"_s, notIp.arg(u"10.0.0.256"_s));
    row("IPv4 shorthand", FieldType::Ip, u"10.1"_s, notIp.arg(u"10.1"_s));
    row("IPv4 three octets", FieldType::Ip, u"10.0.0"_s, notIp.arg(u"10.0.0"_s));
    row("IPv4 five octets", FieldType::Ip, u"10.0.0.1.5"_s, notIp.arg(u"10.0.0.1.5"_s));
    row("IPv4 leading zero", FieldType::Ip, u"10.0.0.01"_s, notIp.arg(u"10.0.0.01"_s));
    row("IPv4 with a space", FieldType::Ip, u"10.0.0.5 "_s, notIp.arg(u"10.0.0.5 "_s));
    row("IPv4 with a port", FieldType::Ip, u"10.0.0.5:22"_s, notIp.arg(u"10.0.0.5:22"_s));
    row("IPv6 loopback", FieldType::Ip, u"::1"_s);
    row("IPv6 unique local", FieldType::Ip, u"fd00::5"_s);
    row("IPv6 full", FieldType::Ip, u"2001:0db8:0000:0000:0000:8a2e:0370:7334"_s);
    row("IPv6 compressed", FieldType::Ip, u"2001:db8::8a2e:370:7334"_s);
    row("IPv6 mapped IPv4", FieldType::Ip, u"::ffff:192.0.2.1"_s);
    row("IPv6 nine groups", FieldType::Ip, u"1:2:3:4:5:6:7:8:9"_s, notIp.arg(u"1:2:3:4:5:6:7:8:9"_s));
    row("IPv6 two ::", FieldType::Ip, u"2001::db8::1"_s, notIp.arg(u"2001::db8::1"_s));
    row("IPv6 bad digit", FieldType::Ip, u"2001:db8::g1"_s, notIp.arg(u"2001:db8::g1"_s));
    row("IPv6 in brackets", FieldType::Ip, u"[::1]"_s, notIp.arg(u"[::1]"_s));
    row("IPv6 leading space", FieldType::Ip, u" ::1"_s, notIp.arg(u" ::1"_s));
    row("IPv6 trailing space", FieldType::Ip, u"fd00::5 "_s, notIp.arg(u"fd00::5 "_s));
    row("host name is no IP", FieldType::Ip, u"localhost"_s, notIp.arg(u"localhost"_s));
    row("empty optional IP", FieldType::Ip, u""_s);

    const QString notCidr = u"\"%1\" is not a network in CIDR form (e.g. 10.0.0.0/24)"_s;
    row("CIDR /24", FieldType::Cidr, u"10.20.0.0/24"_s);
    row("CIDR /0", FieldType::Cidr, u"0.0.0.0/0"_s);
    row("CIDR /32", FieldType::Cidr, u"10.0.0.5/32"_s);
    row("CIDR /33", FieldType::Cidr, u"10.0.0.0/33"_s, notCidr.arg(u"10.0.0.0/33"_s));
    row("CIDR negative prefix", FieldType::Cidr, u"10.0.0.0/-1"_s, notCidr.arg(u"10.0.0.0/-1"_s));
    row("CIDR signed prefix", FieldType::Cidr, u"10.0.0.0/+8"_s, notCidr.arg(u"10.0.0.0/+8"_s));
    row("CIDR prefix with a space", FieldType::Cidr, u"10.0.0.0/ 8"_s, notCidr.arg(u"10.0.0.0/ 8"_s));
    row("CIDR prefix with a leading zero", FieldType::Cidr, u"10.0.0.0/08"_s, notCidr.arg(u"10.0.0.0/08"_s));
    row("CIDR empty prefix", FieldType::Cidr, u"10.0.0.0/"_s, notCidr.arg(u"10.0.0.0/"_s));
    row("CIDR prefix not a number", FieldType::Cidr, u"10.0.0.0/abc"_s, notCidr.arg(u"10.0.0.0/abc"_s));
    row("CIDR two prefixes", FieldType::Cidr, u"10.0.0.0/8/16"_s, notCidr.arg(u"10.0.0.0/8/16"_s));
    row("CIDR without prefix", FieldType::Cidr, u"10.0.0.0"_s, notCidr.arg(u"10.0.0.0"_s));
    row("CIDR bad address", FieldType::Cidr, u"300.0.0.0/8"_s, notCidr.arg(u"300.0.0.0/8"_s));
    row("CIDR IPv6 /64", FieldType::Cidr, u"fd00:10::/64"_s);
    row("CIDR IPv6 /128", FieldType::Cidr, u"fd00::5/128"_s);
    row("CIDR IPv6 /0", FieldType::Cidr, u"::/0"_s);
    row("CIDR IPv6 /129", FieldType::Cidr, u"fd00::/129"_s, notCidr.arg(u"fd00::/129"_s));
    row("CIDR IPv6 with a space", FieldType::Cidr, u"fd00:: /64"_s, notCidr.arg(u"fd00:: /64"_s));

    const QString notHost = u"\"%1\" is neither a host name nor an IP address"_s;
    const QString label63 = QString(63, u'a');
    row("host localhost", FieldType::Host, u"localhost"_s);
    row("host dotted", FieldType::Host, u"viacep.com.br"_s);
    row("host with dashes and digits", FieldType::Host, u"erp-app-01.int.acme.example"_s);
    row("host IPv4", FieldType::Host, u"127.0.0.1"_s);
    row("host IPv6", FieldType::Host, u"::1"_s);
    row("host 63-character label", FieldType::Host, QString(label63 + u".example"_s));
    row("host 64-character label", FieldType::Host, QString(label63 + u"a.example"_s),
        notHost.arg(label63 + u"a.example"_s));
    row("host leading dash", FieldType::Host, u"-erp.example"_s, notHost.arg(u"-erp.example"_s));
    row("host trailing dash", FieldType::Host, u"erp-.example"_s, notHost.arg(u"erp-.example"_s));
    row("host underscore", FieldType::Host, u"erp_app.example"_s, notHost.arg(u"erp_app.example"_s));
    row("host empty label", FieldType::Host, u"erp..example"_s, notHost.arg(u"erp..example"_s));
    row("host space", FieldType::Host, u"erp app"_s, notHost.arg(u"erp app"_s));
    row("host mistyped address", FieldType::Host, u"10.0.0.300"_s, notHost.arg(u"10.0.0.300"_s));
    row("host URL", FieldType::Host, u"https://viacep.com.br"_s, notHost.arg(u"https://viacep.com.br"_s));

    const QString noScheme = u"\"%1\" is not an absolute URL: start it with a scheme such as https:// "
                             "(http, https, ws, wss, ftp, ftps or sftp)"_s;
    const QString badScheme = u"\"%1\" is not a URL this project can use: the scheme \"%2\" is not one of "
                              "http, https, ws, wss, ftp, ftps or sftp"_s;
    const QString notUrl = u"\"%1\" is not a valid URL: %2"_s;
    row("URL https", FieldType::Url, u"https://viacep.com.br/ws/01001000/json/"_s);
    row("URL http with port", FieldType::Url, u"http://127.0.0.1:8080/consultaCEP"_s);
    row("URL upper-case scheme", FieldType::Url, u"HTTPS://VIACEP.COM.BR/"_s);
    row("URL wss", FieldType::Url, u"wss://push.acme.example/socket"_s);
    row("URL ws", FieldType::Url, u"ws://127.0.0.1:9000"_s);
    row("URL ftp", FieldType::Url, u"ftp://files.acme.example/outbox"_s);
    row("URL ftps", FieldType::Url, u"ftps://files.acme.example/outbox"_s);
    row("URL sftp", FieldType::Url, u"sftp://files.acme.example:2222/in"_s);
    row("URL IPv6 host", FieldType::Url, u"http://[::1]:8080/"_s);
    row("URL with user info", FieldType::Url, u"ftp://ops@files.acme.example/"_s);
    row("URL mailto", FieldType::Url, u"mailto:ops@acme.example"_s,
        noScheme.arg(u"mailto:ops@acme.example"_s));
    row("URL file", FieldType::Url, u"file:///tmp/x.json"_s,
        badScheme.arg(u"file:///tmp/x.json"_s, u"file"_s));
    row("URL other scheme", FieldType::Url, u"gopher://acme.example"_s,
        badScheme.arg(u"gopher://acme.example"_s, u"gopher"_s));
    row("URL relative", FieldType::Url, u"viacep.com.br/ws"_s, noScheme.arg(u"viacep.com.br/ws"_s));
    row("URL no host", FieldType::Url, u"https://"_s, notUrl.arg(u"https://"_s, u"it has no host"_s));
    row("URL space in host", FieldType::Url, u"https://via cep.com.br/"_s,
        notUrl.arg(u"https://via cep.com.br/"_s, u"the host \"via cep.com.br\" has a space"_s));
    row("URL bad host", FieldType::Url, u"https://bad_host.example/"_s,
        notUrl.arg(u"https://bad_host.example/"_s,
            u"\"bad_host.example\" is neither a host name nor an IP address"_s));
    row("URL port out of range", FieldType::Url, u"https://acme.example:99999/"_s,
        notUrl.arg(u"https://acme.example:99999/"_s, u"the port \"99999\" must be 1–65535"_s));
    row("URL port 0", FieldType::Url, u"https://acme.example:0/"_s,
        notUrl.arg(u"https://acme.example:0/"_s, u"the port \"0\" must be 1–65535"_s));
    row("URL port not a number", FieldType::Url, u"https://acme.example:http/"_s,
        notUrl.arg(u"https://acme.example:http/"_s, u"the port \"http\" must be 1–65535"_s));
    row("URL space in host and bad port", FieldType::Url, u"http://orders api.local:99999/v1"_s,
        notUrl.arg(u"http://orders api.local:99999/v1"_s,
            u"the host \"orders api.local\" has a space; the port \"99999\" must be 1–65535"_s));
    row("URL space in path", FieldType::Url, u"https://acme.example/a b"_s,
        notUrl.arg(u"https://acme.example/a b"_s,
            u"the path or query has a character that must be percent-encoded (a space is %20)"_s));

    const QString notEmail = u"\"%1\" is not an e-mail address"_s;
    row("e-mail", FieldType::Email, u"marina.costa@acme-varejo.example"_s);
    row("e-mail with plus", FieldType::Email, u"ops+journey@acme.io"_s);
    row("e-mail without @", FieldType::Email, u"marina.acme.example"_s,
        notEmail.arg(u"marina.acme.example"_s));
    row("e-mail without domain dot", FieldType::Email, u"marina@localhost"_s,
        notEmail.arg(u"marina@localhost"_s));
    row("e-mail two @", FieldType::Email, u"a@@acme.example"_s, notEmail.arg(u"a@@acme.example"_s));
    row("e-mail without local part", FieldType::Email, u"@acme.example"_s, notEmail.arg(u"@acme.example"_s));
    row("e-mail space", FieldType::Email, u"marina costa@acme.example"_s,
        notEmail.arg(u"marina costa@acme.example"_s));
    row("e-mail empty label", FieldType::Email, u"a@acme..example"_s, notEmail.arg(u"a@acme..example"_s));

    row("port 1", FieldType::Port, 1);
    row("port 65535", FieldType::Port, 65535);
    row("port 0", FieldType::Port, 0, u"0 is not a port: use 1 to 65535"_s);
    row("port 65536", FieldType::Port, 65536, u"65536 is not a port: use 1 to 65535"_s);
    row("port negative", FieldType::Port, -22, u"-22 is not a port: use 1 to 65535"_s);
    row("port fraction", FieldType::Port, 22.5, u"\"value\" must be a whole number, not a number"_s);
    row("port as a string", FieldType::Port, u"8080"_s, u"\"value\" must be a whole number, not a string"_s);

    row("regex CEP", FieldType::Regex, u"^[0-9]{5}-?[0-9]{3}$"_s);
    row("regex unicode class", FieldType::Regex, u"^\\p{L}+$"_s);
    row("regex open group", FieldType::Regex, u"([a-z]"_s,
        u"\"([a-z]\" is not a valid regular expression: missing closing parenthesis at offset 6"_s);
    row("regex open class", FieldType::Regex, u"[0-9"_s,
        u"\"[0-9\" is not a valid regular expression: missing terminating ] for character class at offset 4"_s);
    row("regex bad quantifier", FieldType::Regex, u"*a"_s,
        u"\"*a\" is not a valid regular expression: quantifier does not follow a repeatable item at offset 0"_s);

    const QString notId = u"\"%1\" is not an id: use lower-case letters, digits and dashes"_s;
    row("id", FieldType::Id, u"erp-app"_s);
    row("id one character", FieldType::Id, u"a"_s);
    row("id digits", FieldType::Id, u"2fa-01"_s);
    row("id 64 characters", FieldType::Id, QString(64, u'a'));
    row("id 65 characters", FieldType::Id, QString(65, u'a'), notId.arg(QString(65, u'a')));
    row("id upper case", FieldType::Id, u"Erp-app"_s, notId.arg(u"Erp-app"_s));
    row("id leading dash", FieldType::Id, u"-erp"_s, notId.arg(u"-erp"_s));
    row("id trailing dash", FieldType::Id, u"erp-"_s, notId.arg(u"erp-"_s));
    row("id underscore", FieldType::Id, u"erp_app"_s, notId.arg(u"erp_app"_s));
    row("id space", FieldType::Id, u"erp app"_s, notId.arg(u"erp app"_s));
    row("id accent", FieldType::Id, u"são-paulo"_s, notId.arg(u"são-paulo"_s));

    row("enum choice", FieldType::Enum, u"tcp"_s);
    row("enum other", FieldType::Enum, u"TCP"_s, u"\"TCP\" is not one of: tcp, udp"_s);
    row("integer", FieldType::Integer, 28800);
    row("integer negative", FieldType::Integer, -1, u"Value must not be negative"_s);
    row("IP list", FieldType::IpList, QJsonArray{u"10.0.0.1"_s, u"fd00::1"_s});
    row("IP list, second item bad", FieldType::IpList, QJsonArray{u"10.0.0.1"_s, u"10.0.0.999"_s},
        u"item 2: "_s + notIp.arg(u"10.0.0.999"_s));
    row("CIDR list, first item bad", FieldType::CidrList, QJsonArray{u"10.0.0.0/40"_s},
        u"item 1: "_s + notCidr.arg(u"10.0.0.0/40"_s));
}

void TestFieldValidator::values()
{
    QFETCH(FieldType, type);
    QFETCH(QJsonValue, value);
    QFETCH(QString, error);

    QCOMPARE(FieldValidator::valueError(spec(type), value), error);
}

void TestFieldValidator::required()
{
    const FieldSpec field = spec(FieldType::Ip, true);
    const QString message = u"Value is required"_s;
    QCOMPARE(FieldValidator::valueError(field, QJsonValue()), message);
    QCOMPARE(FieldValidator::valueError(field, QJsonValue(QJsonValue::Null)), message);
    QCOMPARE(FieldValidator::valueError(field, u""_s), message);
    QCOMPARE(FieldValidator::valueError(spec(FieldType::IpList, true), QJsonArray()), message);
    QCOMPARE(FieldValidator::valueError(field, u"10.0.0.5"_s), QString());
}

void TestFieldValidator::types_data()
{
    QTest::addColumn<FieldType>("type");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("error");

    row("absent fits anything", FieldType::Port, QJsonValue(QJsonValue::Undefined));
    row("null fits anything", FieldType::ObjectList, QJsonValue(QJsonValue::Null));
    row("port number", FieldType::Port, 22);
    row("port string", FieldType::Port, u"22"_s, u"\"value\" must be a whole number, not a string"_s);
    row("integer fraction", FieldType::Integer, 1.25, u"\"value\" must be a whole number, not a number"_s);
    row("integer boolean", FieldType::Integer, true, u"\"value\" must be a whole number, not a boolean"_s);
    row("bool", FieldType::Bool, false);
    row("bool as string", FieldType::Bool, u"true"_s, u"\"value\" must be true or false, not a string"_s);
    row("text as number", FieldType::Text, 5, u"\"value\" must be a string, not a number"_s);
    row("IP as array", FieldType::Ip, QJsonArray{u"10.0.0.1"_s},
        u"\"value\" must be a string, not an array"_s);
    row("list of strings", FieldType::CidrList, QJsonArray{u"10.0.0.0/8"_s});
    row("list as string", FieldType::TextList, u"a"_s,
        u"\"value\" must be an array of strings, not a string"_s);
    row("list with a number", FieldType::ReferenceList, QJsonArray{u"a"_s, 1},
        u"\"value\" must be an array of strings, not an array"_s);
    row("object list", FieldType::ObjectList, QJsonArray{QJsonObject()});
    row("object list as object", FieldType::ObjectList, QJsonObject(),
        u"\"value\" must be an array of objects, not an object"_s);
    row("object list with a string", FieldType::ObjectList, QJsonArray{QJsonObject(), u"x"_s},
        u"\"value\" must be an array of objects, not an array"_s);
}

void TestFieldValidator::types()
{
    QFETCH(FieldType, type);
    QFETCH(QJsonValue, value);
    QFETCH(QString, error);

    QCOMPARE(FieldValidator::typeError(spec(type), value), error);
}

void TestFieldValidator::predicatesAgree_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ip");
    QTest::addColumn<bool>("cidr");
    QTest::addColumn<bool>("host");
    QTest::addColumn<bool>("id");

    QTest::addRow("IPv4") << u"10.0.0.5"_s << true << false << true << false;
    QTest::addRow("IPv6") << u"fd00::5"_s << true << false << true << false;
    QTest::addRow("network") << u"10.0.0.0/8"_s << false << true << false << false;
    QTest::addRow("name") << u"erp-app"_s << false << false << true << true;
    QTest::addRow("nothing") << u"?"_s << false << false << false << false;
}

void TestFieldValidator::predicatesAgree()
{
    QFETCH(QString, text);
    QFETCH(bool, ip);
    QFETCH(bool, cidr);
    QFETCH(bool, host);
    QFETCH(bool, id);

    QCOMPARE(FieldValidator::isIpAddress(text), ip);
    QCOMPARE(FieldValidator::isCidr(text), cidr);
    QCOMPARE(FieldValidator::isHost(text), host);
    QCOMPARE(FieldValidator::isId(text), id);
}

QTEST_APPLESS_MAIN(TestFieldValidator)
#include "tst_fieldvalidator.moc"
