#include "httplimits.h"

#include <algorithm>
#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

struct Key
{
    QLatin1StringView name;
    int HttpLimits::*member;
    int min;
    int max;
    QLatin1StringView unit;
};

constexpr std::array keys{
    Key{QLatin1StringView("headerTimeoutMs"), &HttpLimits::headerTimeoutMs, 1, HttpLimits::maxTimeoutMs,
        QLatin1StringView("milliseconds")},
    Key{QLatin1StringView("bodyTimeoutMs"), &HttpLimits::bodyTimeoutMs, 1, HttpLimits::maxTimeoutMs,
        QLatin1StringView("milliseconds")},
    Key{QLatin1StringView("idleTimeoutMs"), &HttpLimits::idleTimeoutMs, 1, HttpLimits::maxTimeoutMs,
        QLatin1StringView("milliseconds")},
    Key{QLatin1StringView("maxHeaderBytes"), &HttpLimits::maxHeaderBytes, 256, HttpLimits::maxMaxHeaderBytes,
        QLatin1StringView("bytes")},
    Key{QLatin1StringView("maxLineBytes"), &HttpLimits::maxLineBytes, 64, HttpLimits::maxMaxHeaderBytes,
        QLatin1StringView("bytes")},
    Key{QLatin1StringView("maxConnections"), &HttpLimits::maxConnections, 1, HttpLimits::maxMaxConnections,
        QLatin1StringView("connections")},
};

} // namespace

Result<HttpLimits> HttpLimits::fromJson(const QJsonValue &value, const QString &where)
{
    using R = Result<HttpLimits>;
    HttpLimits limits;
    if (value.isUndefined())
        return limits;
    if (!value.isObject())
        return R::failure(Error::Code::Schema, u"%1 must be an object"_s.arg(where));
    const QJsonObject object = value.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const auto key = std::find_if(
            keys.begin(), keys.end(), [&](const Key &candidate) { return candidate.name == it.key(); });
        if (key == keys.end()) {
            QStringList known;
            for (const Key &candidate : keys)
                known.append(candidate.name);
            return R::failure(Error::Code::Schema,
                u"%1 has no setting \"%2\" (known: %3)"_s.arg(where, it.key(), known.join(u", "_s)));
        }
        const double number = it.value().toDouble(-1);
        if (!it.value().isDouble() || number < key->min || number > key->max || number != std::floor(number))
            return R::failure(Error::Code::Schema,
                u"%1.%2 must be a whole number of %3 from %4 to %5"_s.arg(where, it.key(), key->unit)
                    .arg(key->min)
                    .arg(key->max));
        limits.*(key->member) = int(number);
    }
    if (limits.maxLineBytes > limits.maxHeaderBytes)
        return R::failure(Error::Code::Schema,
            u"%1.maxLineBytes (%2) cannot be more than maxHeaderBytes (%3)"_s.arg(where)
                .arg(limits.maxLineBytes)
                .arg(limits.maxHeaderBytes));
    return limits;
}

QJsonObject HttpLimits::toJson() const
{
    const HttpLimits defaults;
    QJsonObject object;
    for (const Key &key : keys) {
        if (this->*(key.member) != defaults.*(key.member))
            object.insert(key.name, this->*(key.member));
    }
    return object;
}

HttpLimits HttpLimits::loosest(const HttpLimits &other) const
{
    HttpLimits out;
    for (const Key &key : keys)
        out.*(key.member) = std::max(this->*(key.member), other.*(key.member));
    return out;
}

} // namespace jb
