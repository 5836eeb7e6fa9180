#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace jb {

// Where a field sits in a message, as contracts and mappings write it: "name", "address.city",
// "items[].sku" (each element of the array items), "tags[]" (each element itself), "[].id" (a
// message that is an array). Reading a path with "[]" yields one value per element, as an array;
// writing one spreads an array's values over the elements, so "items[].sku" maps element-wise.
class FieldPath final
{
public:
    struct Token
    {
        QString key; // empty for "each element"
        bool each = false;
        bool operator==(const Token &other) const = default;
    };

    FieldPath() = default;
    explicit FieldPath(const QString &text);

    bool isEmpty() const { return m_tokens.isEmpty(); }
    bool isValid() const { return m_valid; }
    // One key, no arrays: the common case, read and written without recursion.
    bool isFlat() const { return m_tokens.size() == 1 && !m_tokens.constFirst().each; }
    bool hasEach() const;
    const QList<Token> &tokens() const { return m_tokens; }
    QString text() const { return m_text; }
    // The field that holds this one: "items" for "items[].sku" and for "tags[]"; "" for a top key.
    QString parentText() const;
    // The last key ("sku" for "items[].sku").
    QString leafKey() const;

    // True when `descendant` lies inside this field ("items" holds "items[].sku").
    static bool isAncestor(const QString &ancestor, const QString &descendant);
    // "items[2].sku" -> "items[].sku": the contract field a concrete location belongs to.
    static QString generalise(const QString &concrete);

    // Undefined when a key is missing; with "[]", an array of the elements' values (null for an
    // element that lacks the rest of the path).
    QJsonValue get(const QJsonValue &root) const;
    // Sets the value at this path, creating objects and arrays on the way. An undefined value
    // sets nothing.
    void set(QJsonObject &root, const QJsonValue &value) const;

private:
    QList<Token> m_tokens;
    QString m_text;
    bool m_valid = false;
};

} // namespace jb
