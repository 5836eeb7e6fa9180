# Renders one Markdown file to a standalone HTML page of the shipped documentation.
# cmake -DCMARK=… -DIN=file.md -DOUT=file.html -DTITLE=… -P render.cmake
# Links between the Markdown files become links between the pages, and README's docs/ prefix goes
# (the pages and the images sit in one folder).
execute_process(COMMAND ${CMARK} --unsafe -e table -e autolink -e strikethrough ${IN}
    OUTPUT_VARIABLE body RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "cmark-gfm failed on ${IN}")
endif()
string(REGEX REPLACE "(href|src)=\"docs/" "\\1=\"" body "${body}")
string(REGEX REPLACE "href=\"README\\.md" "href=\"index.html" body "${body}")
string(REGEX REPLACE "href=\"\\.\\./README\\.md" "href=\"index.html" body "${body}")
string(REGEX REPLACE "href=\"([A-Za-z0-9_-]+)\\.md" "href=\"\\1.html" body "${body}")
file(WRITE ${OUT} "<!DOCTYPE html>
<html lang=\"en\"><head><meta charset=\"utf-8\"><title>${TITLE} — JourneyBench</title>
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">
<link rel=\"stylesheet\" href=\"style.css\"></head>
<body><nav><a href=\"index.html\">JourneyBench documentation</a></nav><main>
${body}</main></body></html>
")
