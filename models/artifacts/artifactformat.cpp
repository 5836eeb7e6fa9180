#include "artifactformat.h"

using namespace Qt::StringLiterals;

namespace jb {

const QList<ArtifactFormat> &ArtifactFormats::all()
{
    static const QList<ArtifactFormat> formats = {ArtifactFormat::Markdown, ArtifactFormat::Html,
        ArtifactFormat::Pdf, ArtifactFormat::Csv, ArtifactFormat::Xlsx};
    return formats;
}

QString ArtifactFormats::key(ArtifactFormat format)
{
    switch (format) {
    case ArtifactFormat::Markdown:
        return u"md"_s;
    case ArtifactFormat::Html:
        return u"html"_s;
    case ArtifactFormat::Pdf:
        return u"pdf"_s;
    case ArtifactFormat::Csv:
        return u"csv"_s;
    case ArtifactFormat::Xlsx:
        return u"xlsx"_s;
    }
    return {};
}

QString ArtifactFormats::label(ArtifactFormat format)
{
    switch (format) {
    case ArtifactFormat::Markdown:
        return u"Markdown"_s;
    case ArtifactFormat::Html:
        return u"HTML"_s;
    case ArtifactFormat::Pdf:
        return u"PDF"_s;
    case ArtifactFormat::Csv:
        return u"CSV (one file per table)"_s;
    case ArtifactFormat::Xlsx:
        return u"Excel workbook (XLSX)"_s;
    }
    return {};
}

std::optional<ArtifactFormat> ArtifactFormats::fromKey(const QString &key)
{
    for (ArtifactFormat format : all()) {
        if (ArtifactFormats::key(format) == key.toLower())
            return format;
    }
    if (key.toLower() == u"markdown")
        return ArtifactFormat::Markdown;
    return std::nullopt;
}

QStringList ArtifactFormats::keys()
{
    QStringList result;
    for (ArtifactFormat format : all())
        result.append(key(format));
    return result;
}

bool ArtifactFormats::needsFonts(ArtifactFormat format)
{
    // HTML embeds the diagrams as SVG, drawn with measured text
    return format == ArtifactFormat::Html || format == ArtifactFormat::Pdf;
}

} // namespace jb
