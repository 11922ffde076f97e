"""The errors of qms: one base class, one subclass per family of status codes."""

from __future__ import annotations

from typing import Any, Dict, List, Optional


class QmsError(Exception):
    """A call that failed: ``status`` (the C ABI status), ``code``, ``message``, ``path``.

    ``problems`` holds the dossier's problems for :class:`InvalidDossierError`; ``body`` the whole
    error JSON.
    """

    status: int = -1

    def __init__(self, status: int, body: Dict[str, Any]) -> None:
        self.status = status
        self.body = body
        self.code: str = str(body.get("code", ""))
        self.message: str = str(body.get("message", ""))
        self.path: Optional[str] = body.get("path")
        self.problems: List[Dict[str, Any]] = list(body.get("problems") or [])
        super().__init__(f"[{self.code}] {self.message} (at {self.path})")


class BadRequestError(QmsError):
    """Status 1: the request is not UTF-8, not JSON, or has a missing or wrong member."""


class UnknownOpError(QmsError):
    """Status 2: the op is not one this library version knows."""


class InvalidDossierError(QmsError):
    """Status 3: the dossier does not validate; see ``problems``."""


class NotFoundError(QmsError):
    """Status 4: an id or clause the request names does not exist."""


class DocumentError(QmsError):
    """Status 5: a document could not be written or a workbook could not be read."""


class TooLargeError(QmsError):
    """Status 6: the request or the input is over the library's limits."""


class InternalError(QmsError):
    """Status 7 or 8: a bug in qms or in this binding (a NULL pointer, a caught panic)."""


_BY_STATUS = {
    1: BadRequestError,
    2: UnknownOpError,
    3: InvalidDossierError,
    4: NotFoundError,
    5: DocumentError,
    6: TooLargeError,
    7: InternalError,
    8: InternalError,
}


def error_for(status: int, body: Dict[str, Any]) -> QmsError:
    """The exception of a non-zero status."""
    return _BY_STATUS.get(status, QmsError)(status, body)
