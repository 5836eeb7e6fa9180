#include "pipecatalog.h"

using namespace Qt::StringLiterals;

namespace jb {

PipeCatalog PipeCatalog::fromProject(const ProjectData &project)
{
    PipeCatalog catalog;
    for (const EntityRecord &record : project.entities) {
        if (record.kind != kind)
            continue;
        Result<PipeDefinition> pipe = PipeDefinition::fromJson(record.data);
        if (!pipe) {
            catalog.m_problems.append(record.path + u": "_s + pipe.errorString());
            continue;
        }
        catalog.add(std::move(pipe).value());
    }
    return catalog;
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

PipeCatalog::Route PipeCatalog::route(const QString &method, QStringView path) const
{
    Route best;
    int bestLiterals = -1;
    for (const QString &id : m_order) {
        const PipePointer &pipe = m_pipes[id];
        if (pipe->trigger.type != PipeTrigger::Type::Rest)
            continue;
        QHash<QString, QString> params;
        if (!pipe->trigger.path.match(path, &params))
            continue;
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
        for (auto it = params.cbegin(); it != params.cend(); ++it)
            best.params.insert(it.key(), it.value());
    }
    if (best.pipe)
        best.allowedMethods.clear();
    return best;
}

} // namespace jb
