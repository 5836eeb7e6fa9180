#include "checkcommand.h"

#include "cliproject.h"
#include "environmentsecretstore.h"
#include "evidencestore.h"
#include "inventoryhashes.h"
#include "junitreport.h"
#include "probeplanner.h"
#include "proberunner.h"
#include "projectformat.h"
#include "projectwriter.h"

#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QIODevice>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

struct Options
{
    QString folder;
    QString environment;
    int phase = 0;
    QString junit;
    bool json = false;
    QStringList probeIds;
    QStringList caFiles;
    QList<ConnectTo> connectTo;
    int timeoutMs = 5000;
    int concurrency = ProbeRunner::defaultConcurrency;
    bool evidence = true;
    bool record = true;
};

std::optional<Options> parse(const QStringList &args, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CheckCommand::synopsis());
    parser.addHelpOption();
    const QCommandLineOption env(
        u"env"_s, u"The environment to check (default: test, or the only one)."_s, u"NAME"_s);
    const QCommandLineOption phase(
        u"phase"_s, u"Only the probes of phase 1 (Connection) or 2 (Servers / DB)."_s, u"1|2"_s);
    const QCommandLineOption junit(u"junit"_s, u"Also write the results as JUnit XML to FILE."_s, u"FILE"_s);
    const QCommandLineOption json(u"json"_s, u"Print the run (as stored in the evidence) as JSON."_s);
    const QCommandLineOption probe(u"probe"_s, u"Only the probe ID (repeatable)."_s, u"ID"_s);
    const QCommandLineOption ca(
        u"ca"_s, u"Also trust the CA certificates of the PEM FILE (repeatable)."_s, u"FILE"_s);
    const QCommandLineOption connectTo(u"connect-to"_s,
        u"Connect to TO_HOST:TO_PORT whenever a probe targets HOST:PORT, like curl --connect-to; the probe "
        "still verifies and reports the recorded name (repeatable)."_s,
        u"HOST:PORT:TO_HOST:TO_PORT"_s);
    const QCommandLineOption timeout(
        u"timeout"_s, u"Per-probe timeout in milliseconds (default 5000)."_s, u"MS"_s);
    const QCommandLineOption concurrency(
        u"concurrency"_s, u"Probes run at once (default %1)."_s.arg(ProbeRunner::defaultConcurrency), u"N"_s);
    const QCommandLineOption noEvidence(u"no-evidence"_s, u"Do not store the run under evidence/probes/."_s);
    const QCommandLineOption noRecord(
        u"no-record"_s, u"Do not record SFTP host keys seen for the first time in probes/."_s);
    parser.addOptions(
        {env, phase, junit, json, probe, ca, connectTo, timeout, concurrency, noEvidence, noRecord});
    auto usage = [&err](const QString &problem) {
        err << problem << u"\nusage: journeybench-cli "_s << CheckCommand::synopsis() << Qt::endl;
        return std::nullopt;
    };
    if (!parser.parse(args))
        return usage(parser.errorText());
    if (parser.positionalArguments().size() != 1)
        return usage(u"check needs one project folder"_s);
    Options options;
    options.folder = parser.positionalArguments().constFirst();
    options.environment = parser.value(env);
    if (parser.isSet(phase)) {
        options.phase = parser.value(phase).toInt();
        if (options.phase != 1 && options.phase != 2)
            return usage(u"--phase is 1 or 2"_s);
    }
    options.junit = parser.value(junit);
    options.json = parser.isSet(json);
    options.probeIds = parser.values(probe);
    options.caFiles = parser.values(ca);
    for (const QString &rule : parser.values(connectTo)) {
        const Result<ConnectTo> parsed = ConnectTo::parse(rule);
        if (!parsed)
            return usage(u"--connect-to "_s + parsed.errorString());
        options.connectTo.append(parsed.value());
    }
    bool ok = true;
    if (parser.isSet(timeout) && ((options.timeoutMs = parser.value(timeout).toInt(&ok)) < 1 || !ok))
        return usage(u"--timeout is a number of milliseconds"_s);
    if (parser.isSet(concurrency)
        && ((options.concurrency = parser.value(concurrency).toInt(&ok)) < 1 || !ok))
        return usage(u"--concurrency is a number of probes"_s);
    options.evidence = !parser.isSet(noEvidence);
    options.record = !parser.isSet(noRecord);
    return options;
}

// Records the host keys SFTP probes saw for the first time and passed with: a probe entity in
// probes/ carries the fingerprint, so the next run checks it.
void recordHostKeys(
    const ProbeRun &run, const QList<ProbeSpec> &probes, const ProjectData &data, QTextStream &err)
{
    for (const ProbeSpec &spec : probes) {
        if (spec.type != ProbeType::Sftp)
            continue;
        const ProbeResult *result = run.result(spec.id);
        if (!result || !result->passed() || !result->facts.value(u"hostKeyFirstContact"_s).toBool())
            continue;
        ProbeSpec recorded = spec;
        recorded.hostKeySha256 = result->facts.value(u"hostKeySha256"_s).toString();
        QString path = ProjectFormat::canonicalPath(u"probe"_s, spec.id);
        for (const EntityRecord &record : data.entities) {
            if (record.kind == u"probe" && record.id() == spec.id)
                path = record.path;
        }
        const EntityRecord record{u"probe"_s, path, ProbePlanner::entityData(recorded)};
        const Status written = ProjectWriter::writeAtomically(
            QDir(data.folder).filePath(path), ProjectFormat::entityBytes(record));
        if (written)
            err << u"recorded the host key %1 of %2 in %3"_s.arg(recorded.hostKeySha256, spec.target(), path)
                << Qt::endl;
        else
            err << u"warning: could not record the host key of %1: %2"_s.arg(spec.id, written.errorString())
                << Qt::endl;
    }
}

} // namespace

QString CheckCommand::synopsis()
{
    return u"check DIR [--env NAME] [--phase 1|2] [--junit FILE] [--json] [--probe ID]... [--ca FILE]... "
           "[--connect-to HOST:PORT:TO_HOST:TO_PORT]... [--timeout MS] [--concurrency N] [--no-evidence] "
           "[--no-record]"_s;
}

int CheckCommand::run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.contains(u"--help"_s) || args.contains(u"-h"_s)) {
        out << u"usage: journeybench-cli "_s << synopsis() << u"\n\n"_s
            << u"Runs the connectivity probes of an environment (generated from the inventory, plus the\n"
               "project's own in probes/), stores the run under evidence/probes/, and exits 0 only when\n"
               "every enabled probe passed, 1 otherwise. Secrets: JOURNEYBENCH_SECRET_<NAME> variables.\n"_s;
        return 0;
    }
    const std::optional<Options> options = parse(args, err);
    if (!options)
        return 2;
    CliProject::Request request{
        .folder = options->folder, .reportDiagnostics = true, .rule = CliProject::EnvironmentRule::Probes};
    if (!options->environment.isEmpty()) // an empty --env is as good as none: the default environment
        request.environment = options->environment;
    int exitCode = 0;
    const std::optional<CliProject> project = CliProject::load(request, err, exitCode);
    if (!project)
        return exitCode;
    const ProjectData &data = project->data;
    const QString &environment = project->environment;

    QList<ProbeSpec> probes = ProbePlanner::plan(data.entities, environment);
    if (options->phase > 0)
        probes = ProbePlanner::ofPhase(probes, options->phase);
    if (!options->probeIds.isEmpty()) {
        for (const QString &id : options->probeIds) {
            if (std::none_of(
                    probes.cbegin(), probes.cend(), [&](const ProbeSpec &p) { return p.id == id; })) {
                err << u"no probe \"%1\" in environment %2"_s.arg(id, environment) << Qt::endl;
                return 2;
            }
        }
        probes.removeIf([&](const ProbeSpec &p) { return !options->probeIds.contains(p.id); });
    }

    ProbeContext context;
    context.projectFolder = data.folder;
    context.secrets = std::make_shared<EnvironmentSecretStore>();
    context.connectTo = options->connectTo;
    context.defaultTimeout = std::chrono::milliseconds(options->timeoutMs);
    const Result<QList<QSslCertificate>> cas = ProbeContext::loadCaFiles(options->caFiles);
    if (!cas) {
        err << u"error: "_s << cas.errorString() << Qt::endl;
        return 2;
    }
    context.extraCaCertificates = cas.value();

    ProbeRunner runner(context);
    runner.setConcurrency(options->concurrency);
    QEventLoop loop;
    QObject::connect(&runner, &ProbeRunner::finished, &loop, [&loop] { loop.quit(); });
    runner.start(probes, environment);
    // the probes run on the runner's pool: this thread fingerprints what they test meanwhile
    const QHash<QString, ProbeStamp> stamps
        = InventoryHashes::ofSources(data.entities, probes).stamps(probes);
    if (runner.isRunning())
        loop.exec();
    ProbeRun run = runner.lastRun();
    InventoryHashes::applyStamps(run, stamps);

    if (options->evidence) {
        const Result<QString> written = EvidenceStore(data.folder).write(run);
        if (written)
            err << u"evidence: "_s << QDir(data.folder).filePath(written.value()) << Qt::endl;
        else
            err << u"warning: "_s << written.errorString() << Qt::endl;
    }
    if (options->record)
        recordHostKeys(run, probes, data, err);
    if (!options->junit.isEmpty()) {
        const Status written
            = ProjectWriter::writeAtomically(options->junit, JUnitReport::write(run, probes));
        if (!written)
            err << u"error: "_s << written.errorString() << Qt::endl;
    }

    const int enabled
        = int(std::count_if(probes.cbegin(), probes.cend(), [](const ProbeSpec &p) { return p.enabled; }));
    // the runner returns one result per probe, in the probes' order
    int passed = 0;
    for (qsizetype i = 0; i < probes.size() && i < run.results.size(); ++i) {
        if (probes.at(i).enabled && run.results.at(i).probeId == probes.at(i).id
            && run.results.at(i).passed())
            ++passed;
    }
    if (options->json) {
        const QByteArray bytes = EvidenceStore::bytes(run);
        // a large run is megabytes: to stdout as they are, not through a QString and back
        if (QIODevice *device = out.device()) {
            out.flush();
            device->write(bytes);
        } else {
            out << QString::fromUtf8(bytes);
        }
    } else {
        out << u"environment %1: %2 probes"_s.arg(environment).arg(probes.size()) << u'\n';
        for (const ProbeResult &result : std::as_const(run.results)) {
            const QString latency
                = result.hasLatency() ? u"%1 ms"_s.arg(result.latencyMs, 0, 'f', 1) : u"-"_s;
            out << ProbeResult::statusKey(result.status).toUpper().leftJustified(8)
                << result.probeId.leftJustified(44) << u' ' << latency.rightJustified(10) << u"  "_s
                << result.summary << u'\n';
        }
        out << u"%1 passed, %2 failed, %3 errors, %4 skipped in %5 s"_s.arg(run.count(ProbeStatus::Pass))
                   .arg(run.count(ProbeStatus::Fail))
                   .arg(run.count(ProbeStatus::Error))
                   .arg(run.count(ProbeStatus::Skipped))
                   .arg(double(run.startedAt.msecsTo(run.finishedAt)) / 1000.0, 0, 'f', 2)
            << u'\n';
    }
    out.flush();
    if (enabled == 0)
        err << u"warning: no enabled probe in environment %1"_s.arg(environment) << Qt::endl;
    return passed == enabled ? 0 : 1;
}

} // namespace jb
