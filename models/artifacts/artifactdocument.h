#pragma once

#include "artifactblocks.h"
#include "artifactstamp.h"

namespace jb {

// One artifact as a neutral structure — title, stamp and a list of blocks — built once by a
// document class (VpnDocument, ...) and rendered to any format. A value: copy it into workers.
class ArtifactDocument final
{
public:
    ArtifactDocument() = default;
    ArtifactDocument(QString name, QString title, ArtifactStamp stamp);

    QString name() const { return m_name; } // "vpn", "journey-report": names the files
    QString title() const { return m_title; }
    const ArtifactStamp &stamp() const { return m_stamp; }
    const QList<DocBlock> &blocks() const { return m_blocks; }

    void addHeading(int level, const QString &text);
    void addParagraph(const QString &text);
    void addNote(const QString &text);
    // Leaves out the pairs whose value is empty; adds nothing when none is left.
    void addKeyValues(const QList<std::pair<QString, QString>> &items);
    // Rows are padded or cut to the header's length.
    void addTable(const QString &caption, const QStringList &header, QList<QStringList> rows);
    // The same, leaving out the columns that are empty in every row (optional contract details).
    void addCompactTable(const QString &caption, const QStringList &header, QList<QStringList> rows);
    void addFigure(const QString &caption, std::function<DiagramPicture()> picture, const QString &mermaid);
    void addPageBreak();
    void addContents(int depth = 2);
    void addCover(const DocCover &cover);

    QList<DocTable> tables() const;
    QList<DocHeading> headings() const;
    QList<DocFigure> figures() const;
    // Prefixes level 1 and 2 headings with "1", "1.2": for long documents such as the report.
    void numberHeadings();
    // Every text of the document with each of `values` replaced: the last guard that keeps secret
    // values out of what is handed over, whatever a project file happens to contain.
    void redact(const QStringList &values);
    // All the text, for checks and searches.
    QString plainText() const;

    static QString redactedMark();

private:
    QString uniqueId(const QString &base, const QString &fallback);

    QString m_name;
    QString m_title;
    ArtifactStamp m_stamp;
    QList<DocBlock> m_blocks;
    QStringList m_ids;
    int m_anchorCount = 0;
};

} // namespace jb
