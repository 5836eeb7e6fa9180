#include "pipevaluejson.h"

#include "jsnumber.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

#include <charconv>
#include <cmath>

using namespace Qt::StringLiterals;

namespace jb::PipeValueJson {

namespace {

// A recursive-descent reader over the bytes; strings are decoded once, straight from UTF-8.
class Reader final
{
public:
    explicit Reader(QByteArrayView text)
        : m_text(text)
    { }

    Result<PipeValue> document()
    {
        skipBlanks();
        PipeValue value;
        if (!readValue(value, 0))
            return failure();
        skipBlanks();
        if (m_at != m_text.size()) {
            m_problem = u"unexpected text after the value"_s;
            return failure();
        }
        return value;
    }

private:
    static constexpr int maxDepth = 512;

    Result<PipeValue> failure() const
    {
        return Result<PipeValue>::failure(Error::Code::Parse, u"%1 at offset %2"_s.arg(m_problem).arg(m_at));
    }
    bool fail(QString problem)
    {
        m_problem = std::move(problem);
        return false;
    }
    void skipBlanks()
    {
        while (m_at < m_text.size()) {
            const char c = m_text[m_at];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return;
            ++m_at;
        }
    }
    bool literal(std::string_view word)
    {
        if (m_text.size() - m_at < qsizetype(word.size())
            || std::string_view(m_text.data() + m_at, word.size()) != word)
            return fail(u"not a JSON value"_s);
        m_at += qsizetype(word.size());
        return true;
    }

    bool readValue(PipeValue &value, int depth)
    {
        if (depth > maxDepth)
            return fail(u"nested too deeply"_s);
        if (m_at >= m_text.size())
            return fail(u"unexpected end of the text"_s);
        switch (m_text[m_at]) {
        case '{':
            return readObject(value, depth);
        case '[':
            return readArray(value, depth);
        case '"': {
            QString text;
            if (!readString(text))
                return false;
            value = PipeValue(std::move(text));
            return true;
        }
        case 't':
            value = PipeValue(true);
            return literal("true");
        case 'f':
            value = PipeValue(false);
            return literal("false");
        case 'n':
            value = PipeValue::null();
            return literal("null");
        default:
            return readNumber(value);
        }
    }

    bool readNumber(PipeValue &value)
    {
        const qsizetype from = m_at;
        const auto digit
            = [this] { return m_at < m_text.size() && m_text[m_at] >= '0' && m_text[m_at] <= '9'; };
        if (m_at < m_text.size() && m_text[m_at] == '-')
            ++m_at;
        if (!digit())
            return fail(u"not a JSON value"_s);
        if (m_text[m_at] == '0') {
            ++m_at;
        } else {
            while (digit())
                ++m_at;
        }
        if (m_at < m_text.size() && m_text[m_at] == '.') {
            ++m_at;
            if (!digit())
                return fail(u"a digit must follow the decimal point"_s);
            while (digit())
                ++m_at;
        }
        if (m_at < m_text.size() && (m_text[m_at] == 'e' || m_text[m_at] == 'E')) {
            ++m_at;
            if (m_at < m_text.size() && (m_text[m_at] == '+' || m_text[m_at] == '-'))
                ++m_at;
            if (!digit())
                return fail(u"a digit must follow the exponent"_s);
            while (digit())
                ++m_at;
        }
        double number = 0;
        const char *begin = m_text.data() + from;
        const char *end = m_text.data() + m_at;
        const auto parsed = std::from_chars(begin, end, number);
        if (parsed.ec == std::errc::result_out_of_range)
            number = JsNumber::fromString(QString::fromLatin1(begin, end - begin));
        value = PipeValue(number);
        return true;
    }

    static int hexDigit(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    bool readString(QString &text)
    {
        ++m_at; // the opening quote
        qsizetype run = m_at; // start of the bytes not yet decoded
        const auto flush = [&] {
            if (m_at > run)
                text += QString::fromUtf8(m_text.data() + run, m_at - run);
        };
        while (m_at < m_text.size()) {
            const char c = m_text[m_at];
            if (c == '"') {
                flush();
                ++m_at;
                return true;
            }
            if (uchar(c) < 0x20)
                return fail(u"a control character inside a string"_s);
            if (c != '\\') {
                ++m_at;
                continue;
            }
            flush();
            if (m_at + 1 >= m_text.size())
                break;
            const char escape = m_text[m_at + 1];
            m_at += 2;
            switch (escape) {
            case '"':
                text += u'"';
                break;
            case '\\':
                text += u'\\';
                break;
            case '/':
                text += u'/';
                break;
            case 'b':
                text += u'\b';
                break;
            case 'f':
                text += u'\f';
                break;
            case 'n':
                text += u'\n';
                break;
            case 'r':
                text += u'\r';
                break;
            case 't':
                text += u'\t';
                break;
            case 'u': {
                if (m_text.size() - m_at < 4)
                    return fail(u"a \\u escape needs four hex digits"_s);
                int unit = 0;
                for (int i = 0; i < 4; ++i) {
                    const int d = hexDigit(m_text[m_at + i]);
                    if (d < 0)
                        return fail(u"a \\u escape needs four hex digits"_s);
                    unit = unit * 16 + d;
                }
                m_at += 4;
                text += QChar(char16_t(unit)); // lone surrogates kept, as JSON.parse keeps them
                break;
            }
            default:
                m_at -= 1;
                return fail(u"an unknown escape in a string"_s);
            }
            run = m_at;
        }
        return fail(u"a string that does not end"_s);
    }

    bool readArray(PipeValue &value, int depth)
    {
        ++m_at;
        PipeValue::Array elements;
        skipBlanks();
        if (m_at < m_text.size() && m_text[m_at] == ']') {
            ++m_at;
            value = PipeValue::array();
            return true;
        }
        for (;;) {
            skipBlanks();
            PipeValue element;
            if (!readValue(element, depth + 1))
                return false;
            elements.push_back(std::move(element));
            skipBlanks();
            if (m_at >= m_text.size())
                return fail(u"an array that does not end"_s);
            const char c = m_text[m_at++];
            if (c == ']')
                break;
            if (c != ',') {
                --m_at;
                return fail(u"expected , or ] in an array"_s);
            }
        }
        value = PipeValue::array(std::move(elements));
        return true;
    }

    bool readObject(PipeValue &value, int depth)
    {
        ++m_at;
        PipeValue::Object members;
        QHash<QString, qsizetype> index; // only for large objects, where a scan would cost
        skipBlanks();
        if (m_at < m_text.size() && m_text[m_at] == '}') {
            ++m_at;
            value = PipeValue::object();
            return true;
        }
        for (;;) {
            skipBlanks();
            if (m_at >= m_text.size() || m_text[m_at] != '"')
                return fail(u"expected a key in quotes"_s);
            QString key;
            if (!readString(key))
                return false;
            skipBlanks();
            if (m_at >= m_text.size() || m_text[m_at] != ':')
                return fail(u"expected : after a key"_s);
            ++m_at;
            skipBlanks();
            PipeValue member;
            if (!readValue(member, depth + 1))
                return false;
            // a repeated key keeps its first place and takes the last value, as in JSON.parse
            qsizetype found = -1;
            if (members.size() < 16) {
                for (size_t i = 0; i < members.size() && found < 0; ++i) {
                    if (members[i].first == key)
                        found = qsizetype(i);
                }
            } else {
                if (index.isEmpty()) {
                    for (size_t i = 0; i < members.size(); ++i)
                        index.insert(members[i].first, qsizetype(i));
                }
                found = index.value(key, -1);
                if (found < 0)
                    index.insert(key, qsizetype(members.size()));
            }
            if (found >= 0)
                members[size_t(found)].second = std::move(member);
            else
                members.emplace_back(std::move(key), std::move(member));
            skipBlanks();
            if (m_at >= m_text.size())
                return fail(u"an object that does not end"_s);
            const char c = m_text[m_at++];
            if (c == '}')
                break;
            if (c != ',') {
                --m_at;
                return fail(u"expected , or } in an object"_s);
            }
        }
        value = PipeValue::object(std::move(members));
        return true;
    }

    QByteArrayView m_text;
    qsizetype m_at = 0;
    QString m_problem;
};

void writeString(QByteArray &out, const QString &text)
{
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    const char16_t *data = reinterpret_cast<const char16_t *>(text.constData());
    const qsizetype size = text.size();
    qsizetype run = 0;
    const auto flush = [&](qsizetype end) {
        if (end > run)
            out += QStringView(data + run, end - run).toUtf8();
    };
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = data[i];
        const char *escape = nullptr;
        bool unit = false;
        switch (c) {
        case u'"':
            escape = "\\\"";
            break;
        case u'\\':
            escape = "\\\\";
            break;
        case u'\b':
            escape = "\\b";
            break;
        case u'\f':
            escape = "\\f";
            break;
        case u'\n':
            escape = "\\n";
            break;
        case u'\r':
            escape = "\\r";
            break;
        case u'\t':
            escape = "\\t";
            break;
        default:
            // a lone surrogate is written as the engine's JSON.stringify leaves it and as UTF-8
            // then encodes it (what the runtime serves), not escaped as newer engines do
            unit = c < 0x20;
        }
        if (!escape && !unit)
            continue;
        flush(i);
        if (escape) {
            out += escape;
        } else {
            const char u[]
                = {'\\', 'u', hex[(c >> 12) & 15], hex[(c >> 8) & 15], hex[(c >> 4) & 15], hex[c & 15]};
            out.append(u, 6);
        }
        run = i + 1;
    }
    flush(size);
    out += '"';
}

// false when the value writes nothing (undefined, or a script value that stringifies to nothing)
bool write(QByteArray &out, const PipeValue &value, const ScriptStringify &script)
{
    switch (value.type()) {
    case PipeValue::Type::Undefined:
        return false;
    case PipeValue::Type::Null:
        out += "null";
        return true;
    case PipeValue::Type::Bool:
        out += value.boolean() ? "true" : "false";
        return true;
    case PipeValue::Type::Number:
        if (!std::isfinite(value.number()))
            out += "null";
        else
            out += JsNumber::toString(value.number()).toLatin1();
        return true;
    case PipeValue::Type::String:
        writeString(out, value.string());
        return true;
    case PipeValue::Type::Array: {
        out += '[';
        bool first = true;
        for (const PipeValue &element : value.elements()) {
            if (!first)
                out += ',';
            first = false;
            if (!write(out, element, script))
                out += "null";
        }
        out += ']';
        return true;
    }
    case PipeValue::Type::Object: {
        out += '{';
        bool first = true;
        for (const auto &[key, member] : value.members()) {
            const qsizetype mark = out.size();
            if (!first)
                out += ',';
            writeString(out, key);
            out += ':';
            if (!write(out, member, script)) {
                out.truncate(mark);
                continue;
            }
            first = false;
        }
        out += '}';
        return true;
    }
    case PipeValue::Type::Script: {
        if (!script)
            return false;
        const QByteArray text = script(value.scriptValue());
        if (text.isEmpty())
            return false;
        out += text;
        return true;
    }
    }
    return false;
}

} // namespace

Result<PipeValue> parse(QByteArrayView text)
{
    return Reader(text).document();
}

QByteArray stringify(const PipeValue &value, const ScriptStringify &script)
{
    QByteArray out;
    write(out, value, script);
    return out;
}

QJsonValue toJson(const PipeValue &value, const ScriptToJson &script)
{
    switch (value.type()) {
    case PipeValue::Type::Undefined:
        return QJsonValue(QJsonValue::Undefined);
    case PipeValue::Type::Null:
        return QJsonValue(QJsonValue::Null);
    case PipeValue::Type::Bool:
        return value.boolean();
    case PipeValue::Type::Number:
        return value.number();
    case PipeValue::Type::String:
        return value.string();
    case PipeValue::Type::Array: {
        QJsonArray array;
        for (const PipeValue &element : value.elements()) {
            const QJsonValue converted = toJson(element, script);
            array.append(converted.isUndefined() ? QJsonValue(QJsonValue::Null) : converted);
        }
        return array;
    }
    case PipeValue::Type::Object: {
        QJsonObject object;
        for (const auto &[key, member] : value.members()) {
            const QJsonValue converted = toJson(member, script);
            if (!converted.isUndefined())
                object.insert(key, converted);
        }
        return object;
    }
    case PipeValue::Type::Script:
        return script ? script(value.scriptValue()) : QJsonValue(QJsonValue::Null);
    }
    return {};
}

PipeValue fromJson(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return PipeValue::null();
    case QJsonValue::Bool:
        return value.toBool();
    case QJsonValue::Double:
        return value.toDouble();
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        PipeValue::Array elements;
        elements.reserve(size_t(array.size()));
        for (const QJsonValue &element : array)
            elements.push_back(fromJson(element));
        return PipeValue::array(std::move(elements));
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        PipeValue::Object members;
        members.reserve(size_t(object.size()));
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            members.emplace_back(it.key(), fromJson(it.value()));
        return PipeValue::object(std::move(members));
    }
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

} // namespace jb::PipeValueJson
