// The JSON source map scans text that already parsed as JSON; every pointer of the document must
// map to a position inside the text.
#include "core/jsonsourcemap.h"
#include "fuzzinput.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdlib>

namespace {

void collect(const QJsonValue &value, const QString &pointer, QStringList &pointers, int depth)
{
    pointers.append(pointer);
    if (depth > 64 || pointers.size() > 10'000)
        return;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            QString key = it.key();
            key.replace(u'~', QStringLiteral("~0")).replace(u'/', QStringLiteral("~1"));
            collect(it.value(), pointer + u'/' + key, pointers, depth + 1);
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            collect(array.at(i), pointer + u'/' + QString::number(i), pointers, depth + 1);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text = jb::fuzz::bytesOf(data, size);
    // positions of any offset, parsed or not
    for (qsizetype offset : {qsizetype(0), text.size() / 2, text.size()}) {
        const jb::TextPosition at = jb::TextPosition::fromOffset(text, offset);
        if (at.line < 1 || at.column < 1)
            std::abort();
    }
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        return 0;
    const jb::JsonSourceMap map(text);
    QStringList pointers;
    collect(document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array()), QString(),
        pointers, 0);
    const int lines = int(text.count('\n')) + 1;
    for (const QString &pointer : std::as_const(pointers)) {
        const jb::TextPosition at = map.positionOf(pointer);
        if (at.line < 1 || at.line > lines || at.column < 1)
            std::abort();
    }
    map.positionOf(QStringLiteral("/no/such/pointer"));
    return 0;
}
