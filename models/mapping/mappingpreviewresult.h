#pragma once

#include "mappedrecord.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace jb {

// One preview run: the sample records, each mapped with its per-rule detail, or why nothing could
// be mapped (a transform that does not compile, say). `generation` tells runs apart.
struct MappingPreviewResult
{
    quint64 generation = 0;
    QList<QJsonObject> records;
    QList<MappedRecord> mapped;
    QStringList columns; // the target fields to show, in the target contract's order
    QString error;
};

} // namespace jb
