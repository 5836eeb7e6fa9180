// Templates of settings ("Hello {{request.query.name}}"): the parser must take any text, and each
// expression it finds must either compile in the script runtime or give a syntax error.
#include "fuzzinput.h"
#include "pipes/pipeenvironment.h"
#include "pipes/scriptruntime.h"
#include "pipes/templatetext.h"

#include <cstdlib>
#include <memory>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    jb::fuzz::ensureApplication();
    // one engine for the process, as a worker keeps one
    static const jb::PipeEnvironment environment;
    static auto runtime = std::make_unique<jb::ScriptRuntime>(environment);
    const QString text = QString::fromUtf8(jb::fuzz::bytesOf(data, size));
    const jb::Result<jb::TemplateText> parsed = jb::TemplateText::parse(text);
    if (!jb::TemplateText::hasExpression(text)) {
        // text without "{{" is literal, all of it
        QString literal;
        for (const jb::TemplateText::Part &part : parsed.value().parts())
            literal += part.text;
        if (!parsed || literal != text)
            std::abort();
    }
    if (!parsed || size > 4096)
        return 0;
    // compiling, not running: a fuzzed expression may loop forever
    for (const QString &expression : parsed.value().expressions())
        (void)runtime->compile(expression);
    return 0;
}
