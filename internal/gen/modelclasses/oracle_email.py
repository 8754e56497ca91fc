# Prints, as JSON, the classes of code points that the e-mail rule of
# data·inclusion's models (pydantic's EmailStr, then email_validator) judges
# with Python's Unicode tables (unicodedata, whose version is Python's, not
# the models' regex engine's), each read by running the models' own code
# over every code point (surrogates excepted):
#   name  — the characters of an unquoted display name: pydantic's
#           pretty_email_regex (networks.py) matches "c<a@b.fr>" with c as
#           the name (Python re's \w and its atext list);
#   space — the white space of that pattern (\s): it matches "c<a@b.fr>"
#           without a name; checked equal to what str.strip removes (pydantic
#           strips the address with it);
#   safe  — what email_validator.syntax.check_unsafe_chars accepts anywhere
#           in a local part or domain (letters, numbers, punctuation,
#           symbols of unicodedata.category);
#   mark  — what it accepts but first (combining marks);
#   pvalid, contexto — the code points the idna package (which
#           email_validator calls on each label of the domain, once mapped
#           by UTS #46) takes as PVALID, or CONTEXTO, in IDNA 2008 (RFC 5892),
#           read with its own intranges_contain over its own tables
#           (idnadata, of its own Unicode version);
#   remap, unmappable — the UTS #46 mapping that package applies to the
#           domain (uts46_remap, std3_rules and transitional off, as
#           email_validator calls it) on each non-ASCII code point safe or
#           mark: the pairs [c, mapping] where it changes c, and the code
#           points it refuses;
#   greek, hebrew, kana_han — the scripts the context rules of CONTEXTO
#           ask for, as that package's _is_script reads them (Greek; Hebrew;
#           Hiragana, Katakana or Han).
# Run by internal/gen/modelclasses -set email with the models on PYTHONPATH.
import json
import platform
import sys
import unicodedata

import email_validator
import idna
import idna.idnadata
from idna.core import _is_script
from idna.intranges import intranges_contain
import pydantic
from email_validator.syntax import EmailSyntaxError, check_unsafe_chars
from pydantic.networks import pretty_email_regex


def safe(s):
    try:
        check_unsafe_chars(s)
        return True
    except EmailSyntaxError:
        return False


classes = {"name": [], "space": [], "safe": [], "mark": [], "pvalid": [], "contexto": [], "greek": [], "hebrew": [], "kana_han": [], "unmappable": []}
remap = []


def add(name, cp):
    out = classes[name]
    if out and out[-1][1] == cp - 1:
        out[-1][1] = cp
    else:
        out.append([cp, cp])


for cp in range(0x110000):
    if 0xD800 <= cp <= 0xDFFF:
        continue
    c = chr(cp)
    m = pretty_email_regex.fullmatch(c + "<a@b.fr>")
    name = m is not None and m.group(1) == c
    space = m is not None and m.group(1) is None and m.group(2) is None and m.group(3) == "a@b.fr"
    if space != (c.strip() == ""):
        sys.exit("U+%04X : le \\s du motif de pydantic et str.strip divergent" % cp)
    if name:
        add("name", cp)
    if space:
        add("space", cp)
    if safe(c):
        add("safe", cp)
    elif safe("a" + c):
        add("mark", cp)
    if intranges_contain(cp, idna.idnadata.codepoint_classes["PVALID"]):
        add("pvalid", cp)
    if intranges_contain(cp, idna.idnadata.codepoint_classes["CONTEXTO"]):
        add("contexto", cp)
    if cp >= 0x80 and (safe(c) or safe("a" + c)):
        try:
            m = idna.uts46_remap(c, std3_rules=False, transitional=False)
            if m != c:
                remap.append([cp, m])
        except idna.IDNAError:
            add("unmappable", cp)
    if _is_script(c, "Greek"):
        add("greek", cp)
    if _is_script(c, "Hebrew"):
        add("hebrew", cp)
    if _is_script(c, "Hiragana") or _is_script(c, "Katakana") or _is_script(c, "Han"):
        add("kana_han", cp)

classes.update(
    {
        "remap": remap,
        "python": platform.python_version(),
        "unidata": unicodedata.unidata_version,
        "pydantic": pydantic.VERSION,
        "email_validator": email_validator.__version__,
        "idna": idna.__version__,
        "idnadata": idna.idnadata.__version__,
    }
)
json.dump(classes, sys.stdout)
