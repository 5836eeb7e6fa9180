#include "loadoptions.h"

using namespace Qt::StringLiterals;

namespace jb {

Status LoadOptions::validate() const
{
    const auto bad = [](const QString &message) { return Status::failure(Error::Code::Schema, message); };
    if (threads < 1 || threads > 256)
        return bad(u"threads must be 1..256, not %1"_s.arg(threads));
    if (connections < threads)
        return bad(
            u"%1 connections cannot be shared by %2 threads: give each thread at least one"_s.arg(connections)
                .arg(threads));
    if (connections > 100'000)
        return bad(u"%1 connections is more than a load run should open"_s.arg(connections));
    if (durationMs <= 0)
        return bad(u"the duration must be positive"_s);
    if (maxRequests < 0)
        return bad(u"the request count cannot be negative"_s);
    if (timeoutMs <= 0)
        return bad(u"the timeout must be positive"_s);
    if (model == Model::Open) {
        if (rate <= 0)
            return bad(u"the open model needs a rate above 0 requests/s"_s);
        if (rampTo < 0)
            return bad(u"the ramp cannot end at a negative rate"_s);
    } else if (rate != 0 || rampTo != 0) {
        return bad(u"a rate applies to the open model only; the closed model goes as fast as it can"_s);
    }
    if (method.empty() || method.find_first_of(" \r\n") != std::string::npos)
        return bad(u"not an HTTP method: \"%1\""_s.arg(QString::fromStdString(method)));
    return {};
}

} // namespace jb
