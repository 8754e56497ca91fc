"""Verdicts of data·inclusion's own pydantic models, for socle's differential test.

Run by schemas/datainclusion_test.go, never by hand in production:

    PYTHONPATH=<reference>/data-inclusion-v1/models python3 verdict.py YYYY-MM-DD < docs.ndjson

Each input line is a JSON object {"kind": "service"|"structure", "text": "<document>"}.
The models read ``date.today()`` for ``date_maj``; it is frozen to the date given in
argv[1], the same day as the clock given to socle. Each document goes through
``Model.model_validate_json(text)`` without context, as data·inclusion's pipeline does
(warnings ignored). One output line per input line:
{"valid": bool, "fields": [top-level names the model blames, "" for the root],
 "errors": [[loc, type], ...], "stored": what the model keeps of a valid document,
 as model_dump_json writes it, sets sorted}.
"""

import datetime
import json
import sys

import pydantic

if int(pydantic.VERSION.split(".")[0]) < 2:
    sys.exit("pydantic >= 2 requis, trouvé " + pydantic.VERSION)

from data_inclusion.schema.v1 import Service, Structure  # noqa: E402
from data_inclusion.schema.v1 import services as _services  # noqa: E402
from data_inclusion.schema.v1 import structures as _structures  # noqa: E402

TODAY = datetime.date.fromisoformat(sys.argv[1])


class FrozenDate(datetime.date):
    @classmethod
    def today(cls):
        return TODAY


# The validators call the module-level name ``date``; the field types were
# bound when the classes were built and keep the real type.
_services.date = FrozenDate
_structures.date = FrozenDate

MODELS = {"service": Service, "structure": Structure}

out = sys.stdout
for line in sys.stdin:
    req = json.loads(line)
    model = MODELS[req["kind"]]
    try:
        doc = model.model_validate_json(req["text"])
        # JSON as pydantic writes it (non-finite floats as null).
        stored = json.loads(doc.model_dump_json())
        for k, v in stored.items():
            if isinstance(getattr(doc, k), (set, frozenset)):
                stored[k] = sorted(v)
        res = {"valid": True, "fields": [], "errors": [], "stored": stored}
    except pydantic.ValidationError as exc:
        errors = [[[str(p) for p in e["loc"]], e["type"]] for e in exc.errors()]
        fields = sorted({(e[0][0] if e[0] else "") for e in errors})
        res = {"valid": False, "fields": fields, "errors": errors}
    out.write(json.dumps(res, ensure_ascii=False) + "\n")
out.flush()
