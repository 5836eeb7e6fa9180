#pragma once

#include "mockroutes.h"
#include "viacepdataset.h"

#include <QHash>

namespace jb {

// ViaCEP as it really answers: GET /ws/{cep}/json/ and /ws/{cep}/xml/, the CEP as 8 digits or
// NNNNN-NNN; a known CEP -> 200 and the record in ViaCEP's key order; a well-formed unknown one
// -> 200 {"erro": "true"}; anything else (7 or 9 digits, letters, spaces, empty) -> 400.
// Every answer is built once, when the dataset or an option changes, so serving costs a lookup.
class ViaCepRoutes final : public MockRoutes
{
public:
    enum class ErroForm
    {
        String, // {"erro": "true"}, today's ViaCEP
        Boolean, // {"erro": true}, older ViaCEP
    };
    enum class BodyStyle
    {
        Pretty, // ViaCEP's own: two-space indent, "key": "value"
        Compact, // no whitespace, e.g. to be byte-identical with a benchmark's fixed body
    };

    static constexpr QLatin1StringView jsonRoute{"GET /ws/{cep}/json/"};
    static constexpr QLatin1StringView xmlRoute{"GET /ws/{cep}/xml/"};

    explicit ViaCepRoutes(ViaCepDataset dataset = {});

    const ViaCepDataset &dataset() const { return m_dataset; }
    void setDataset(ViaCepDataset dataset);
    ErroForm erroForm() const { return m_erroForm; }
    void setErroForm(ErroForm form);
    BodyStyle bodyStyle() const { return m_bodyStyle; }
    void setBodyStyle(BodyStyle style);

    std::optional<MockResponse> respond(const HttpRequest &request) const override;
    QList<MockRouteInfo> routes() const override;

    // The bodies exactly as served, for tests and for showing a record in the GUI.
    static QByteArray jsonBody(const ViaCepRecord &record, BodyStyle style = BodyStyle::Pretty);
    static QByteArray xmlBody(const ViaCepRecord &record, BodyStyle style = BodyStyle::Pretty);
    static QByteArray erroJsonBody(ErroForm form, BodyStyle style = BodyStyle::Pretty);
    static QByteArray erroXmlBody(BodyStyle style = BodyStyle::Pretty);
    static QByteArray badRequestBody();

private:
    void rebuild();

    ViaCepDataset m_dataset;
    ErroForm m_erroForm = ErroForm::String;
    BodyStyle m_bodyStyle = BodyStyle::Pretty;
    QHash<quint32, MockResponse> m_json; // by the CEP's 8 digits as a number
    QHash<quint32, MockResponse> m_xml;
    MockResponse m_erroJson;
    MockResponse m_erroXml;
    MockResponse m_badJson;
    MockResponse m_badXml;
};

} // namespace jb
