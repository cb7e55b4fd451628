"""The command line as a user meets it: help, usage errors, exit codes."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, TODAY, run_cli

COMMANDS = ["init", "new", "build", "serve", "check", "import", "verify", "review"]


def test_top_level_help_lists_every_command() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert f"    {command}" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_complete_help_with_an_example(command: str) -> None:
    result = run_cli(command, "--help")
    assert result.returncode == 0
    assert f"usage: badgesite {command}" in result.stdout
    assert "example:" in result.stdout or "examples:" in result.stdout


@pytest.mark.parametrize(
    "arguments",
    [["bild"], ["build", "--no-such-option"], ["build", "/no/such/folder"], ["build", ".", "--today", "yesterday"]],
)
def test_wrong_usage_exits_2(arguments: list[str]) -> None:
    result = run_cli(*arguments)
    assert result.returncode == 2
    assert "usage: badgesite" in result.stderr


def test_a_misspelt_command_is_told_every_command() -> None:
    result = run_cli("bild")
    assert "invalid choice: 'bild' (choose from " + ", ".join(f"'{name}'" for name in COMMANDS) + ")" in result.stderr


def test_the_command_is_found_after_the_global_options(small_site: Path) -> None:
    result = run_cli("--debug", "check", small_site, "--today", TODAY)
    assert result.returncode == 0, result.stderr
    assert "4 warnings in 2 files" in result.stdout


def test_build_does_not_wait_for_the_other_commands_imports(small_site: Path) -> None:
    """Each command module imports what it runs on; a build must not pay for the server's and the audit's."""
    script = (
        "import sys; from badgesite.cli import main; code = main(sys.argv[1:]); "
        "others = ('http.server', 'watchfiles', 'badgesite.audit.external'); "
        "print(sorted(m for m in sys.modules if m.startswith(others)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, "build", str(small_site), "-q", "--today", TODAY, "--no-cache"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_build_summary_and_cache_hits_on_the_second_build(small_site: Path) -> None:
    first = run_cli("build", small_site, "--today", TODAY)
    assert first.returncode == 0
    assert first.stdout.startswith("built 14 pages and 2 badge images into ")
    assert "(cache: 0 hits," in first.stdout
    same = run_cli("build", small_site, "--today", TODAY)
    assert "is up to date: nothing changed since the last build" in same.stdout
    forced = run_cli("build", small_site, "--today", TODAY, "--force")
    assert ", 0 misses)" in forced.stdout and "(cache: 0 hits" not in forced.stdout


def test_profile_prints_time_per_stage(small_site: Path) -> None:
    result = run_cli("build", small_site, "--today", TODAY, "--profile")
    for stage in ("load", "validate", "model", "render", "cards", "write"):
        assert f"  {stage} " in result.stdout


def test_an_internal_error_is_a_short_message_not_a_traceback(small_site: Path) -> None:
    (small_site / "themes" / "broken").mkdir(parents=True)
    (small_site / "themes" / "broken" / "theme.yml").write_text("extends: [not, a, name]\n")
    config = small_site / "badgesite.yml"
    config.write_text(config.read_text() + "theme: broken\n")
    result = run_cli("build", small_site)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1


@pytest.mark.parametrize(
    ("base_url", "expected"),
    [
        ("javascript:alert(1)", "expected an address starting with http:// or https://, or a path starting with /"),
        ("ftp://example.org/", "expected an address starting with http:// or https://, or a path starting with /"),
        ("//example.org/portfolio/", "expected an address starting with http:// or https://, or a path"),
        ("", "for example https://you.github.io/portfolio/, or / to build for a local preview"),
        ("https://example.org/%zz/", "has a % that is not followed by two hexadecimal digits (write a % sign as %25)"),
        ("https://example.org:99999/", "has a port that is not a number from 1 to 65535"),
        ("https://user:secret@example.org/", "holds a user name or password (they would be published in every link)"),
        ("https://example.org/x/../y/", "has an empty, . or .. folder in its path"),
        ("https://example.org/a b/", "expected an address without spaces"),
        ("https://example.org/?q=1", "cannot have a query"),
        ("https://example.org/#top", "cannot have a query (?…) or a fragment"),
        ("https://example.org:0/", "has a port that is not a number from 1 to 65535"),
        ("https://example.org:ab/", "has a host that is not a name or an IP address"),
        ("https://[::1/", "has a host that is not a name or an IP address"),
        ("https://[zz]/", "has a host that is not a name or an IP address"),
        ("https://[::1]x/", "has a host that is not a name or an IP address"),
        ("https://[v1.x]/", "has a host that is not a name or an IP address"),
        ("https://<b>.org/", "has a host name that is not a valid domain name"),
        ("https://example.org/%2e%2e/x/", "has an empty, . or .. folder in its path"),
    ],
)
def test_base_url_on_the_command_line_follows_the_config_rule(small_site: Path, base_url: str, expected: str) -> None:
    result = run_cli("build", small_site, "--base-url", base_url)
    assert result.returncode == 2
    assert expected in result.stderr
    assert not (small_site / "_site").exists()


@pytest.mark.parametrize("command", ["build", "check", "review"])
def test_a_today_far_outside_the_calendar_is_wrong_usage_not_an_internal_error(small_site: Path, command: str) -> None:
    result = run_cli(command, small_site, "--today", "9999-12-31")
    assert result.returncode == 2
    assert "expected a date between 1900-01-01 and 2999-12-31" in result.stderr


def test_evidence_given_as_a_plain_url_is_a_link_titled_with_it(small_site: Path) -> None:
    """docs/reference.md: a plain string is taken as the evidence's url and title."""
    (small_site / "badges" / "linked.yml").write_text(
        "name: Linked\nissuer: AWS\nearned: 2024-05-31\nevidence: [https://example.org/work?x=1&y=2]\n",
        encoding="utf-8",
    )
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 0, result.stderr
    page = (small_site / "_site" / "badges" / "linked" / "index.html").read_text(encoding="utf-8")
    assert '<a href="https://example.org/work?x=1&amp;y=2">https://example.org/work?x=1&amp;y=2</a>' in page


def test_two_skills_sharing_a_page_are_named_in_the_problem(small_site: Path) -> None:
    config = small_site / "badgesite.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("skills:\n", "skills:\n  - name: C++\n"), encoding="utf-8"
    )
    (small_site / "badges" / "cpp.yml").write_text(
        "name: Modern C++\nissuer: AWS\nearned: 2024-05-31\nskills: [C++]\n", encoding="utf-8"
    )
    (small_site / "badges" / "csharp.yml").write_text(
        "name: C# basics\nissuer: AWS\nearned: 2024-05-31\nskills: [C#]\n", encoding="utf-8"
    )
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        'badges/csharp.yml:4:10: skills[0]: skill "C#" would make the page skills/c/, which skill "C++" '
        '(badgesite.yml:10:11) already makes (if they are one skill, add "C#" to the aliases of "C++" under skills: '
        'in badgesite.yml; if they are two, add to skills: in badgesite.yml - {name: "C#", slug: c-sharp})',
        "1 problem in 1 file; nothing was written",
    ]


def test_a_missing_parent_template_is_named_as_missing(small_site: Path) -> None:
    (small_site / "templates").mkdir()
    (small_site / "templates" / "badge.html").write_text('{% extends "!nonexist/badge.html" %}\n', encoding="utf-8")
    result = run_cli("build", small_site, "--today", TODAY)
    assert result.returncode == 1
    assert "templates/badge.html" in result.stderr
    assert "no template named '!nonexist/badge.html'" in result.stderr


def test_a_base_url_in_capitals_is_absolute_and_written_in_lower_case(small_site: Path) -> None:
    """Schemes and host names are case-insensitive: HTTPS://EXAMPLE.ORG/X/ was taken for a bare path."""
    result = run_cli("build", small_site, "--today", TODAY, "--base-url", "HTTPS://Example.ORG/Portfolio")
    assert result.returncode == 0, result.stderr
    sitemap = (small_site / "_site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/Portfolio/</loc>" in sitemap


def test_help_before_a_command_still_lists_every_command() -> None:
    for arguments in (["--help", "build"], ["-h", "review"]):
        result = run_cli(*arguments)
        assert result.returncode == 0
        for command in COMMANDS:
            assert f"    {command}" in result.stdout, (arguments, command)


def _with_reader_gone(*arguments: str | Path) -> subprocess.CompletedProcess[bytes]:
    """Run badgesite with its output going to a pipe whose reader has already closed it (`| head` after
    the first line, as late as it can be)."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run(
            [sys.executable, "-m", "badgesite", *map(str, arguments)],
            stdout=write,
            stderr=subprocess.PIPE,
            env=buffered(),
            check=False,
            timeout=120,
        )
    finally:
        os.close(write)


@pytest.mark.parametrize("many", [False, True], ids=["at-exit", "while-printing"])
def test_a_reader_that_goes_away_is_not_reported_as_a_bug(small_site: Path, tmp_path: Path, many: bool) -> None:
    site = small_site
    if many:  # more warnings than one buffer holds: the pipe breaks while the command is still printing
        site = generated_site(tmp_path / "many", 120, 5)
    result = _with_reader_gone("check", site, "--today", TODAY)
    assert result.returncode == 141, result.stderr
    assert result.stderr == b""


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "PYTHONUNBUFFERED"])
def test_a_reader_that_leaves_after_the_first_line_is_seen_as_gone(tmp_path: Path, unbuffered: bool) -> None:
    """`badgesite check | head -1` on a report larger than the pipe holds: the reader leaves mid-write. With
    PYTHONUNBUFFERED=1 (common in CI images) Python's stdout took that as a partial write and dropped the
    rest of the report silently, exiting 0."""
    site = generated_site(tmp_path / "many", 1200, 5)  # a report of ~120 KB, twice what a pipe holds
    process = subprocess.Popen(
        [sys.executable, "-m", "badgesite", "check", str(site), "--today", TODAY],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**buffered(), "PYTHONUNBUFFERED": "1"} if unbuffered else buffered(),
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    errors = process.stderr.read()
    assert process.wait(timeout=120) == 141, errors
    assert first.startswith(b"badges/") and errors == b""


def test_help_into_a_closed_pipe_exits_quietly() -> None:
    result = _with_reader_gone("--help")
    assert result.returncode == 141 and result.stderr == b""


def test_closed_output_streams_do_not_fail_a_command(small_site: Path, tmp_path: Path) -> None:
    """Started with stdout or stderr closed (`>&-`), as some schedulers do: the command's result stands."""
    for closing in (">&-", "2>&-"):
        for command in (
            ["build", small_site, "-o", tmp_path / f"out{len(closing)}"],
            ["check", small_site],
            ["review", small_site],
        ):
            line = shlex.join([sys.executable, "-m", "badgesite", *map(str, command), "--today", TODAY])
            result = subprocess.run(["sh", "-c", f"{line} {closing}"], capture_output=True, text=True, check=False)
            assert result.returncode == 0, (closing, command, result.stdout, result.stderr)
    assert (tmp_path / "out3" / "index.html").is_file() and (tmp_path / "out4" / "index.html").is_file()


def generated_site(folder: Path, badges: int, case_studies: int) -> Path:
    command = [sys.executable, str(REPO / "bench" / "generate.py"), str(badges), str(folder), "--case-studies"]
    subprocess.run([*command, str(case_studies)], check=True, capture_output=True)
    return folder


def buffered() -> dict[str, str]:
    """The environment without PYTHONUNBUFFERED, as users run: output waits in buffers, and fails late."""
    return {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("long", [False, True], ids=["at-exit", "while-printing"])
def test_output_that_cannot_be_written_is_said_plainly(small_site: Path, tmp_path: Path, long: bool) -> None:
    """A short report fails when it is flushed at exit; a long one while the command still prints."""
    site = generated_site(tmp_path / "many", 120, 5) if long else small_site
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "badgesite", "check", str(site), "--today", TODAY],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=buffered(),
            check=False,
            timeout=120,
        )
    assert result.returncode == 1
    assert "badgesite: could not write the output: No space left on device" in result.stderr
    assert "internal error" not in result.stderr


def test_an_output_folder_that_cannot_be_made_is_a_problem_not_a_bug(small_site: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("mine\n", encoding="utf-8")
    result = run_cli("build", small_site, "-o", blocker / "out")
    assert result.returncode == 1
    assert f"{blocker / 'out'}: cannot write the output folder here: {blocker} is a file, not a folder" in result.stderr
    assert "internal error" not in result.stderr
    assert blocker.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize(
    "arguments",
    [("init", "a" * 300), ("build", "a" * 300), ("new", "badge", "Foo", "--issuer", "AWS", "--id", "a" * 300)],
    ids=["init", "build", "new"],
)
def test_a_name_longer_than_the_system_takes_is_said_in_one_line(
    small_site: Path, tmp_path: Path, arguments: tuple[str, ...]
) -> None:
    extra = ("--site", str(small_site)) if arguments[0] == "new" else ()
    result = run_cli(*arguments, *extra, cwd=tmp_path)
    assert result.returncode in (1, 2), result.stderr
    assert "File name too long" in result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs /proc")
def test_an_output_folder_on_a_filesystem_that_takes_no_folders_is_a_problem() -> None:
    result = run_cli("build", REPO / "sample-site", "-o", "/proc/badgesite-out")
    assert result.returncode == 1
    assert "/proc/badgesite-out: cannot write the output folder here: " in result.stderr
    assert "internal error" not in result.stderr


def test_a_reader_of_the_problems_that_goes_away_is_not_reported_as_a_bug(tmp_path: Path) -> None:
    site = generated_site(tmp_path / "bad", 150, 0)
    for badge in (site / "badges").glob("*.yml"):
        badge.write_text(badge.read_text(encoding="utf-8").replace("earned: ", "earned: not-a-date #", 1))
    read, write = os.pipe()
    os.close(read)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "badgesite", "check", str(site), "--today", TODAY],
            stdout=subprocess.DEVNULL,
            stderr=write,
            env=buffered(),
            check=False,
            timeout=120,
        )
    finally:
        os.close(write)
    assert result.returncode == 141


def test_closed_stderr_drops_the_messages_instead_of_mixing_them_into_stdout(small_site: Path) -> None:
    (small_site / "badges" / "broken.yml").write_text("name: X\nissuer: AWS\nearned: not-a-date\n")
    line = shlex.join([sys.executable, "-m", "badgesite", "build", str(small_site), "--today", TODAY])
    result = subprocess.run(["sh", "-c", f"{line} 2>&-"], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stdout == ""


@pytest.mark.parametrize("port", ["99999", "-1", "http"])
def test_a_port_out_of_range_is_wrong_usage_before_anything_is_built(small_site: Path, port: str) -> None:
    result = run_cli("serve", small_site, "--port", port)
    assert result.returncode == 2
    assert f'expected a port number from 0 to 65535, got "{port}"' in result.stderr
    assert not (small_site / "_site").exists()


def test_serve_takes_today_like_the_other_commands(small_site: Path) -> None:
    wrong = run_cli("serve", small_site, "--today", "2026-13-01", "--port", "0")
    assert wrong.returncode == 2
    assert "argument --today" in wrong.stderr and "no such folder" not in wrong.stderr


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("abc", 'expected a whole number of seconds since 1970-01-01 UTC, got "abc"'),
        ("-5", 'expected a whole number of seconds since 1970-01-01 UTC, got "-5"'),
        ("1.5e9", 'expected a whole number of seconds since 1970-01-01 UTC, got "1.5e9"'),
        ("99999999999999", 'up to 2999-12-31, got "99999999999999"'),
        ("9" * 5000, 'up to 2999-12-31, got "' + "9" * 40 + '"'),
    ],
)
def test_a_source_date_epoch_that_is_not_a_usable_time_is_wrong_usage(
    small_site: Path, value: str, message: str
) -> None:
    """The reproducible-builds spec: a malformed SOURCE_DATE_EPOCH is an error, not a silent use of the clock."""
    for command in ("build", "check", "review"):
        result = run_cli(command, small_site, env={"SOURCE_DATE_EPOCH": value})
        assert result.returncode == 2, (command, result.stderr)
        assert result.stderr.startswith("badgesite: SOURCE_DATE_EPOCH: expected a whole number of seconds since ")
        assert result.stderr.endswith(f"{message}\n")
    assert not (small_site / "_site").exists()


def test_a_source_date_epoch_sets_today(small_site: Path) -> None:
    result = run_cli("build", small_site, env={"SOURCE_DATE_EPOCH": "1795953600"})  # 2026-11-29
    assert result.returncode == 0, result.stderr
    assert run_cli("build", small_site, env={"SOURCE_DATE_EPOCH": ""}).returncode == 0
