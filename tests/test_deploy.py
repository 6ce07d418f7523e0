"""What the deployment files promise, checked where it can be without a container runtime:
CI runs the wheel smoke test, and the image and the unit run `askaround serve` unprivileged."""

from __future__ import annotations

import re
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
