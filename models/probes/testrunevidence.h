#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QStringList>

#include <optional>

namespace jb {

// A unit test run's evidence file (evidence/tests/<timestamp>-<environment>.json, written by
// TestRunRecord) as the checklist reads it: when and where it ran, what it found, each tested
// pipe's step coverage, and the hashes of what it ran on.
struct TestRunEvidence
{
    struct Pipe
    {
        QString id;
        int steps = 0;
        int stepsExecuted = 0;
        QStringList missedSteps;
    };

    QString path; // relative to the project folder
    QDateTime startedAt;
    QString environment;
    bool passed = false;
    int cases = 0;
    int failed = 0;
    bool partial = false;
    QMap<QString, QString> hashes; // "test/<id>", "pipe/<id>", "environment/<name>" -> SHA-256
    QList<Pipe> pipes;

    static std::optional<TestRunEvidence> fromJson(const QJsonObject &object, const QString &path);
    // The newest run of every suite (not a partial one) in `environment`, or nullopt. Reads files:
    // call it off the GUI thread.
    static std::optional<TestRunEvidence> latestFull(
        const QString &projectFolder, const QString &environment);
};

} // namespace jb
