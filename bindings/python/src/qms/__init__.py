"""qms: ISO 9001 internal audits and management reviews for Vietnamese state agencies.

A pure-Python binding over the C ABI of libqms (ctypes). Every function builds one JSON request,
calls ``qms_call``, and returns the answer or raises a :class:`QmsError` subclass.

>>> import qms
>>> diags = qms.check("examples/so-khcn-ninh-binh.json", today="2026-11-23")   # doctest: +SKIP
>>> docx = qms.render("examples/so-khcn-ninh-binh.json", "report", audit="dgnb-2026-1")  # doctest: +SKIP

``dossier`` may be a dict, a JSON string, or a path (``str`` or ``os.PathLike``) to a JSON file.
``today`` defaults to the local date: the library never reads the clock, the binding does.
The library is found through ``QMS_LIBRARY_PATH`` (the file or its folder), else a copy inside
this package.
"""

from __future__ import annotations

import datetime
import json
import os
from typing import Any, Dict, List, Optional, Union

from . import _native
from .errors import (
    BadRequestError,
    DocumentError,
    InternalError,
    InvalidDossierError,
    NotFoundError,
    QmsError,
    TooLargeError,
    UnknownOpError,
    error_for,
)

__version__ = "0.1.0"

__all__ = [
    "call",
    "check",
    "validate",
    "render",
    "render_all",
    "export_checklist",
    "import_checklist",
    "convert",
    "init",
    "checklist_new",
    "sample",
    "explain",
    "transition",
    "rules",
    "clauses",
    "correlate",
    "schema",
    "abi_version",
    "version",
    "Dossier",
    "QmsError",
    "BadRequestError",
    "UnknownOpError",
    "InvalidDossierError",
    "NotFoundError",
    "DocumentError",
    "TooLargeError",
    "InternalError",
]

#: A dossier: a dict, its JSON text, or the path of a JSON file.
Dossier = Union[Dict[str, Any], str, bytes, "os.PathLike[str]"]


def abi_version() -> int:
    """The C ABI version of the loaded library (1)."""
    return _native.abi_version()


def version() -> str:
    """The version of the loaded library, e.g. "0.1.0"."""
    return _native.version()


def call(request: Union[Dict[str, Any], str, bytes], input: Optional[bytes] = None) -> Any:
    """Sends one request as it is and returns the answer.

    The answer is the parsed JSON for most ops, and ``bytes`` for the documents of ``render``,
    ``render-all`` and ``export-checklist``. Raises a :class:`QmsError` subclass on a non-zero
    status.

    >>> qms.call({"op": "correlate", "clause": "8.2.2"})["targets"][0]["clause"]  # doctest: +SKIP
    '9.2'
    """
    if isinstance(request, dict):
        data = json.dumps(request, ensure_ascii=False).encode("utf-8")
    elif isinstance(request, str):
        data = request.encode("utf-8")
    else:
        data = bytes(request)
    status, body = _native.raw_call(data, None if input is None else bytes(input))
    if status != 0:
        try:
            err = json.loads(body)
        except ValueError:
            err = {"code": "internal", "message": body.decode("utf-8", "replace"), "path": "$"}
        raise error_for(status, err if isinstance(err, dict) else {"message": str(err)})
    if body[:1] in (b"{", b"["):
        return json.loads(body)
    return body


def _with_dossier(dossier: Dossier, members: Dict[str, Any]) -> bytes:
    """The request bytes: ``members`` plus ``"dossier"``, its JSON text spliced in unchanged (so
    the line numbers of problems are those of the file)."""
    rest = json.dumps({k: v for k, v in members.items() if v is not None}, ensure_ascii=False)
    if isinstance(dossier, dict):
        text = json.dumps(dossier, ensure_ascii=False).encode("utf-8")
    elif isinstance(dossier, bytes):
        text = dossier
    elif isinstance(dossier, str) and dossier.lstrip().startswith("{"):
        text = dossier.encode("utf-8")
    else:
        # A file goes in as its bytes: no decoding and re-encoding (the library checks UTF-8).
        with open(os.fspath(dossier), "rb") as f:
            text = f.read()
        if text.startswith(b"\xef\xbb\xbf"):
            text = text[3:]
    return b'{"dossier":' + text + b"," + rest[1:].encode("utf-8")


def _today(today: Union[str, datetime.date, None]) -> str:
    if today is None:
        return datetime.date.today().isoformat()
    return today.isoformat() if isinstance(today, datetime.date) else str(today)


def check(
    dossier: Dossier,
    *,
    today: Union[str, datetime.date, None] = None,
    lang: str = "vi",
) -> List[Dict[str, Any]]:
    """Runs the rules; returns the diagnostics (errors found are not an exception)."""
    r = call(_with_dossier(dossier, {"op": "check", "today": _today(today), "lang": lang}))
    return list(r["diagnostics"])


def validate(dossier: Dossier, *, lang: str = "vi") -> Dict[str, Any]:
    """Parses and validates a dossier: ``{"valid": bool, "problems": [...]}``."""
    return call(_with_dossier(dossier, {"op": "validate", "lang": lang}))


def render(
    dossier: Dossier,
    kind: str,
    *,
    audit: Optional[str] = None,
    review: Optional[str] = None,
    format: str = "docx",
    lang: str = "vi",
    today: Union[str, datetime.date, None] = None,
    corrective_action: Optional[str] = None,
) -> bytes:
    """Renders one document (``kind``: report, plan, programme, car, minutes, checklist, ...)
    and returns its bytes (.docx or .xlsx)."""
    members = {
        "op": "render",
        "kind": kind,
        "format": format,
        "audit": audit,
        "review": review,
        "corrective_action": corrective_action,
        "today": _today(today),
        "lang": lang,
    }
    return _bytes(call(_with_dossier(dossier, members)))


def render_all(
    dossier: Dossier,
    *,
    today: Union[str, datetime.date, None] = None,
    lang: str = "vi",
    **members: Any,
) -> bytes:
    """Renders every document of the dossier into one zip (op ``render-all``)."""
    members.update({"op": "render-all", "today": _today(today), "lang": lang})
    return _bytes(call(_with_dossier(dossier, members)))


def export_checklist(
    dossier: Dossier,
    audit: str,
    *,
    today: Union[str, datetime.date, None] = None,
    lang: str = "vi",
    auditor: Optional[str] = None,
) -> bytes:
    """The checklist workbook (.xlsx bytes) of an audit, for auditors to fill in."""
    members = {
        "op": "export-checklist",
        "audit": audit,
        "auditor": auditor,
        "today": _today(today),
        "lang": lang,
    }
    return _bytes(call(_with_dossier(dossier, members)))


def import_checklist(
    dossier: Dossier,
    workbook_bytes: bytes,
    *,
    name: str = "checklist.xlsx",
    partial: bool = False,
    lang: str = "vi",
) -> Dict[str, Any]:
    """Merges a filled checklist workbook into the dossier: the updated dossier, the changes
    and the conflicts (conflicts are reported, not raised)."""
    members = {"op": "import-checklist", "input_names": [name], "partial": partial, "lang": lang}
    return call(_with_dossier(dossier, members), bytes(workbook_bytes))


def convert(dossier: Dossier, *, to: str = "2015", lang: str = "vi") -> Dict[str, Any]:
    """Migrates a TCVN ISO 9001:2008 dossier to the 2015 edition."""
    return call(_with_dossier(dossier, {"op": "convert", "to": to, "lang": lang}))


def init(agency: str, *, lang: str = "vi") -> Dict[str, Any]:
    """A starter dossier for an agency: ``{"dossier": {...}}``."""
    return call({"op": "init", "agency": agency, "lang": lang})


def checklist_new(
    dossier: Dossier,
    audit: str,
    unit: str,
    *,
    clauses: Optional[List[str]] = None,
    auditor: Optional[str] = None,
    lang: str = "vi",
) -> Dict[str, Any]:
    """Adds a checklist for a unit of an audit, built from the templates: the updated dossier
    and the new checklist's id."""
    members = {
        "op": "checklist-new",
        "audit": audit,
        "unit": unit,
        "clauses": clauses,
        "auditor": auditor,
        "lang": lang,
    }
    return call(_with_dossier(dossier, members))


def sample(
    checklist_items: int = 1000, findings: int = 100, *, seed: int = 0, agency: int = 0
) -> Dict[str, Any]:
    """A synthetic dossier of the requested size, deterministic from the seed."""
    return call(
        {
            "op": "sample",
            "checklist_items": checklist_items,
            "findings": findings,
            "seed": seed,
            "agency": agency,
        }
    )


def explain(code: str, *, lang: str = "vi") -> Dict[str, Any]:
    """What a rule or validation code means, why it matters and how to fix it."""
    return call({"op": "explain", "code": code, "lang": lang})


def transition(
    dossier: Dossier,
    corrective_action: str,
    to: str,
    *,
    date: Union[str, datetime.date, None] = None,
    lang: str = "vi",
) -> Dict[str, Any]:
    """One step of a corrective action's workflow (``to``: e.g. "in_progress", "verifying"):
    ``applied`` says whether it was allowed; a refusal says what is missing."""
    members = {
        "op": "transition",
        "corrective_action": corrective_action,
        "to": to,
        "date": _today(date),
        "lang": lang,
    }
    return call(_with_dossier(dossier, members))


def rules(*, lang: str = "vi") -> Dict[str, Any]:
    """Every rule of the checker."""
    return call({"op": "rules", "lang": lang})


def clauses(edition: str = "2015", *, lang: str = "vi") -> Dict[str, Any]:
    """The clause catalog of an edition ("2015" or "2008")."""
    return call({"op": "clauses", "edition": edition, "lang": lang})


def correlate(clause: str, *, from_: str = "2008", to: str = "2015") -> Dict[str, Any]:
    """Maps a clause between the 2008 and 2015 editions."""
    return call({"op": "correlate", "clause": clause, "from": from_, "to": to})


def schema(of: str = "dossier") -> Dict[str, Any]:
    """The JSON Schema of the dossier (``of="dossier"``) or of the requests (``"request"``)."""
    return call({"op": "schema", "of": of})


def _bytes(answer: Any) -> bytes:
    if not isinstance(answer, bytes):
        raise InternalError(8, {"code": "internal", "message": "expected document bytes"})
    return answer
