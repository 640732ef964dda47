#!/usr/bin/env python3
"""Writes the Debian changelog (changelog.gz, gzip -9n) from the AppStream metainfo's <release> entries, so
release notes live in one place. Fails when the newest release is not the version being built.

Usage: make_changelog.py METAINFO PACKAGE VERSION MAINTAINER OUT.gz
"""
import datetime
import email.utils
import gzip
import os
import sys
import textwrap
import xml.etree.ElementTree as ET

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def releases(metainfo_path):
    """[(version, date, [English note, ...])], newest first, as the metainfo lists them."""
    root = ET.parse(metainfo_path).getroot()
    found = []
    for release in root.iterfind("releases/release"):
        notes = []
        description = release.find("description")
        if description is not None:
            for element in description.iter():
                if element.tag in ("p", "li") and element.get(XML_LANG) is None:
                    notes.append(" ".join("".join(element.itertext()).split()))
        date = datetime.date.fromisoformat(release.get("date"))
        found.append((release.get("version"), date, notes))
    return found


def release_date(metainfo_path, version):
    for found_version, date, _ in releases(metainfo_path):
        if found_version == version:
            return date
    sys.exit(f"{metainfo_path}: no <release version=\"{version}\"> (add one for the version being built)")


def changelog(package, maintainer, entries):
    text = []
    for version, date, notes in entries:
        when = datetime.datetime.combine(date, datetime.time(), datetime.timezone.utc)
        text.append(f"{package} ({version}) unstable; urgency=medium\n\n")
        for note in notes or [f"PoolScope {version}."]:
            text.append(textwrap.fill(note, width=78, initial_indent="  * ", subsequent_indent="    ") + "\n")
        text.append(f"\n -- {maintainer}  {email.utils.format_datetime(when)}\n\n")
    return "".join(text).rstrip("\n") + "\n"


def write_gzip(path, text):
    """gzip -9n: maximum compression, no name or time in the header (the same input gives the same bytes)."""
    tmp = f"{path}.tmp{os.getpid()}"
    with open(tmp, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as out:
        out.write(text.encode("utf-8"))
    os.replace(tmp, path)


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    metainfo, package, version, maintainer, out = sys.argv[1:]
    entries = releases(metainfo)
    if not entries or entries[0][0] != version:
        newest = entries[0][0] if entries else "none"
        sys.exit(f"{metainfo}: the newest <release> is {newest}, but the build is version {version}: "
                 "add a <release> with its notes")
    write_gzip(out, changelog(package, maintainer, entries))


if __name__ == "__main__":
    main()
