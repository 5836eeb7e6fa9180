#include "testsuite.h"

#include "pipedefinition.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

const QRegularExpression &placeholder()
{
    static const QRegularExpression pattern(u"\\$\\{([A-Za-z0-9_.-]+)\\}"_s);
    return pattern;
}

QString text(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

// One case of the file with one row (or none) applied.
void readCase(const QJsonObject &object, const QString &pointer,
    const Expectation::ContractSchemas &contracts, TestCase &test, QList<SuiteProblem> &problems)
{
    const auto problem = [&problems, &pointer](const QString &below, const QString &message) {
        problems.append({pointer + below, message});
    };
    for (const QString &key : object.keys()) {
        if (!QStringList{u"name"_s, u"request"_s, u"event"_s, u"mocks"_s, u"expect"_s, u"rows"_s}.contains(
                key))
            problem(u'/' + key, u"unknown key \"%1\" (name, request, event, mocks, expect, rows)"_s.arg(key));
    }
    if (object.contains(u"request"_s) && object.contains(u"event"_s))
        problem({}, u"a case has a request (REST pipes) or an event (event pipes), not both"_s);
    if (object.contains(u"event"_s)) {
        test.isEvent = true;
        test.request.event = object.value(u"event"_s);
        test.request.body = test.request.event;
    } else if (object.contains(u"request"_s)) {
        const QJsonValue request = object.value(u"request"_s);
        if (!request.isObject())
            problem(
                u"/request"_s, u"request must be an object: method, path, params, query, headers, body"_s);
        const QJsonObject fields = request.toObject();
        for (const QString &key : fields.keys()) {
            if (!QStringList{u"method"_s, u"path"_s, u"params"_s, u"query"_s, u"headers"_s, u"body"_s}
                     .contains(key))
                problem(u"/request/"_s + key,
                    u"unknown key \"%1\" (method, path, params, query, headers, body)"_s.arg(key));
        }
        test.request = PipeRequest::fromJson(fields);
    }
    const QJsonValue mocks = object.value(u"mocks"_s);
    if (!mocks.isUndefined() && !mocks.isObject())
        problem(u"/mocks"_s, u"mocks must be an object keyed by step id"_s);
    const QJsonObject byStep = mocks.toObject();
    for (auto it = byStep.begin(); it != byStep.end(); ++it) {
        Result<StepMock> mock = StepMock::fromJson(it.key(), it.value());
        if (mock)
            test.mocks.append(std::move(mock).value());
        else
            problem(u"/mocks/"_s + it.key(), mock.errorString());
    }
    const QJsonValue expect = object.value(u"expect"_s);
    if (!expect.isArray() || expect.toArray().isEmpty())
        problem(
            u"/expect"_s, u"a case needs at least one expectation (\"expect\": [{\"path\": ..., ...}])"_s);
    const QJsonArray expectations = expect.toArray();
    for (qsizetype i = 0; i < expectations.size(); ++i) {
        const QString at = u"/expect/%1"_s.arg(i);
        if (!expectations.at(i).isObject()) {
            problem(at, u"an expectation is an object: {\"path\": ..., \"equals\": ...}"_s);
            continue;
        }
        Result<Expectation> expectation = Expectation::fromJson(expectations.at(i).toObject(), contracts);
        if (expectation)
            test.expectations.append(std::move(expectation).value());
        else
            problem(at, expectation.errorString());
    }
}

} // namespace

QJsonValue TestSuite::substitute(const QJsonValue &value, const QJsonObject &row, QStringList *missing)
{
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &element : value.toArray())
            array.append(substitute(element, row, missing));
        return array;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = substitute(it.value(), row, missing);
        return object;
    }
    if (!value.isString())
        return value;
    const QString source = value.toString();
    const QRegularExpressionMatch whole = placeholder().match(source);
    if (whole.hasMatch() && whole.capturedStart() == 0 && whole.capturedLength() == source.size()) {
        if (!row.contains(whole.captured(1))) {
            missing->append(whole.captured(1));
            return value;
        }
        return row.value(whole.captured(1));
    }
    QString result;
    qsizetype last = 0;
    for (QRegularExpressionMatchIterator it = placeholder().globalMatch(source); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        result += source.mid(last, match.capturedStart() - last);
        if (row.contains(match.captured(1))) {
            result += text(row.value(match.captured(1)));
        } else {
            missing->append(match.captured(1));
            result += match.captured(0);
        }
        last = match.capturedEnd();
    }
    return QString(result + source.mid(last));
}

TestSuite TestSuite::fromJson(
    const QJsonObject &object, const Expectation::ContractSchemas &contracts, QList<SuiteProblem> *problems)
{
    QList<SuiteProblem> found;
    TestSuite suite;
    suite.id = object.value(u"id"_s).toString();
    suite.name = object.value(u"name"_s).toString();
    suite.pipeId = object.value(u"pipe"_s).toString();
    if (suite.pipeId.isEmpty())
        found.append({u"/pipe"_s, u"a suite names the pipe it tests (\"pipe\": \"<pipe id>\")"_s});
    const QJsonArray ignore = object.value(u"ignore"_s).toArray();
    for (qsizetype i = 0; i < ignore.size(); ++i) {
        Result<JsonPath> path = JsonPath::parse(ignore.at(i).toString());
        if (path)
            suite.ignore.append(std::move(path).value());
        else
            found.append({u"/ignore/%1"_s.arg(i), path.errorString()});
    }
    const QJsonValue cases = object.value(u"cases"_s);
    if (!cases.isArray() || cases.toArray().isEmpty())
        found.append({u"/cases"_s, u"a suite needs at least one case (\"cases\": [...])"_s});
    QSet<QString> names;
    const QJsonArray all = cases.toArray();
    for (qsizetype i = 0; i < all.size(); ++i) {
        const QString pointer = u"/cases/%1"_s.arg(i);
        const QJsonObject written = all.at(i).toObject();
        const QString name = written.value(u"name"_s).toString();
        if (!all.at(i).isObject() || name.isEmpty()) {
            found.append({pointer, u"a case is an object with a name"_s});
            continue;
        }
        if (names.contains(name))
            found.append({pointer + u"/name"_s, u"another case is already named \"%1\""_s.arg(name)});
        names.insert(name);
        const QJsonValue rows = written.value(u"rows"_s);
        if (rows.isUndefined()) {
            TestCase test;
            test.name = name;
            test.pointer = pointer;
            readCase(written, pointer, contracts, test, found);
            suite.cases.append(std::move(test));
            continue;
        }
        if (!rows.isArray() || rows.toArray().isEmpty()) {
            found.append({pointer + u"/rows"_s, u"rows must be a non-empty array of objects"_s});
            continue;
        }
        QJsonObject body = written;
        body.remove(u"rows"_s);
        const QJsonArray table = rows.toArray();
        for (qsizetype r = 0; r < table.size(); ++r) {
            const QString rowPointer = pointer + u"/rows/%1"_s.arg(r);
            if (!table.at(r).isObject()) {
                found.append({rowPointer, u"a row is an object of values by name"_s});
                continue;
            }
            QStringList missing;
            const QJsonObject applied = substitute(body, table.at(r).toObject(), &missing).toObject();
            missing.removeDuplicates();
            if (!missing.isEmpty()) {
                found.append({rowPointer,
                    u"row %1 has no %2 for the case's placeholders"_s.arg(
                        QString::number(r + 1), missing.join(u", "_s))});
                continue;
            }
            TestCase test;
            test.name = u"%1 [row %2]"_s.arg(name).arg(r + 1);
            test.pointer = pointer;
            test.row = int(r);
            readCase(applied, pointer, contracts, test, found);
            suite.cases.append(std::move(test));
        }
    }
    if (problems)
        problems->append(found);
    return suite;
}

QList<SuiteProblem> TestSuite::checkAgainst(const PipeDefinition &pipe) const
{
    QList<SuiteProblem> problems;
    const bool eventPipe = pipe.trigger.type == PipeTrigger::Type::Event;
    QSet<QString> reported; // a case with rows is reported once, not once per row
    for (const TestCase &test : cases) {
        for (const StepMock &mock : test.mocks) {
            const QString problem = mock.problemWith(pipe);
            const QString at = test.pointer + u"/mocks/"_s + mock.stepId;
            if (!problem.isEmpty() && !reported.contains(at)) {
                problems.append({at, problem});
                reported.insert(at);
            }
        }
        if (test.isEvent != eventPipe && !reported.contains(test.pointer)) {
            problems.append({test.pointer,
                eventPipe ? u"pipe \"%1\" has an event trigger: give the case an \"event\""_s.arg(pipe.id)
                          : u"pipe \"%1\" has a REST trigger: give the case a \"request\""_s.arg(pipe.id)});
            reported.insert(test.pointer);
        }
    }
    return problems;
}

} // namespace jb
