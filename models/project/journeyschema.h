#pragma once

#include "kindspec.h"

namespace jb {

// The kinds of entity a project records, phase by phase. Plain data: every consumer (loader,
// validator, item models, forms, CLI) reads the same description.
class JourneySchema final
{
public:
    static constexpr int currentVersion = 1;

    static const QList<KindSpec> &kinds();
    static const KindSpec *kind(const QString &kind);
    // The kind a file in `folder` with this content belongs to, or nullptr.
    static const KindSpec *kindFor(const QString &folder, const QJsonObject &object);
    static QStringList folders();
    static QList<const KindSpec *> kindsOfPhase(int phase);
    static QStringList manifestKeyOrder(const QString &schemaPath);
    // Preferred key order beyond a kind's declared fields, for files whose content goes deeper
    // than the fields (a pipe's trigger and steps): appended to KindSpec::keyOrder.
    static QStringList extraKeyOrder(const QString &kind, const QString &schemaPath);
};

} // namespace jb
