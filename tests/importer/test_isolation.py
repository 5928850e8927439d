import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_parser_imports_no_django():
    code = (
        "import sys\n"
        "import importer.parse.document\n"
        "import importer.parse.decode\n"
        "print('document' in dir(importer.parse), 'django' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "False"]
