"""Each badge's issuer assertion: read from its file or baked image, checked offline, ready to publish and bake."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from badgesite import openbadges
from badgesite.bake.publish import Baker
from badgesite.model import Site
from badgesite.model.types import Badge
from badgesite.problems import Problem

MAX_ASSERTION_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True, slots=True, kw_only=True)
class BadgeCredential:
    """The issuer's assertion of one badge and what was checked about it."""

    payload: str
    credential: openbadges.Credential
    source: str
    checks: tuple[openbadges.Check, ...]

    @property
    def version(self) -> str:
        return self.credential.version or "2.0"

    @property
    def published_name(self) -> str | None:
        """`assertion.json` or `assertion.jws` beside the image; None for a bare hosted URL."""
        if self.credential.format == "url":
            return None
        return "assertion.jws" if self.credential.format in ("jws", "vc-jwt") else "assertion.json"

    @property
    def failed(self) -> tuple[openbadges.Check, ...]:
        return tuple(check for check in self.checks if check.status == "failed")

    @property
    def passed(self) -> tuple[openbadges.Check, ...]:
        return tuple(check for check in self.checks if check.status == "passed")


class AssertionUnreadable(Exception):
    """A badge's assertion (or the issuer image it is read from) that cannot be read; `field` is where to fix it."""

    def __init__(self, field: str, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.field = field
        self.message = message
        self.hint = hint


def read_credentials(site: Site, root: Path) -> tuple[dict[str, BadgeCredential], list[Problem]]:
    """Read every badge's assertion: the `assertion` file, or else an issuer image that is already baked."""
    credentials: dict[str, BadgeCredential] = {}
    problems: list[Problem] = []
    for badge in site.badges:
        try:
            found = read_assertion(root, assertion_file=badge.assertion_file, image_file=badge.image_file)
        except AssertionUnreadable as error:
            problems.append(Problem(path=badge.source, field=error.field, message=error.message, hint=error.hint))
            continue
        if found is None:
            continue
        source, payload, credential = found
        checks = openbadges.check_credential(
            credential, emails=site.owner.emails, today=site.today, public_key=badge.issuer_key
        )
        credentials[badge.id] = BadgeCredential(payload=payload, credential=credential, source=source, checks=checks)
    return credentials, problems


def read_assertion(
    root: Path, *, assertion_file: str | None, image_file: str | None
) -> tuple[str, str, openbadges.Credential] | None:
    """(source file, payload, credential) of a badge; None when it has no assertion file and its image carries
    none. Raises AssertionUnreadable. The build and the preflight of a site with problems both read this way."""
    source = assertion_file or image_file
    if source is None:
        return None
    field = "assertion" if assertion_file else "image"
    try:
        found = _read(root / source, explicit=bool(assertion_file))
    except openbadges.OpenBadgesError as error:
        raise AssertionUnreadable(field, f"{source}: {error}", "use the file exactly as the issuer sent it") from None
    except OSError as error:
        raise AssertionUnreadable(field, f"cannot read {source}: {error.strerror}") from None
    if found is None:
        if assertion_file:
            raise AssertionUnreadable(
                "assertion",
                f"no Open Badges assertion is baked into {source}",
                "give the assertion JSON or JWS file, or the URL, as `assertion`",
            )
        return None
    return (source, *found)


def _read(path: Path, *, explicit: bool) -> tuple[str, openbadges.Credential] | None:
    """A baked image gives its payload (None when nothing is baked); a text file is parsed as a payload."""
    data = path.read_bytes()
    if len(data) > MAX_ASSERTION_BYTES and openbadges.sniff_image_format(data) is None:
        raise openbadges.OpenBadgesError(f"assertion file is larger than {MAX_ASSERTION_BYTES // 1024 // 1024} MiB")
    if openbadges.sniff_image_format(data) is not None:
        baked = openbadges.read_baked(data)
        return (baked.payload_text, baked.credential) if baked else None
    if not explicit:
        return None
    try:
        text = data.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise openbadges.OpenBadgesError("is neither a PNG/SVG image nor UTF-8 text (JSON or JWS)") from None
    return text, openbadges.parse_payload(text)


class OpenBadgesBaker(Baker):
    """Bakes each badge's own assertion into its published image."""

    def __init__(self, credentials: dict[str, BadgeCredential]) -> None:
        self.credentials = credentials

    def payload_for(self, badge: Badge) -> tuple[str, str] | None:
        found = self.credentials.get(badge.id)
        return (found.payload, found.version) if found else None

    def bake(self, image: bytes, payload: str, version: str) -> bytes:
        # replace_all: a published image carries the badge's own credential and nothing an earlier issuer baked
        return openbadges.bake(image, payload, version="3.0" if version == "3.0" else "2.0", replace_all=True)

    def is_baked_with(self, image: bytes, payload: str) -> bool:
        try:
            baked = openbadges.read_baked(image)
        except openbadges.OpenBadgesError:
            return False
        return baked is not None and baked.payload_text == payload
