#pragma once

#include <QByteArray>
#include <QList>

#include <cstddef>
#include <cstdint>

// What every target shares: a QCoreApplication (Qt's text codecs, QJSEngine and the file engines
// want one), and the input as Qt bytes.
namespace jb::fuzz {

// Creates the application once; call from LLVMFuzzerInitialize or the first input.
void ensureApplication();

inline QByteArray bytesOf(const std::uint8_t *data, std::size_t size)
{
    // a copy, not fromRawData: ASan then sees a read past the input's end as one
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// The input cut at each `separator` byte, at most `maxParts` parts (the last keeps the rest).
QList<QByteArray> splitInput(const QByteArray &input, char separator, qsizetype maxParts);

} // namespace jb::fuzz
