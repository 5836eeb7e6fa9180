// The OpenAPI (YAML or JSON) and Postman importers read documents from outside the project: any
// bytes give contracts or an error, never a crash. The first byte chooses the importer.
#include "contracts/openapiimport.h"
#include "contracts/postmanimport.h"
#include "fuzzinput.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    jb::fuzz::ensureApplication();
    if (size == 0)
        return 0;
    const QByteArray text = jb::fuzz::bytesOf(data + 1, size - 1);
    QStringList warnings;
    if (data[0] & 1)
        (void)jb::PostmanImport::fromText(text, &warnings);
    else
        (void)jb::OpenApiImport::fromText(text, &warnings);
    return 0;
}
