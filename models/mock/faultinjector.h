#pragma once

#include "faultrule.h"
#include "mockresponse.h"

#include <QHash>
#include <QList>
#include <QRandomGenerator>

namespace jb {

// Decides, per answer, which fault rules fire, with a seedable generator so that tests (and a
// user who wants to replay a run) get the same sequence. Rules are tried in order: every latency
// rule that fires adds its delay; the first other rule that fires decides the outcome, and later
// ones are not drawn. What changes the answer's bytes (5xx, truncated, malformed, oversized) is
// applied here; what happens on the socket (reset, no answer, blocked, the delay) is recorded in
// the answer's `fault` for the transport to carry out.
class FaultInjector final
{
public:
    explicit FaultInjector(quint32 seed = QRandomGenerator::global()->generate());

    void reseed(quint32 seed);
    void setRules(const QList<FaultRule> &rules) { m_rules = rules; }
    const QList<FaultRule> &rules() const { return m_rules; }

    void apply(MockResponse &response);

    // What a fault makes of an answer (pure; also used by the tests to predict bytes).
    static MockResponse serverError(int status, const QString &route);
    static QByteArray truncated(const QByteArray &body);
    static QByteArray malformed(const QByteArray &body);
    static QByteArray oversizedBody(qint64 size); // valid JSON of exactly `size` bytes (at least 16)

private:
    QList<FaultRule> m_rules;
    QRandomGenerator m_random;
    QHash<qint64, QByteArray> m_oversized; // built once per size: megabytes are not rebuilt per answer
};

} // namespace jb
