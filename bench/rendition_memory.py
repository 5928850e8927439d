"""Peak memory and CPU time of an upload's image work, each step in a fresh process.

    .venv/bin/python bench/rendition_memory.py                 # this checkout
    .venv/bin/python bench/rendition_memory.py --rev c44b3aa   # reviews/images.py as of a commit

The picture is issue #14's: a 6,320 × 6,320 PNG (flat colours, about 150 KB) and a JPEG of the
same size. Steps: "validate" (the upload validator), "sanitise" (the re-encoding stored as the
original; both run in the upload request) and "renditions" (every rendition, now a background
task). Memory is the process's peak resident size during the step above what it held before
(Linux's VmHWM, reset for the step), since Pillow's pixel buffers are invisible to tracemalloc;
CPU time rather than wall time, so other work on the machine does not skew the figures.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIDE = 6320

STEP = r"""
import io, json, resource, sys, types
sys.path.insert(0, ROOT)
import django
django.setup()
from django.core.files.storage import InMemoryStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from reviews.models import Image
from filmsite.validators import validate_image_upload

if SOURCE:  # reviews/images.py of another revision, loaded under its own name
    images = sys.modules["images_at_rev"] = types.ModuleType("images_at_rev")
    exec(compile(SOURCE, "images_at_rev.py", "exec"), images.__dict__)
else:
    from reviews import images

data = open(PATH, "rb").read()
storage = InMemoryStorage()
Image._meta.get_field("file").storage = storage
image = Image(pk=1, alt_text="x")
if STEP == "renditions":
    image.file.name = storage.save("images/big" + PATH[-4:], io.BytesIO(data))
    with PILImage.open(io.BytesIO(data)) as opened:
        image.width, image.height = opened.size
def status(field):
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1])  # kB
open("/proc/self/clear_refs", "w").write("5")  # Linux: restart the peak (VmHWM) from here
rss_before = status("VmRSS")
before = resource.getrusage(resource.RUSAGE_SELF)
if STEP == "validate":
    validate_image_upload(SimpleUploadedFile("big.png", data))
elif STEP == "sanitise":
    images.upload_sanitise(SimpleUploadedFile("big.png", data))
else:
    images.generate_renditions(image, storage)
after = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({
    "peak_mb": round((status("VmHWM") - rss_before) / 1024),
    "cpu_s": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 2),
}))
"""


def pictures(folder: Path) -> dict[str, Path]:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (SIDE, SIDE), (30, 60, 90))
    draw = ImageDraw.Draw(image)
    for i in range(0, SIDE, 400):
        draw.line((0, i, SIDE, i), fill=(200, 10, 10), width=8)
        draw.ellipse((i // 2, i // 3, i // 2 + 300, i // 3 + 300), fill=(10, 200, 50))
    paths = {"png": folder / "big.png", "jpeg": folder / "big.jpg"}
    image.save(paths["png"], format="PNG", optimize=True)
    image.save(paths["jpeg"], format="JPEG", quality=90)
    return paths


def run_step(step: str, path: Path, source: str) -> dict:
    code = "\n".join(
        [f"ROOT = {str(ROOT)!r}", f"PATH = {str(path)!r}", f"STEP = {step!r}"]
        + [f"SOURCE = {source!r}", STEP]
    )
    environ = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "filmsite.settings",
        "DJANGO_DEBUG": "true",
        "FILMSITE_TASKS_IMMEDIATE": "true",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environ, capture_output=True, text=True
    )
    if result.returncode:
        raise SystemExit(result.stderr)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rev", help="measure reviews/images.py as of this git revision")
    options = parser.parse_args()
    source = ""
    if options.rev:
        source = subprocess.run(
            ["git", "show", f"{options.rev}:reviews/images.py"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    with tempfile.TemporaryDirectory() as folder:
        paths = pictures(Path(folder))
        for kind, path in paths.items():
            size = path.stat().st_size // 1024
            for step in ("validate", "sanitise", "renditions"):
                figures = run_step(step, path, source)
                print(
                    f"{kind} {SIDE}x{SIDE} ({size} KB) {step:<10} "
                    f"peak +{figures['peak_mb']:>4} MB  cpu {figures['cpu_s']:>5.2f} s"
                )


if __name__ == "__main__":
    main()
