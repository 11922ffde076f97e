"""Every case of tests/contract/cases through the Python binding (format: tests/contract/README.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict

import pytest

from qms import _native

ROOT = Path(__file__).resolve().parents[3]
CASES = sorted((ROOT / "tests" / "contract" / "cases").glob("*.json"))


def request_bytes(case: Dict[str, Any]) -> bytes:
    if "request_text" in case:
        return case["request_text"].encode("utf-8")
    if "request_hex" in case:
        return bytes.fromhex(case["request_hex"])
    request = dict(case["request"])
    if "dossier" in case:
        request["dossier"] = json.loads((ROOT / case["dossier"]).read_text(encoding="utf-8"))
    return json.dumps(request, ensure_ascii=False).encode("utf-8")


def test_there_are_cases() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_contract_case(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    data = None
    if "input_from" in case:
        status, data = _native.raw_call(request_bytes(case["input_from"]))
        assert status == 0, "input_from failed"
    status, body = _native.raw_call(request_bytes(case), data)
    expect = case["expect"]
    assert status == expect["status"], body[:400]
    if expect["body"] == "zip":
        assert body.startswith(b"PK")
        return
    assert expect["body"] == "json"
    value = json.loads(body)
    for pointer, want in expect.get("equals", {}).items():
        assert resolve(value, pointer) == want, pointer
    for pointer in expect.get("nonempty", []):
        got = resolve(value, pointer)
        assert isinstance(got, (list, dict, str)) and len(got) > 0, pointer


def resolve(value: Any, pointer: str) -> Any:
    """A JSON pointer (RFC 6901); None when it does not resolve."""
    if pointer == "":
        return value
    for raw in pointer.lstrip("/").split("/"):
        token = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(value, list):
            if not token.isdigit() or int(token) >= len(value):
                return None
            value = value[int(token)]
        elif isinstance(value, dict):
            if token not in value:
                return None
            value = value[token]
        else:
            return None
    return value
