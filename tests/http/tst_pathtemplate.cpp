#include "pathtemplate.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace jb;

Q_DECLARE_METATYPE(PathTemplate::Matching)

// One template, two matchings: the rows say what each user of PathTemplate has always had.
class TestPathTemplate final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void match_data();
    void match();
    void parseErrors_data();
    void parseErrors();
    void literalCount_data();
    void literalCount();
};

namespace {

constexpr auto lenient = PathTemplate::Matching::Lenient;
constexpr auto exact = PathTemplate::Matching::Exact;

// "name=value name=value", or "no match"
QString printed(const std::optional<PathTemplate::Parameters> &parameters)
{
    if (!parameters)
        return u"no match"_s;
    QStringList parts;
    for (const auto &[name, value] : *parameters)
        parts.append(name + u'=' + value);
    return parts.join(u' ');
}

} // namespace

void TestPathTemplate::match_data()
{
    QTest::addColumn<PathTemplate::Matching>("matching");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QString>("expected");
    const QString cep = u"/consultaCEP/{cep}"_s;
    const QString viacep = u"/ws/{cep}/json/"_s;
    QTest::addRow("lenient: parameter")
        << lenient << cep << QByteArray("/consultaCEP/01001000") << u"cep=01001000"_s;
    QTest::addRow("exact: parameter")
        << exact << cep << QByteArray("/consultaCEP/01001000") << u"cep=01001000"_s;
    QTest::addRow("lenient: empty parameter")
        << lenient << cep << QByteArray("/consultaCEP/") << u"no match"_s;
    QTest::addRow("exact: empty parameter") << exact << cep << QByteArray("/consultaCEP/") << u"cep="_s;
    QTest::addRow("lenient: trailing slash dropped")
        << lenient << viacep << QByteArray("/ws/01001000/json") << u"cep=01001000"_s;
    QTest::addRow("exact: trailing slash required")
        << exact << viacep << QByteArray("/ws/01001000/json") << u"no match"_s;
    QTest::addRow("lenient: trailing slash added")
        << lenient << cep << QByteArray("/consultaCEP/1/") << u"cep=1"_s;
    QTest::addRow("exact: trailing slash added")
        << exact << cep << QByteArray("/consultaCEP/1/") << u"no match"_s;
    QTest::addRow("lenient: percent-decoded")
        << lenient << u"/city/{name}"_s << QByteArray("/city/S%C3%A3o%20Paulo") << u"name=São Paulo"_s;
    QTest::addRow("exact: percent-decoded")
        << exact << u"/city/{name}"_s << QByteArray("/city/S%C3%A3o%20Paulo") << u"name=São Paulo"_s;
    QTest::addRow("lenient: literal with a space")
        << lenient << u"/a b/{x}"_s << QByteArray("/a%20b/1") << u"x=1"_s;
    QTest::addRow("exact: literal with a space")
        << exact << u"/a b/{x}"_s << QByteArray("/a%20b/1") << u"x=1"_s;
    QTest::addRow("lenient: literal differs in case")
        << lenient << cep << QByteArray("/consultacep/1") << u"no match"_s;
    QTest::addRow("exact: literal differs in case")
        << exact << cep << QByteArray("/consultacep/1") << u"no match"_s;
    QTest::addRow("lenient: extra segment")
        << lenient << cep << QByteArray("/consultaCEP/1/2") << u"no match"_s;
    QTest::addRow("exact: extra segment") << exact << cep << QByteArray("/consultaCEP/1/2") << u"no match"_s;
    QTest::addRow("lenient: two parameters in order")
        << lenient << u"/a/{y}/b/{x}"_s << QByteArray("/a/1/b/2") << u"y=1 x=2"_s;
    QTest::addRow("exact: two parameters in order")
        << exact << u"/a/{y}/b/{x}"_s << QByteArray("/a/1/b/2") << u"y=1 x=2"_s;
    QTest::addRow("lenient: root") << lenient << u"/"_s << QByteArray("/") << QString();
    QTest::addRow("exact: root") << exact << u"/"_s << QByteArray("/") << QString();
    QTest::addRow("lenient: root is not a segment") << lenient << u"/"_s << QByteArray("/x") << u"no match"_s;
    QTest::addRow("exact: root is not a segment") << exact << u"/"_s << QByteArray("/x") << u"no match"_s;
    QTest::addRow("lenient: relative path") << lenient << cep << QByteArray("consultaCEP/1") << u"no match"_s;
    QTest::addRow("exact: relative path") << exact << cep << QByteArray("consultaCEP/1") << u"no match"_s;
}

void TestPathTemplate::match()
{
    QFETCH(PathTemplate::Matching, matching);
    QFETCH(QString, pattern);
    QFETCH(QByteArray, path);
    QFETCH(QString, expected);
    const Result<PathTemplate> parsed = PathTemplate::parse(pattern, matching);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
    QCOMPARE(printed(parsed.value().match(path)), expected);
    QCOMPARE(parsed.value().matches(path), expected != u"no match");
}

void TestPathTemplate::parseErrors_data()
{
    QTest::addColumn<PathTemplate::Matching>("matching");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("error"); // empty: parses
    QTest::addRow("lenient: relative")
        << lenient << u"api/x"_s << u"path template \"api/x\" must start with '/'"_s;
    QTest::addRow("exact: relative") << exact << u"api/x"_s << u"path \"api/x\" must start with '/'"_s;
    QTest::addRow("lenient: empty segment") << lenient << u"/a//b"_s << QString();
    QTest::addRow("exact: empty segment") << exact << u"/a//b"_s << u"path \"/a//b\" has an empty segment"_s;
    QTest::addRow("lenient: partial parameter")
        << lenient << u"/a/x{id}"_s
        << u"path template \"/a/x{id}\": a parameter must be a whole segment, such as {id}"_s;
    QTest::addRow("exact: empty name")
        << exact << u"/a/{}"_s << u"path \"/a/{}\": a parameter must be a whole segment, such as {id}"_s;
    QTest::addRow("lenient: nested braces")
        << lenient << u"/a/{{x}}"_s << u"path template \"/a/{{x}}\": bad parameter \"{{x}}\""_s;
    QTest::addRow("exact: twice") << exact << u"/a/{x}/{x}"_s
                                  << u"path \"/a/{x}/{x}\": parameter \"x\" appears twice"_s;
}

void TestPathTemplate::parseErrors()
{
    QFETCH(PathTemplate::Matching, matching);
    QFETCH(QString, pattern);
    QFETCH(QString, error);
    const Result<PathTemplate> parsed = PathTemplate::parse(pattern, matching);
    QCOMPARE(parsed.ok() ? QString() : parsed.errorString(), error);
}

void TestPathTemplate::literalCount_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<int>("literals");
    QTest::addColumn<QString>("names");
    QTest::addRow("parameters only") << u"/{a}/{b}"_s << 0 << u"a b"_s;
    QTest::addRow("mixed") << u"/ws/{cep}/json"_s << 2 << u"cep"_s;
    QTest::addRow("a trailing slash is a literal") << u"/ws/{cep}/json/"_s << 3 << u"cep"_s;
    QTest::addRow("root") << u"/"_s << 1 << QString();
}

void TestPathTemplate::literalCount()
{
    QFETCH(QString, pattern);
    QFETCH(int, literals);
    QFETCH(QString, names);
    const Result<PathTemplate> parsed = PathTemplate::parse(pattern, exact);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
    QCOMPARE(parsed.value().literalCount(), literals);
    QCOMPARE(parsed.value().parameterNames().join(u' '), names);
}

QTEST_APPLESS_MAIN(TestPathTemplate)

#include "tst_pathtemplate.moc"
