"""The GitHub workflows and the action: valid against GitHub's schemas (offline), least privilege, hardened scripts."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPO, run_cli

WORKFLOWS = REPO / ".github" / "workflows"
STARTER_WORKFLOW = REPO / "badgesite" / "starter" / ".github" / "workflows" / "publish.yml"
ACTION = REPO / "action.yml"
# The current majors of the official actions, all running on Node 24.
MAJORS = {
    "actions/checkout": "v5",
    "actions/setup-python": "v6",
    "actions/cache": "v5",
    "actions/configure-pages": "v6",
    "actions/upload-pages-artifact": "v5",
    "actions/deploy-pages": "v5",
}
PAGES_WRITE = {"pages": "write", "id-token": "write"}


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    if True in data:  # YAML 1.1 reads the key `on` as true
        data["on"] = data.pop(True)
    return data


def steps_of(document: dict[str, Any]) -> list[dict[str, Any]]:
    if "runs" in document:
        return list(document["runs"]["steps"])
    return [step for job in document["jobs"].values() for step in job.get("steps", [])]


def check_jsonschema(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize(
    "path",
    [*sorted(WORKFLOWS.glob("*.yml")), STARTER_WORKFLOW],
    ids=lambda path: path.relative_to(REPO).as_posix(),
)
def test_workflow_matches_githubs_schema(path: Path) -> None:
    checked = check_jsonschema("vendor.github-workflows", path)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_action_matches_githubs_schema() -> None:
    checked = check_jsonschema("vendor.github-actions", ACTION)
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize(
    "path",
    [*sorted(WORKFLOWS.glob("*.yml")), STARTER_WORKFLOW, ACTION],
    ids=lambda path: path.relative_to(REPO).as_posix(),
)
def test_official_actions_use_the_current_node24_majors(path: Path) -> None:
    for step in steps_of(load(path)):
        if "uses" in step and step["uses"].startswith("actions/"):
            name, _, ref = step["uses"].partition("@")
            assert name in MAJORS, f"{path.name}: {name} is not one of the known actions"
            assert ref == MAJORS[name], f"{path.name}: {name}@{ref}, expected @{MAJORS[name]}"


def test_ci_runs_the_readme_test_command_on_two_pythons() -> None:
    ci = load(WORKFLOWS / "ci.yml")
    assert set(ci["on"]) == {"push", "pull_request"}
    job = ci["jobs"]["test"]
    assert job["runs-on"] == "ubuntu-latest"
    assert job["strategy"]["matrix"]["python-version"] == ["3.11", "3.13"]
    command = "pip install -e '.[test]' && python -m pytest"
    assert [step["run"] for step in job["steps"] if "run" in step] == [command]
    assert command in (REPO / "README.md").read_text(encoding="utf-8")


def assert_pages_deployment(workflow: dict[str, Any]) -> dict[str, Any]:
    """The shape every Pages workflow here shares; returns the build job."""
    assert workflow["on"]["push"] == {"branches": ["main"]}
    assert "workflow_dispatch" in workflow["on"]
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert workflow.get("permissions") in (None, {}), "permissions belong to the jobs, not the workflow"
    jobs = workflow["jobs"]
    assert set(jobs) == {"build", "deploy"}
    build, deploy = jobs["build"], jobs["deploy"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["permissions"] == PAGES_WRITE
    for name, job in jobs.items():
        if name != "deploy":
            assert not PAGES_WRITE.items() & job.get("permissions", {}).items(), f"{name} must not deploy"
    assert deploy["needs"] == "build"
    assert deploy["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}
    assert deploy["steps"] == [
        {**deploy["steps"][0], "id": "deployment", "uses": f"actions/deploy-pages@{MAJORS['actions/deploy-pages']}"}
    ]
    return build


def test_pages_workflow_builds_sample_site_and_deploys_with_least_privilege() -> None:
    build = assert_pages_deployment(load(WORKFLOWS / "pages.yml"))
    steps = {step.get("uses", step.get("name", "")).partition("@")[0]: step for step in build["steps"]}
    assert steps["actions/configure-pages"]["id"] == "pages"
    assert steps["actions/cache"]["with"]["path"] == "sample-site/.badgesite-cache"
    assert "hashFiles('sample-site/**')" in steps["actions/cache"]["with"]["key"]
    assert steps["actions/upload-pages-artifact"]["with"] == {"path": "sample-site/_site", "include-hidden-files": True}
    build_step = steps["Build sample-site/"]
    assert build_step["run"] == 'badgesite build sample-site --base-url "$PAGES_BASE_URL/"'
    assert build_step["env"] == {"PAGES_BASE_URL": "${{ steps.pages.outputs.base_url }}"}


def test_starter_workflow_publishes_with_the_action() -> None:
    text = STARTER_WORKFLOW.read_text(encoding="utf-8")
    build = assert_pages_deployment(load(STARTER_WORKFLOW))
    assert build["steps"][0]["uses"] == f"actions/checkout@{MAJORS['actions/checkout']}"
    assert build["steps"][1]["uses"] == "badgesite/badgesite@v1"
    assert "write its OWNER/REPO here instead" in text
    # The quarterly review is there, switched off, with its explanation.
    assert '\n  # schedule:\n  #   - cron: "0 8 1 */3 *"\n' in text
    assert "\n  # review:\n  #   if: github.event_name == 'schedule'\n" in text
    assert "#         if ! badgesite review > review.md 2> problems.txt; then" in text
    assert "#       run: gh issue create" in text


def switched_on_review(text: str) -> str:
    """The starter workflow with its commented-out schedule and review job uncommented, as a user would."""
    lines = text.splitlines()
    schedule = lines.index("  # schedule:")
    lines[schedule : schedule + 2] = [line.replace("  # ", "  ", 1) for line in lines[schedule : schedule + 2]]
    review = lines.index("  # review:")
    lines[review:] = [line.replace("  # ", "  ", 1) for line in lines[review:]]
    return "\n".join(lines) + "\n"


def test_starter_quarterly_review_is_valid_once_uncommented(tmp_path: Path) -> None:
    enabled = tmp_path / "publish.yml"
    enabled.write_text(switched_on_review(STARTER_WORKFLOW.read_text(encoding="utf-8")), encoding="utf-8")
    checked = check_jsonschema("vendor.github-workflows", enabled)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    workflow = load(enabled)
    assert workflow["on"]["schedule"] == [{"cron": "0 8 1 */3 *"}]
    review = workflow["jobs"]["review"]
    assert review["if"] == "github.event_name == 'schedule'"
    assert review["permissions"] == {"contents": "read", "issues": "write"}
    assert [step.get("uses", step.get("run", "")).split()[0] for step in review["steps"]] == [
        "actions/checkout@v5",
        "actions/setup-python@v6",
        "python",
        "if",
        "gh",
    ]
    assert all("${{" not in step.get("run", "") for step in review["steps"])


@pytest.mark.parametrize("broken", [False, True], ids=["builds", "broken"])
def test_the_review_job_always_gives_the_issue_a_body(tmp_path: Path, broken: bool) -> None:
    """Its script, run with bash as the runner runs it: a site with problems gets them in the issue, not an
    empty issue."""
    enabled = tmp_path / "publish.yml"
    enabled.write_text(switched_on_review(STARTER_WORKFLOW.read_text(encoding="utf-8")), encoding="utf-8")
    workflow = load(enabled)
    script = next(step["run"] for step in workflow["jobs"]["review"]["steps"] if "review.md" in step.get("run", ""))
    site = tmp_path / "portfolio"
    assert run_cli("init", site).returncode == 0
    if broken:
        (site / "badges" / "cloud-practitioner.yml").write_text("name: [unclosed\n", encoding="utf-8")
    environment = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    ran = subprocess.run(
        ["bash", "-e", "-c", script],
        cwd=site,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert ran.returncode == 0, ran.stderr
    body = (site / "review.md").read_text(encoding="utf-8")
    if broken:
        assert body.startswith("badgesite review could not read the site:\n\n```\n")
        assert "badges/cloud-practitioner.yml:2:1: YAML syntax error" in body
    else:
        assert body.startswith("# ")


def test_action_inputs_outputs_and_steps() -> None:
    action = load(ACTION)
    defaults = {name: spec.get("default") for name, spec in action["inputs"].items()}
    assert defaults == {
        "site": ".",
        "base-url": "",
        "python-version": "3.12",
        "drafts": "false",
        "cache": "true",
        "version": "",
    }
    assert all(spec.get("description") for spec in action["inputs"].values())
    assert set(action["outputs"]) == {"base-url", "output"}
    assert action["runs"]["using"] == "composite"
    uses = [step["uses"].partition("@")[0] for step in action["runs"]["steps"] if "uses" in step]
    assert uses == ["actions/setup-python", "actions/configure-pages", "actions/cache", "actions/upload-pages-artifact"]
    steps = {step.get("id"): step for step in action["runs"]["steps"]}
    assert steps["pages"]["uses"].startswith("actions/configure-pages@")
    assert "github.action_path" in str(action["runs"]["steps"][1]["env"])
    cache = next(step for step in action["runs"]["steps"] if step.get("uses", "").startswith("actions/cache@"))
    assert cache["if"] == "inputs.cache == 'true'"
    assert cache["with"]["path"] == "${{ inputs.site }}/.badgesite-cache"
    for source in ("badgesite.yml", "badges/**", "case-studies/**", "pages/**", "assets/**"):
        assert f"format('{{0}}/{source}', inputs.site)" in cache["with"]["key"]
    upload = action["runs"]["steps"][-1]
    # upload-pages-artifact v5 leaves dot-paths out unless told: root/.well-known/ must reach the site
    assert upload["with"] == {"path": "${{ steps.build.outputs.output }}", "include-hidden-files": True}


@pytest.mark.parametrize(
    "path",
    [ACTION, *sorted(WORKFLOWS.glob("*.yml")), STARTER_WORKFLOW],
    ids=lambda path: path.relative_to(REPO).as_posix(),
)
def test_scripts_take_inputs_through_env_never_interpolated(path: Path) -> None:
    """Script-injection hardening: `${{ ... }}` inside a run: script is pasted into the shell unquoted."""
    for step in steps_of(load(path)):
        if "run" in step:
            assert "${{" not in step["run"], f"{path.name}: pass it through env: instead\n{step['run']}"
            if path == ACTION:
                assert step["shell"] == "bash"
    raw_run_lines = [line for line in path.read_text(encoding="utf-8").splitlines() if "run:" in line]
    assert not [line for line in raw_run_lines if "${{ inputs." in line]


def action_build_script() -> str:
    step = next(step for step in load(ACTION)["runs"]["steps"] if step.get("id") == "build")
    return str(step["run"])


@pytest.mark.parametrize(
    ("base_url_input", "pages_base_url", "expected"),
    [
        ("", "https://ada.github.io/portfolio", "https://ada.github.io/portfolio/"),
        ("https://badges.example.org", "https://ada.github.io/portfolio", "https://badges.example.org/"),
    ],
)
def test_action_build_script_builds_a_starter_site(
    tmp_path: Path, base_url_input: str, pages_base_url: str, expected: str
) -> None:
    """Run the action's own build script with bash, as the runner does, on a fresh `badgesite init` site."""
    site = tmp_path / "portfolio"
    assert run_cli("init", site).returncode == 0
    outputs = tmp_path / "github_output"
    environment = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "SITE": "portfolio",
        "BASE_URL": base_url_input,
        "PAGES_BASE_URL": pages_base_url,
        "DRAFTS": "false",
        "GITHUB_OUTPUT": str(outputs),
    }
    environment.pop("SOURCE_DATE_EPOCH", None)
    ran = subprocess.run(
        ["bash", "-e", "-c", action_build_script()],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert outputs.read_text(encoding="utf-8") == f"base-url={expected}\noutput=portfolio/_site\n"
    home = (site / "_site" / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'href="{re.escape(expected)}"', home), "links must use the base URL given by Pages"
