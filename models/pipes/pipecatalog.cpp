#include "pipecatalog.h"

#include "templatetext.h"

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// A literal setting (no template): what can be checked before anything runs.
QString literal(const StepDefinition &step, const QString &key)
{
    const QString value = step.settings.value(key).toString();
    return TemplateText::hasExpression(value) ? QString() : value;
}

} // namespace

PipeCatalog PipeCatalog::fromProject(const ProjectData &project)
{
    PipeCatalog catalog;
    QStringList mappingProblems;
    catalog.setMappings(MappingCatalog::build(project.entities, project.folder, {}, &mappingProblems));
    for (const EntityRecord &record : project.entities) {
        if (record.kind == u"database")
            catalog.addDatabase(DatabaseSpec::fromEntity(record.data, project.folder));
    }
    for (const EntityRecord &record : project.entities) {
        if (record.kind != kind)
            continue;
        Result<PipeDefinition> pipe = PipeDefinition::fromJson(record.data);
        if (!pipe) {
            catalog.m_problems.append(record.path + u": "_s + pipe.errorString());
            continue;
        }
        const QString missing = catalog.missingReference(pipe.value(), mappingProblems);
        if (!missing.isEmpty()) {
            catalog.m_problems.append(u"%1: pipe \"%2\": %3"_s.arg(record.path, pipe.value().id, missing));
            continue;
        }
        catalog.add(std::move(pipe).value());
    }
    return catalog;
}

QString PipeCatalog::missingReference(const PipeDefinition &pipe, const QStringList &mappingProblems) const
{
    QString missing;
    const std::function<void(const std::vector<StepDefinition> &)> check
        = [&](const std::vector<StepDefinition> &steps) {
              for (const StepDefinition &step : steps) {
                  if (!missing.isEmpty())
                      return;
                  const QString at = u"step \"%1\": "_s.arg(step.id);
                  if (step.type == StepDefinition::Type::Map) {
                      const QString id = literal(step, u"mapping"_s);
                      if (!id.isEmpty() && !m_mappings->plan(id)) {
                          // the mapping may exist and fail to compile: say why
                          const auto why = std::find_if(
                              mappingProblems.cbegin(), mappingProblems.cend(), [&](const QString &problem) {
                                  return problem.startsWith(u"mapping %1:"_s.arg(id))
                                      || problem.startsWith(u"mapping %1 "_s.arg(id));
                              });
                          missing = at
                              + (why == mappingProblems.cend() ? u"no mapping \"%1\" in the project"_s.arg(id)
                                                               : *why);
                      }
                  } else if (step.type == StepDefinition::Type::Database) {
                      const QString id = literal(step, u"database"_s);
                      if (!id.isEmpty() && !m_databases.contains(id))
                          missing = at + u"no database \"%1\" in the project"_s.arg(id);
                  }
                  for (const ChoiceBranch &branch : step.when)
                      check(branch.steps);
                  check(step.otherwise);
                  check(step.steps);
                  check(step.onException);
              }
          };
    check(pipe.steps);
    check(pipe.onException);
    return missing;
}

void PipeCatalog::setMappings(MappingCatalog mappings)
{
    m_mappings = std::make_shared<const MappingCatalog>(std::move(mappings));
}

void PipeCatalog::addDatabase(const DatabaseSpec &database)
{
    m_databases.insert(database.id, database);
}

std::optional<DatabaseSpec> PipeCatalog::database(const QString &id) const
{
    const auto it = m_databases.constFind(id);
    if (it == m_databases.constEnd())
        return std::nullopt;
    return *it;
}

void PipeCatalog::add(PipeDefinition pipe)
{
    const QString id = pipe.id;
    if (!m_pipes.contains(id))
        m_order.append(id);
    m_pipes.insert(id, std::make_shared<const PipeDefinition>(std::move(pipe)));
}

QList<PipePointer> PipeCatalog::pipes() const
{
    QList<PipePointer> result;
    for (const QString &id : m_order)
        result.append(m_pipes.value(id));
    return result;
}

QList<PipePointer> PipeCatalog::restPipes() const
{
    QList<PipePointer> result;
    for (const QString &id : m_order) {
        const PipePointer pipe = m_pipes.value(id);
        if (pipe->trigger.type == PipeTrigger::Type::Rest)
            result.append(pipe);
    }
    return result;
}

QList<PipePointer> PipeCatalog::subscribers(const QString &event) const
{
    QList<PipePointer> result;
    for (const QString &id : m_order) {
        const PipePointer pipe = m_pipes.value(id);
        if (pipe->trigger.type == PipeTrigger::Type::Event && pipe->trigger.event == event)
            result.append(pipe);
    }
    return result;
}

PipeCatalog::Route PipeCatalog::route(const QString &method, QByteArrayView path) const
{
    Route best;
    int bestLiterals = -1;
    for (const QString &id : m_order) {
        const PipePointer &pipe = m_pipes[id];
        if (pipe->trigger.type != PipeTrigger::Type::Rest)
            continue;
        std::optional<PathTemplate::Parameters> params = pipe->trigger.path.match(path);
        if (!params)
            continue;
        best.maxRequestBytes = qMax(best.maxRequestBytes, pipe->trigger.maxRequestBytes);
        if (pipe->trigger.method != method) {
            if (!best.allowedMethods.contains(pipe->trigger.method))
                best.allowedMethods.append(pipe->trigger.method);
            continue;
        }
        if (pipe->trigger.path.literalCount() <= bestLiterals)
            continue;
        bestLiterals = pipe->trigger.path.literalCount();
        best.pipe = pipe;
        best.params = {};
        for (const auto &[name, value] : std::as_const(*params))
            best.params.insert(name, value);
    }
    if (best.pipe)
        best.allowedMethods.clear();
    if (best.maxRequestBytes <= 0)
        best.maxRequestBytes = PipeTrigger::defaultMaxRequestBytes;
    return best;
}

} // namespace jb
