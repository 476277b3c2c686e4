"""The built wheel works on its own: resources are found from site-packages, not the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import REAL_HOME, ROOT


@pytest.mark.slow
def test_wheel_installs_into_a_clean_venv_and_runs_the_command_line(tmp_path: Path) -> None:
    env = dict(os.environ, HOME=REAL_HOME, PIP_DISABLE_PIP_VERSION_CHECK="1")
    env.pop("PYTHONPATH", None)
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
        check=True, env=env, cwd=tmp_path,
    )
    [wheel] = list(wheels.glob("iqtibas-*.whl"))
    clean = tmp_path / "clean"
    venv.create(clean, with_pip=True)
    python = clean / "bin" / "python"
    # Only the command line's own dependencies: proves it runs without Qt installed at all.
    subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True, env=env)
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "arabic-reshaper", "python-bidi", "jsonschema", "fastjsonschema", "Jinja2"],
        check=True, env=env,
    )
    work = tmp_path / "work"
    work.mkdir()
    article = work / "خبر.txt"
    article.write_text("عنوان الخبر\nوقال الوزير: «سنبدأ العمل غدا في كل المدن».\n", encoding="utf-8")
    iqtibas = clean / "bin" / "iqtibas"
    version = subprocess.run([iqtibas, "--version"], capture_output=True, text=True, env=env, cwd=work, check=True)
    assert version.stdout.startswith("iqtibas ")
    result = subprocess.run([iqtibas, "annotate", str(article)], capture_output=True, text=True, env=env, cwd=work)
    assert result.returncode == 0, result.stderr
    data = json.loads((work / "خبر.iqtibas.json").read_text(encoding="utf-8"))
    assert any(a["type"] == "quote" for a in data["annotations"])
    # The bundled sample and schema come from the installed package.
    probe = (
        "from core.resources import resource, SAMPLE_ARTICLE, SCHEMA\n"
        "import core, sys\n"
        "print(resource(SAMPLE_ARTICLE).read_text(encoding='utf-8')[:5]); print(core.__file__)\n"
        "print(resource(SCHEMA).is_file())"
    )
    shown = subprocess.run([python, "-c", probe], capture_output=True, text=True, env=env, cwd=work, check=True)
    lines = shown.stdout.splitlines()
    assert str(clean) in lines[1] and str(ROOT) not in lines[1]
    assert lines[2] == "True"
    outline = subprocess.run([iqtibas, "outline", str(article)], capture_output=True, text=True, env=env, cwd=work)
    assert outline.returncode == 0 and "الوزير" in outline.stdout
    # The report's templates come from the installed package too.
    report = subprocess.run([iqtibas, "report", str(work), "-o", str(work / "r.html")], capture_output=True, text=True, env=env, cwd=work)
    assert report.returncode == 0, report.stderr
    assert "<svg" in (work / "r.html").read_text(encoding="utf-8")
