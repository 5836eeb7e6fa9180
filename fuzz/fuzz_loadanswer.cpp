// The load runner's scanner of answers from the server under load: any bytes end in a state, and
// an answer complete before the end of the bytes stays complete when more bytes follow (the
// scanner never reads what is not there: ASan checks, on a string of exactly the input's size).
#include "capacity/loadanswer.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const bool head = data[0] & 1;
    const bool eof = data[0] & 2;
    const std::string in(reinterpret_cast<const char *>(data + 1), size - 1);
    int status = 0;
    const jb::LoadAnswer::State state = jb::LoadAnswer::parse(in, head, eof, status);
    if (state == jb::LoadAnswer::Complete) {
        int again = 0;
        if (jb::LoadAnswer::parse(in + "HTTP/1.1 200 OK\r\n", head, false, again) != jb::LoadAnswer::Complete
            || again != status)
            std::abort();
    }
    return 0;
}
