#include "sequencediagramtext.h"

using namespace Qt::StringLiterals;

namespace jb {

namespace {

using Kind = SequenceStep::Kind;
using Role = SequenceParticipant::Role;

QString indent(int depth)
{
    return QString(4 * (depth + 1), u' ');
}

} // namespace

QString SequenceDiagramText::mermaidText(const QString &text)
{
    // Mermaid reads ';' as a line break and '#...;' as an entity; '<' and '>' as HTML
    QString result;
    for (const QChar c : text) {
        if (c == u'#')
            result += u"#35;"_s;
        else if (c == u';')
            result += u"#59;"_s;
        else if (c == u'<')
            result += u"#lt;"_s;
        else if (c == u'>')
            result += u"#gt;"_s;
        else
            result += c;
    }
    return result;
}

QString SequenceDiagramText::plantUmlText(const QString &text)
{
    // '~' escapes PlantUML's creole markup: "//" would start italics inside every URL
    QString result = text;
    result.replace(u"~"_s, u"~~"_s);
    for (const QString &markup : {u"//"_s, u"**"_s, u"--"_s, u"__"_s, u"\"\""_s})
        result.replace(markup, u'~' + markup);
    return result;
}

QString SequenceDiagramText::mermaid(const SequenceDiagram &diagram)
{
    QString out = u"sequenceDiagram\n"_s;
    out += u"    %% "_s + mermaidText(diagram.title) + u" (flow "_s + diagram.id + u")\n"_s;
    for (const SequenceParticipant &participant : diagram.participants)
        out += u"    participant %1 as %2\n"_s.arg(participant.id, mermaidText(participant.label));
    int depth = 0;
    for (const SequenceStep &step : diagram.steps) {
        const QString text = mermaidText(step.text);
        switch (step.kind) {
        case Kind::Call:
            out += indent(depth) + step.from + u"->>"_s + step.to + u": "_s + text + u'\n';
            break;
        case Kind::Reply:
            out += indent(depth) + step.from + u"-->>"_s + step.to + u": "_s + text + u'\n';
            break;
        case Kind::ErrorReply:
            out += indent(depth) + step.from + u"--x"_s + step.to + u": "_s + text + u'\n';
            break;
        case Kind::Event:
            out += indent(depth) + step.from + u"-)"_s + step.to + u": "_s + text + u'\n';
            break;
        case Kind::Note:
            out += indent(depth) + u"Note over "_s + step.from + u": "_s + text + u'\n';
            break;
        case Kind::Alt:
            out += indent(depth++) + u"alt "_s + text + u'\n';
            break;
        case Kind::Opt:
            out += indent(depth++) + u"opt "_s + text + u'\n';
            break;
        case Kind::Else:
            out += indent(depth - 1) + u"else "_s + text + u'\n';
            break;
        case Kind::End:
            out += indent(--depth) + u"end\n"_s;
            break;
        }
    }
    return out;
}

QString SequenceDiagramText::plantUml(const SequenceDiagram &diagram)
{
    QString out = u"@startuml\n"_s;
    out += u"title "_s + plantUmlText(diagram.title) + u'\n';
    for (const SequenceParticipant &participant : diagram.participants) {
        QString colour;
        if (participant.role == Role::Pipe)
            colour = u" #DBEAFE"_s;
        else if (participant.role == Role::ErrorPipe)
            colour = u" #FEE2E2"_s;
        else if (participant.role == Role::Trigger)
            colour = u" #F3F4F6"_s;
        QString label = participant.label;
        label.replace(u'"', u'\'');
        out += u"participant \"%1\" as %2%3\n"_s.arg(label, participant.id, colour);
    }
    int depth = 0;
    const auto line = [&](const QString &text) { out += QString(2 * depth, u' ') + text + u'\n'; };
    for (const SequenceStep &step : diagram.steps) {
        const QString text = plantUmlText(step.text);
        switch (step.kind) {
        case Kind::Call:
            line(step.from + u" -> "_s + step.to + u" : "_s + text);
            break;
        case Kind::Reply:
            line(step.from + u" --> "_s + step.to + u" : "_s + text);
            break;
        case Kind::ErrorReply:
            line(step.from + u" -[#B91C1C]-> "_s + step.to + u" : "_s + text);
            break;
        case Kind::Event:
            line(step.from + u" ->> "_s + step.to + u" : "_s + text);
            break;
        case Kind::Note:
            line(u"note over "_s + step.from + u" : "_s + text);
            break;
        case Kind::Alt:
            line(u"alt "_s + text);
            ++depth;
            break;
        case Kind::Opt:
            line(u"opt "_s + text);
            ++depth;
            break;
        case Kind::Else:
            --depth;
            line(u"else "_s + text);
            ++depth;
            break;
        case Kind::End:
            --depth;
            line(u"end"_s);
            break;
        }
    }
    out += u"@enduml\n"_s;
    return out;
}

} // namespace jb
