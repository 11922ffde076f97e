"""Marks the wheel as platform-specific when it carries the native library (see README.md)."""

from pathlib import Path

from setuptools import setup
from setuptools.dist import Distribution

NATIVE = ("libqms.so", "libqms.dylib", "qms.dll")


class MaybeBinaryDistribution(Distribution):
    """A wheel that carries libqms is tagged for this platform, not "any"."""

    def has_ext_modules(self) -> bool:  # noqa: D401 - setuptools hook
        here = Path(__file__).resolve().parent / "src" / "qms"
        return any((here / name).exists() for name in NATIVE)


setup(distclass=MaybeBinaryDistribution)
