#include "viacepdataset.h"

#include "core/jsonwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// The dataset file's own sections, in the order the fixture writes them, so that saving an unedited
// file gives back its bytes.
QStringList documentKeyOrder(const QString &schemaPath)
{
    if (schemaPath.isEmpty())
        return {u"about"_s, u"source"_s, u"records"_s, u"unknown"_s, u"malformed"_s, u"expected"_s};
    if (schemaPath == u"records")
        return ViaCepDataset::keyOrder();
    if (schemaPath == u"unknown")
        return {u"note"_s, u"ceps"_s};
    if (schemaPath == u"malformed")
        return {u"note"_s, u"inputs"_s};
    if (schemaPath == u"expected")
        return {u"rule"_s, u"sao_paulo_city"_s, u"not_sao_paulo_city"_s};
    return {};
}

// Offsets into a JSON parse error, for a message people can act on.
QString describeParseError(const QByteArray &bytes, const QJsonParseError &error)
{
    const QByteArray before = bytes.left(error.offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype column = error.offset - (before.lastIndexOf('\n') + 1) + 1;
    return u"line %1, column %2: %3"_s.arg(line).arg(column).arg(error.errorString());
}

Result<QList<ViaCepRecord>> recordsFromArray(const QJsonArray &array)
{
    QList<ViaCepRecord> records;
    records.reserve(array.size());
    QHash<QString, qsizetype> seen;
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            return Result<QList<ViaCepRecord>>::failure(
                Error::Code::Schema, u"record %1 is not a JSON object"_s.arg(i + 1));
        Result<ViaCepRecord> record = ViaCepRecord::fromJson(array.at(i).toObject());
        if (!record)
            return Error{record.error().code, u"record %1: %2"_s.arg(i + 1).arg(record.errorString())};
        const QString cep = record.value().cep();
        if (seen.contains(cep))
            return Result<QList<ViaCepRecord>>::failure(Error::Code::Schema,
                u"record %1: CEP %2 already appears in record %3"_s.arg(i + 1).arg(cep).arg(
                    seen.value(cep) + 1));
        seen.insert(cep, i);
        records.append(std::move(record).value());
    }
    return records;
}

struct Parsed
{
    QList<ViaCepRecord> records;
    QJsonObject document;
};

Result<Parsed> parse(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return Result<Parsed>::failure(Error::Code::Parse, describeParseError(bytes, error));
    Parsed parsed;
    QJsonArray array;
    if (document.isArray()) {
        array = document.array();
    } else {
        parsed.document = document.object();
        const QJsonValue records = parsed.document.value("records"_L1);
        if (!records.isArray())
            return Result<Parsed>::failure(Error::Code::Schema,
                u"expected a JSON array of records or an object with a \"records\" array"_s);
        array = records.toArray();
        parsed.document.remove("records"_L1);
    }
    Result<QList<ViaCepRecord>> records = recordsFromArray(array);
    if (!records)
        return records.error();
    parsed.records = std::move(records).value();
    return parsed;
}

Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<QByteArray>::failure(
            Error::Code::Io, u"cannot read %1: %2"_s.arg(QDir::toNativeSeparators(path), file.errorString()));
    return file.readAll();
}

} // namespace

QString ViaCepRecord::value(QStringView key) const
{
    for (const auto &[name, text] : fields) {
        if (name == key)
            return text;
    }
    return QString();
}

void ViaCepRecord::setValue(const QString &key, const QString &value)
{
    for (auto &[name, text] : fields) {
        if (name == key) {
            text = value;
            return;
        }
    }
    fields.append({key, value});
    // ViaCEP's keys by their rank in keyOrder(), any other key after them, alphabetically
    const QStringList &order = ViaCepDataset::keyOrder();
    auto rank = [&order](const QString &name) {
        const qsizetype r = order.indexOf(name);
        return r < 0 ? order.size() : r;
    };
    std::stable_sort(fields.begin(), fields.end(), [&rank, &order](const auto &a, const auto &b) {
        const qsizetype ra = rank(a.first);
        const qsizetype rb = rank(b.first);
        return ra != rb ? ra < rb : (ra == order.size() && a.first < b.first);
    });
}

QJsonObject ViaCepRecord::toJson() const
{
    QJsonObject object;
    for (const auto &[name, text] : fields)
        object.insert(name, text);
    return object;
}

Result<ViaCepRecord> ViaCepRecord::fromJson(const QJsonObject &object)
{
    ViaCepRecord record;
    // QJsonObject iterates alphabetically, so known keys are placed by ViaCEP's order first.
    const QStringList keys = JsonWriter::orderedKeys(object, ViaCepDataset::keyOrder());
    for (const QString &key : keys) {
        const QJsonValue value = object.value(key);
        QString text;
        if (value.isString()) {
            text = value.toString();
        } else if (value.isDouble() && value.toDouble() == std::floor(value.toDouble())
            && std::fabs(value.toDouble()) < 1e15) {
            text = QString::number(static_cast<qint64>(value.toDouble()));
        } else {
            return Result<ViaCepRecord>::failure(
                Error::Code::Schema, u"\"%1\" must be a string, as ViaCEP sends every value"_s.arg(key));
        }
        record.fields.append({key, text});
    }
    const QString cep = record.value(u"cep");
    if (cep.isEmpty())
        return Result<ViaCepRecord>::failure(Error::Code::Schema, u"\"cep\" is missing"_s);
    const std::optional<QString> digits = ViaCepDataset::normalizeCep(cep);
    if (!digits)
        return Result<ViaCepRecord>::failure(
            Error::Code::Schema, u"\"cep\" \"%1\" is not a CEP (NNNNN-NNN or 8 digits)"_s.arg(cep));
    record.setValue(u"cep"_s, ViaCepDataset::hyphenated(*digits));
    return record;
}

const QStringList &ViaCepDataset::keyOrder()
{
    static const QStringList order{u"cep"_s, u"logradouro"_s, u"complemento"_s, u"unidade"_s, u"bairro"_s,
        u"localidade"_s, u"uf"_s, u"estado"_s, u"regiao"_s, u"ibge"_s, u"gia"_s, u"ddd"_s, u"siafi"_s};
    return order;
}

std::optional<QString> ViaCepDataset::normalizeCep(QStringView text)
{
    if (text.size() == 9 && text.at(5) == u'-') {
        QString digits = text.left(5).toString();
        digits += text.mid(6);
        return normalizeCep(digits);
    }
    if (text.size() != 8)
        return std::nullopt;
    for (const QChar c : text) {
        if (!isDigit(c))
            return std::nullopt;
    }
    return text.toString();
}

std::optional<quint32> ViaCepDataset::cepNumber(QByteArrayView text)
{
    if (text.size() != 8 && !(text.size() == 9 && text.at(5) == '-'))
        return std::nullopt;
    quint32 number = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (i == 5 && text.size() == 9)
            continue;
        const char c = text.at(i);
        if (c < '0' || c > '9')
            return std::nullopt;
        number = number * 10 + static_cast<quint32>(c - '0');
    }
    return number;
}

QString ViaCepDataset::hyphenated(QStringView eightDigits)
{
    QString text = eightDigits.left(5).toString();
    text += u'-';
    text += eightDigits.mid(5);
    return text;
}

QStringList ViaCepDataset::bundledCandidates(const QString &applicationDir)
{
    QStringList candidates;
    const QString dataDir = qEnvironmentVariable("JB_DATA_DIR");
    if (!dataDir.isEmpty())
        candidates.append(QDir(dataDir).filePath(fileName));
    if (!applicationDir.isEmpty()) {
        const QDir appDir(applicationDir);
        candidates.append(QDir::cleanPath(appDir.filePath(u"../share/journeybench/"_s + fileName)));
        // a build tree: <build>/app/cli, with <build> in the source folder (build/) or one deeper
        // (build/<preset>/, as CMakePresets.json lays them out)
        candidates.append(QDir::cleanPath(appDir.filePath(u"../../../resources/"_s + fileName)));
        candidates.append(QDir::cleanPath(appDir.filePath(u"../../../../resources/"_s + fileName)));
    }
    return candidates;
}

QString ViaCepDataset::findBundled(const QString &applicationDir)
{
    for (const QString &candidate : bundledCandidates(applicationDir)) {
        if (QFileInfo(candidate).isFile())
            return candidate;
    }
    return QString();
}

Result<ViaCepDataset> ViaCepDataset::fromJson(const QByteArray &bytes)
{
    Result<Parsed> parsed = parse(bytes);
    if (!parsed)
        return parsed.error();
    ViaCepDataset dataset;
    dataset.m_records = std::move(parsed.value().records);
    dataset.m_document = std::move(parsed.value().document);
    return dataset;
}

Result<ViaCepDataset> ViaCepDataset::load(const QString &path)
{
    const Result<QByteArray> bytes = readFile(path);
    if (!bytes)
        return bytes.error();
    Result<ViaCepDataset> dataset = fromJson(bytes.value());
    if (!dataset)
        return Error{
            dataset.error().code, u"%1: %2"_s.arg(QDir::toNativeSeparators(path), dataset.errorString())};
    return dataset;
}

QByteArray ViaCepDataset::toJson() const
{
    QJsonObject document = m_document;
    QJsonArray records;
    for (const ViaCepRecord &record : m_records)
        records.append(record.toJson());
    document.insert(u"records"_s, records);
    return JsonWriter::write(document, documentKeyOrder);
}

Status ViaCepDataset::save(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::failure(Error::Code::Io,
            u"cannot write %1: %2"_s.arg(QDir::toNativeSeparators(path), file.errorString()));
    file.write(toJson());
    if (!file.commit())
        return Status::failure(Error::Code::Io,
            u"cannot write %1: %2"_s.arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

const ViaCepRecord *ViaCepDataset::find(QStringView cep) const
{
    const qsizetype index = indexOf(cep);
    return index < 0 ? nullptr : &m_records.at(index);
}

qsizetype ViaCepDataset::indexOf(QStringView cep) const
{
    const std::optional<QString> digits = normalizeCep(cep);
    if (!digits)
        return -1;
    const QString wanted = hyphenated(*digits);
    for (qsizetype i = 0; i < m_records.size(); ++i) {
        if (m_records.at(i).cep() == wanted)
            return i;
    }
    return -1;
}

Status ViaCepDataset::add(const ViaCepRecord &record)
{
    Result<ViaCepRecord> checked = ViaCepRecord::fromJson(record.toJson());
    if (!checked)
        return checked.error();
    if (indexOf(checked.value().cep()) >= 0)
        return Status::failure(
            Error::Code::Refused, u"CEP %1 is already in the dataset"_s.arg(checked.value().cep()));
    m_records.append(std::move(checked).value());
    return {};
}

Status ViaCepDataset::update(QStringView cep, const ViaCepRecord &record)
{
    const qsizetype index = indexOf(cep);
    if (index < 0)
        return Status::failure(Error::Code::Reference, u"CEP %1 is not in the dataset"_s.arg(cep));
    Result<ViaCepRecord> checked = ViaCepRecord::fromJson(record.toJson());
    if (!checked)
        return checked.error();
    const qsizetype other = indexOf(checked.value().cep());
    if (other >= 0 && other != index)
        return Status::failure(
            Error::Code::Refused, u"CEP %1 is already in the dataset"_s.arg(checked.value().cep()));
    m_records[index] = std::move(checked).value();
    return {};
}

Status ViaCepDataset::remove(QStringView cep)
{
    const qsizetype index = indexOf(cep);
    if (index < 0)
        return Status::failure(Error::Code::Reference, u"CEP %1 is not in the dataset"_s.arg(cep));
    m_records.removeAt(index);
    return {};
}

Result<qsizetype> ViaCepDataset::importFile(const QString &path)
{
    const Result<QByteArray> bytes = readFile(path);
    if (!bytes)
        return bytes.error();
    Result<qsizetype> imported = importJson(bytes.value());
    if (!imported)
        return Error{
            imported.error().code, u"%1: %2"_s.arg(QDir::toNativeSeparators(path), imported.errorString())};
    return imported;
}

Result<qsizetype> ViaCepDataset::importJson(const QByteArray &bytes)
{
    Result<Parsed> parsed = parse(bytes);
    if (!parsed)
        return parsed.error();
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < m_records.size(); ++i)
        index.insert(m_records.at(i).cep(), i);
    for (ViaCepRecord &record : parsed.value().records) {
        const auto existing = index.constFind(record.cep());
        if (existing != index.cend()) {
            m_records[*existing] = std::move(record);
        } else {
            index.insert(record.cep(), m_records.size());
            m_records.append(std::move(record));
        }
    }
    return parsed.value().records.size();
}

QStringList ViaCepDataset::unknownCeps() const
{
    QStringList ceps;
    for (const QJsonValue &value : m_document.value("unknown"_L1).toObject().value("ceps"_L1).toArray())
        ceps.append(value.toString());
    return ceps;
}

QStringList ViaCepDataset::malformedInputs() const
{
    QStringList inputs;
    for (const QJsonValue &value : m_document.value("malformed"_L1).toObject().value("inputs"_L1).toArray())
        inputs.append(value.toString());
    return inputs;
}

} // namespace jb
