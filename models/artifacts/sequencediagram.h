#pragma once

#include <QList>
#include <QString>

namespace jb {

struct SequenceParticipant
{
    enum class Role
    {
        System, // a customer or partner system
        Pipe, // the pipe on the integration platform
        ErrorPipe, // the error-treatment pipe that receives error events
        Trigger, // what starts a pipe that nobody calls: a scheduler, an event, a file
    };

    QString id; // simple identifier: letters, digits, underscores (Mermaid and PlantUML both accept it)
    QString label;
    Role role = Role::System;
};

struct SequenceStep
{
    enum class Kind
    {
        Call, // a synchronous request: solid line, filled head
        Reply, // its answer: dashed line
        ErrorReply, // an error answer: dashed, red, crossed head
        Event, // an asynchronous message: open head
        Note, // a note over `from`
        Alt, // opens an alternative; `text` is its first condition
        Else, // the next condition of the open alternative
        Opt, // opens an optional block; `text` is its condition
        End, // closes the innermost Alt or Opt
    };

    Kind kind = Kind::Call;
    QString from;
    QString to;
    QString text;
};

// A sequence diagram as plain data, generated from a flow (SequenceDiagramBuilder) and rendered as
// Mermaid or PlantUML text (SequenceDiagramText) or drawn (SequenceLayout).
struct SequenceDiagram
{
    QString id; // the flow's id
    QString title;
    QList<SequenceParticipant> participants;
    QList<SequenceStep> steps;

    int indexOf(const QString &participantId) const;
    bool isEmpty() const { return participants.isEmpty(); }
};

} // namespace jb
