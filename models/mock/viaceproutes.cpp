#include "viaceproutes.h"

using namespace Qt::StringLiterals;

namespace jb {

namespace {

const QByteArray jsonType = QByteArrayLiteral("application/json; charset=utf-8");
const QByteArray xmlType = QByteArrayLiteral("application/xml; charset=utf-8");
const QByteArray htmlType = QByteArrayLiteral("text/html; charset=utf-8");

void appendJsonString(QByteArray &out, const QString &text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            out += "\\u00";
            out += QByteArray::number(byte, 16).rightJustified(2, '0');
        } else {
            out += c; // UTF-8 left as is, like ViaCEP
        }
    }
    out += '"';
}

void appendXmlText(QByteArray &out, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&apos;";
            break;
        default:
            out += c;
        }
    }
}

// Record keys come from people's files: only a valid XML name becomes an element.
bool isXmlName(const QString &name)
{
    if (name.isEmpty() || name.startsWith(u"xml", Qt::CaseInsensitive))
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        const bool letter = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
        const bool other = (c >= u'0' && c <= u'9') || c == u'-' || c == u'.';
        if (!letter && !(i > 0 && other))
            return false;
    }
    return true;
}

MockResponse prebuilt(int status, const QByteArray &type, const QByteArray &body, QLatin1StringView route)
{
    MockResponse response = MockResponse::withBody(status, type, body);
    response.route = QString(route);
    response.prebuild();
    return response;
}

} // namespace

ViaCepRoutes::ViaCepRoutes(ViaCepDataset dataset)
    : m_dataset(std::move(dataset))
{
    rebuild();
}

void ViaCepRoutes::setDataset(ViaCepDataset dataset)
{
    m_dataset = std::move(dataset);
    rebuild();
}

void ViaCepRoutes::setErroForm(ErroForm form)
{
    m_erroForm = form;
    rebuild();
}

void ViaCepRoutes::setBodyStyle(BodyStyle style)
{
    m_bodyStyle = style;
    rebuild();
}

QByteArray ViaCepRoutes::jsonBody(const ViaCepRecord &record, BodyStyle style)
{
    const bool pretty = style == BodyStyle::Pretty;
    QByteArray out;
    out.reserve(512);
    out += '{';
    for (qsizetype i = 0; i < record.fields.size(); ++i) {
        out += i == 0 ? "" : ",";
        if (pretty)
            out += "\n  ";
        appendJsonString(out, record.fields.at(i).first);
        out += pretty ? ": " : ":";
        appendJsonString(out, record.fields.at(i).second);
    }
    if (pretty)
        out += '\n';
    out += '}';
    return out;
}

QByteArray ViaCepRoutes::xmlBody(const ViaCepRecord &record, BodyStyle style)
{
    const bool pretty = style == BodyStyle::Pretty;
    QByteArray out;
    out.reserve(768);
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    out += pretty ? "\n<xmlcep>\n" : "<xmlcep>";
    for (const auto &[key, value] : record.fields) {
        if (!isXmlName(key))
            continue;
        const QByteArray name = key.toUtf8();
        if (pretty)
            out += "  ";
        out += '<' + name + '>';
        appendXmlText(out, value);
        out += "</" + name + '>';
        if (pretty)
            out += '\n';
    }
    out += "</xmlcep>";
    return out;
}

QByteArray ViaCepRoutes::erroJsonBody(ErroForm form, BodyStyle style)
{
    const QByteArray value
        = form == ErroForm::String ? QByteArrayLiteral("\"true\"") : QByteArrayLiteral("true");
    if (style == BodyStyle::Pretty)
        return "{\n  \"erro\": " + value + "\n}";
    return "{\"erro\":" + value + '}';
}

QByteArray ViaCepRoutes::erroXmlBody(BodyStyle style)
{
    return style == BodyStyle::Pretty
        ? QByteArrayLiteral(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xmlcep>\n  <erro>true</erro>\n</xmlcep>")
        : QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?><xmlcep><erro>true</erro></xmlcep>");
}

QByteArray ViaCepRoutes::badRequestBody()
{
    // ViaCEP answers a malformed CEP with an HTML page, whatever format was asked for.
    return QByteArrayLiteral("<!DOCTYPE html>\n"
                             "<html lang=\"pt-br\">\n"
                             "<head>\n"
                             "  <meta charset=\"utf-8\">\n"
                             "  <title>ViaCEP 400</title>\n"
                             "</head>\n"
                             "<body>\n"
                             "  <h1>Erro 400</h1>\n"
                             "  <h3>Verifique a sua URL (Bad Request)</h3>\n"
                             "</body>\n"
                             "</html>\n");
}

void ViaCepRoutes::rebuild()
{
    m_json.clear();
    m_xml.clear();
    m_json.reserve(m_dataset.size());
    m_xml.reserve(m_dataset.size());
    for (const ViaCepRecord &record : m_dataset.records()) {
        const std::optional<quint32> number = ViaCepDataset::cepNumber(record.cep().toLatin1());
        if (!number)
            continue; // records are checked on load; this cannot happen
        m_json.insert(*number, prebuilt(200, jsonType, jsonBody(record, m_bodyStyle), jsonRoute));
        m_xml.insert(*number, prebuilt(200, xmlType, xmlBody(record, m_bodyStyle), xmlRoute));
    }
    m_erroJson = prebuilt(200, jsonType, erroJsonBody(m_erroForm, m_bodyStyle), jsonRoute);
    m_erroXml = prebuilt(200, xmlType, erroXmlBody(m_bodyStyle), xmlRoute);
    m_badJson = prebuilt(400, htmlType, badRequestBody(), jsonRoute);
    m_badXml = prebuilt(400, htmlType, badRequestBody(), xmlRoute);
}

std::optional<MockResponse> ViaCepRoutes::respond(const HttpRequest &request) const
{
    if (request.method != "GET")
        return std::nullopt;
    const QByteArrayView path(request.path);
    if (!path.startsWith("/ws/"))
        return std::nullopt;
    const qsizetype cepEnd = path.indexOf('/', 4);
    if (cepEnd < 0)
        return std::nullopt;
    const QByteArrayView format = path.sliced(cepEnd + 1);
    bool xml = false;
    if (format == "json/" || format == "json")
        xml = false;
    else if (format == "xml/" || format == "xml")
        xml = true;
    else
        return std::nullopt;

    const QByteArrayView raw = path.sliced(4, cepEnd - 4);
    std::optional<quint32> number;
    if (raw.contains('%')) // "95010%2010": decode, so that a space is judged as a space
        number = ViaCepDataset::cepNumber(QByteArray::fromPercentEncoding(raw.toByteArray()));
    else
        number = ViaCepDataset::cepNumber(raw);
    if (!number)
        return xml ? m_badXml : m_badJson;
    const QHash<quint32, MockResponse> &table = xml ? m_xml : m_json;
    const auto found = table.constFind(*number);
    if (found == table.cend())
        return xml ? m_erroXml : m_erroJson;
    return *found;
}

QList<MockRouteInfo> ViaCepRoutes::routes() const
{
    const QString erro = m_erroForm == ErroForm::String ? u"{\"erro\": \"true\"}"_s : u"{\"erro\": true}"_s;
    const QString summary
        = u"ViaCEP, %1 records; unknown CEP -> 200 %2; malformed -> 400"_s.arg(m_dataset.size()).arg(erro);
    return {{u"GET"_s, u"/ws/{cep}/json/"_s, summary},
        {u"GET"_s, u"/ws/{cep}/xml/"_s, u"ViaCEP, XML (root element xmlcep)"_s}};
}

} // namespace jb
