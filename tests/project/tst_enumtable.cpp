// EnumTable: one row per value gives its key and label, and a key read back gives the value; what
// the table does not hold is answered with nothing, never with a neighbour's row.
#include "core/enumtable.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

enum class Light
{
    Red,
    Amber,
    Green,
    Blue, // not in the table
};

constexpr auto lights = jb::enumTable<Light>({
    {Light::Red, u"red", u"Stop"}, {Light::Amber, u"amber", u"Get ready"},
    {Light::Green, u"green"}, // no label
});

static_assert(lights.names().size() == 3);
static_assert(lights.names()[1].value == Light::Amber);

} // namespace

Q_DECLARE_METATYPE(Light)

class TestEnumTable final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromKey_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("known");
        QTest::addColumn<Light>("value");
        QTest::addRow("first") << u"red"_s << true << Light::Red;
        QTest::addRow("middle") << u"amber"_s << true << Light::Amber;
        QTest::addRow("last") << u"green"_s << true << Light::Green;
        QTest::addRow("other case") << u"Red"_s << false << Light::Red;
        QTest::addRow("a label") << u"Stop"_s << false << Light::Red;
        QTest::addRow("a prefix") << u"re"_s << false << Light::Red;
        QTest::addRow("longer") << u"reds"_s << false << Light::Red;
        QTest::addRow("spaces") << u" red"_s << false << Light::Red;
        QTest::addRow("empty") << QString() << false << Light::Red;
        QTest::addRow("a value outside the table") << u"blue"_s << false << Light::Red;
    }
    void fromKey()
    {
        QFETCH(QString, key);
        QFETCH(bool, known);
        QFETCH(Light, value);
        const std::optional<Light> found = lights.fromKey(key);
        QCOMPARE(found.has_value(), known);
        if (known)
            QCOMPARE(*found, value);
    }

    void keyAndLabel_data()
    {
        QTest::addColumn<Light>("value");
        QTest::addColumn<bool>("known");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("label");
        QTest::addRow("red") << Light::Red << true << u"red"_s << u"Stop"_s;
        QTest::addRow("amber") << Light::Amber << true << u"amber"_s << u"Get ready"_s;
        QTest::addRow("no label") << Light::Green << true << u"green"_s << QString();
        QTest::addRow("outside the table") << Light::Blue << false << QString() << QString();
    }
    void keyAndLabel()
    {
        QFETCH(Light, value);
        QFETCH(bool, known);
        QFETCH(QString, key);
        QFETCH(QString, label);
        QCOMPARE(lights.key(value).has_value(), known);
        QCOMPARE(lights.label(value).has_value(), known);
        QCOMPARE(lights.key(value).value_or(QString()), key);
        QCOMPARE(lights.label(value).value_or(QString()), label);
        if (known)
            QCOMPARE(lights.fromKey(key), value);
    }

    void keysInTableOrder() { QCOMPARE(lights.keys(), (QStringList{u"red"_s, u"amber"_s, u"green"_s})); }

    // The strings point into the table's literals; a copy that is changed must not change them.
    void returnedStringsAreValues()
    {
        QString key = *lights.key(Light::Red);
        key.append(u'!');
        QCOMPARE(key, u"red!"_s);
        QCOMPARE(*lights.key(Light::Red), u"red"_s);
    }
};

QTEST_APPLESS_MAIN(TestEnumTable)
#include "tst_enumtable.moc"
