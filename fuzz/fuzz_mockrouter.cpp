// The mock's request routing with the sample project's routes (the ViaCEP dataset and the contract
// mocks): any request gives an answer, and the answer is a complete HTTP status. The input is
// "METHOD target\nName: value\n...\n\nbody".
#include "fuzzinput.h"
#include "mock/contractmockroutes.h"
#include "mock/mockrouter.h"
#include "mock/viacepdataset.h"
#include "mock/viaceproutes.h"
#include "project/projectloader.h"

#include <cstdlib>

namespace {

jb::MockRouter &router()
{
    static jb::MockRouter instance = [] {
        jb::MockRouter made;
        jb::Result<jb::ViaCepDataset> dataset
            = jb::ViaCepDataset::load(QStringLiteral(JB_SOURCE_DIR "/resources/viacep-dataset.json"));
        if (!dataset)
            std::abort();
        auto viaCep = std::make_shared<jb::ViaCepRoutes>(std::move(dataset).value());
        made.addRoutes(viaCep);
        QStringList taken;
        for (const jb::MockRouteInfo &route : viaCep->routes())
            taken.append(route.key());
        jb::Result<jb::ProjectLoad> project
            = jb::ProjectLoader::load(QStringLiteral(JB_SOURCE_DIR "/resources/sample"));
        if (!project)
            std::abort();
        auto contracts = jb::ContractMockRoutes::fromProject(project.value().data.entities, taken);
        if (!contracts)
            std::abort();
        made.addRoutes(std::move(contracts).value());
        return made;
    }();
    return instance;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    jb::fuzz::ensureApplication();
    const QByteArray input = jb::fuzz::bytesOf(data, size);
    const qsizetype headEnd = input.indexOf("\n\n");
    const QByteArray head = headEnd < 0 ? input : input.left(headEnd);
    jb::HttpRequest request;
    request.body = headEnd < 0 ? QByteArray() : input.mid(headEnd + 2);
    const QList<QByteArray> lines = head.split('\n');
    const QByteArray requestLine = lines.value(0);
    const qsizetype space = requestLine.indexOf(' ');
    request.method = space < 0 ? QByteArrayLiteral("GET") : requestLine.left(space).toUpper();
    const QByteArray target = space < 0 ? requestLine : requestLine.mid(space + 1);
    const qsizetype question = target.indexOf('?');
    request.path = question < 0 ? target : target.left(question);
    if (request.path.isEmpty())
        request.path = QByteArrayLiteral("/");
    request.query = question < 0 ? QByteArray() : target.mid(question + 1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            request.headers.append({lines.at(i).left(colon), lines.at(i).mid(colon + 1).trimmed()});
    }
    const jb::MockResponse response = router().handle(request);
    if (response.status < 100 || response.status > 599)
        std::abort();
    return 0;
}
