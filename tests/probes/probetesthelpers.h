#pragma once

// Shared by the server-backed probe suites: probes written as compact JSON with ${KEY} placeholders
// filled from services.env, run on a worker thread (never on the test's own thread, like the
// runner does), timed.
#include "probeexecutor.h"
#include "testservices.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

struct TimedResult
{
    jb::ProbeResult result;
    qint64 elapsedMs = 0;
};

class MapSecrets final : public jb::SecretStore
{
public:
    explicit MapSecrets(QHash<QString, QString> values)
        : m_values(std::move(values))
    { }
    jb::Result<QString> secret(const QString &name) const override
    {
        if (!m_values.contains(name))
            return jb::Result<QString>::failure(
                jb::Error::Code::Reference, QStringLiteral("no secret named ") + name);
        return m_values.value(name);
    }
    QString describe(const QString &name) const override { return name; }

private:
    QHash<QString, QString> m_values;
};

// "${HTTP_PORT}" -> the value in services.env; "${KEY}" left alone when unknown (the test then fails).
// For a regular expression, `escape` makes the values match literally (a fingerprint holds '+').
inline QString expand(const TestServices &services, QString text, bool escape = false)
{
    static const QRegularExpression placeholder(QStringLiteral("\\$\\{([A-Z0-9_]+)\\}"));
    for (int guard = 0; guard < 100; ++guard) {
        const QRegularExpressionMatch match = placeholder.match(text);
        if (!match.hasMatch() || services.value(match.captured(1)).isEmpty())
            break;
        const QString value = services.value(match.captured(1));
        text.replace(match.capturedStart(), match.capturedLength(),
            escape ? QRegularExpression::escape(value) : value);
    }
    return text;
}

// Fixtures write JSON with single quotes (moc misreads raw strings holding "//"): 'a' -> "a".
inline QString json(QString text)
{
    return text.replace(u'\'', u'"');
}

inline jb::ProbeSpec specFrom(const TestServices &services, const QString &fixture)
{
    QJsonParseError error{};
    const QString json = expand(services, ::json(fixture));
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        // not fatal: the servers must still be stopped; the probe then fails for want of a host
        qWarning("bad probe JSON in the test: %s: %s", qPrintable(error.errorString()), qPrintable(json));
    }
    jb::ProbeSpec spec = jb::ProbeSpec::fromJson(document.object());
    if (spec.id.isEmpty())
        spec.id = QStringLiteral("test-probe");
    return spec;
}

inline TimedResult runTimed(const jb::ProbeSpec &spec, const jb::ProbeContext &context)
{
    QElapsedTimer clock;
    clock.start();
    jb::ProbeResult result
        = QtConcurrent::run([spec, context] { return jb::ProbeExecutor::run(spec, context); }).result();
    return {result, clock.elapsed()};
}

// A compact, readable failure message: the probe's summary and details.
inline QByteArray explain(const jb::ProbeResult &result)
{
    return (jb::ProbeResult::statusKey(result.status) + QStringLiteral(": ") + result.summary
        + QStringLiteral("\n") + result.details)
        .toUtf8();
}

// The columns of a table-driven probe test.
inline void addProbeColumns()
{
    QTest::addColumn<QString>("probe"); // JSON, ${KEY}s from services.env
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("summary"); // a regular expression the whole summary matches
    QTest::addColumn<int>("timeoutMs"); // > 0: the probe must end within +-20% of it
}

// Runs the current row's probe and checks its status, its summary and how long it took.
inline void checkProbe(const TestServices *services, const jb::ProbeContext &context)
{
    QFETCH(QString, probe);
    QFETCH(QString, status);
    QFETCH(QString, summary);
    QFETCH(int, timeoutMs);
    QVERIFY2(services && services->ok(), "the test servers are not running");
    const jb::ProbeSpec spec = specFrom(*services, probe);
    const TimedResult run = runTimed(spec, context);
    const QString expectedSummary = expand(*services, summary, true);
    QVERIFY2(jb::ProbeResult::statusKey(run.result.status) == status, explain(run.result));
    const QRegularExpression pattern(QRegularExpression::anchoredPattern(expectedSummary));
    QVERIFY2(pattern.isValid(), qPrintable(pattern.errorString()));
    QVERIFY2(pattern.match(run.result.summary).hasMatch(),
        qPrintable(QStringLiteral("summary \"%1\" does not match \"%2\"\n%3")
                       .arg(run.result.summary, expectedSummary, QString::fromUtf8(explain(run.result)))));
    QCOMPARE(run.result.probeId, spec.id);
    QVERIFY(run.result.timestamp.isValid());
    if (run.result.passed())
        QVERIFY(run.result.hasLatency());
    if (timeoutMs > 0) {
        QVERIFY2(run.elapsedMs >= timeoutMs * 0.8 && run.elapsedMs <= timeoutMs * 1.2,
            qPrintable(QStringLiteral("took %1 ms for a %2 ms timeout").arg(run.elapsedMs).arg(timeoutMs)));
    } else {
        QVERIFY2(run.elapsedMs < 4000, qPrintable(QStringLiteral("took %1 ms").arg(run.elapsedMs)));
    }
}
