"""The private native shim: finds libqms, declares its four functions, and nothing else.

The façade in ``qms/__init__.py`` is the public API; this module only moves bytes across the C
ABI. Each call copies the library-owned buffer into Python ``bytes`` and frees it in
``finally``, so no Rust-owned pointer ever outlives the call.
"""

from __future__ import annotations

import ctypes
import os
import sys
import threading
from pathlib import Path
from typing import Optional, Tuple

__all__ = ["QmsBuffer", "library", "raw_call", "abi_version", "version", "LIBRARY_NAMES"]

# The file name of the library on each platform (cdylib named "qms").
LIBRARY_NAMES = {"win32": "qms.dll", "darwin": "libqms.dylib"}
_NAME = LIBRARY_NAMES.get(sys.platform, "libqms.so")

# The ABI version this binding was written for.
ABI_VERSION = 1


class QmsBuffer(ctypes.Structure):
    """``typedef struct { uint8_t *data; size_t len; } QmsBuffer;``"""

    _fields_ = [("data", ctypes.POINTER(ctypes.c_uint8)), ("len", ctypes.c_size_t)]


_lock = threading.Lock()
_lib: Optional[ctypes.CDLL] = None


def _candidates() -> list:
    """Where to look, in order: QMS_LIBRARY_PATH (a file or a folder), then the package."""
    found = []
    env = os.environ.get("QMS_LIBRARY_PATH")
    if env:
        p = Path(env)
        found.append(p / _NAME if p.is_dir() else p)
    found.append(Path(__file__).resolve().parent / _NAME)
    return found


def _declare(lib: ctypes.CDLL) -> ctypes.CDLL:
    lib.qms_abi_version.argtypes = []
    lib.qms_abi_version.restype = ctypes.c_uint32
    # A static string: read with string_at, never freed.
    lib.qms_version.argtypes = []
    lib.qms_version.restype = ctypes.c_void_p
    # Python-owned inputs may go as c_char_p (bytes are passed without a copy; the length is
    # explicit, so NUL bytes inside are fine). The Rust-owned answer comes back in QmsBuffer.
    lib.qms_call.argtypes = [
        ctypes.c_char_p,
        ctypes.c_size_t,
        ctypes.c_char_p,
        ctypes.c_size_t,
        ctypes.POINTER(QmsBuffer),
    ]
    lib.qms_call.restype = ctypes.c_int32
    lib.qms_buffer_free.argtypes = [ctypes.POINTER(QmsBuffer)]
    lib.qms_buffer_free.restype = None
    return lib


def library() -> ctypes.CDLL:
    """The loaded library (loaded once, on first use; thread-safe)."""
    global _lib
    if _lib is not None:
        return _lib
    with _lock:
        if _lib is None:
            tried = []
            for path in _candidates():
                if path.exists():
                    lib = _declare(ctypes.CDLL(str(path)))
                    got = lib.qms_abi_version()
                    if got != ABI_VERSION:
                        raise OSError(
                            f"{path} has ABI version {got}; this binding needs {ABI_VERSION}"
                        )
                    _lib = lib
                    break
                tried.append(str(path))
            else:
                raise OSError(
                    "libqms not found; set QMS_LIBRARY_PATH to the library file or its folder "
                    f"(e.g. target/release), or install a wheel that carries it. Tried: {tried}"
                )
    return _lib


def raw_call(request: bytes, input: Optional[bytes] = None) -> Tuple[int, bytes]:
    """One ``qms_call``: the status and a copy of the body (the buffer is freed here)."""
    lib = library()
    out = QmsBuffer()
    n_in = len(input) if input else 0
    status = lib.qms_call(request, len(request), input if n_in else None, n_in, ctypes.byref(out))
    try:
        body = ctypes.string_at(out.data, out.len) if out.len else b""
    finally:
        lib.qms_buffer_free(ctypes.byref(out))
    return int(status), body


def abi_version() -> int:
    """``qms_abi_version()``."""
    return int(library().qms_abi_version())


def version() -> str:
    """``qms_version()``, e.g. "0.1.0"."""
    return ctypes.string_at(library().qms_version()).decode("ascii")
