// Route templates as a project writes them, matched against paths as clients send them: the input
// is "template\npath"; both matchings of the mock rules and the pipe triggers.
#include "fuzzinput.h"
#include "http/pathtemplate.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QList<QByteArray> parts = jb::fuzz::splitInput(jb::fuzz::bytesOf(data, size), '\n', 2);
    const QString pattern = QString::fromUtf8(parts.value(0));
    const QByteArray path = parts.value(1);
    for (auto matching : {jb::PathTemplate::Matching::Lenient, jb::PathTemplate::Matching::Exact}) {
        const jb::Result<jb::PathTemplate> parsed = jb::PathTemplate::parse(pattern, matching);
        if (!parsed)
            continue;
        const jb::PathTemplate &route = parsed.value();
        const bool matches = route.matches(path);
        const auto parameters = route.match(path);
        // the cheap test and the one that decodes must agree
        if (matches != parameters.has_value())
            std::abort();
        if (parameters && parameters->size() != route.parameterNames().size())
            std::abort();
    }
    return 0;
}
