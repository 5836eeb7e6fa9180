// The De-Para CSV reader takes spreadsheets' exports: any bytes give rules or an error, and the
// records it parses, written again field by field, parse to the same records.
#include "fuzzinput.h"
#include "mapping/deparacsv.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray csv = jb::fuzz::bytesOf(data, size);
    (void)jb::DeParaCsv::read(csv);
    const QList<QStringList> records = jb::DeParaCsv::parse(QString::fromUtf8(csv), u',');
    QString written;
    for (const QStringList &record : records) {
        QStringList fields;
        for (const QString &field : record)
            fields.append(jb::DeParaCsv::field(field));
        written += fields.join(u',') + QStringLiteral("\r\n");
    }
    if (jb::DeParaCsv::parse(written, u',') != records)
        std::abort();
    return 0;
}
