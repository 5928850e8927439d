"""Posters and stills drawn with Pillow for the demo: nothing is downloaded."""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFont

POSTER_SIZE = (600, 900)
STILL_SIZE = (1200, 675)


def _font(size: int) -> ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _gradient(size: tuple[int, int], top: str, bottom: str) -> Image.Image:
    image = Image.new("RGB", size, top)
    draw = ImageDraw.Draw(image)
    a, b = (
        Image.new("RGB", (1, 1), top).getpixel((0, 0)),
        Image.new("RGB", (1, 1), bottom).getpixel((0, 0)),
    )
    for y in range(size[1]):
        t = y / (size[1] - 1)
        draw.line(
            [(0, y), (size[0], y)], fill=tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))
        )
    return image


def _motif(
    draw: ImageDraw.ImageDraw, motif: str, size: tuple[int, int], ink: str, rng: random.Random
) -> None:
    w, h = size
    if motif == "sun":
        r = w // 4
        draw.ellipse([w // 2 - r, h // 3 - r, w // 2 + r, h // 3 + r], outline=ink, width=8)
    elif motif == "waves":
        for row in range(6):
            y0 = h // 3 + row * 40
            points = [(x, y0 + 14 * math.sin(x / 40 + row)) for x in range(0, w + 10, 10)]
            draw.line(points, fill=ink, width=4)
    elif motif == "grid":
        for x in range(0, w, w // 8):
            draw.line([(x, h // 5), (x, h * 3 // 5)], fill=ink, width=2)
        for y in range(h // 5, h * 3 // 5, h // 16):
            draw.line([(0, y), (w, y)], fill=ink, width=2)
    elif motif == "circles":
        for _ in range(9):
            x, y, r = rng.randrange(w), rng.randrange(h * 3 // 5), rng.randrange(20, w // 5)
            draw.ellipse([x - r, y - r, x + r, y + r], outline=ink, width=3)
    else:  # stripes
        for i in range(-h, w, 48):
            draw.line([(i, h * 3 // 5), (i + h // 2, 0)], fill=ink, width=12)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def poster(title: str, year: int, colors: tuple[str, str], motif: str) -> bytes:
    """A typographic poster: a gradient, a motif, the title and year."""
    rng = random.Random(title)
    image = _gradient(POSTER_SIZE, colors[0], colors[1])
    draw = ImageDraw.Draw(image)
    _motif(draw, motif, POSTER_SIZE, colors[1] if motif != "stripes" else colors[0], rng)
    words, lines, line = title.upper().split(), [], ""
    for word in words:
        if len(line) + len(word) > 14 and line:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    y = POSTER_SIZE[1] * 2 // 3
    for text in lines:
        draw.text((40, y), text, font=_font(56), fill="white", stroke_width=3, stroke_fill="black")
        y += 66
    draw.text(
        (40, y + 10), str(year), font=_font(36), fill="white", stroke_width=2, stroke_fill="black"
    )
    return _png(image)


def still(seed: str, colors: tuple[str, str]) -> bytes:
    """A wide 'film still': a horizon, a figure, light on water, in the film's colours."""
    rng = random.Random(seed)
    image = _gradient(STILL_SIZE, colors[0], colors[1])
    draw = ImageDraw.Draw(image)
    w, h = STILL_SIZE
    horizon = rng.randrange(h // 3, h * 2 // 3)
    draw.rectangle([0, horizon, w, h], fill=colors[1])
    for _ in range(40):
        x, y = rng.randrange(w), rng.randrange(horizon, h)
        draw.line([(x, y), (x + rng.randrange(20, 90), y)], fill=colors[0], width=2)
    x = rng.randrange(w // 5, w * 4 // 5)
    draw.ellipse([x - 14, horizon - 120, x + 14, horizon - 92], fill="black")
    draw.rectangle([x - 18, horizon - 92, x + 18, horizon], fill="black")
    return _png(image)
