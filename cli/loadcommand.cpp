#include "loadcommand.h"

#include "cliproject.h"
#include "inventoryhashes.h"
#include "loadevidence.h"
#include "loadrunner.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonDocument>
#include <QTextStream>

#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

struct Options
{
    QString folder;
    QString url;
    QString environment;
    LoadOptions load;
    bool json = false;
    bool allowRemote = false;
    bool evidence = true;
};

std::optional<Options> parse(const QStringList &args, QTextStream &err)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption url(u"url"_s, u"The HTTP endpoint to load."_s, u"URL"_s);
    const QCommandLineOption pipe(u"pipe"_s, u"A pipe of the project, served in-process."_s, u"ID"_s);
    const QCommandLineOption env(
        u"env"_s, u"The environment measured (default: test, or the only one)."_s, u"NAME"_s);
    const QCommandLineOption rate(u"rate"_s, u"Open model: requests per second."_s, u"N"_s);
    const QCommandLineOption rampTo(u"ramp-to"_s, u"Open model: ramp linearly to M requests/s."_s, u"M"_s);
    const QCommandLineOption connections(u"connections"_s,
        u"Closed model: N connections as fast as they go; open model: the connections to send on "
        "(default 64)."_s,
        u"N"_s);
    const QCommandLineOption duration(u"duration"_s, u"Seconds the run sends for."_s, u"S"_s);
    const QCommandLineOption threads(u"threads"_s, u"Load threads (default 1)."_s, u"N"_s);
    const QCommandLineOption requests(u"requests"_s, u"Stop after N requests."_s, u"N"_s);
    const QCommandLineOption timeout(u"timeout"_s, u"Per-request timeout in ms (default 5000)."_s, u"MS"_s);
    const QCommandLineOption json(u"json"_s, u"Print the run as stored in the evidence."_s);
    const QCommandLineOption allowRemote(u"allow-remote"_s, u"Allow a target that is not on loopback."_s);
    const QCommandLineOption noEvidence(u"no-evidence"_s, u"Do not store the run under evidence/load/."_s);
    parser.addOptions({url, pipe, env, rate, rampTo, connections, duration, threads, requests, timeout, json,
        allowRemote, noEvidence});
    auto usage = [&err](const QString &problem) {
        err << problem << u"\nusage: journeybench-cli "_s << LoadCommand::synopsis() << Qt::endl;
        return std::nullopt;
    };
    if (!parser.parse(args))
        return usage(parser.errorText());
    if (parser.positionalArguments().size() != 1)
        return usage(u"load needs one project folder"_s);
    if (parser.isSet(pipe))
        return usage(u"--pipe is not supported yet: serve the project (journeybench-cli serve) and load its "
                     "URL with --url"_s);
    if (!parser.isSet(url))
        return usage(u"load needs --url URL"_s);
    if (!parser.isSet(rate) && !parser.isSet(connections))
        return usage(u"load needs --rate N (open model) or --connections N (closed model)"_s);
    if (parser.isSet(rampTo) && !parser.isSet(rate))
        return usage(u"--ramp-to needs --rate"_s);
    if (!parser.isSet(duration))
        return usage(u"load needs --duration S"_s);

    Options options;
    options.folder = parser.positionalArguments().constFirst();
    options.url = parser.value(url);
    options.environment = parser.value(env);
    options.json = parser.isSet(json);
    options.allowRemote = parser.isSet(allowRemote);
    options.evidence = !parser.isSet(noEvidence);
    const auto number = [&parser](const QCommandLineOption &option, double &value) {
        bool ok = false;
        value = parser.value(option).toDouble(&ok);
        return ok && std::isfinite(value) && value >= 0;
    };
    double value = 0;
    LoadOptions &load = options.load;
    if (parser.isSet(rate)) {
        load.model = LoadOptions::Model::Open;
        if (!number(rate, load.rate) || load.rate <= 0)
            return usage(u"--rate is a number of requests per second above 0"_s);
        if (parser.isSet(rampTo) && !number(rampTo, load.rampTo))
            return usage(u"--ramp-to is a number of requests per second"_s);
        load.connections = 64;
    }
    if (parser.isSet(connections)) {
        if (!number(connections, value) || value < 1 || value != std::floor(value))
            return usage(u"--connections is a whole number above 0"_s);
        load.connections = int(value);
    }
    if (!number(duration, value) || value <= 0)
        return usage(u"--duration is a number of seconds above 0"_s);
    load.durationMs = std::int64_t(value * 1000);
    if (parser.isSet(threads)) {
        if (!number(threads, value) || value < 1 || value != std::floor(value))
            return usage(u"--threads is a whole number above 0"_s);
        load.threads = int(value);
    }
    if (parser.isSet(requests)) {
        if (!number(requests, value) || value < 1 || value != std::floor(value))
            return usage(u"--requests is a whole number above 0"_s);
        load.maxRequests = std::int64_t(value);
    }
    if (parser.isSet(timeout)) {
        if (!number(timeout, value) || value < 1)
            return usage(u"--timeout is a number of milliseconds above 0"_s);
        load.timeoutMs = std::int64_t(value);
    }
    if (const Status valid = load.validate(); !valid)
        return usage(valid.errorString());
    return options;
}

QString summary(const QJsonObject &run)
{
    const QJsonObject latency = run.value(u"latencyMs"_s).toObject();
    const QJsonObject errors = run.value(u"errors"_s).toObject();
    const auto n = [](const QJsonValue &v) { return QString::number(v.toDouble(), 'f', 2); };
    QString text
        = u"%1 requests in %2 s, %3 requests/s, %4 bytes read\n"_s.arg(run.value(u"answered"_s).toInteger())
              .arg(n(run.value(u"elapsedSeconds"_s)), n(run.value(u"requestsPerSecond"_s)))
              .arg(run.value(u"bytesRead"_s).toInteger());
    text += u"latency ms: p50 %1  p90 %2  p95 %3  p99 %4  p99.9 %5  max %6  mean %7\n"_s.arg(
        n(latency[u"p50"_s]), n(latency[u"p90"_s]), n(latency[u"p95"_s]), n(latency[u"p99"_s]),
        n(latency[u"p99.9"_s]), n(latency[u"max"_s]), n(latency[u"mean"_s]));
    text += u"errors: %1 (4xx %2, 5xx %3, timeout %4, refused %5, reset %6, protocol %7)\n"_s
                .arg(errors[u"total"_s].toInteger())
                .arg(errors[u"status4xx"_s].toInteger())
                .arg(errors[u"status5xx"_s].toInteger())
                .arg(errors[u"timeout"_s].toInteger())
                .arg(errors[u"refused"_s].toInteger())
                .arg(errors[u"reset"_s].toInteger())
                .arg(errors[u"protocol"_s].toInteger());
    if (const auto notSent = run.value(u"notSent"_s).toInteger())
        text += u"not sent: %1 requests fell due while every connection was busy\n"_s.arg(notSent);
    return text;
}

} // namespace

QString LoadCommand::synopsis()
{
    return u"load DIR --url URL [--env NAME] (--rate N [--ramp-to M] | --connections N) --duration S "
           "[--threads N] [--requests N] [--timeout MS] [--json] [--allow-remote] [--no-evidence]"_s;
}

int LoadCommand::run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.contains(u"--help"_s) || args.contains(u"-h"_s)) {
        out << u"usage: journeybench-cli "_s << synopsis() << u"\n\n"_s
            << u"Loads an HTTP endpoint: the open model (--rate) sends at a constant or ramping rate and "
               u"times\n"
               "each request from when it was due; the closed model (--connections) keeps N connections "
               "busy.\n"
               "Prints a progress line per second on stderr and the summary on stdout, and stores the run\n"
               "under evidence/load/. Exits 0 when no request failed, 1 otherwise.\n"_s;
        return 0;
    }
    const std::optional<Options> options = parse(args, err);
    if (!options)
        return 2;
    CliProject::Request request{.folder = options->folder, .rule = CliProject::EnvironmentRule::Probes};
    if (!options->environment.isEmpty())
        request.environment = options->environment;
    int exitCode = 0;
    const std::optional<CliProject> project = CliProject::load(request, err, exitCode);
    if (!project)
        return exitCode;

    const Result<LoadTarget> target = LoadTarget::fromUrl(options->url, options->allowRemote);
    if (!target) {
        err << u"error: "_s << target.errorString() << Qt::endl;
        return 2;
    }
    QHash<QString, QString> sources;
    const QString environmentKey = u"environment/"_s + project->environment;
    if (const QString hash = InventoryHashes::of(project->data.entities).hash(environmentKey);
        !hash.isEmpty())
        sources.insert(environmentKey, hash);

    const QDateTime startedAt = QDateTime::currentDateTimeUtc();
    const Result<LoadResult> result
        = LoadRunner::run(target.value(), options->load, nullptr, [&err](const LoadProgress &progress) {
              err << u"%1 s: %2 requests/s, %3 answered, %4 failed"_s.arg(progress.second)
                         .arg(progress.answeredThisSecond)
                         .arg(progress.answered)
                         .arg(progress.failed)
                  << Qt::endl;
          });
    if (!result) {
        err << u"error: "_s << result.errorString() << Qt::endl;
        return 2;
    }
    const QJsonObject run
        = LoadEvidence::toJson(target.value(), options->load, result.value(), startedAt, sources);
    if (options->evidence) {
        const Result<QString> written = LoadEvidence::write(project->data.folder, run);
        if (written)
            err << u"evidence: "_s << QDir(project->data.folder).filePath(written.value()) << Qt::endl;
        else
            err << u"warning: "_s << written.errorString() << Qt::endl;
    }
    if (options->json)
        out << QString::fromUtf8(QJsonDocument(run).toJson(QJsonDocument::Indented));
    else
        out << summary(run);
    out.flush();
    return result.value().errors.total() == 0 ? 0 : 1;
}

} // namespace jb
