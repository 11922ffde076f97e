"""The Python façade over libqms: every function, every error family, threads, buffers."""

from __future__ import annotations

import ctypes
import io
import json
import os
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import qms
from qms import _native

TODAY = "2026-11-23"
AUDIT = "dgnb-2026-1"


def test_versions() -> None:
    assert qms.abi_version() == 1
    major, minor, patch = qms.version().split(".")[:3]
    assert major.isdigit() and minor.isdigit() and patch[:1].isdigit()


def test_check_returns_the_diagnostics_it_found(dossier_path: Path) -> None:
    diags = qms.check(dossier_path, today=TODAY, lang="en")
    assert isinstance(diags, list) and diags, "the example has planted errors"
    assert all({"code", "message"} <= d.keys() for d in diags)
    vi = qms.check(dossier_path, today=TODAY)
    assert [d["code"] for d in vi] == [d["code"] for d in diags]
    assert vi[0]["message"] != diags[0]["message"], "lang changes the messages"


def test_a_dossier_may_be_a_dict_a_json_string_or_a_path(dossier_path: Path) -> None:
    text = dossier_path.read_text(encoding="utf-8")
    as_path = qms.render(dossier_path, "report", audit=AUDIT, today=TODAY)
    as_str_path = qms.render(str(dossier_path), "report", audit=AUDIT, today=TODAY)
    as_text = qms.render(text, "report", audit=AUDIT, today=TODAY)
    as_dict = qms.render(json.loads(text), "report", audit=AUDIT, today=TODAY)
    assert as_path == as_str_path == as_text == as_dict


def test_render_returns_a_word_document(dossier_path: Path) -> None:
    docx = qms.render(dossier_path, "report", audit=AUDIT, today=TODAY, format="docx")
    assert docx[:2] == b"PK"
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "BÁO CÁO" in xml.upper() or "báo cáo" in xml.lower()
    xlsx = qms.render(dossier_path, "findings", format="xlsx", today=TODAY)
    with zipfile.ZipFile(io.BytesIO(xlsx)) as z:
        assert "xl/workbook.xml" in z.namelist()


def test_an_exported_checklist_imports_back(dossier_path: Path) -> None:
    book = qms.export_checklist(dossier_path, AUDIT, today=TODAY)
    assert book[:2] == b"PK"
    result = qms.import_checklist(dossier_path, book, name="phieu.xlsx")
    assert result["conflicts"] == [] and result["changes"] == []
    with pytest.raises(qms.DocumentError) as e:
        qms.import_checklist(dossier_path, b"not a workbook", name="hong.xlsx")
    assert e.value.status == 5 and e.value.code


def test_the_other_ops(dossier_path: Path, old_dossier_path: Path) -> None:
    assert qms.validate(dossier_path)["valid"] is True
    assert qms.rules(lang="en")["rules"]
    assert qms.clauses("2008")["clauses"][0]["id"] == "4"
    assert qms.correlate("8.2.2")["targets"][0]["clause"] == "9.2"
    assert "properties" in qms.schema("dossier") or "$schema" in qms.schema("dossier")
    zipped = qms.render_all(dossier_path, today=TODAY)
    with zipfile.ZipFile(io.BytesIO(zipped)) as z:
        assert any(n.endswith(".docx") for n in z.namelist())
    starter = qms.init("UBND xã Hòa Bình")["dossier"]
    assert starter["agency"]["name"] == "UBND xã Hòa Bình"
    made = qms.checklist_new(dossier_path, AUDIT, "motcua")
    assert made["checklist"] == "ck-dgnb-2026-1-motcua"
    small = qms.sample(20, 3, seed=7)["dossier"]
    assert small == qms.sample(20, 3, seed=7)["dossier"] and small["audits"]
    assert qms.validate(small)["valid"] is True
    assert qms.explain("c002", lang="en")["code"] == "QMS-C002"
    moved = qms.transition(dossier_path, "car-07", "in_progress", date=TODAY)
    assert moved["applied"] is True and moved["from"] == "verifying"
    converted = qms.convert(old_dossier_path)
    assert isinstance(converted, dict) and converted
    assert qms.call({"op": "correlate", "clause": "8.2.2"}) == qms.call(
        '{"op": "correlate", "clause": "8.2.2"}'
    )


@pytest.mark.parametrize(
    "request_, error, code",
    [
        (b'{"op": "clauses"', qms.BadRequestError, "bad-request"),
        (b'{"op":"\xff"}', qms.BadRequestError, "bad-request"),
        ({"op": "fly"}, qms.UnknownOpError, "unknown-op"),
        ({"op": "correlate", "clause": "99.9"}, qms.NotFoundError, "unknown-clause"),
        (
            {"op": "render", "kind": "report", "today": TODAY, "dossier": {}},
            qms.InvalidDossierError,
            "invalid-dossier",
        ),
    ],
)
def test_errors_raise_their_family(request_, error, code) -> None:
    with pytest.raises(error) as e:
        qms.call(request_)
    assert isinstance(e.value, qms.QmsError)
    assert e.value.code == code and e.value.message and e.value.path is not None
    assert e.value.status == {
        qms.BadRequestError: 1,
        qms.UnknownOpError: 2,
        qms.InvalidDossierError: 3,
        qms.NotFoundError: 4,
    }[error]
    if error is qms.InvalidDossierError:
        assert e.value.problems


def test_the_convenience_functions_raise_too(dossier_path: Path) -> None:
    with pytest.raises(qms.InvalidDossierError):
        qms.render({}, "report", audit=AUDIT, today=TODAY)
    with pytest.raises(qms.BadRequestError):
        qms.render(dossier_path, "no-such-kind", today=TODAY)


def test_an_oversized_length_is_too_large() -> None:
    lib = _native.library()
    out = _native.QmsBuffer()
    status = lib.qms_call(b"{}", 1 << 40, None, 0, ctypes.byref(out))
    try:
        body = ctypes.string_at(out.data, out.len)
    finally:
        lib.qms_buffer_free(ctypes.byref(out))
    assert status == 6
    err = qms.errors.error_for(status, json.loads(body))
    assert isinstance(err, qms.TooLargeError) and err.code == "too-large"
    # Freed and zeroed: a second free is harmless.
    assert not out.data and out.len == 0
    lib.qms_buffer_free(ctypes.byref(out))
    lib.qms_buffer_free(None)


def test_threads_share_nothing(dossier_path: Path) -> None:
    reference = qms.render(dossier_path, "report", audit=AUDIT, today=TODAY)

    def work(i: int) -> bool:
        if i % 2:
            return qms.render(dossier_path, "report", audit=AUDIT, today=TODAY) == reference
        return len(qms.check(dossier_path, today=TODAY)) > 0

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert all(pool.map(work, range(32)))


@pytest.mark.skipif(os.environ.get("QMS_EXPECT_PANIC") != "1", reason="needs the test-panic build")
def test_a_panic_behind_the_boundary_is_an_internal_error() -> None:
    with pytest.raises(qms.InternalError) as e:
        qms.call(b'{"op":"__panic"}')
    assert e.value.status == 8 and e.value.code == "internal"
    assert qms.correlate("8.2.2")["targets"]


def test_the_library_is_found_through_the_environment(tmp_path: Path) -> None:
    # A folder without the library is reported with what was tried.
    env = dict(os.environ, QMS_LIBRARY_PATH=str(tmp_path))
    import subprocess
    import sys

    code = "import qms\ntry:\n    qms.rules()\nexcept OSError as e:\n    print('missing', e)\n"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert out.startswith("missing") and "QMS_LIBRARY_PATH" in out
