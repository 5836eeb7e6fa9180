#include "artifactexporter.h"

#include "artifactcatalog.h"
#include "csvrenderer.h"
#include "htmlrenderer.h"
#include "markdownrenderer.h"
#include "pdfrenderer.h"
#include "xlsxrenderer.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QTemporaryFile>

#include <cerrno>
#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;

namespace jb {

QString ArtifactExporter::fileName(const QString &artifact, ArtifactFormat format)
{
    return artifact + u'.' + ArtifactFormats::key(format);
}

Status ArtifactExporter::save(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::failure(Error::Code::Io, u"cannot write %1: %2"_s.arg(path, file.errorString()));
    if (file.write(bytes) != bytes.size() || !file.commit())
        return Status::failure(Error::Code::Io, u"cannot write %1: %2"_s.arg(path, file.errorString()));
    return {};
}

Result<QStringList> ArtifactExporter::write(
    const ArtifactDocument &document, ArtifactFormat format, const QString &folder)
{
    using R = Result<QStringList>;
    QDir dir(folder);
    if (!dir.mkpath(u"."_s))
        return R::failure(Error::Code::Io, u"cannot create the folder %1"_s.arg(folder));
    const QString path = dir.absoluteFilePath(fileName(document.name(), format));
    switch (format) {
    case ArtifactFormat::Markdown:
    case ArtifactFormat::Html: {
        const QByteArray bytes = format == ArtifactFormat::Markdown ? MarkdownRenderer::render(document)
                                                                    : HtmlRenderer::render(document);
        if (const Status saved = save(path, bytes); !saved)
            return saved.error();
        return QStringList{path};
    }
    case ArtifactFormat::Pdf: {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return R::failure(Error::Code::Io, u"cannot write %1: %2"_s.arg(path, file.errorString()));
        if (const Status rendered = PdfRenderer::render(document, &file); !rendered)
            return rendered.error();
        if (!file.commit())
            return R::failure(Error::Code::Io, u"cannot write %1: %2"_s.arg(path, file.errorString()));
        return QStringList{path};
    }
    case ArtifactFormat::Csv: {
        QStringList written;
        for (const RenderedFile &file : CsvRenderer::render(document)) {
            const QString csvPath = dir.absoluteFilePath(file.name);
            if (const Status saved = save(csvPath, file.bytes); !saved)
                return saved.error();
            written.append(csvPath);
        }
        return written;
    }
    case ArtifactFormat::Xlsx: {
        // libxlsxwriter writes to a path: give it a fresh name beside the target, then rename
        QTemporaryFile temporary(
            dir.absoluteFilePath(u".%1.XXXXXX"_s.arg(fileName(document.name(), format))));
        if (!temporary.open())
            return R::failure(
                Error::Code::Io, u"cannot write in %1: %2"_s.arg(folder, temporary.errorString()));
        temporary.close();
        if (const Status rendered = XlsxRenderer::render(document, temporary.fileName()); !rendered)
            return rendered.error();
        // rename(2) replaces the previous export in one step: never no file, never half of one
        if (std::rename(
                QFile::encodeName(temporary.fileName()).constData(), QFile::encodeName(path).constData())
            != 0)
            return R::failure(Error::Code::Io,
                u"cannot write %1: %2"_s.arg(path, QString::fromLocal8Bit(std::strerror(errno))));
        temporary.setAutoRemove(false);
        return QStringList{path};
    }
    }
    return R::failure(Error::Code::Internal, u"unknown format"_s);
}

Result<QStringList> ArtifactExporter::exportArtifacts(
    const QStringList &names, ArtifactFormat format, const QString &folder, const ArtifactContext &context)
{
    QStringList written;
    for (const QString &name : names) {
        Result<ArtifactDocument> document = ArtifactCatalog::build(name, context);
        if (!document)
            return document.error();
        Result<QStringList> files = write(document.value(), format, folder);
        if (!files)
            return files.error();
        written += files.value();
    }
    return written;
}

} // namespace jb
