#include "mapcommand.h"

#include "bulkmapper.h"
#include "cliproject.h"
#include "databaseconnection.h"
#include "environmentsecretstore.h"
#include "mappingplan.h"
#include "mappingproject.h"

#include <QCommandLineParser>
#include <QFile>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace jb {

QString MapCommand::synopsis()
{
    return u"map DIR MAPPING (--input FILE.jsonl | --db-query SQL) [--out FILE] [--env NAME] [--jobs N]"_s;
}

int MapCommand::run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(synopsis());
    parser.addHelpOption();
    const QCommandLineOption input(u"input"_s, u"Read JSON Lines from FILE (- for stdin)."_s, u"FILE"_s);
    const QCommandLineOption query(
        u"db-query"_s, u"Read the rows of SQL from the mapping's source database instead."_s, u"SQL"_s);
    const QCommandLineOption output(
        u"out"_s, u"Write the mapped records to FILE (default: stdout)."_s, u"FILE"_s);
    const QCommandLineOption env(
        u"env"_s, u"Give JavaScript transforms this environment's variables as env."_s, u"NAME"_s);
    const QCommandLineOption jobs(u"jobs"_s, u"Map on N threads (default: one per core)."_s, u"N"_s);
    parser.addOptions({input, query, output, env, jobs});
    const auto usage = [&](const QString &problem) {
        err << problem << u"\nusage: journeybench-cli "_s << synopsis() << Qt::endl;
        return 2;
    };
    if (!parser.parse(args))
        return usage(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        out << parser.helpText();
        return 0;
    }
    if (parser.positionalArguments().size() != 2)
        return usage(u"map needs the project folder and the mapping's id"_s);
    if (parser.isSet(input) == parser.isSet(query))
        return usage(u"give either --input FILE or --db-query SQL"_s);
    BulkMapper::Options options;
    if (parser.isSet(jobs)) {
        bool ok = false;
        options.jobs = parser.value(jobs).toInt(&ok);
        if (!ok || options.jobs < 1 || options.jobs > 256)
            return usage(u"--jobs wants a number from 1 to 256"_s);
    }

    int exitCode = 0;
    const std::optional<CliProject> project = CliProject::load(
        {.folder = parser.positionalArguments().at(0), .reportDiagnostics = true}, err, exitCode);
    if (!project)
        return exitCode;
    Result<ResolvedMapping> resolved
        = ResolvedMapping::resolve(project->data, parser.positionalArguments().at(1), parser.value(env));
    if (!resolved) {
        err << u"error: "_s << resolved.errorString() << Qt::endl;
        return 1;
    }
    const ResolvedMapping &mapping = resolved.value();
    Result<std::shared_ptr<const MappingPlan>> plan
        = MappingPlan::compile(mapping.definition, mapping.source, mapping.target);
    if (!plan) {
        err << u"error: mapping %1: %2"_s.arg(mapping.definition.id, plan.errorString()) << Qt::endl;
        return 1;
    }
    options.environment = mapping.environment;

    // the output: a file written whole or not at all, or stdout (the stream's device in tests)
    out.flush();
    QSaveFile outFile(parser.value(output));
    QFile stdoutFile;
    QIODevice *sink = nullptr;
    if (parser.isSet(output)) {
        if (!outFile.open(QIODevice::WriteOnly)) {
            err << u"error: cannot write %1: %2"_s.arg(outFile.fileName(), outFile.errorString()) << Qt::endl;
            return 1;
        }
        sink = &outFile;
    } else if (out.device()) {
        sink = out.device();
    } else {
        std::fflush(stdout);
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly)) {
            err << u"error: cannot write to stdout"_s << Qt::endl;
            return 1;
        }
        sink = &stdoutFile;
    }

    const QString unit = parser.isSet(query) ? u"row"_s : u"line"_s;
    const BulkMapper::Report report = [&](qint64 number, const FieldErrors &errors) {
        for (const FieldError &error : errors)
            err << unit << u' ' << number << u": "_s << error.text() << u'\n';
    };
    BulkMapper mapper(plan.value(), options);
    Result<BulkMapper::Stats> stats = BulkMapper::Stats();
    if (parser.isSet(input)) {
        QFile in;
        const QString path = parser.value(input);
        const bool opened = path == u"-" ? in.open(stdin, QIODevice::ReadOnly)
                                         : (in.setFileName(path), in.open(QIODevice::ReadOnly));
        if (!opened) {
            err << u"error: cannot read %1: %2"_s.arg(path, in.errorString()) << Qt::endl;
            return 1;
        }
        stats = mapper.mapLines(in, *sink, report);
    } else {
        if (!mapping.database) {
            err << u"error: mapping %1 names no source database (sourceDatabase), so --db-query has nothing to ask"_s
                       .arg(mapping.definition.id)
                << Qt::endl;
            return 1;
        }
        DatabaseSpec spec = *mapping.database;
        if (!spec.secretName.isEmpty() && spec.driver != u"QSQLITE") {
            const EnvironmentSecretStore secrets;
            Result<QString> password = secrets.secret(spec.secretName);
            if (!password) {
                err << u"error: "_s << password.errorString() << Qt::endl;
                return 1;
            }
            spec.password = password.value();
        }
        Result<std::unique_ptr<DatabaseConnection>> connection = DatabaseConnection::open(spec);
        if (!connection) {
            err << u"error: "_s << connection.errorString() << Qt::endl;
            return 1;
        }
        QSqlQuery rows(connection.value()->database());
        rows.setForwardOnly(true);
        if (!rows.exec(parser.value(query)) || !rows.isSelect()) {
            err << u"error: the query failed: %1"_s.arg(
                rows.lastError().isValid() ? rows.lastError().text() : u"it returns no rows"_s)
                << Qt::endl;
            return 1;
        }
        const QSqlRecord columns = rows.record();
        stats = mapper.mapRecords(
            [&](QJsonObject &record) -> Result<bool> {
                if (!rows.next()) {
                    if (rows.lastError().isValid())
                        return Result<bool>::failure(Error::Code::Io, rows.lastError().text());
                    return false;
                }
                record = QJsonObject();
                for (int i = 0; i < columns.count(); ++i)
                    record.insert(columns.fieldName(i), DatabaseConnection::toJson(rows.value(i)));
                return true;
            },
            *sink, report);
    }
    if (!stats) {
        err << u"error: "_s << stats.errorString() << Qt::endl;
        return 1;
    }
    if (sink == &outFile && !outFile.commit()) {
        err << u"error: cannot write %1: %2"_s.arg(outFile.fileName(), outFile.errorString()) << Qt::endl;
        return 1;
    }
    if (sink == &stdoutFile)
        stdoutFile.flush();
    const BulkMapper::Stats &s = stats.value();
    err << u"%1: %2 records, %3 mapped, %4 invalid"_s.arg(mapping.definition.id)
               .arg(s.records)
               .arg(s.valid)
               .arg(s.invalid)
        << Qt::endl;
    return s.invalid > 0 ? 1 : 0;
}

} // namespace jb
