"""The build backend of the poolscope package (PEP 517, in this folder, standard library only), so
`pip install ./python` needs no network: pip asks for nothing to install before building (no setuptools
download), and the wheel is a zip this module writes.

The wheel carries PoolScope's web build as one page, poolscope/web/poolscope-notebook.html, which `make web`
writes (scripts/web_page.py). It is taken from, in order: $POOLSCOPE_WEB_BUILD, the package folder (`make
python` copies it there), and ../build-web beside this source tree. Without it the build stops and says so."""
import base64
import hashlib
import io
import os
import pathlib
import re
import tarfile
import zipfile

NAME = "poolscope"
SUMMARY = "PoolScope in Jupyter: a pooling layer and its input, step by step, inside the output cell"
HERE = pathlib.Path(__file__).resolve().parent.parent  # python/
PAGE = "poolscope-notebook.html"
TAG = "py3-none-any"


def _version():
    text = (HERE / NAME / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__ = "([^"]+)"', text, re.M).group(1)


def _page():
    candidates = [HERE / NAME / "web" / PAGE, HERE.parent / "build-web" / PAGE]
    if os.environ.get("POOLSCOPE_WEB_BUILD"):  # named for this build: it comes first
        candidates.insert(0, pathlib.Path(os.environ["POOLSCOPE_WEB_BUILD"]) / PAGE)
    for path in candidates:
        if path.is_file():
            return path.read_bytes()
    raise RuntimeError("poolscope: no web page to package (" + ", ".join(map(str, candidates)) + "): "
                       "build PoolScope's web version first (make web, or make python)")


def _metadata():
    readme = (HERE / "README.md").read_text(encoding="utf-8")
    return (f"Metadata-Version: 2.1\nName: {NAME}\nVersion: {_version()}\nSummary: {SUMMARY}\n"
            "License: MIT\nRequires-Python: >=3.8\n"
            f"Description-Content-Type: text/markdown\n\n{readme}")


def _sources():
    """The package's Python files, relative to python/."""
    return sorted(p.relative_to(HERE).as_posix() for p in (HERE / NAME).glob("*.py"))


def _record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def _write_wheel(directory, files):
    dist_info = f"{NAME}-{_version()}.dist-info"
    files = dict(files)
    files[f"{dist_info}/METADATA"] = _metadata().encode()
    files[f"{dist_info}/WHEEL"] = (f"Wheel-Version: 1.0\nGenerator: poolscope_build\nRoot-Is-Purelib: true\n"
                                   f"Tag: {TAG}\n").encode()
    files[f"{dist_info}/top_level.txt"] = f"{NAME}\n".encode()
    record = [_record_line(name, data) for name, data in files.items()] + [f"{dist_info}/RECORD,,"]
    files[f"{dist_info}/RECORD"] = ("\n".join(record) + "\n").encode()
    wheel = f"{NAME}-{_version()}-{TAG}.whl"
    with zipfile.ZipFile(pathlib.Path(directory) / wheel, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return wheel


# PEP 517 hooks.
def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    files = {name: (HERE / name).read_bytes() for name in _sources()}
    files[f"{NAME}/web/{PAGE}"] = _page()
    return _write_wheel(wheel_directory, files)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    """PEP 660: the source folder on the path (the page must be in poolscope/web/: make python)."""
    _page()
    return _write_wheel(wheel_directory, {f"_{NAME}_editable.pth": (str(HERE) + "\n").encode()})


def build_sdist(sdist_directory, config_settings=None):
    """The source with the page in it, so the sdist builds a wheel anywhere."""
    base = f"{NAME}-{_version()}"
    names = _sources() + ["README.md", "pyproject.toml", "build_backend/poolscope_build.py"]
    archive = f"{base}.tar.gz"
    with tarfile.open(pathlib.Path(sdist_directory) / archive, "w:gz") as tar:
        def add(name, data):
            info = tarfile.TarInfo(f"{base}/{name}")
            info.size, info.mtime, info.mode = len(data), 1577836800, 0o644
            tar.addfile(info, io.BytesIO(data))
        for name in names:
            add(name, (HERE / name).read_bytes())
        add(f"{NAME}/web/{PAGE}", _page())
        add("PKG-INFO", _metadata().encode())
    return archive
