#include "expressionparser.h"

#include "jsregex.h"

using namespace Qt::StringLiterals;

namespace jb::ExpressionParser {

const QStringList &rootNames()
{
    static const QStringList names = {u"request"_s, u"steps"_s, u"message"_s, u"env"_s, u"secrets"_s,
        u"event"_s, u"error"_s, u"execution"_s, u"item"_s, u"index"_s};
    return names;
}

namespace {

using Node = ExpressionNode;
using NodePointer = std::unique_ptr<ExpressionNode>;

struct Token
{
    enum class Type
    {
        End,
        Name,
        Number,
        String,
        Punctuator,
    };
    Type type = Type::End;
    QString text; // a name, a punctuator, or a string's decoded value
    double number = 0;
};

bool isNameStart(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_' || c == u'$';
}
bool isNamePart(QChar c)
{
    return isNameStart(c) || (c >= u'0' && c <= u'9');
}

// A recursive-descent parser that gives up (returns nullptr) at the first thing it does not
// know: giving up is always safe, as the script engine evaluates what is left.
class Parser final
{
public:
    explicit Parser(const QString &text)
        : m_text(text)
    { }

    NodePointer expression()
    {
        if (!next())
            return nullptr;
        NodePointer node = conditional();
        if (!node || m_token.type != Token::Type::End)
            return nullptr;
        return node;
    }

private:
    bool is(QStringView punctuator) const
    {
        return m_token.type == Token::Type::Punctuator && m_token.text == punctuator;
    }

    // Reads the next token into m_token; false on anything the subset does not have.
    bool next()
    {
        while (m_at < m_text.size() && (m_text.at(m_at) == u' ' || m_text.at(m_at) == u'\t'
                                           || m_text.at(m_at) == u'\n' || m_text.at(m_at) == u'\r'))
            ++m_at;
        m_token = Token{};
        if (m_at >= m_text.size())
            return true;
        const QChar c = m_text.at(m_at);
        if (isNameStart(c)) {
            const qsizetype from = m_at;
            while (m_at < m_text.size() && isNamePart(m_text.at(m_at)))
                ++m_at;
            m_token.type = Token::Type::Name;
            m_token.text = m_text.mid(from, m_at - from);
            return true;
        }
        if ((c >= u'0' && c <= u'9') || (c == u'.' && m_at + 1 < m_text.size() && m_text.at(m_at + 1).isDigit()))
            return number();
        if (c == u'\'' || c == u'"')
            return string(c);
        static const QStringList punctuators = {u"==="_s, u"!=="_s, u"=="_s, u"!="_s, u"<="_s, u">="_s,
            u"&&"_s, u"||"_s, u"."_s, u"["_s, u"]"_s, u"("_s, u")"_s, u"{"_s, u"}"_s, u","_s, u":"_s, u"?"_s,
            u"!"_s, u"<"_s, u">"_s, u"+"_s, u"-"_s, u"*"_s, u"/"_s, u"%"_s};
        for (const QString &p : punctuators) {
            if (QStringView(m_text).sliced(m_at).startsWith(p)) {
                // ?. ?? => and the like are not ours
                const QStringView rest = QStringView(m_text).sliced(m_at + p.size());
                if ((p == u"?"_s && (rest.startsWith(u'.') || rest.startsWith(u'?')))
                    || (p == u"=="_s && rest.startsWith(u'=')) || (p == u"!="_s && rest.startsWith(u'='))
                    || ((p == u"+"_s || p == u"-"_s) && (rest.startsWith(p) || rest.startsWith(u'=')))
                    || ((p == u"*"_s || p == u"/"_s || p == u"%"_s || p == u"<"_s || p == u">"_s)
                        && (rest.startsWith(u'=') || rest.startsWith(p)))
                    || (p == u"."_s && rest.startsWith(u'.')))
                    return false;
                m_token.type = Token::Type::Punctuator;
                m_token.text = p;
                m_at += p.size();
                return true;
            }
        }
        return false; // = ` ; ... and everything else
    }

    bool number()
    {
        const qsizetype from = m_at;
        if (m_text.at(m_at) == u'0' && m_at + 1 < m_text.size() && m_text.at(m_at + 1).isLetterOrNumber()
            && m_text.at(m_at + 1) != u'e' && m_text.at(m_at + 1) != u'E')
            return false; // 0x.., 0o.., 0b.., legacy octal
        while (m_at < m_text.size() && m_text.at(m_at).isDigit())
            ++m_at;
        if (m_at < m_text.size() && m_text.at(m_at) == u'.') {
            ++m_at;
            while (m_at < m_text.size() && m_text.at(m_at).isDigit())
                ++m_at;
        }
        if (m_at < m_text.size() && (m_text.at(m_at) == u'e' || m_text.at(m_at) == u'E')) {
            ++m_at;
            if (m_at < m_text.size() && (m_text.at(m_at) == u'+' || m_text.at(m_at) == u'-'))
                ++m_at;
            if (m_at >= m_text.size() || !m_text.at(m_at).isDigit())
                return false;
            while (m_at < m_text.size() && m_text.at(m_at).isDigit())
                ++m_at;
        }
        if (m_at < m_text.size() && (isNamePart(m_text.at(m_at)) || m_text.at(m_at) == u'.'))
            return false; // 1n, 1.toString, 1..x
        bool ok = false;
        m_token.type = Token::Type::Number;
        m_token.number = QStringView(m_text).sliced(from, m_at - from).toDouble(&ok);
        return ok;
    }

    bool string(QChar quote)
    {
        ++m_at;
        QString value;
        while (m_at < m_text.size()) {
            const QChar c = m_text.at(m_at++);
            if (c == quote) {
                m_token.type = Token::Type::String;
                m_token.text = value;
                return true;
            }
            if (c == u'\n' || c == u'\r' || c == QChar(0x2028) || c == QChar(0x2029))
                return false;
            if (c != u'\\') {
                value += c;
                continue;
            }
            if (m_at >= m_text.size())
                return false;
            const QChar e = m_text.at(m_at++);
            switch (e.unicode()) {
            case u'n': value += u'\n'; break;
            case u't': value += u'\t'; break;
            case u'r': value += u'\r'; break;
            case u'b': value += u'\b'; break;
            case u'f': value += u'\f'; break;
            case u'v': value += u'\v'; break;
            case u'\\': value += u'\\'; break;
            case u'\'': value += u'\''; break;
            case u'"': value += u'"'; break;
            case u'/': value += u'/'; break;
            case u'-': value += u'-'; break;
            case u'$': value += u'$'; break;
            default:
                return false; // \u, \x, \0, line continuations: left to the engine
            }
        }
        return false;
    }

    // A regular expression literal, read when an operand starts with "/".
    NodePointer regexLiteral()
    {
        // m_token is the "/" punctuator: the literal starts right after it
        qsizetype i = m_at;
        bool inClass = false;
        QString body;
        for (; i < m_text.size(); ++i) {
            const QChar c = m_text.at(i);
            if (c == u'\n' || c == u'\r')
                return nullptr;
            if (c == u'\\') {
                if (i + 1 >= m_text.size())
                    return nullptr;
                body += c;
                body += m_text.at(++i);
                continue;
            }
            if (c == u'[')
                inClass = true;
            else if (c == u']')
                inClass = false;
            else if (c == u'/' && !inClass)
                break;
            body += c;
        }
        if (i >= m_text.size() || body.isEmpty())
            return nullptr;
        ++i;
        QString flags;
        while (i < m_text.size() && isNamePart(m_text.at(i)))
            flags += m_text.at(i++);
        if (flags != u""_s && flags != u"g"_s)
            return nullptr;
        std::optional<QRegularExpression> regex = JsRegex::translate(body);
        if (!regex)
            return nullptr;
        auto node = std::make_unique<Node>();
        node->kind = Node::Kind::Regex;
        node->regex = std::move(*regex);
        node->global = flags == u"g"_s;
        m_at = i;
        if (!next())
            return nullptr;
        return node;
    }

    static NodePointer make(Node::Kind kind, NodePointer a = {}, NodePointer b = {}, NodePointer c = {})
    {
        auto node = std::make_unique<Node>();
        node->kind = kind;
        for (NodePointer *child : {&a, &b, &c}) {
            if (*child)
                node->children.push_back(std::move(*child));
        }
        return node;
    }

    NodePointer conditional()
    {
        NodePointer test = logicalOr();
        if (!test || !is(u"?"))
            return test;
        if (!next())
            return nullptr;
        NodePointer yes = conditional();
        if (!yes || !is(u":") || !next())
            return nullptr;
        NodePointer no = conditional();
        if (!no)
            return nullptr;
        return make(Node::Kind::Conditional, std::move(test), std::move(yes), std::move(no));
    }

    NodePointer logicalOr()
    {
        NodePointer left = logicalAnd();
        while (left && is(u"||")) {
            if (!next())
                return nullptr;
            NodePointer right = logicalAnd();
            if (!right)
                return nullptr;
            left = make(Node::Kind::Or, std::move(left), std::move(right));
        }
        return left;
    }

    NodePointer logicalAnd()
    {
        NodePointer left = binary(0);
        while (left && is(u"&&")) {
            if (!next())
                return nullptr;
            NodePointer right = binary(0);
            if (!right)
                return nullptr;
            left = make(Node::Kind::And, std::move(left), std::move(right));
        }
        return left;
    }

    // Equality (level 0), relational (1), additive (2), multiplicative (3): left-associative.
    NodePointer binary(int level)
    {
        if (level > 3)
            return unary();
        struct Entry
        {
            QStringView text;
            Node::Op op;
        };
        static const std::vector<std::vector<Entry>> levels = {
            {{u"===", Node::Op::StrictEqual}, {u"!==", Node::Op::StrictNotEqual}, {u"==", Node::Op::Equal},
                {u"!=", Node::Op::NotEqual}},
            {{u"<=", Node::Op::LessEqual}, {u">=", Node::Op::GreaterEqual}, {u"<", Node::Op::Less},
                {u">", Node::Op::Greater}},
            {{u"+", Node::Op::Add}, {u"-", Node::Op::Subtract}},
            {{u"*", Node::Op::Multiply}, {u"/", Node::Op::Divide}, {u"%", Node::Op::Remainder}},
        };
        NodePointer left = binary(level + 1);
        while (left) {
            const auto found = std::find_if(levels[size_t(level)].cbegin(), levels[size_t(level)].cend(),
                [this](const Entry &entry) { return is(entry.text); });
            if (found == levels[size_t(level)].cend())
                break;
            if (!next())
                return nullptr;
            NodePointer right = binary(level + 1);
            if (!right)
                return nullptr;
            NodePointer node = make(Node::Kind::Binary, std::move(left), std::move(right));
            node->op = found->op;
            left = std::move(node);
        }
        return left;
    }

    NodePointer unary()
    {
        for (const auto &[text, kind] : {std::pair{u"!", Node::Kind::Not}, std::pair{u"-", Node::Kind::Negate},
                 std::pair{u"+", Node::Kind::ToNumber}}) {
            if (is(text)) {
                if (!next())
                    return nullptr;
                NodePointer operand = unary();
                return operand ? make(kind, std::move(operand)) : nullptr;
            }
        }
        return postfix();
    }

    NodePointer postfix()
    {
        NodePointer node = primary();
        while (node) {
            if (is(u".")) {
                if (!next() || m_token.type != Token::Type::Name)
                    return nullptr;
                QString name = m_token.text;
                if (!next())
                    return nullptr;
                if (is(u"(")) {
                    node = call(Node::Kind::Method, std::move(name), std::move(node));
                    continue;
                }
                NodePointer member = make(Node::Kind::Member, std::move(node));
                member->name = std::move(name);
                node = std::move(member);
            } else if (is(u"[")) {
                if (!next())
                    return nullptr;
                NodePointer key = conditional();
                if (!key || !is(u"]") || !next())
                    return nullptr;
                node = make(Node::Kind::Index, std::move(node), std::move(key));
            } else if (is(u"(")) {
                return nullptr; // only names and text methods are called
            } else {
                break;
            }
        }
        return node;
    }

    // name( arguments ): the "(" is the current token; `target` is the text a method is called on.
    NodePointer call(Node::Kind kind, QString name, NodePointer target)
    {
        static const QStringList methods = {u"replace"_s, u"trim"_s, u"toUpperCase"_s, u"toLowerCase"_s,
            u"includes"_s, u"startsWith"_s, u"endsWith"_s, u"indexOf"_s};
        static const QStringList functions = {u"Number"_s, u"String"_s, u"Boolean"_s};
        if (!(kind == Node::Kind::Method ? methods : functions).contains(name))
            return nullptr;
        auto node = std::make_unique<Node>();
        node->kind = kind;
        node->name = std::move(name);
        if (target)
            node->children.push_back(std::move(target));
        if (!next())
            return nullptr;
        while (!is(u")")) {
            NodePointer argument = (is(u"/") && node->name == u"replace" && node->children.size() == 1)
                ? regexLiteral()
                : conditional();
            if (!argument)
                return nullptr;
            node->children.push_back(std::move(argument));
            if (is(u",")) {
                if (!next())
                    return nullptr;
            } else if (!is(u")")) {
                return nullptr;
            }
        }
        if (!next())
            return nullptr;
        return node;
    }

    NodePointer primary()
    {
        switch (m_token.type) {
        case Token::Type::End:
            return nullptr;
        case Token::Type::Number: {
            auto node = make(Node::Kind::Literal);
            node->value = PipeValue(m_token.number);
            return next() ? std::move(node) : nullptr;
        }
        case Token::Type::String: {
            auto node = make(Node::Kind::Literal);
            node->value = PipeValue(m_token.text);
            return next() ? std::move(node) : nullptr;
        }
        case Token::Type::Name:
            return name();
        case Token::Type::Punctuator:
            break;
        }
        if (is(u"(")) {
            if (!next())
                return nullptr;
            NodePointer inner = conditional();
            if (!inner || !is(u")") || !next())
                return nullptr;
            return inner;
        }
        if (is(u"{"))
            return objectLiteral();
        if (is(u"["))
            return arrayLiteral();
        return nullptr;
    }

    NodePointer name()
    {
        const QString name = m_token.text;
        auto node = make(Node::Kind::Literal);
        if (name == u"true" || name == u"false")
            node->value = PipeValue(name == u"true");
        else if (name == u"null")
            node->value = PipeValue::null();
        else if (name == u"undefined")
            node->value = PipeValue();
        else if (name == u"NaN")
            node->value = PipeValue(std::numeric_limits<double>::quiet_NaN());
        else if (name == u"Infinity")
            node->value = PipeValue(std::numeric_limits<double>::infinity());
        else if (const qsizetype root = rootNames().indexOf(name); root >= 0) {
            node->kind = Node::Kind::Root;
            node->root = int(root);
        } else {
            if (!next() || !is(u"("))
                return nullptr; // a name the scope does not have: the engine says what it is
            return call(Node::Kind::Call, name, nullptr);
        }
        return next() ? std::move(node) : nullptr;
    }

    NodePointer objectLiteral()
    {
        auto node = make(Node::Kind::ObjectLiteral);
        if (!next())
            return nullptr;
        while (!is(u"}")) {
            QString key;
            bool shorthand = false;
            if (m_token.type == Token::Type::Name || m_token.type == Token::Type::String) {
                key = m_token.text;
                shorthand = m_token.type == Token::Type::Name;
            } else if (m_token.type == Token::Type::Number) {
                return nullptr; // numeric keys reorder in the engine: left to it
            } else {
                return nullptr;
            }
            if (key == u"__proto__")
                return nullptr;
            if (!next())
                return nullptr;
            NodePointer value;
            if (is(u":")) {
                if (!next())
                    return nullptr;
                value = conditional();
            } else if (shorthand && (is(u",") || is(u"}"))) {
                const qsizetype root = rootNames().indexOf(key);
                if (root < 0)
                    return nullptr;
                value = make(Node::Kind::Root);
                value->root = int(root);
            }
            if (!value)
                return nullptr;
            // an integer-like key is ordered first by the engine: left to it
            bool integer = false;
            key.toUInt(&integer);
            if (integer)
                return nullptr;
            const auto existing = std::find(node->keys.begin(), node->keys.end(), key);
            if (existing != node->keys.end()) {
                // a repeated key keeps its first place; both values are evaluated, in order
                return nullptr;
            }
            node->keys.push_back(key);
            node->children.push_back(std::move(value));
            if (is(u",")) {
                if (!next())
                    return nullptr;
            } else if (!is(u"}")) {
                return nullptr;
            }
        }
        return next() ? std::move(node) : nullptr;
    }

    NodePointer arrayLiteral()
    {
        auto node = make(Node::Kind::ArrayLiteral);
        if (!next())
            return nullptr;
        while (!is(u"]")) {
            if (is(u","))
                return nullptr; // holes
            NodePointer element = conditional();
            if (!element)
                return nullptr;
            node->children.push_back(std::move(element));
            if (is(u",")) {
                if (!next())
                    return nullptr;
            } else if (!is(u"]")) {
                return nullptr;
            }
        }
        return next() ? std::move(node) : nullptr;
    }

    const QString &m_text;
    qsizetype m_at = 0;
    Token m_token;
};

} // namespace

std::unique_ptr<ExpressionNode> parse(const QString &expression)
{
    return Parser(expression).expression();
}

} // namespace jb::ExpressionParser
