#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora from the sample project and the test data.

usage: fuzz-seeds.py ROOT CORPUS_DIR
Each seed is named by its content's hash, so running it again adds nothing twice and never removes
what the fuzzer grew.
"""
import hashlib
import json
import pathlib
import sys

root = pathlib.Path(sys.argv[1])
out = pathlib.Path(sys.argv[2])
sample = root / "resources" / "sample"


def seed(target, data):
    if isinstance(data, str):
        data = data.encode()
    folder = out / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


sample_files = sorted(p for p in sample.rglob("*.json") if p.is_file())

# the whole sample as one project, and each kind's folder alone with the manifest
def pack(files):
    parts = []
    for p in files:
        parts += [str(p.relative_to(sample)).encode(), p.read_bytes()]
    return b"\0".join(parts)

seed("fuzz_project", pack(sample_files))
for kind in sorted({p.parent for p in sample_files if p.parent != sample}):
    seed("fuzz_project", pack([sample / "journey.json"] + sorted(kind.glob("*.json"))))

for p in sample_files + sorted((root / "tests").rglob("*.json")):
    seed("fuzz_jsonsourcemap", p.read_bytes())

templates, paths = set(), set()
for p in sorted((sample / "pipes").glob("*.json")):
    pipe = json.loads(p.read_text())
    templates.update(s for s in strings(pipe) if "{{" in s)
    trigger = pipe.get("trigger", {})
    if isinstance(trigger.get("path"), str):
        paths.add(trigger["path"])
for t in sorted(templates):
    seed("fuzz_template", t)
for t in sorted(paths) + ["/ws/{cep}/json/", "/api/v1/customers/{id}"]:
    for path in ["/ws/01001000/json/", "/ws/01001000/json", "/api/v1/customers/7", "/%7Bid%7D/", "/"]:
        seed("fuzz_pathtemplate", t + "\n" + path)

data = root / "tests" / "contracts" / "data"
for p in sorted(data.glob("*.yaml")) + sorted(data.glob("*.openapi.json")):
    seed("fuzz_importers", b"\0" + p.read_bytes())
for p in sorted(data.glob("*postman*")):
    seed("fuzz_importers", b"\1" + p.read_bytes())

seed("fuzz_deparacsv", "System A field,Type,Rule,System B field,Type,Required,Example in,Example out\r\n"
     "nome,string,\"trim, title case\",name,string,yes,\" ana \",Ana\r\n")
seed("fuzz_deparacsv", "\ufeffCampo A;Tipo;Regra;Campo B\r\ncep;string;digits only;zip\r\n")

for request in ["GET /ws/01001000/json/\n\n", "GET /ws/99999999/json/\n\n", "GET /ws/01001-000/xml/\n\n",
                "GET /ws/SP/Sao%20Paulo/Praca/json/\n\n",
                "POST /api/v1/customers\nContent-Type: application/json\n\n{\"name\":\"Ana\"}",
                "GET /api/v1/customers/7?expand=1\nAccept: application/json\n\n"]:
    seed("fuzz_mockrouter", request)

for body in ["2\r\nab\r\n0\r\n\r\n", "4;x=y\r\nWiki\r\n5\r\npedia\r\n0\r\nTrailer: 1\r\n\r\n", "-6\r\nabcd\r\n"]:
    seed("fuzz_chunkedbody", body)

for flags, answer in [("\0", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"),
                      ("\0", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n0\r\n\r\n"),
                      ("\2", "HTTP/1.0 200 OK\r\n\r\nuntil close"),
                      ("\1", "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")]:
    seed("fuzz_loadanswer", flags + answer)
