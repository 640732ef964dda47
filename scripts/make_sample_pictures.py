#!/usr/bin/python3
"""Renders PoolScope's sample pictures into assets/images/ (made by the project, CC0).

Run with Debian's /usr/bin/python3 (python3-pil, python3-numpy):  /usr/bin/python3 scripts/make_sample_pictures.py
The output is deterministic, so re-running it reproduces the committed files bit for bit.
"""
import math
import pathlib

import numpy as np
from PIL import Image, ImageDraw

OUT = pathlib.Path(__file__).resolve().parent.parent / "assets" / "images"


def landscape():
    """A 256x256 scene: sky gradient, sun, hills, a house with thin window bars, a fence of 1-px posts.

    Thin bright/dark details are what max and avg pooling treat differently, so the scene has plenty."""
    size = 256
    y = np.linspace(0.0, 1.0, size)[:, None]
    sky = np.zeros((size, size, 3))
    sky[..., 0] = 90 + 100 * y
    sky[..., 1] = 150 + 70 * y
    sky[..., 2] = 235 - 20 * y
    img = Image.fromarray(sky.astype(np.uint8), "RGB")
    d = ImageDraw.Draw(img)
    d.ellipse((180, 24, 228, 72), fill=(255, 214, 60))
    for i in range(12):  # sun rays, 1 px wide
        a = i * math.pi / 6
        d.line((204 + 30 * math.cos(a), 48 + 30 * math.sin(a), 204 + 40 * math.cos(a), 48 + 40 * math.sin(a)),
               fill=(255, 230, 120), width=1)
    d.pieslice((-80, 140, 200, 340), 180, 360, fill=(70, 150, 60))
    d.pieslice((90, 150, 380, 360), 180, 360, fill=(50, 125, 50))
    d.rectangle((0, 200, 255, 255), fill=(60, 135, 55))
    d.rectangle((40, 130, 120, 200), fill=(200, 60, 50))           # house
    d.polygon([(30, 132), (80, 92), (130, 132)], fill=(110, 40, 35))  # roof
    d.rectangle((55, 145, 80, 170), fill=(250, 240, 170))          # window
    d.line((67, 145, 67, 170), fill=(40, 30, 30), width=1)          # window bars, 1 px
    d.line((55, 157, 80, 157), fill=(40, 30, 30), width=1)
    d.rectangle((92, 160, 108, 200), fill=(80, 50, 30))             # door
    for x in range(140, 250, 4):                                    # fence posts, 1 px, 4 px apart
        d.line((x, 196, x, 222), fill=(240, 235, 220), width=1)
    d.line((138, 204, 250, 204), fill=(240, 235, 220), width=1)
    d.line((138, 214, 250, 214), fill=(240, 235, 220), width=1)
    for i, x in enumerate(range(10, 250, 17)):                       # dark grass blades, 1 px
        d.line((x, 255, x + 3, 238 - (i % 3) * 4), fill=(25, 70, 25), width=1)
    return img


def patterns():
    """A 256x256 test card: checkerboards of 1, 2, 3 and 4 px cells, stripes, a red/green/blue strip and a
    grey ramp. Each block shows something about kernel and stride: a 2x2 max pool turns a 1-px checkerboard
    white, a 2x2 avg pool turns it flat grey, a stride-2 pool of 2-px cells keeps them, 3-px cells alias."""
    size = 256
    a = np.zeros((size, size, 3), np.uint8)
    yy, xx = np.mgrid[0:128, 0:64]
    for i, cell in enumerate((1, 2, 3, 4)):
        board = (((yy // cell) + (xx // cell)) % 2 * 255).astype(np.uint8)
        a[0:128, i * 64:(i + 1) * 64] = board[..., None]
    yy, xx = np.mgrid[0:64, 0:128]
    a[128:192, 0:128] = (((xx // 2) % 2) * 255).astype(np.uint8)[..., None]     # 2-px vertical stripes
    a[128:192, 128:256] = (((yy // 3) % 2) * 255).astype(np.uint8)[..., None]   # 3-px horizontal stripes
    colours = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0), (0, 255, 255), (255, 0, 255), (255, 255, 255),
               (0, 0, 0)]
    for i, c in enumerate(colours):
        a[192:224, i * 32:(i + 1) * 32] = c
    ramp = np.linspace(0, 255, size).round().astype(np.uint8)
    a[224:256, :] = ramp[None, :, None]
    return Image.fromarray(a, "RGB")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    landscape().save(OUT / "landscape.png", optimize=True)
    patterns().save(OUT / "patterns.png", optimize=True)
    # The same scene as JPEG (quality 90), so the JPEG decoder is exercised by the tests and the samples.
    landscape().save(OUT / "landscape.jpg", quality=90)


if __name__ == "__main__":
    main()
