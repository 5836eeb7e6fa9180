#include "utctext.h"

#include <chrono>

namespace jb {

namespace {

char16_t *digits(char16_t *to, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        to[i] = char16_t(u'0' + value % 10);
        value /= 10;
    }
    return to + width;
}

} // namespace

QString utcText(const QDateTime &at)
{
    if (!at.isValid())
        return {};
    using namespace std::chrono;
    const sys_time<milliseconds> time{milliseconds(at.toMSecsSinceEpoch())};
    const sys_days day = floor<days>(time);
    const year_month_day date{day};
    const int yearNumber = int(date.year());
    if (yearNumber < 0 || yearNumber > 9999)
        return at.toUTC().toString(Qt::ISODateWithMs); // years ISO writes with a sign or more digits
    const hh_mm_ss clock{time - day};
    QString text(24, Qt::Uninitialized);
    auto *to = reinterpret_cast<char16_t *>(text.data());
    to = digits(to, yearNumber, 4);
    *to++ = u'-';
    to = digits(to, int(unsigned(date.month())), 2);
    *to++ = u'-';
    to = digits(to, int(unsigned(date.day())), 2);
    *to++ = u'T';
    to = digits(to, int(clock.hours().count()), 2);
    *to++ = u':';
    to = digits(to, int(clock.minutes().count()), 2);
    *to++ = u':';
    to = digits(to, int(clock.seconds().count()), 2);
    *to++ = u'.';
    to = digits(to, int(clock.subseconds().count()), 3);
    *to = u'Z';
    return text;
}

} // namespace jb
