# Prints, as JSON, the classes \d and \w of data·inclusion's models as the
# models' own fields read them: the code points c (surrogates excepted) for
# which CodePostal (pattern ^\d{5}$) and CodeCommune (^\w{5}$) of
# data_inclusion.schema.common accept c five times, each checked again with
# a bare pattern under pydantic-core's rust-regex engine. Run by
# internal/gen/modelclasses with the models on PYTHONPATH.
import json
import sys
from typing import Annotated

import pydantic
import pydantic_core
from pydantic import ConfigDict, StringConstraints, TypeAdapter

from data_inclusion.schema import common


def check(t, config=None):
    return TypeAdapter(t, config=config).validator.isinstance_python


def ranges(field, bare):
    out = []
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        member = field(c * 5)
        if member != bare(c):
            sys.exit("U+%04X : le champ des modèles et le motif nu sous rust-regex divergent" % cp)
        if not member:
            continue
        if out and out[-1][1] == cp - 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


rust = ConfigDict(regex_engine="rust-regex")
json.dump(
    {
        "pydantic": pydantic.VERSION,
        "pydantic_core": pydantic_core.__version__,
        "digit": ranges(check(common.CodePostal), check(Annotated[str, StringConstraints(pattern=r"^\d$")], rust)),
        "word": ranges(check(common.CodeCommune), check(Annotated[str, StringConstraints(pattern=r"^\w$")], rust)),
    },
    sys.stdout,
)
