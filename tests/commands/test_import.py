"""`badgesite import`: every real baked file becomes a badge that builds; nothing is overwritten or fetched unasked."""

from __future__ import annotations

import datetime as dt
import io
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml
from PIL import Image

from badgesite import openbadges
from badgesite.commands.badge_yaml import BadgeYaml
from tests.conftest import FIXTURES, MINIMAL_CONFIG, run_cli, write_files

requires_fixtures = pytest.mark.skipif(not FIXTURES.is_dir(), reason="the shared Open Badges fixtures are absent")

EPOCH_2026_11_29 = {"SOURCE_DATE_EPOCH": "1795953600"}
NO_PROXY = {"NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}

#: fixture -> (badge id, name, issuer, earned, copied file)
FIXTURE_IMPORTS = {
    "1edtech-dcpv__ob20_simple-badge.png": (
        "1edtech-dcpv-ob20-simple-badge", "1edtech-dcpv__ob20_simple-badge", "example.org", dt.date(2016, 12, 31),
        "1edtech-dcpv-ob20-simple-badge.png",
    ),
    "1edtech-dcpv__ob30_simple-json.png": ("teamwork", "Teamwork", "Example Corp", dt.date(2010, 1, 1), "teamwork.png"),
    "1edtech-dcpv__ob30_simple-json.svg": ("teamwork", "Teamwork", "Example Corp", dt.date(2010, 1, 1), "teamwork.svg"),
    "1edtech-dcpv__ob30_simple-jwt.png": ("teamwork", "Teamwork", "Example Corp", dt.date(2010, 1, 1), "teamwork.png"),
    "1edtech-dcpv__ob30_simple-jwt.svg": ("teamwork", "Teamwork", "Example Corp", dt.date(2010, 1, 1), "teamwork.svg"),
    "1edtech-dcpv__ob30_simple-jwt_v1.png": (
        "teamwork", "Teamwork", "Example University", dt.date(2010, 1, 1), "teamwork.png",
    ),
    "mozilla-backpack__valid-baked.png": (
        "mozilla-backpack-valid-baked", "mozilla-backpack__valid-baked", "example.org", dt.date(2026, 11, 29),
        "mozilla-backpack-valid-baked.png",
    ),
    "mozilla-bakery-js__baked.svg": (
        "mozilla-bakery-js-baked", "mozilla-bakery-js__baked", "example.org", dt.date(2026, 11, 29),
        "mozilla-bakery-js-baked.svg",
    ),
    "concentricsky-bakery__baked_heart.png": (
        "concentricsky-bakery-baked-heart", "concentricsky-bakery__baked_heart", "example.org", dt.date(2015, 4, 1),
        "concentricsky-bakery-baked-heart.png",
    ),
    "concentricsky-bakery__baked_example.svg": (
        "concentricsky-bakery-baked-example", "concentricsky-bakery__baked_example", "example.org",
        dt.date(2013, 11, 5), "concentricsky-bakery-baked-example.svg",
    ),
}  # fmt: skip

FRAMEWORKS = """\
frameworks:
  - id: sfia
    name: SFIA 9
    url: https://sfia-online.org/en/sfia-9
    codes:
      - {code: PROG, title: Programming/software development}
      - {code: ARCH, title: Solution architecture, url: https://sfia-online.org/en/sfia-9/skills/arch}
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A minimal site: just a config, with one framework to align to."""
    return write_files(tmp_path / "site", {"badgesite.yml": MINIMAL_CONFIG + FRAMEWORKS})


def import_into(site: Path, *arguments: str | Path, env: dict[str, str] | None = None) -> Any:
    return run_cli("import", *arguments, "--site", site, env={**EPOCH_2026_11_29, **NO_PROXY, **(env or {})})


def badge_file(site: Path, badge_id: str) -> dict[str, Any]:
    data = yaml.safe_load((site / "badges" / f"{badge_id}.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def assert_builds(site: Path) -> None:
    built = run_cli("build", site)
    assert built.returncode == 0, built.stderr


@requires_fixtures
@pytest.mark.parametrize("fixture", sorted(FIXTURE_IMPORTS))
def test_each_fixture_imports_into_a_badge_that_builds(site: Path, fixture: str) -> None:
    badge_id, name, issuer, earned, copied = FIXTURE_IMPORTS[fixture]

    result = import_into(site, FIXTURES / fixture)

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"imported {FIXTURES / fixture} -> badges/{badge_id}.yml\n")
    assert f"  copied beside it: {copied}\n" in result.stdout
    assert result.stdout.endswith(f"imported 1 file into {site / 'badges'}\nNext: review the new files, then run "
                                  f"`badgesite build {site}`.\n")  # fmt: skip
    assert (site / "badges" / copied).read_bytes() == (FIXTURES / fixture).read_bytes()  # byte for byte
    data = badge_file(site, badge_id)
    assert (data["name"], data["issuer"], data["earned"]) == (name, issuer, earned)
    assert data["assertion"] == copied
    assert data["image"] == copied
    text = (site / "badges" / f"{badge_id}.yml").read_text(encoding="utf-8")
    assert text.startswith(f"# Imported by `badgesite import` on 2026-11-29 from {fixture}\n")
    assert_builds(site)
    assert (site / "_site" / "badges" / badge_id / "index.html").is_file()


@requires_fixtures
def test_fields_of_an_ob30_credential(site: Path) -> None:
    assert import_into(site, FIXTURES / "1edtech-dcpv__ob30_simple-jwt.png").returncode == 0
    assert badge_file(site, "teamwork") == {
        "name": "Teamwork",
        "issuer": "Example Corp",
        "earned": dt.date(2010, 1, 1),
        "description": "This badge recognizes the development of the capacity to collaborate within a group "
        "environment.",
        "verify_url": "http://example.com/credentials/3527",
        "assertion": "teamwork.png",
        "image": "teamwork.png",
    }
    text = (site / "badges" / "teamwork.yml").read_text(encoding="utf-8")
    assert '# (Open Badges 3.0, VC-JWT, baked into the PNG iTXt chunk "openbadgecredential").\n' in text
    assert "# The issuer's web site is https://www.imsglobal.org (add it under `issuers:` in badgesite.yml).\n" in text
    assert "#   Team members are nominated for this badge by their peers" in text


@requires_fixtures
def test_stand_ins_are_marked_in_the_file_and_the_output(site: Path) -> None:
    result = import_into(site, FIXTURES / "mozilla-backpack__valid-baked.png")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[2:6] == [
        "  name: the assertion does not name the badge; the file's name was used (edit it)",
        '  issuer: the assertion does not name its issuer; "example.org" was used (edit it)',
        "  earned: the assertion gives no issue date; today's date was used (edit it)",
        "  only the URL of a hosted assertion was found; it is set as verify_url "
        "(run again with --fetch --force to import the assertion it points at)",
    ]
    text = (site / "badges" / "mozilla-backpack-valid-baked.yml").read_text(encoding="utf-8")
    assert "# earned: the assertion gives no issue date; this is the day of the import. Correct it.\n" in text
    assert badge_file(site, "mozilla-backpack-valid-baked")["verify_url"] == "https://example.org/assertion"


@requires_fixtures
def test_all_ten_in_one_run_refuse_to_overwrite_each_other(site: Path) -> None:
    result = import_into(site, *(FIXTURES / name for name in sorted(FIXTURE_IMPORTS)))

    assert result.returncode == 1
    assert result.stdout.endswith("imported 6 of 10 files; 4 failed (see the messages above)\n")
    first = FIXTURES / "1edtech-dcpv__ob30_simple-json.png"
    assert (
        f"badgesite import: {FIXTURES / '1edtech-dcpv__ob30_simple-json.svg'}: badges/teamwork.yml was written from "
        f"{first} a moment ago in this run; nothing was imported (import this file on its own with --id ID)\n"
    ) in result.stderr
    assert not (site / "badges" / "teamwork.svg").exists()  # nothing else of a refused file is written
    assert (site / "badges" / "teamwork.png").read_bytes() == first.read_bytes()
    assert_builds(site)

    renamed = import_into(site, FIXTURES / "1edtech-dcpv__ob30_simple-jwt.svg", "--id", "teamwork-jwt")
    assert renamed.returncode == 0, renamed.stderr
    assert badge_file(site, "teamwork-jwt")["image"] == "teamwork-jwt.svg"
    assert_builds(site)


@requires_fixtures
def test_an_existing_file_is_never_overwritten_without_force(site: Path) -> None:
    fixture = FIXTURES / "1edtech-dcpv__ob30_simple-json.png"
    assert import_into(site, fixture).returncode == 0
    own = site / "badges" / "teamwork.yml"
    own.write_text(own.read_text(encoding="utf-8") + "level: advanced\n", encoding="utf-8")
    kept = own.read_bytes()

    refused = import_into(site, FIXTURES / "1edtech-dcpv__ob30_simple-jwt.png")

    assert refused.returncode == 1
    assert refused.stderr == (
        f"badgesite import: {FIXTURES / '1edtech-dcpv__ob30_simple-jwt.png'}: badges/teamwork.yml already exists; "
        "nothing was imported (pass --force to replace it, or --id ID to import under another id)\n"
    )
    assert refused.stdout == "imported 0 of 1 file; 1 failed (see the messages above)\n"
    assert own.read_bytes() == kept
    assert (site / "badges" / "teamwork.png").read_bytes() == fixture.read_bytes()

    forced = import_into(site, FIXTURES / "1edtech-dcpv__ob30_simple-jwt.png", "--force")
    assert forced.returncode == 0, forced.stderr
    assert "level" not in badge_file(site, "teamwork")
    assert (site / "badges" / "teamwork.png").read_bytes() == (
        FIXTURES / "1edtech-dcpv__ob30_simple-jwt.png"
    ).read_bytes()
    assert_builds(site)


def test_an_id_taken_by_another_badge_file_is_refused_even_with_force(site: Path, tmp_path: Path) -> None:
    write_files(site, {"badges/old/cloud.yaml": "name: Cloud\nissuer: AWS\nearned: 2024-01-01\n"})
    assertion = tmp_path / "cloud.json"
    assertion.write_text(json.dumps(ob2_assertion(name="Cloud")), encoding="utf-8")
    result = import_into(site, assertion, "--force")
    assert result.returncode == 1
    assert 'the id "cloud" is taken by badges/old/cloud.yaml; nothing was imported' in result.stderr
    assert sorted(p.name for p in (site / "badges").iterdir()) == ["old"]


def ob2_assertion(**badge: Any) -> dict[str, Any]:
    return {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": "urn:uuid:2f5a3a8e-7a43-4c7e-9f4e-000000000001",
        "recipient": {"type": "email", "hashed": False, "identity": "ada@example.org"},
        "issuedOn": "2024-05-31T10:00:00Z",
        "verification": {"type": "hosted"},
        "badge": {"type": "BadgeClass", "issuer": {"type": "Profile", "name": "Example"}, **badge},
    }


TRICKY_NAME = 'Kubernetes: "Admin" #1 — it\'s {not} [a] list: yes'


def test_names_with_quotes_and_colons_round_trip_and_every_field_is_filled(site: Path, tmp_path: Path) -> None:
    assertion = ob2_assertion(
        name=TRICKY_NAME,
        description="First line: with a colon\n\n- a bullet # not a comment\n- 'quoted'",
        criteria={"id": "https://example.org/criteria", "narrative": "Pass the exam.\nThen the lab."},
        alignment=[
            {"targetName": "Programming", "targetFramework": "SFIA 9", "targetCode": "PROG"},
            {"targetName": "Architecture", "targetUrl": "https://sfia-online.org/en/sfia-9/skills/arch"},
            {
                "targetName": "Cloud",
                "targetFramework": "ESCO",
                "targetCode": "S1.2",
                "targetUrl": "https://esco.example/s1",
            },
            {"targetName": "Wrong code", "targetFramework": "SFIA 9", "targetCode": "NOPE"},
        ],
    )
    assertion["expires"] = "2027-05-31T00:00:00Z"
    assertion["evidence"] = [
        {"id": "https://example.org/work", "name": 'My "work": part #1', "narrative": "Line one\nLine two: # x"},
        {"narrative": "Told, not linked"},
    ]
    path = tmp_path / "Kubernetes Admin.json"
    path.write_text(json.dumps(assertion, indent=2), encoding="utf-8")

    result = import_into(site, path)

    assert result.returncode == 0, result.stderr
    badge_id = "kubernetes-admin-1-its-not-a-list-yes"
    assert result.stdout.startswith(f"imported {path} -> badges/{badge_id}.yml\n")
    assert f"  copied beside it: {badge_id}.assertion.json\n" in result.stdout
    assert "  evidence: 1 item without an http(s) link kept as a comment\n" in result.stdout
    assert "  alignment: 2 alignments matching no framework in badgesite.yml kept as a comment\n" in result.stdout
    assert badge_file(site, badge_id) == {
        "name": TRICKY_NAME,
        "issuer": "Example",
        "earned": dt.date(2024, 5, 31),
        "expires": dt.date(2027, 5, 31),
        "description": "First line: with a colon\n\n- a bullet # not a comment\n- 'quoted'",
        "criteria_url": "https://example.org/criteria",
        "credential_id": "urn:uuid:2f5a3a8e-7a43-4c7e-9f4e-000000000001",
        "assertion": f"{badge_id}.assertion.json",
        "evidence": [
            {"title": 'My "work": part #1', "url": "https://example.org/work", "narrative": "Line one\nLine two: # x"}
        ],
        "alignment": [{"framework": "sfia", "code": "PROG"}, {"framework": "sfia", "code": "ARCH"}],
    }
    assert (site / "badges" / f"{badge_id}.assertion.json").read_bytes() == path.read_bytes()
    text = (site / "badges" / f"{badge_id}.yml").read_text(encoding="utf-8")
    assert (
        "# alignments from the assertion that match no framework in badgesite.yml:\n"
        "#   - name: Cloud, framework: ESCO, code: S1.2, url: https://esco.example/s1\n"
        "#   - name: Wrong code, framework: SFIA 9, code: NOPE\n"
    ) in text
    assert "#   Pass the exam.\n#   Then the lab.\n" in text
    assert "#   - Told, not linked\n" in text
    assert_builds(site)


@requires_fixtures
def test_a_jws_file_is_copied_as_the_assertion(site: Path, tmp_path: Path) -> None:
    baked = openbadges.read_baked((FIXTURES / "1edtech-dcpv__ob30_simple-jwt.png").read_bytes())
    assert baked is not None
    token = tmp_path / "credential.jwt"
    token.write_text(baked.payload_text + "\n", encoding="utf-8")

    result = import_into(site, token)

    assert result.returncode == 0, result.stderr
    assert badge_file(site, "teamwork")["assertion"] == "teamwork.assertion.jws"
    assert "image" not in badge_file(site, "teamwork")
    assert (site / "badges" / "teamwork.assertion.jws").read_bytes() == token.read_bytes()
    assert_builds(site)


def small_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA", (8, 8), (200, 30, 30, 255)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_an_inline_data_url_image_is_saved_beside_the_badge(site: Path, tmp_path: Path) -> None:
    import base64

    assertion = ob2_assertion(name="Inline", image="data:image/png;base64," + base64.b64encode(small_png()).decode())
    path = tmp_path / "inline.json"
    path.write_text(json.dumps(assertion), encoding="utf-8")
    assert import_into(site, path).returncode == 0
    assert badge_file(site, "inline")["image"] == "inline.png"
    assert (site / "badges" / "inline.png").read_bytes() == small_png()
    assert_builds(site)


def test_a_broken_inline_image_is_left_out_with_a_note(site: Path, tmp_path: Path) -> None:
    assertion = ob2_assertion(name="Broken", image="data:image/png;base64,iVBORw0KGgo=")
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(assertion), encoding="utf-8")
    result = import_into(site, path)
    assert result.returncode == 0, result.stderr
    assert (
        "  image: the assertion's inline (data: URL) image was left out: not an image file that can be read"
        in result.stdout
    )
    assert "image" not in badge_file(site, "broken")
    assert_builds(site)


def _png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims a huge size: cheap to read for its chunks, refused by the build's image bound."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


def test_an_import_that_would_break_the_build_is_rolled_back(site: Path, tmp_path: Path) -> None:
    baked = openbadges.bake(_png_claiming(20_000, 20_000), json.dumps(ob2_assertion(name="Huge")), version="2.0")
    path = tmp_path / "huge.png"
    path.write_bytes(baked)

    result = import_into(site, path)

    assert result.returncode == 1
    assert result.stderr.startswith(f"badgesite import: {path}: the badge written for it would not build, so it was ")
    assert "image: image has too many pixels to decode safely; the limit is 40,000,000 pixels" in result.stderr
    assert sorted(p.name for p in (site / "badges").iterdir()) == []


def test_outside_a_site_folder_nothing_is_written(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps(ob2_assertion(name="A")), encoding="utf-8")
    result = run_cli("import", path, "--site", tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        f"badgesite import: {tmp_path / 'badgesite.yml'}: no such file; {tmp_path} is not a site folder "
        "(run `badgesite init DIR` to start one, or pass --site DIR)\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]


@requires_fixtures
def test_an_unreadable_file_fails_alone(site: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.png"
    broken.write_bytes((FIXTURES / "1edtech-dcpv__ob20_simple-badge.png").read_bytes()[:200])
    result = import_into(site, broken, FIXTURES / "1edtech-dcpv__ob30_simple-json.png")
    assert result.returncode == 1
    assert result.stderr == (
        f"badgesite import: {broken}: PNG is truncated: the iTXt chunk at byte 33 declares 446 bytes but only 155 "
        "remain\n"
    )
    assert result.stdout.endswith("imported 1 of 2 files; 1 failed (see the messages above)\n")
    assert sorted(p.name for p in (site / "badges").iterdir()) == ["teamwork.png", "teamwork.yml"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ((), "the following arguments are required: FILE"),
        (("a.png", "b.png", "--id", "x"), "--id needs exactly one FILE"),
        (("a.png", "--id", "Not An Id"), '--id "Not An Id" is not a badge id'),
        (("a.png", "--site", "no-such-folder"), 'no such folder: "no-such-folder"'),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, arguments: tuple[str, ...], message: str) -> None:
    result = run_cli("import", *arguments, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr


def test_help_is_complete_with_an_example() -> None:
    result = run_cli("import", "--help")
    assert result.returncode == 0
    for option in ("--site", "--force", "--fetch", "--id"):
        assert option in result.stdout
    assert "example:\n  badgesite import ~/Downloads/aws-cloud-practitioner.png --site my-portfolio\n" in result.stdout


# --fetch, against a local server


@dataclass
class Hosted:
    """What the local server serves (path -> status and body) and the Accept header of each request it got."""

    base: str
    documents: dict[str, tuple[int, bytes]] = field(default_factory=dict)
    accepts: list[str] = field(default_factory=list)


@pytest.fixture
def hosted() -> Iterator[Hosted]:
    """An http server on 127.0.0.1, on a free port, in a thread."""
    state = Hosted(base="")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.accepts.append(self.headers.get("Accept", ""))
            status, body = state.documents.get(self.path, (404, b"not found"))
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def url_only_png(tmp_path: Path, url: str) -> Path:
    path = tmp_path / "hosted-badge.png"
    path.write_bytes(openbadges.bake_png(small_png(), url, keyword="openbadges"))
    return path


def test_fetch_imports_the_hosted_assertion_and_its_badge_class(site: Path, tmp_path: Path, hosted: Hosted) -> None:
    base = hosted.base
    assertion = ob2_assertion()
    assertion["id"] = f"{base}/assertions/1"
    assertion["badge"] = f"{base}/badges/cloud"
    hosted.documents["/assertions/1"] = (200, json.dumps(assertion).encode())
    hosted.documents["/badges/cloud"] = (
        200,
        json.dumps({"type": "BadgeClass", "name": "Cloud: Basics", "issuer": f"{base}/issuer"}).encode(),
    )
    hosted.documents["/issuer"] = (200, json.dumps({"type": "Profile", "name": "Hosted Org", "url": base}).encode())
    baked = url_only_png(tmp_path, f"{base}/assertions/1")

    offline = import_into(site, baked)
    assert offline.returncode == 0, offline.stderr
    assert badge_file(site, "hosted-badge")["verify_url"] == f"{base}/assertions/1"
    assert "run again with --fetch --force" in offline.stdout
    assert hosted.accepts == []  # nothing is fetched without --fetch

    fetched = import_into(site, baked, "--fetch")
    assert fetched.returncode == 0, fetched.stderr
    assert hosted.accepts == ["application/json"] * 3  # the assertion, its badge class, the issuer
    assert fetched.stdout.startswith(f"imported {baked} -> badges/cloud-basics.yml\n")
    assert f"  fetched the badge class from {base}/badges/cloud\n" in fetched.stdout
    data = badge_file(site, "cloud-basics")
    assert (data["name"], data["issuer"], data["earned"]) == ("Cloud: Basics", "Hosted Org", dt.date(2024, 5, 31))
    assert data["assertion"] == "cloud-basics.assertion.json"
    assert data["image"] == "cloud-basics.png"
    assert data["verify_url"] == f"{base}/assertions/1"
    text = (site / "badges" / "cloud-basics.yml").read_text(encoding="utf-8")
    assert f"# The file held only a URL; the assertion was fetched from {base}/assertions/1.\n" in text
    saved = json.loads((site / "badges" / "cloud-basics.assertion.json").read_text(encoding="utf-8"))
    assert saved == assertion  # the assertion as served, without the badge class merged into it
    assert (site / "badges" / "cloud-basics.png").read_bytes() == baked.read_bytes()
    assert_builds(site)


@pytest.mark.parametrize(
    ("status", "body", "message"),
    [
        (404, b"not found", "/missing: the server answered 404 Not Found (run without --fetch to import it with only"),
        (200, b"<html>nope</html>", "did not answer with an Open Badges assertion: payload is not an Open Badge"),
        (200, b"x" * (1024 * 1024 + 1), "the answer is larger than 1024 KiB; refused"),
    ],
)
def test_fetch_failures_import_nothing(
    site: Path,
    tmp_path: Path,
    hosted: Hosted,
    status: int,
    body: bytes,
    message: str,
) -> None:
    if status == 200:
        hosted.documents["/missing"] = (status, body)
    result = import_into(site, url_only_png(tmp_path, f"{hosted.base}/missing"), "--fetch")
    assert result.returncode == 1
    assert message in result.stderr
    assert not (site / "badges").exists() or list((site / "badges").iterdir()) == []


# The YAML writer itself


@pytest.mark.parametrize(
    "value",
    [
        TRICKY_NAME,
        "yes",
        "null",
        "2024-05-31",
        "- starts like a list",
        "ends with a colon:",
        "  leading and trailing spaces  ",
        "line\u2028separator and next\x85line",
        "tab\tand control \x01 \x7f characters",
        "multi\nline\n\nwith trailing newline\n",
        "#hash first",
        "{braces}",
        "'single' and \"double\"",
        "@at and `backtick`",
        "",
    ],
)
def test_badge_yaml_values_read_back_exactly(value: str) -> None:
    writer = BadgeYaml()
    writer.comment(f"a comment holding the value: {value}")
    writer.field("name", value)
    writer.field("evidence", [{"title": value, "url": "https://example.org/#x"}])
    assert yaml.safe_load(writer.text()) == {
        "name": value,
        "evidence": [{"title": value, "url": "https://example.org/#x"}],
    }


def test_badge_yaml_comments_cannot_break_out() -> None:
    writer = BadgeYaml()
    writer.comment("first\nname: injected\rsecond\u2028third")
    writer.field("name", "Real")
    text = writer.text()
    assert yaml.safe_load(text) == {"name": "Real"}
    assert text == "# first\n# name: injected\n# second\n# third\nname: Real\n"


@requires_fixtures
@pytest.mark.parametrize(
    ("issuer_url", "issuer", "comment"),
    [
        # the starter config's issuers: on the same host, but the assertion is not under their sites
        ("https://example.org/academy/", "example.org", "# issuer: the assertion does not name its issuer; this is"),
        ("https://example.org/assertion-2", "example.org", "# issuer: the assertion does not name its issuer; this is"),
        (
            "https://EXAMPLE.org",
            "Example Org",
            "# issuer: the assertion does not name its issuer; the assertion's URL (https://example.org/assertion) "
            'is under the web site badgesite.yml gives to "Example Org".',
        ),
    ],
)
def test_an_unnamed_issuer_is_the_configured_one_only_when_under_its_site(
    tmp_path: Path, issuer_url: str, issuer: str, comment: str
) -> None:
    """One host serves many issuers (credly.com/organizations/…): the host alone names none of them."""
    config = (
        "title: T\nbase_url: https://example.org/\nowner: {name: Ada}\n"
        f"issuers:\n  - name: Example Org\n    url: {issuer_url}\n"
    )
    site = write_files(tmp_path / "site", {"badgesite.yml": config})
    result = import_into(site, FIXTURES / "mozilla-backpack__valid-baked.png")
    assert result.returncode == 0, result.stderr
    assert badge_file(site, "mozilla-backpack-valid-baked")["issuer"] == issuer
    assert comment in (site / "badges" / "mozilla-backpack-valid-baked.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("url", "issuer"),
    [
        ("https://example.org/academy/badges/x.json", "Academy"),
        ("https://EXAMPLE.org/academy", "Academy"),
        ("https://example.org/academy/../foundation/x.json", None),
        ("https://example.org/academy%2F..%2F..%2Fother/x.json", None),
        ("https://example.org/academy-2/x.json", None),
        ("https://other.example.org/academy/x.json", None),
    ],
)
def test_an_address_is_under_an_issuers_site_by_its_resolved_path(url: str, issuer: str | None) -> None:
    from badgesite.commands.imported_badge import _configured_issuer

    config = {"issuers": [{"name": "Academy", "url": "https://example.org/academy/"}]}
    assert _configured_issuer(url, config) == issuer
