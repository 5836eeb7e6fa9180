#pragma once

#include <QLineF>
#include <QRectF>
#include <QString>

namespace jb {

// One mark of a drawn diagram, in points (1/72 inch) from the picture's top-left corner.
struct DiagramItem
{
    enum class Kind
    {
        Box, // rounded rectangle with centred text (a participant, a bar)
        Line, // a plain line (lifeline, grid line, else separator)
        Arrow, // a message: line plus head at line.p2()
        Text, // text in rect with `align`
        Frame, // an alt/opt frame: outline plus a label tab holding `text`
        Note, // folded-corner note holding `text`
    };
    // Roles rather than colours: the painter and the GUI views map them to one palette.
    enum class Tone
    {
        Ink,
        Muted,
        Participant,
        Pipe,
        ErrorPipe,
        Trigger,
        Error,
        Note,
        Frame,
        Grid,
        Planned,
        PlannedLate,
        Actual,
        Late,
        Today,
    };
    enum class Head
    {
        None,
        Filled, // a call
        Open, // an asynchronous event
        Cross, // an error answer
    };

    Kind kind = Kind::Text;
    Tone tone = Tone::Ink;
    QRectF rect;
    QLineF line;
    QString text;
    double fontSize = 9; // points
    bool bold = false;
    bool dashed = false;
    Head head = Head::None;
    int align = 0x0084; // Qt::AlignCenter
    QString key; // names the mark for views ("planned:servers"); empty for decoration
};

} // namespace jb
