#include "phase.h"

using namespace Qt::StringLiterals;

namespace jb {

const QList<PhaseInfo> &Phases::all()
{
    static const QList<PhaseInfo> phases = {
        {Phase::Connection, u"connection"_s, u"Connection"_s,
            u"VPN tunnels and exposed endpoints (API, WS, SFTP, FTP): reachability and TLS."_s,
            {{u"vpn-parameters"_s,
                 u"VPN parameters agreed with the partner (peers, IKE, ciphers, lifetimes)"_s},
                {u"encryption-domains"_s, u"Encryption domains (local and remote subnets) recorded"_s},
                {u"endpoints-recorded"_s, u"Exposed endpoints recorded with their authentication"_s},
                {u"reachability-tested"_s, u"Hosts behind the tunnel and exposed endpoints answer"_s},
                {u"tls-checked"_s, u"TLS certificates valid and matching their host names"_s},
                {u"vpn-document"_s, u"VPN establishment document delivered"_s, true}}},
        {Phase::ServersDb, u"servers"_s, u"Servers / DB"_s,
            u"Servers and ports to clear at internal firewalls; databases, instances and tables."_s,
            {{u"servers-recorded"_s, u"Server IPs and ports recorded with their purpose"_s},
                {u"firewall-request"_s, u"Firewall request sent to the network team"_s},
                {u"ports-open"_s, u"Every recorded port answers from the integration's source addresses"_s},
                {u"db-access"_s, u"Database login, validation query and tables checked"_s},
                {u"file-servers"_s, u"FTP / SFTP logins and folders checked"_s},
                {u"infra-signoff"_s, u"Infrastructure access signed off"_s, true}}},
        {Phase::Systems, u"systems"_s, u"Systems"_s,
            u"Systems, business processes, integration flows, error treatments, pipes per flow."_s,
            {{u"systems-recorded"_s, u"Systems recorded with acronym, description and owner team"_s},
                {u"flows-recorded"_s, u"Integration flows recorded (provider, consumer, trigger)"_s},
                {u"error-treatment"_s, u"Error treatment defined for every flow"_s},
                {u"integration-list"_s, u"Integration list delivered"_s, true}}},
        {Phase::Services, u"services"_s, u"Services"_s,
            u"APIs, web services, files, DB selects, procedures and views; sequence diagrams."_s,
            {{u"services-recorded"_s, u"Services recorded with endpoint, method and permissions"_s},
                {u"exceptions"_s, u"Exceptions and error handling described per service"_s},
                {u"sequence-diagrams"_s, u"Sequence diagram per flow"_s},
                {u"services-validated"_s, u"Services validated by the customer (mock or real)"_s, true}}},
        {Phase::Contracts, u"contracts"_s, u"Contracts"_s,
            u"Field dictionaries, message examples and the De-Para between systems."_s,
            {{u"contracts-recorded"_s, u"Contract fields recorded (type, required, format, example)"_s},
                {u"examples"_s, u"Message examples attached (JSON / XML)"_s},
                {u"de-para"_s, u"De-Para written: every required consumer field has a source"_s},
                {u"contracts-signoff"_s, u"Contracts signed off by both systems' owners"_s, true}}},
        {Phase::Pipes, u"pipes"_s, u"Pipes"_s,
            u"Pipes: connectors, transformation, validation, orchestration, error events."_s,
            {{u"pipes-built"_s, u"Pipes built for every flow"_s},
                {u"local-runs"_s, u"Local runs traced for the main and error paths"_s},
                {u"error-events"_s, u"Error events handled by an error-treatment pipe"_s}}},
        {Phase::UnitTests, u"unit-tests"_s, u"Unit tests"_s, u"A test per step with minimum data."_s,
            {{u"tests-written"_s, u"A unit test per pipe step with minimum data"_s},
                {u"tests-passed"_s, u"Unit tests passed"_s}}},
        {Phase::IntegratedTests, u"integrated-tests"_s, u"Integrated tests"_s,
            u"Promotion to test, integration scenarios, acceptance and owner homologation."_s,
            {{u"promoted"_s, u"Pipes promoted to the test environment"_s},
                {u"scenarios-passed"_s, u"Integration scenarios passed"_s},
                {u"homologation"_s, u"Owner homologation"_s, true}}},
        {Phase::Capacity, u"capacity"_s, u"Capacity"_s,
            u"Payload size, concurrency, messages per second, criticality; pipe size."_s,
            {{u"volumes"_s, u"Volumes recorded (payload size, consumers, messages per second)"_s},
                {u"load-run"_s, u"Load run measured"_s},
                {u"pipe-size"_s, u"Pipe size chosen and validated"_s, true}}},
        {Phase::Deploy, u"deploy"_s, u"Deploy"_s,
            u"The six deploy steps: accesses, variables, tests, sign-off, capacity, deploy."_s,
            {{u"prod-access"_s, u"Production accesses tested"_s},
                {u"env-variables"_s, u"Environment variables checked"_s},
                {u"integrated-passed"_s, u"Integrated tests passed"_s},
                {u"owner-signoff"_s, u"Owner sign-off"_s, true},
                {u"capacity-validated"_s, u"Capacity validated"_s},
                {u"deployed"_s, u"Deploy performed by the customer"_s, true}}},
    };
    return phases;
}

const PhaseInfo &Phases::info(Phase phase)
{
    return all().at(number(phase) - 1);
}

const PhaseInfo *Phases::byKey(const QString &key)
{
    for (const PhaseInfo &info : all()) {
        if (info.key == key)
            return &info;
    }
    return nullptr;
}

} // namespace jb
