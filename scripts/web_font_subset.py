#!/usr/bin/python3
"""Cuts the web build's fonts down to the characters PoolScope can show (issue 19): every non-ASCII character
in the app's sources (both translation tables, the symbols the panels draw) and in the shipped lessons, plus
printable ASCII and Latin-1. WenQuanYi Micro Hei alone is 5 MB; the subset is what keeps the page's download small.
A teacher's lesson with other characters shows them as '?' (the README says so).
Usage: web_font_subset.py OUT_DIR TEXT_DIR... (needs Debian's python3-fonttools, fonts-dejavu-core and
fonts-wqy-microhei)."""
import pathlib
import sys

from fontTools import subset

FONTS = {  # output name: (source file, face number in a collection)
    "DejaVuSans.ttf": ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 0),
    "wqy-microhei.ttf": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
}
TEXT_SUFFIXES = {".cpp", ".h", ".json"}


def characters(dirs):
    chars = {chr(c) for c in [*range(0x20, 0x7F), *range(0xA0, 0x100)]}  # ImGui asks for Latin-1 too
    for d in dirs:
        for path in sorted(pathlib.Path(d).rglob("*")):
            if path.suffix in TEXT_SUFFIXES and path.is_file():
                chars.update(c for c in path.read_text(encoding="utf-8") if ord(c) >= 0x80)
    return "".join(sorted(chars))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    text = characters(sys.argv[2:])
    (out / "characters.txt").write_text(text, encoding="utf-8")
    for name, (source, face) in FONTS.items():
        options = subset.Options()
        options.font_number = face
        options.hinting = False  # ImGui's stb_truetype rasteriser ignores hints
        options.layout_features = []  # nor does it shape text
        options.name_IDs = ["*"]
        font = subset.load_font(source, options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        subset.save_font(font, str(out / name), options)
    print(f"web_font_subset: {len(text)} characters into {', '.join(FONTS)}")


if __name__ == "__main__":
    main()
