#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace jb {

enum class ArtifactFormat
{
    Markdown,
    Html,
    Pdf,
    Csv,
    Xlsx,
};

class ArtifactFormats final
{
public:
    static const QList<ArtifactFormat> &all();
    static QString key(ArtifactFormat format); // "md", as the CLI spells it; also the file suffix
    static QString label(ArtifactFormat format); // "Markdown"
    static std::optional<ArtifactFormat> fromKey(const QString &key);
    static QStringList keys();
    // Whether rendering measures or draws text, and so needs a QGuiApplication (fonts).
    static bool needsFonts(ArtifactFormat format);
};

} // namespace jb
