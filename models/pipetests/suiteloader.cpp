#include "suiteloader.h"

#include "contract.h"
#include "contractschema.h"
#include "core/jsonsourcemap.h"
#include "jsonschema.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace jb {

Expectation::ContractSchemas SuiteLoader::contractSchemas(const ProjectData &project)
{
    QHash<QString, QJsonObject> contracts;
    for (const EntityRecord &record : project.entities) {
        if (record.kind == u"contract")
            contracts.insert(record.id(), record.data);
    }
    return [contracts](const QString &id) -> Result<std::shared_ptr<const JsonSchema>> {
        const auto found = contracts.constFind(id);
        if (found == contracts.cend())
            return Error{Error::Code::Reference, u"schema \"%1\": no such contract in the project"_s.arg(id)};
        Result<std::shared_ptr<const JsonSchema>> compiled
            = JsonSchema::compile(ContractSchema::toJsonSchema(Contract::fromJson(*found)));
        if (!compiled)
            return Error{Error::Code::Schema, u"schema \"%1\": %2"_s.arg(id, compiled.errorString())};
        return compiled;
    };
}

SuiteLoader SuiteLoader::load(const ProjectData &project, const PipeCatalog &catalog, const QStringList &only)
{
    SuiteLoader loaded;
    const Expectation::ContractSchemas contracts = contractSchemas(project);
    QStringList seen;
    for (const EntityRecord &record : project.entities) {
        if (record.kind != u"test" || (!only.isEmpty() && !only.contains(record.id())))
            continue;
        seen.append(record.id());
        const JsonSourceMap map(project.diskBytes.value(record.path));
        const QString file = QDir(project.folder).filePath(record.path);
        const auto report = [&](const SuiteProblem &problem) {
            const TextPosition at = map.positionOf(problem.pointer);
            loaded.diagnostics.append({file, at.line, at.column, problem.message});
        };
        QList<SuiteProblem> problems;
        TestSuite suite = TestSuite::fromJson(record.data, contracts, &problems);
        const PipePointer pipe = catalog.pipe(suite.pipeId);
        if (!pipe && !suite.pipeId.isEmpty())
            problems.append({u"/pipe"_s, u"no usable pipe \"%1\" in the project"_s.arg(suite.pipeId)});
        if (pipe)
            problems.append(suite.checkAgainst(*pipe));
        for (const SuiteProblem &problem : std::as_const(problems))
            report(problem);
        if (problems.isEmpty()) {
            loaded.plans.append({std::move(suite), pipe});
            loaded.files.append(record.path);
        }
    }
    for (const QString &id : only) {
        if (!seen.contains(id))
            loaded.diagnostics.append({QDir(project.folder).filePath(u"tests"_s), 1, 1,
                u"no test suite \"%1\" in the project"_s.arg(id)});
    }
    return loaded;
}

} // namespace jb
