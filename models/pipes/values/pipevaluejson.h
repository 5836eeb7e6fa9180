#pragma once

#include "core/result.h"
#include "pipevalue.h"

#include <QByteArray>
#include <QJsonValue>

#include <functional>

namespace jb::PipeValueJson {

// How a script value (PipeValue::Type::Script) is written or converted: the runtime's engine does it.
using ScriptStringify = std::function<QByteArray(const QJSValue &)>;
using ScriptToJson = std::function<QJsonValue(const QJSValue &)>;

// Reads JSON text (RFC 8259, UTF-8) as JSON.parse does: objects keep the order of their keys, a
// repeated key keeps its first place and its last value, numbers are doubles. The error says
// where the text stops being JSON.
Result<PipeValue> parse(QByteArrayView text);

// Writes a value as JSON.stringify(value) does: compact, keys in their order, undefined members
// left out and undefined elements as null, numbers as JavaScript writes them (NaN and Infinity as
// null). A top-level undefined gives an empty array of bytes; `script` writes script values.
QByteArray stringify(const PipeValue &value, const ScriptStringify &script = {});

// The same value as Qt's JSON (its objects sorted by key, as QJsonObject keeps them).
QJsonValue toJson(const PipeValue &value, const ScriptToJson &script = {});
PipeValue fromJson(const QJsonValue &value);

} // namespace jb::PipeValueJson
