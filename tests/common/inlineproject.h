#pragma once

// A project that a test writes itself, entity by entity, into a temporary folder, then loads as
// JourneyBench would: so a model suite shows in its own text every entity it depends on, and a
// change to the sample project (which the end-to-end suites walk through) cannot break it.

#include "core/result.h"
#include "projectdata.h"
#include "projectformat.h"
#include "projectloader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace jb::test {

class InlineProject final
{
public:
    // journey.json, a new project's manifest (the journey's default checklists), named `name`
    explicit InlineProject(const QString &name = QStringLiteral("Test project"))
    {
        m_ok = m_dir.isValid()
            && addFile(
                QString(manifestFileName), ProjectFormat::manifestBytes(ProjectFormat::newManifest(name)));
    }

    QString folder() const { return m_dir.path(); }
    // false once a file could not be written
    bool isValid() const { return m_ok; }

    // The entity where the project keeps it (its kind's folder, its id as the file name).
    InlineProject &add(const QString &kind, const QJsonObject &entity)
    {
        const QString path = ProjectFormat::canonicalPath(kind, entity.value(QLatin1String("id")).toString());
        m_ok = addFile(path, ProjectFormat::entityBytes({kind, path, entity})) && m_ok;
        return *this;
    }

    // The same, written as JSON text (the way a test reads best); unparsable text fails the project.
    InlineProject &add(const QString &kind, const QByteArray &json)
    {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(json, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            qWarning("InlineProject: %s is not a JSON object: %s", qPrintable(kind),
                qPrintable(error.errorString()));
            m_ok = false;
            return *this;
        }
        return add(kind, document.object());
    }

    // Any other file (a mock's dataset, a database), relative to the project's folder.
    bool addFile(const QString &relativePath, const QByteArray &bytes)
    {
        const QString path = QDir(folder()).filePath(relativePath);
        QFile file(path);
        return QDir().mkpath(QFileInfo(path).absolutePath()) && file.open(QIODevice::WriteOnly)
            && file.write(bytes) == bytes.size();
    }

    Result<ProjectLoad> load() const { return ProjectLoader::load(folder()); }

private:
    QTemporaryDir m_dir;
    bool m_ok = false;
};

} // namespace jb::test
