#include "testcommand.h"

#include "cliproject.h"
#include "htmlreport.h"
#include "junitreport.h"
#include "pipeenvironment.h"
#include "testrunplan.h"
#include "testrunrecord.h"
#include "unittestrunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSaveFile>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace jb {

QString TestCommand::synopsis()
{
    return u"test DIR [--suite ID]... [--env NAME] [--junit FILE] [--html FILE] [--json] "
           "[--coverage-min PERCENT] [--set KEY=VALUE]... [--no-evidence]"_s;
}

int TestCommand::run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(synopsis());
    parser.addHelpOption();
    const QCommandLineOption suiteOption(u"suite"_s, u"Run this suite only (repeatable)."_s, u"ID"_s);
    const QCommandLineOption environment(u"env"_s, u"The environment (default: test)."_s, u"NAME"_s);
    const QCommandLineOption junit(u"junit"_s, u"Write the results as JUnit XML to FILE."_s, u"FILE"_s);
    const QCommandLineOption html(u"html"_s, u"Write a self-contained HTML report to FILE."_s, u"FILE"_s);
    const QCommandLineOption json(u"json"_s, u"Print the run (as stored in the evidence) as JSON."_s);
    const QCommandLineOption coverageMin(u"coverage-min"_s,
        u"Fail when a tested pipe's step or branch coverage is under PERCENT."_s, u"PERCENT"_s);
    const QCommandLineOption set(u"set"_s, u"Override a variable of the environment."_s, u"KEY=VALUE"_s);
    const QCommandLineOption noEvidence(u"no-evidence"_s, u"Do not store the run under evidence/tests/."_s);
    parser.addOptions({suiteOption, environment, junit, html, json, coverageMin, set, noEvidence});
    const auto usage = [&](const QString &why) {
        err << (why.isEmpty() ? QString() : why + u'\n') << u"usage: journeybench-cli "_s << synopsis()
            << Qt::endl;
        return 2;
    };
    if (!parser.parse(args))
        return usage(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        out << parser.helpText();
        return 0;
    }
    if (parser.positionalArguments().size() != 1)
        return usage({});
    double threshold = 0;
    if (parser.isSet(coverageMin)) {
        bool ok = false;
        threshold = parser.value(coverageMin).toDouble(&ok);
        if (!ok || threshold < 0 || threshold > 100)
            return usage(
                u"--coverage-min: a percentage from 0 to 100, not \"%1\""_s.arg(parser.value(coverageMin)));
    }
    PipeEnvironment::Variables overrides;
    for (const QString &assignment : parser.values(set)) {
        const Result<std::pair<QString, QString>> parsed = PipeEnvironment::parseAssignment(assignment);
        if (!parsed)
            return usage(u"--set: "_s + parsed.errorString());
        overrides.append(parsed.value());
    }
    if (!QCoreApplication::instance()) {
        err << u"error: test needs the application's event loop"_s << Qt::endl;
        return 2;
    }

    int exitCode = 0;
    std::optional<CliProject> loaded
        = CliProject::load({.folder = parser.positionalArguments().at(0)}, err, exitCode);
    if (!loaded)
        return 2;
    const ProjectData &project = loaded->data;
    bool broken = false;
    for (const Diagnostic &diagnostic : std::as_const(loaded->diagnostics)) {
        // a suite or a pipe that does not load would make the run prove less than it says
        const QString relative = QDir(project.folder).relativeFilePath(diagnostic.file);
        if (relative.startsWith(u"tests/"_s) || relative.startsWith(u"pipes/"_s)) {
            err << diagnostic.format() << Qt::endl;
            broken = broken || diagnostic.severity == Diagnostic::Severity::Error;
        }
    }
    TestRunPlan::Options options;
    options.environment = parser.isSet(environment) ? parser.value(environment) : u"test"_s;
    options.overrides = overrides;
    options.suites = parser.values(suiteOption);
    options.coverageMin = threshold;
    TestRunPlan prepared;
    const Result<TestRunPlan> planned = TestRunPlan::prepare(project, options, &prepared);
    for (const QString &problem : std::as_const(prepared.warnings))
        err << u"warning: "_s << problem << u" (left out)\n"_s;
    for (const Diagnostic &diagnostic : std::as_const(prepared.diagnostics))
        err << diagnostic.format() << Qt::endl;
    if (broken)
        return 2;
    if (!planned) {
        err << u"error: "_s << planned.errorString() << Qt::endl;
        return 2;
    }
    TestRunRecord record = prepared.record;

    QElapsedTimer clock;
    clock.start();
    UnitTestRunner runner(project, prepared.environment);
    QEventLoop loop;
    QObject::connect(&runner, &UnitTestRunner::caseFinished, &loop, [&out](const CaseResult &result) {
        out << (result.passed ? u"PASS "_s : u"FAIL "_s) << result.suiteId << u": "_s << result.name << u'\n';
        for (const QString &failure : result.failures)
            out << u"  "_s << failure << u'\n';
        out.flush();
    });
    QObject::connect(&runner, &UnitTestRunner::finished, &loop, &QEventLoop::quit);
    runner.start(prepared.plans);
    loop.exec();
    const QStringList under = TestRunPlan::finish(record, runner, clock.elapsed());

    out << u"\ncoverage:\n"_s;
    for (const PipeCoverage &coverage : std::as_const(record.coverage)) {
        out << coverage.toText();
        if (under.contains(coverage.pipeId()))
            err << u"coverage of %1 is under %2%"_s.arg(coverage.pipeId(), QString::number(threshold))
                << Qt::endl;
    }
    out << u"\n%1 cases, %2 failed\n"_s.arg(record.cases.size()).arg(record.failedCases());
    if (parser.isSet(junit)) {
        // a CI server may read the report while a re-run writes it: whole or the previous one
        QSaveFile file(parser.value(junit));
        const QByteArray xml = JUnitReport::write(record.cases, record.startedAt);
        if (!file.open(QIODevice::WriteOnly) || file.write(xml) != xml.size() || !file.commit()) {
            err << u"error: cannot write %1: %2"_s.arg(file.fileName(), file.errorString()) << Qt::endl;
            return 2;
        }
    }
    if (parser.isSet(html)) {
        QSaveFile file(parser.value(html));
        const QByteArray page = HtmlReport::write(record, project.manifest.value(u"name"_s).toString());
        if (!file.open(QIODevice::WriteOnly) || file.write(page) != page.size() || !file.commit()) {
            err << u"error: cannot write %1: %2"_s.arg(file.fileName(), file.errorString()) << Qt::endl;
            return 2;
        }
    }
    if (!parser.isSet(noEvidence)) {
        const Result<QString> written = record.write(project.folder);
        if (!written) {
            err << u"error: "_s << written.errorString() << Qt::endl;
            return 2;
        }
        err << u"evidence: "_s << QDir(project.folder).filePath(written.value()) << Qt::endl;
    }
    if (parser.isSet(json))
        out << QString::fromUtf8(record.toJsonBytes());
    out.flush();
    return record.passed() ? 0 : 1;
}

} // namespace jb
