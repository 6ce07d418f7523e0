"""What the deployment files promise, checked where it can be without a container runtime:
CI runs the wheel smoke test, and the image and the unit run `askaround serve` unprivileged."""

from __future__ import annotations

import fnmatch
import re
import tomllib
from pathlib import Path

import pytest
import yaml

# Nothing here depends on the database: the PostgreSQL pass of scripts/test skips it.
pytestmark = pytest.mark.database_independent

ROOT = Path(__file__).parents[1]


def test_ci_builds_installs_and_runs_the_wheel() -> None:
    """`scripts/test` (what `.ci/run` runs) waits for `scripts/wheel-smoke` and fails with it."""
    test = (ROOT / "scripts" / "test").read_text()
    assert "bash scripts/wheel-smoke" in test and 'wait "$wheel_pid"' in test
    smoke = (ROOT / "scripts" / "wheel-smoke").read_text()
    assert "-m build --wheel" in smoke and "serve_smoke.py" in smoke


def test_the_image_runs_serve_as_a_user_with_a_health_check() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    users = re.findall(r"^USER (\S+)", dockerfile, flags=re.M)
    assert users and users[-1] not in ("root", "0")
    assert "HEALTHCHECK" in dockerfile and "/healthz" in dockerfile
    assert 'CMD ["askaround", "serve"]' in dockerfile
    for tested_only in ("tests", "emulator", "benchmarks"):
        assert f"COPY {tested_only}" not in dockerfile


def test_compose_runs_askaround_on_postgresql() -> None:
    services = yaml.safe_load((ROOT / "compose.yaml").read_text())["services"]
    url = services["askaround"]["environment"]["ASKAROUND_DATABASE_URL"]
    assert url.startswith("postgresql://") and "@postgres:" in url
    assert services["askaround"]["depends_on"]["postgres"]["condition"] == "service_healthy"


def test_the_systemd_unit_migrates_then_serves_unprivileged() -> None:
    unit = (ROOT / "deploy" / "askaround.service").read_text()
    assert "ExecStart=/opt/askaround/bin/askaround serve" in unit
    assert "ExecStartPre=/opt/askaround/bin/askaround migrate" in unit
    assert re.search(r"^User=askaround$", unit, flags=re.M)


def test_the_systemd_units_install_steps_work_on_a_fresh_machine() -> None:
    """`install -m 600 .env /etc/askaround/env` fails where /etc/askaround does not exist
    yet ("No such file or directory"): the step makes the folder (`-D`); and the unit names
    no documentation file that installing the wheel does not put there."""
    unit = (ROOT / "deploy" / "askaround.service").read_text()
    step = next(
        line for line in unit.splitlines() if "/etc/askaround/env" in line and "install" in line
    )
    assert " -D " in step, step
    assert "Documentation=file:///opt/askaround/" not in unit


def test_the_systemd_units_install_steps_name_files_that_are_there() -> None:
    """The steps run from the checkout (`cp deploy/askaround.service …`), where docs/deploy.md's
    `python -m build --wheel` leaves the wheel in dist/: `pip install askaround-*.whl` found
    no file there. Every file a step names is in the repository, is the `.env` the README has
    you copy from .env.example, or is the wheel where the build writes it."""
    unit = (ROOT / "deploy" / "askaround.service").read_text()
    steps = [line.removeprefix("#").strip() for line in unit.splitlines()[1:] if "sudo" in line]
    deploy = (ROOT / "docs" / "deploy.md").read_text()
    built = re.search(r"# (dist/askaround-[\w.]+-py3-none-any\.whl)", deploy)
    assert built, "docs/deploy.md says where the build writes the wheel"
    named = [
        word
        for step in steps
        for word in step.split()
        if not word.startswith(("/", "-")) and ("/" in word or "." in word)
    ]
    assert named, steps
    for word in named:
        if word.endswith(".whl"):
            assert fnmatch.fnmatchcase(built.group(1), word), (word, built.group(1))
        elif word == ".env":
            assert (ROOT / ".env.example").is_file()
        else:
            assert (ROOT / word).exists(), word


def test_git_ignores_what_the_wheels_build_leaves_in_the_checkout() -> None:
    """docs/deploy.md builds the wheel in the checkout: build/ and dist/ are left there, and
    `git status` listed dist/ as a change to commit."""
    ignored = (ROOT / ".gitignore").read_text().splitlines()
    assert {"build/", "dist/"} <= set(ignored)


def test_the_builds_without_isolation_install_the_setuptools_pyproject_needs() -> None:
    """The Dockerfile and scripts/wheel-smoke's fallback build with `--no-isolation`, beside the
    setuptools they install: they asked for 68 or newer, but pyproject.toml's `license = "MIT"`
    (PEP 639) needs 77, its build-system's floor, and an older one refuses to build."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    (needed,) = [r for r in pyproject["build-system"]["requires"] if r.startswith("setuptools")]
    for builder in ("Dockerfile", "scripts/wheel-smoke"):
        text = (ROOT / builder).read_text()
        assert "--no-isolation" in text, builder
        assert re.findall(r"setuptools[<>=!~][^\"' ]*", text) == [needed], builder


def test_the_image_is_built_without_the_checkouts_secrets_and_venv() -> None:
    """`docker build .` in a checkout that ran the demo or the tests sent the whole folder to
    the builder: .venv (some 460 MB), the `.env` with the Slack tokens and any SQLite file. A
    .dockerignore leaves them out, and nothing the Dockerfile copies."""
    ignored = [
        line.strip().rstrip("/")
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]

    def left_out(path: str) -> bool:
        return any(fnmatch.fnmatchcase(path, pattern) for pattern in ignored)

    for kept_out in (".venv", ".env", "askaround.db", ".git", "benchmarks/.venvs", "dist"):
        assert left_out(kept_out), kept_out
    dockerfile = (ROOT / "Dockerfile").read_text()
    copied = [
        source
        for line in re.findall(r"^COPY (?!--from)(.+)$", dockerfile, flags=re.M)
        for source in line.split()[:-1]
    ]
    assert copied
    for source in copied:
        assert not left_out(source), source
