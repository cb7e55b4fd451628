"""A failed assertion check, or an `earned` the assertion contradicts, reaches `check` and `build` as a warning."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

from PIL import Image

from badgesite import openbadges
from badgesite.build import BuildOptions
from badgesite.live_build import LiveBuild
from badgesite.serve.watch import ChangeKind
from tests.conftest import run_cli, write_files
from tests.html_tools import parse_page

TODAY = "2026-01-01"
CONFIG = "title: T\nbase_url: https://example.org/\nowner:\n  name: Ada\n  emails: [ada@example.org]\n"
REVIEWED = "reviewed: 2025-12-01\nevidence: [{title: Work, url: 'https://example.org/work'}]\n"


def assertion(recipient: str, issued_on: str, *, hashed: bool = False, **more: object) -> dict[str, object]:
    """An OB 2.0 hosted assertion issued to a plain-text email (or the hash given), with any `more` fields."""
    return {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": "https://issuer.example/assertions/1",
        "recipient": {"type": "email", "hashed": hashed, "identity": recipient},
        "issuedOn": issued_on,
        "badge": {
            "type": "BadgeClass",
            "id": "https://issuer.example/badges/1",
            "name": "Badge",
            "issuer": {"type": "Profile", "id": "https://issuer.example/", "name": "Acme"},
        },
        "verification": {"type": "hosted"},
        **more,
    }


def baked(recipient: str, issued_on: str, expires: str | None = None, *, hashed: bool = False) -> bytes:
    """A small PNG with that assertion baked in."""
    extra = {"expires": expires} if expires else {}
    picture = io.BytesIO()
    Image.new("RGB", (64, 64), (10, 120, 200)).save(picture, "PNG")
    return openbadges.bake(
        picture.getvalue(), json.dumps(assertion(recipient, issued_on, hashed=hashed, **extra)), version="2.0"
    )


def site(root: Path) -> Path:
    return write_files(
        root,
        {
            "badgesite.yml": CONFIG,
            "badges/stolen.png": baked("mallory@example.org", "2025-03-01T10:00:00Z"),
            "badges/stolen.yml": "name: Stolen\nissuer: Acme\nearned: 2025-03-01\nimage: stolen.png\n"
            "assertion: stolen.png\n" + REVIEWED,
            "badges/future.png": baked("ada@example.org", "2099-01-01T10:00:00Z"),
            "badges/future.yml": "name: Future\nissuer: Acme\nearned: 2025-03-01\nimage: future.png\n" + REVIEWED,
            "badges/fine.png": baked("ada@example.org", "2025-02-28T23:30:00-05:00"),
            "badges/fine.yml": "name: Fine\nissuer: Acme\nearned: 2025-03-01\nimage: fine.png\nrenews: old\n"
            + REVIEWED,
            "badges/old.png": baked("ada@example.org", "2020-01-01T00:00:00Z", expires="2023-01-01T00:00:00Z"),
            "badges/old.yml": "name: Old\nissuer: Acme\nearned: 2020-01-01\nexpires: 2023-01-01\nimage: old.png\n"
            + REVIEWED,
        },
    )


WARNINGS = [
    "badges/future.yml:3:9: warning: earned: earned is 2025-03-01, but the assertion was issued on 2099-01-01 "
    "(check that the assertion is this badge's, exactly as the issuer sent it)",
    "badges/future.yml:4:8: warning: image: the assertion's issued check failed: issued on 2099-01-01, which is "
    'after today (2026-01-01); the badge page says "Issued: failed" (check that the assertion is this badge\'s, '
    "exactly as the issuer sent it)",
    "badges/stolen.yml:5:12: warning: assertion: the assertion's recipient check failed: the plain-text recipient "
    'does not match the owner email; the badge page says "Recipient: failed" (add the address this badge was '
    "issued to under owner.emails in badgesite.yml, or check that the assertion is yours)",
]


def test_check_warns_at_the_assertion_and_at_earned(tmp_path: Path) -> None:
    """An assertion a day off `earned` (time zones) and an expiry the badge file states are not reported."""
    root = site(tmp_path / "site")
    result = run_cli("check", root, "--today", TODAY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [*WARNINGS, "3 warnings in 2 files"]
    assert run_cli("check", root, "--today", TODAY, "--strict").returncode == 1


def test_build_succeeds_and_says_so_on_stderr(tmp_path: Path) -> None:
    root = site(tmp_path / "site")
    result = run_cli("build", root, "--today", TODAY, "-q")
    assert result.returncode == 0
    assert result.stdout == ""
    assert result.stderr.splitlines() == WARNINGS
    page = parse_page(root / "_site" / "badges" / "stolen" / "index.html")
    assert "Recipient : failed — the plain-text recipient does not match the owner email" in page.visible_text


def test_serve_rebuilds_carry_the_warnings(tmp_path: Path) -> None:
    """serve prints them after its first build and again only when they change."""
    root = site(tmp_path / "site")
    live = LiveBuild(BuildOptions(site_root=root, output=tmp_path / "out", today=dt.date.fromisoformat(TODAY)))
    first = live.rebuild()
    assert first.warnings is not None and [warning.format() for warning in first.warnings] == WARNINGS
    stolen = root / "badges" / "stolen.yml"
    stolen.write_text(stolen.read_text().replace("name: Stolen", "name: Borrowed"))
    edited = live.rebuild([stolen], ChangeKind.CONTENT)
    assert edited.warnings == first.warnings


def test_a_revoked_assertion_is_a_warning_in_check(tmp_path: Path) -> None:
    revoked = assertion("ada@example.org", "2025-03-01T10:00:00Z", revoked=True, revocationReason="issued in error")
    root = write_files(
        tmp_path / "site",
        {
            "badgesite.yml": CONFIG,
            "badges/gone.json": json.dumps(revoked),
            "badges/gone.yml": "name: Gone\nissuer: Acme\nearned: 2025-03-01\nassertion: gone.json\n" + REVIEWED,
        },
    )
    result = run_cli("check", root, "--today", TODAY)
    assert "badges/gone.yml:4:12: warning: assertion: the assertion's revocation check failed: " in result.stdout
    assert "issued in error" in result.stdout
    assert "(the issuer has withdrawn this badge: remove it from the portfolio, or ask the issuer why)" in result.stdout


def test_serve_re_renders_a_badge_page_when_its_assertion_file_changes(tmp_path: Path) -> None:
    root = site(tmp_path / "site")
    output = tmp_path / "out"
    live = LiveBuild(BuildOptions(site_root=root, output=output, today=dt.date.fromisoformat(TODAY)))
    live.rebuild()
    page = output / "badges" / "stolen" / "index.html"
    assert "Recipient : failed" in parse_page(page).visible_text
    image = root / "badges" / "stolen.png"
    image.write_bytes(baked("ada@example.org", "2025-03-01T10:00:00Z"))
    live.rebuild([image], ChangeKind.ASSET)
    assert "Recipient : passed" in parse_page(page).visible_text


def test_a_build_that_finds_nothing_changed_says_the_warnings_again(tmp_path: Path) -> None:
    root = site(tmp_path / "site")
    assert run_cli("build", root, "--today", TODAY, "-q").stderr.splitlines() == WARNINGS
    again = run_cli("build", root, "--today", TODAY)
    assert again.returncode == 0
    assert "up to date" in again.stdout
    assert again.stderr.splitlines() == WARNINGS


def test_a_malformed_recipient_hash_is_not_blamed_on_the_owners_emails(tmp_path: Path) -> None:
    root = site(tmp_path / "site")
    (root / "badges" / "stolen.png").write_bytes(baked("sha256$" + "ab" * 20, "2025-03-01T10:00:00Z", hashed=True))
    result = run_cli("check", root, "--today", TODAY)
    line = next(line for line in result.stdout.splitlines() if line.startswith("badges/stolen.yml"))
    assert "is malformed" in line
    assert "(no address can match it: ask the issuer for a corrected assertion)" in line
    assert "owner.emails" not in line


def test_each_output_folder_keeps_its_own_warnings(tmp_path: Path) -> None:
    root = site(tmp_path / "site")
    other = tmp_path / "other"
    assert run_cli("build", root, "--today", TODAY, "-o", other).stderr.splitlines() == WARNINGS
    run_cli("build", root, "--today", "2026-06-01")  # another build, into the default folder
    again = run_cli("build", root, "--today", TODAY, "-o", other)
    assert "up to date" in again.stdout
    assert again.stderr.splitlines() == WARNINGS
