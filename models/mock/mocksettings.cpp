#include "mocksettings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace jb {

Result<MockSettings> MockSettings::fromJson(const QByteArray &bytes, const QString &path)
{
    using R = Result<MockSettings>;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return R::failure(Error::Code::Parse,
            u"%1: not JSON (%2 at byte %3)"_s.arg(path, error.errorString()).arg(error.offset));
    if (!document.isObject())
        return R::failure(Error::Code::Schema, u"%1: must hold an object, {\"limits\": {...}}"_s.arg(path));
    const QJsonObject object = document.object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.key() != u"limits")
            return R::failure(
                Error::Code::Schema, u"%1: has no setting \"%2\" (known: limits)"_s.arg(path, it.key()));
    }
    Result<HttpLimits> limits = HttpLimits::fromJson(object.value(u"limits"_s), u"limits"_s);
    if (!limits)
        return R::failure(Error::Code::Schema, path + u": "_s + limits.errorString());
    MockSettings settings;
    settings.limits = limits.value();
    return settings;
}

Result<MockSettings> MockSettings::load(const QString &projectFolder)
{
    const QString path = QDir(projectFolder).filePath(QString(projectRelativePath));
    if (!QFileInfo(path).isFile())
        return MockSettings();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<MockSettings>::failure(
            Error::Code::Io, u"cannot read %1: %2"_s.arg(QDir::toNativeSeparators(path), file.errorString()));
    return fromJson(file.readAll(), QDir::toNativeSeparators(path));
}

} // namespace jb
