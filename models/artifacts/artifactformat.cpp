#include "artifactformat.h"

#include "core/enumtable.h"

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// In the order the documents page and the CLI's help list them.
constexpr auto formatNames = enumTable<ArtifactFormat>({
    {ArtifactFormat::Markdown, u"md", u"Markdown"},
    {ArtifactFormat::Html, u"html", u"HTML"},
    {ArtifactFormat::Pdf, u"pdf", u"PDF"},
    {ArtifactFormat::Csv, u"csv", u"CSV (one file per table)"},
    {ArtifactFormat::Xlsx, u"xlsx", u"Excel workbook (XLSX)"},
});

} // namespace

const QList<ArtifactFormat> &ArtifactFormats::all()
{
    static const QList<ArtifactFormat> formats = [] {
        QList<ArtifactFormat> values;
        for (const EnumName<ArtifactFormat> &name : formatNames.names())
            values.append(name.value);
        return values;
    }();
    return formats;
}

QString ArtifactFormats::key(ArtifactFormat format)
{
    return formatNames.key(format).value_or(QString());
}

QString ArtifactFormats::label(ArtifactFormat format)
{
    return formatNames.label(format).value_or(QString());
}

std::optional<ArtifactFormat> ArtifactFormats::fromKey(const QString &key)
{
    // the CLI takes any case, and the long name of Markdown too
    const QString lower = key.toLower();
    if (lower == u"markdown")
        return ArtifactFormat::Markdown;
    return formatNames.fromKey(lower);
}

QStringList ArtifactFormats::keys()
{
    return formatNames.keys();
}

bool ArtifactFormats::needsFonts(ArtifactFormat format)
{
    // HTML embeds the diagrams as SVG, drawn with measured text
    return format == ArtifactFormat::Html || format == ArtifactFormat::Pdf;
}

} // namespace jb
