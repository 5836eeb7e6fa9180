#include "sequencediagram.h"

namespace jb {

int SequenceDiagram::indexOf(const QString &participantId) const
{
    for (int i = 0; i < participants.size(); ++i) {
        if (participants.at(i).id == participantId)
            return i;
    }
    return -1;
}

} // namespace jb
