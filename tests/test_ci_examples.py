"""The pipelines to copy (scripts/ci/): valid YAML, the repository's own commands, publish only after the tests."""

from __future__ import annotations

import re

import yaml
from conftest import REPO

CI = REPO / "scripts" / "ci"


def commands(job: dict) -> list[str]:
    lines = job.get("script", []) + [step.get("run", "") for step in job.get("steps", [])]
    return [line for line in lines if line]


def repo_paths(line: str) -> list[str]:
    """The repository files a command line runs: ./scripts/x, scripts/x, .venv/bin/python <file>."""
    return re.findall(r"(?:^|\s)\.?/?(scripts/[\w./-]+)", line)


def test_gitlab_pipeline_tests_then_publishes_from_the_default_branch():
    ci = yaml.safe_load((CI / "gitlab-ci.yml").read_text(encoding="utf-8"))
    test = commands(ci["test"])
    assert test[0] == "./scripts/setup --test"
    assert any("check" in c for c in test) and any("pytest" in c for c in test) and any("deploy" in c for c in test)
    for name in ("deploy-server", "pages"):
        job = ci[name]
        assert job["stage"] == "publish" and job["needs"] == ["test"]
        assert job["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert ci["pages"]["artifacts"]["paths"] == ["public"]
    for line in test:
        for path in repo_paths(line):
            assert (REPO / path).is_file(), line


def test_github_workflow_tests_then_publishes_from_the_default_branch():
    wf = yaml.safe_load((CI / "github-workflow.yml").read_text(encoding="utf-8"))
    jobs = wf["jobs"]
    test = commands(jobs["test"])
    assert test[0] == "./scripts/setup --test"
    assert any("check" in c for c in test) and any("pytest" in c for c in test) and any("deploy" in c for c in test)
    for name in ("deploy-server", "pages"):
        assert jobs[name]["needs"] == "test"
        assert "github.event.repository.default_branch" in jobs[name]["if"]
    for line in test:
        for path in repo_paths(line):
            assert (REPO / path).is_file(), line
    rsync = [c for c in commands(jobs["deploy-server"]) if "rsync" in c][0]
    assert "--delete-after" in rsync and "--delay-updates" in rsync and "StrictHostKeyChecking=yes" in rsync
