#pragma once

#include "mappingtable.h"
#include "probeevidence.h"
#include "projectdata.h"

#include <QDateTime>
#include <QProcessEnvironment>

namespace jb {

// Everything a document is built from, as values: copy it into a worker and build there.
struct ArtifactInput
{
    ProjectData project;
    QString environment; // an environment's id; empty means every environment
    QDateTime generatedAt; // UTC
    QList<MappingTable> mappings; // the De-Para tables (ArtifactSources fills them from the mappings)
    QStringList mappingProblems; // mappings that could not be turned into a table, one sentence each
    ProbeEvidence probes;
    QStringList secretValues; // values that must never appear in a document

    // Gathers what the documents need besides `project`: the probe evidence on disk and the secret
    // values from JOURNEYBENCH_SECRET_* variables. The De-Para tables come from the mapping engine:
    // ArtifactSources::gather adds them.
    // Reads files: call it off the GUI thread.
    static ArtifactInput gather(ProjectData project, const QString &environment, QDateTime generatedAt = {},
        const QProcessEnvironment &system = QProcessEnvironment::systemEnvironment());
    // SOURCE_DATE_EPOCH when it is set (reproducible documents), else now; in UTC.
    static QDateTime now(const QProcessEnvironment &system = QProcessEnvironment::systemEnvironment());
    static QStringList secretValuesFrom(const QProcessEnvironment &system);
};

} // namespace jb
