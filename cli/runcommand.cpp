#include "runcommand.h"

#include "pipeengine.h"
#include "pipeprojectload.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QString compactJson(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

// {"status", "headers", "body", "executionKey"[, "error"][, "trace"]} in that order; a JSON body is
// copied as the pipe wrote it, so its keys keep their order.
QString resultJson(const PipeResult &result, bool withTrace)
{
    const QJsonObject whole = result.toJson(withTrace);
    QString body = compactJson(whole.value(u"body"_s));
    if (result.header("content-type").contains("json")) {
        QJsonParseError error{};
        QJsonDocument::fromJson(result.body, &error);
        if (error.error == QJsonParseError::NoError)
            body = QString::fromUtf8(result.body);
    }
    QString text = u"{\n  \"status\": %1,\n  \"headers\": %2,\n  \"body\": %3,\n  \"executionKey\": %4"_s.arg(
        QString::number(result.status), compactJson(whole.value(u"headers"_s)), body,
        compactJson(result.executionKey));
    if (result.error)
        text += u",\n  \"error\": "_s + compactJson(whole.value(u"error"_s));
    if (withTrace)
        text += u",\n  \"trace\": "_s
            + QString::fromUtf8(
                QJsonDocument(whole.value(u"trace"_s).toArray()).toJson(QJsonDocument::Indented))
                  .trimmed()
                  .replace(u"\n"_s, u"\n  "_s);
    return text + u"\n}\n"_s;
}

} // namespace

QString RunCommand::synopsis()
{
    return u"run DIR PIPE [--input JSON|@FILE] [--env NAME] [--set KEY=VALUE]... [--trace] [--json]"_s;
}

int RunCommand::run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(synopsis());
    parser.addHelpOption();
    const QCommandLineOption input(u"input"_s,
        u"The request as JSON, or @FILE: {\"params\", \"query\", \"headers\", \"body\"} or a plain object "
        "of path parameters; for an event pipe, the event."_s,
        u"JSON"_s);
    const QCommandLineOption environment(u"env"_s, u"The environment (default: test)."_s, u"NAME"_s);
    const QCommandLineOption set(u"set"_s, u"Override a variable of the environment."_s, u"KEY=VALUE"_s);
    const QCommandLineOption trace(u"trace"_s, u"Print the trace: each step's input, output and logs."_s);
    const QCommandLineOption json(u"json"_s, u"Print the result as JSON."_s);
    parser.addOptions({input, environment, set, trace, json});
    if (!parser.parse(args) || parser.positionalArguments().size() != 2) {
        err << (parser.errorText().isEmpty() ? QString() : parser.errorText() + u'\n')
            << u"usage: journeybench-cli "_s << synopsis() << Qt::endl;
        return 2;
    }
    if (!QCoreApplication::instance()) {
        err << u"error: run needs the application's event loop"_s << Qt::endl;
        return 1;
    }
    QJsonValue inputValue = QJsonObject();
    if (parser.isSet(input)) {
        QByteArray text = parser.value(input).toUtf8();
        if (text.startsWith('@')) {
            QFile file(QString::fromUtf8(text.mid(1)));
            if (!file.open(QIODevice::ReadOnly)) {
                err << u"error: cannot read %1: %2"_s.arg(file.fileName(), file.errorString()) << Qt::endl;
                return 2;
            }
            text = file.readAll();
        }
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(text, &error);
        if (error.error != QJsonParseError::NoError) {
            err << u"error: --input is not JSON: %1 at offset %2"_s.arg(error.errorString()).arg(error.offset)
                << Qt::endl;
            return 2;
        }
        inputValue = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    }
    PipeEnvironment::Variables overrides;
    for (const QString &assignment : parser.values(set)) {
        const Result<std::pair<QString, QString>> parsed = PipeEnvironment::parseAssignment(assignment);
        if (!parsed) {
            err << u"error: --set: "_s << parsed.errorString() << Qt::endl;
            return 2;
        }
        overrides.append(parsed.value());
    }

    const QStringList positional = parser.positionalArguments();
    std::optional<PipeProjectLoad> loaded
        = PipeProjectLoad::load(positional.at(0), parser.value(environment), overrides, err);
    if (!loaded)
        return 1;
    const ProjectData &project = loaded->project;
    const std::shared_ptr<const PipeCatalog> catalog = loaded->catalog;
    const QString pipeId = positional.at(1);
    if (!catalog->pipe(pipeId)) {
        err << u"error: no usable pipe \"%1\" in %2"_s.arg(pipeId, project.folder) << Qt::endl;
        return 1;
    }

    PipeEngine::Options options;
    options.workers = 1;
    options.trace = parser.isSet(trace);
    options.projectFolder = project.folder;
    PipeEngine engine(catalog, std::move(loaded->environment), options);
    QEventLoop loop;
    std::optional<PipeResult> result;
    engine.execute(pipeId, PipeRequest::fromInput(inputValue), &loop, [&](const PipeResult &r) {
        result = r;
        if (engine.runningExecutions() == 0)
            loop.quit();
    });
    // the result first, then whatever event pipes it set off (each bounded by its own timeout)
    QObject::connect(&engine, &PipeEngine::idle, &loop, [&] {
        if (result)
            loop.quit();
    });
    loop.exec();

    if (parser.isSet(json)) {
        out << resultJson(*result, parser.isSet(trace));
    } else {
        out << result->status << u' ' << QString::fromUtf8(result->body) << u'\n';
        if (parser.isSet(trace))
            out << u'\n' << result->trace.toText(true);
    }
    out.flush();
    err << u"execution %1 of %2: %3 in %4 ms"_s.arg(result->executionKey, pipeId)
               .arg(result->status)
               .arg(double(result->durationUs) / 1000.0, 0, 'f', 1);
    if (result->error)
        err << u"; failed at step %1 (%2, %3)"_s.arg(
            result->error->step, PipeError::className(result->error->errorClass), result->error->code);
    if (result->errorEventId > 0)
        err << u"; error event %1 stored in %2"_s.arg(result->errorEventId).arg(engine.storeFile());
    err << Qt::endl;
    if (engine.scheduledRetries() > 0)
        err << u"note: %1 re-run(s) scheduled for later were not run; the events stay in the store"_s.arg(
            engine.scheduledRetries())
            << Qt::endl;
    return result->isSuccess() ? 0 : 1;
}

} // namespace jb
