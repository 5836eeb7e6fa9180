#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace jb {

// One address as ViaCEP answers it: string values, keys in ViaCEP's order (keyOrder()), then any
// other key alphabetically. Older records may lack some keys; they are left out, never invented.
struct ViaCepRecord
{
    QList<std::pair<QString, QString>> fields;

    QString value(QStringView key) const;
    QString cep() const { return value(u"cep"); } // hyphenated, "01001-000"
    void setValue(const QString &key, const QString &value); // keeps the order
    QJsonObject toJson() const;
    // A record from JSON: every value a string (whole numbers are accepted and turned into
    // strings); "cep" required and well-formed, stored hyphenated.
    static Result<ViaCepRecord> fromJson(const QJsonObject &object);
    friend bool operator==(const ViaCepRecord &, const ViaCepRecord &) = default;
};

// The ViaCEP mock's records, editable, with the dataset file's other sections (about, the
// unknown and malformed cases, expectations) kept as they were so a save loses nothing.
class ViaCepDataset final
{
public:
    static const QStringList &keyOrder();
    // "01001-000" or "01001000" -> "01001000"; nullopt for anything else (ViaCEP's 400 cases).
    static std::optional<QString> normalizeCep(QStringView text);
    static std::optional<quint32> cepNumber(QByteArrayView text); // the same, without allocating
    static QString hyphenated(QStringView eightDigits);

    // The bundled dataset: $JB_DATA_DIR, then an installation (<exe dir>/../share/journeybench),
    // then the source tree seen from a build folder (<exe dir>/../../../resources, or one level
    // further up for build/<preset>/).
    static QStringList bundledCandidates(const QString &applicationDir);
    static QString findBundled(const QString &applicationDir); // empty when none exists
    static constexpr QLatin1StringView fileName{"viacep-dataset.json"};
    static constexpr QLatin1StringView projectRelativePath{"mocks/viacep-dataset.json"};

    // A dataset file ({"records": [...], ...}) or a bare array of records.
    static Result<ViaCepDataset> fromJson(const QByteArray &bytes);
    static Result<ViaCepDataset> load(const QString &path);
    QByteArray toJson() const; // pretty, stable key order, newline-terminated
    Status save(const QString &path) const; // atomic

    qsizetype size() const { return m_records.size(); }
    bool isEmpty() const { return m_records.isEmpty(); }
    const QList<ViaCepRecord> &records() const { return m_records; }
    const ViaCepRecord *find(QStringView cep) const; // either form
    qsizetype indexOf(QStringView cep) const;

    Status add(const ViaCepRecord &record); // refuses a CEP already present
    Status update(QStringView cep, const ViaCepRecord &record); // may change the CEP itself
    Status remove(QStringView cep);
    // Adds the records of a file (dataset or bare array), replacing those with the same CEP;
    // returns how many were read. Nothing changes when the file has an error.
    Result<qsizetype> importFile(const QString &path);
    Result<qsizetype> importJson(const QByteArray &bytes);

    // The fixture's negative cases, when the file has them (tests and the GUI show them).
    QStringList unknownCeps() const;
    QStringList malformedInputs() const;

private:
    QList<ViaCepRecord> m_records;
    QJsonObject m_document; // the file's other sections
};

} // namespace jb
