"""The pipelines to copy (scripts/ci/): valid YAML, the repository's own commands, publish only after the tests."""

from __future__ import annotations

import re

import yaml
from cchc.commands.cli import COMMANDS
from conftest import REPO

CI = REPO / "scripts" / "ci"


def commands(job: dict) -> list[str]:
    lines = job.get("script", []) + [step.get("run", "") for step in job.get("steps", [])]
    return [line for line in lines if line]


def check_commands_exist(lines: list[str]) -> None:
    """Every ./scripts/<file> a line runs is in the repository, every `cchc <command>` exists."""
    for line in lines:
        for path in re.findall(r"(?:^|\s)\.?/?(scripts/[\w./-]+)", line):
            assert (REPO / path).is_file(), line
        for name in re.findall(r"\bcchc (\S+)", line):
            assert name in COMMANDS, line


def test_gitlab_pipeline_tests_then_publishes_from_the_default_branch():
    ci = yaml.safe_load((CI / "gitlab-ci.yml").read_text(encoding="utf-8"))
    test = commands(ci["test"])
    assert test[0] == "./scripts/setup --test"
    assert ".venv/bin/cchc check" in test and ".venv/bin/cchc deploy" in test
    assert any(c.startswith(".venv/bin/python -m pytest") for c in test)
    for name in ("deploy-server", "pages"):
        job = ci[name]
        assert job["stage"] == "publish" and job["needs"] == ["test"]
        assert job["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert ci["pages"]["artifacts"]["paths"] == ["public"]
    check_commands_exist(test)


def test_github_workflow_tests_then_publishes_from_the_default_branch():
    wf = yaml.safe_load((CI / "github-workflow.yml").read_text(encoding="utf-8"))
    jobs = wf["jobs"]
    test = commands(jobs["test"])
    assert test[0] == "./scripts/setup --test"
    assert ".venv/bin/cchc check" in test and ".venv/bin/cchc deploy" in test
    assert any(c.startswith(".venv/bin/python -m pytest") for c in test)
    for name in ("deploy-server", "pages"):
        assert jobs[name]["needs"] == "test"
        assert "github.event.repository.default_branch" in jobs[name]["if"]
    check_commands_exist(test)
    rsync = [c for c in commands(jobs["deploy-server"]) if "rsync" in c][0]
    assert "--delete-after" in rsync and "--delay-updates" in rsync and "StrictHostKeyChecking=yes" in rsync
