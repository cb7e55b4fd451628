"""What an imported credential becomes: the badge YAML (fields, and comments for what has no field) and its files."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import posixpath
import urllib.parse
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from badgesite import openbadges
from badgesite.bake.images import ImageProblem, inspect
from badgesite.commands.badge_input import BadgeInput
from badgesite.commands.badge_yaml import BadgeYaml
from badgesite.openbadges.kinds import is_http_url
from badgesite.openbadges.svg import parse_svg
from badgesite.slugs import slugify

UNKNOWN_ISSUER = "Unknown issuer"
VERSION_NAMES = {"1.0": "Open Badges 1.x (or earlier)", "2.0": "Open Badges 2.0", "3.0": "Open Badges 3.0"}
_SHORT_TITLE = 80


@dataclass(frozen=True, slots=True, kw_only=True)
class Fetched:
    """The assertion fetched from the URL that was all a file carried."""

    url: str
    text: str
    credential: openbadges.Credential


@dataclass(slots=True, kw_only=True)
class ImportPlan:
    """Everything one import writes, decided before anything is written."""

    badge_id: str
    yaml_text: str
    copies: dict[str, bytes]  # file name in badges/ -> exact bytes
    notes: list[str] = field(default_factory=list)


def badge_id_for(source: BadgeInput, fields_from: openbadges.Credential) -> str:
    """The badge's id: the slug of its name, else of the file's stem."""
    return slugify(fields_from.badge_name or source.path.stem)


def plan_import(
    source: BadgeInput,
    *,
    fields_from: openbadges.Credential,
    fetched: Fetched | None,
    config: Mapping[str, Any],
    today: dt.date,
    badge_id: str | None = None,
) -> ImportPlan:
    """Decide the YAML text and the copied files; `fields_from` may be the credential with hosted parts filled in."""
    badge_id = badge_id or badge_id_for(source, fields_from)
    cred = fields_from
    notes: list[str] = []
    yaml = BadgeYaml()
    _header(yaml, source, fetched, today)

    if cred.badge_name:
        yaml.field("name", cred.badge_name)
    else:
        yaml.comment(f"name: the assertion does not name the badge{_badge_class_hint(cred)}; this is the file's name.")
        yaml.field("name", source.path.stem)
        notes.append("name: the assertion does not name the badge; the file's name was used (edit it)")

    issuer, issuer_comment = _issuer(cred, config)
    if issuer_comment:
        yaml.comment(issuer_comment)
        notes.append(f'issuer: the assertion does not name its issuer; "{issuer}" was used (edit it)')
    elif cred.issuer_url and not _configured_issuer(cred.issuer_url, config):
        yaml.comment(f"The issuer's web site is {cred.issuer_url} (add it under `issuers:` in badgesite.yml).")
    yaml.field("issuer", issuer)

    earned = cred.issued_on
    unreadable = cred.unreadable_issued_on
    if unreadable is not None:
        said = f"the assertion's {unreadable.field} '{unreadable.written}' is not a date"
        yaml.comment(f"earned: {said}; this is the day of the import. Correct it.")
        notes.append(f"earned: {said}; today's date was used (edit it)")
    elif earned is None:
        yaml.comment("earned: the assertion gives no issue date; this is the day of the import. Correct it.")
        notes.append("earned: the assertion gives no issue date; today's date was used (edit it)")
    yaml.field("earned", earned or today)
    if cred.unreadable_expires is not None:
        said = f"the assertion's {cred.unreadable_expires.field} '{cred.unreadable_expires.written}' is not a date"
        yaml.comment(f"expires: {said}, so it is left out. Add the real expiry date if the badge has one.")
        notes.append(f"expires: {said}; left out (a comment) — add the real date if the badge expires")
    elif cred.expires is not None:
        if cred.expires > (earned or today):
            yaml.field("expires", cred.expires)
        else:
            yaml.comment(
                f"expires: {cred.expires.isoformat()} in the assertion, which is not after the issue date, "
                "so it is left out."
            )
            notes.append("expires: left out (a comment), as it is not after the issue date")

    if cred.description:
        yaml.field("description", cred.description)
    if cred.criteria_url:
        yaml.field("criteria_url", cred.criteria_url)
    if cred.criteria_narrative:
        yaml.comment("The assertion's criteria (a badge file has no field for them; `description` could hold them):")
        for line in cred.criteria_narrative.splitlines():
            yaml.comment(f"  {line}")

    verify_url, credential_id = _identifiers(cred, source, fetched)
    if verify_url:
        yaml.field("verify_url", verify_url)
    if credential_id:
        yaml.field("credential_id", credential_id)

    copies: dict[str, bytes] = {}
    image_name: str | None = None
    if source.kind in ("png", "svg"):
        image_name = f"{badge_id}.{source.kind}"
        copies[image_name] = source.data
    if fetched is not None:
        assertion = f"{badge_id}.assertion.{_assertion_suffix(fetched.credential)}"
        copies[assertion] = fetched.text.rstrip("\n").encode("utf-8") + b"\n"
    elif source.kind != "text":
        assertion = image_name or ""
    elif source.credential.format == "url":
        assertion = source.credential.raw
    else:
        assertion = f"{badge_id}.assertion.{_assertion_suffix(source.credential)}"
        copies[assertion] = source.data
        image_name = _data_url_image(badge_id, cred.image_url, copies, notes)
    if source.credential.format == "url" and fetched is None:
        notes.append(
            "only the URL of a hosted assertion was found; it is set as verify_url "
            "(run again with --fetch --force to import the assertion it points at)"
        )
    yaml.field("assertion", assertion)
    if image_name:
        yaml.field("image", image_name)

    evidence, unlinked = _evidence(cred.evidence)
    if evidence:
        yaml.field("evidence", evidence)
    if unlinked:
        yaml.comment("Evidence in the assertion without an http(s) link (a badge file's evidence needs a url or file):")
        for item in unlinked:
            yaml.comment(f"  - {_describe(item.name, item.url, item.narrative or item.description)}")
        notes.append(f"evidence: {_count(len(unlinked), 'item')} without an http(s) link kept as a comment")

    matched, unmatched = match_alignments(cred.alignments, config.get("frameworks") or [])
    if matched:
        yaml.field("alignment", matched)
    if unmatched:
        yaml.comment("alignments from the assertion that match no framework in badgesite.yml:")
        for alignment in unmatched:
            yaml.comment(f"  - {_describe_alignment(alignment)}")
        yaml.comment(
            "To show one, declare its framework and code under `frameworks:` in badgesite.yml, then add "
            "`alignment: [{framework: ID, code: CODE}]` here."
        )
        notes.append(
            f"alignment: {_count(len(unmatched), 'alignment')} matching no framework in badgesite.yml kept as a comment"
        )
    return ImportPlan(badge_id=badge_id, yaml_text=yaml.text(), copies=copies, notes=notes)


def _assertion_suffix(cred: openbadges.Credential) -> str:
    return "jws" if cred.format in ("jws", "vc-jwt") else "json"


def _header(yaml: BadgeYaml, source: BadgeInput, fetched: Fetched | None, today: dt.date) -> None:
    cred = source.credential
    version = VERSION_NAMES.get(cred.version or "", "Open Badges (version unknown)")
    where = "" if source.kind == "text" else f", baked into the {source.container}"
    yaml.comment(f"Imported by `badgesite import` on {today.isoformat()} from {source.path.name}")
    yaml.comment(f"({version}, {source.format_name}{where}).")
    if fetched is not None:
        yaml.comment(f"The file held only a URL; the assertion was fetched from {fetched.url}.")
        kept = "The original file is kept beside this one (`image:`), and the fetched assertion (`assertion:`)."
    elif source.kind != "text":
        kept = "The original file is kept beside this one, byte for byte (`assertion:`, `image:`)."
    elif cred.format == "url":
        kept = "The file held only the URL of a hosted assertion (`assertion:`)."
    else:
        kept = "The original file is kept beside this one, byte for byte (`assertion:`)."
    yaml.comment(f"{kept} Edit any field freely.")
    yaml.blank()


def _badge_class_hint(cred: openbadges.Credential) -> str:
    if cred.badge_id and is_http_url(cred.badge_id):
        return f" (its badge class is only a link, {cred.badge_id}, which --fetch reads)"
    return ""


def _issuer(cred: openbadges.Credential, config: Mapping[str, Any]) -> tuple[str, str | None]:
    """The issuer's name, or a stand-in from the most telling URL with a comment saying where it came from."""
    if cred.issuer_name:
        return cred.issuer_name, None
    candidates = (
        (cred.issuer_url, "the issuer's web site"),
        (cred.issuer_id, "the issuer's id"),
        (cred.badge_id, "the badge class URL"),
        (cred.verify_url or cred.id, "the assertion's URL"),
    )
    for url, what in candidates:
        if not (url and is_http_url(url)):
            continue
        host = _host(url)
        if not host:
            continue
        configured = _configured_issuer(url, config)
        if configured:
            return configured, (
                f"issuer: the assertion does not name its issuer; {what} ({url}) is under the web site "
                f'badgesite.yml gives to "{configured}".'
            )
        return host, (
            f"issuer: the assertion does not name its issuer; this is the host of {what} ({url}). "
            "Put the issuer's name here (or make it an alias under `issuers:` in badgesite.yml)."
        )
    return UNKNOWN_ISSUER, "issuer: the assertion says nothing about its issuer. Put the issuer's name here."


def _configured_issuer(url: str, config: Mapping[str, Any]) -> str | None:
    """The canonical name of the issuer whose `url` in badgesite.yml holds this URL: the same host, and a path
    under the issuer's. The host alone is not enough: one platform hosts many issuers
    (credly.com/organizations/…), and an address there is no sign of which."""
    host, path = _host(url), _folder(url)
    for issuer in config.get("issuers") or []:
        own = issuer.get("url")
        if host and isinstance(own, str) and _host(own) == host and path.startswith(_folder(own)):
            return str(issuer["name"])
    return None


def _folder(url: str) -> str:
    """The URL's path as a folder, compared segment by segment: `/academy` and `/academy/x` are both under
    `/academy/`, `/academy-2/` is not."""
    try:
        path = urllib.parse.unquote(urllib.parse.urlsplit(url).path) or "/"
    except ValueError:
        return "/"
    path = posixpath.normpath(path)  # `/academy/../foundation/` is under /foundation/, not /academy/
    return path if path.endswith("/") else path + "/"


def _host(url: str) -> str:
    try:
        return (urllib.parse.urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _identifiers(
    cred: openbadges.Credential, source: BadgeInput, fetched: Fetched | None
) -> tuple[str | None, str | None]:
    """(verify_url, credential_id): an id that is a URL is where to verify; any other id is the credential's id."""
    hosted = fetched.url if fetched is not None else None
    verify_url = next((url for url in (cred.verify_url, cred.id, hosted) if url and is_http_url(url)), None)
    credential_id = cred.id if cred.id and not is_http_url(cred.id) else None
    if source.credential.format == "url" and fetched is None:
        verify_url = source.credential.raw
    return verify_url, credential_id


def _evidence(
    items: Iterable[openbadges.EvidenceItem],
) -> tuple[list[dict[str, str]], list[openbadges.EvidenceItem]]:
    """Evidence with an http(s) link as badge-file entries; the rest, which a badge file cannot hold, apart."""
    linked: list[dict[str, str]] = []
    unlinked: list[openbadges.EvidenceItem] = []
    for item in items:
        if not (item.url and is_http_url(item.url)):
            unlinked.append(item)
            continue
        title = item.name or _short(item.description) or "Evidence"
        entry = {"title": title, "url": item.url}
        narrative = item.narrative or (item.description if item.description and title != item.description else None)
        if narrative:
            entry["narrative"] = narrative
        linked.append(entry)
    return linked, unlinked


def match_alignments(
    alignments: Iterable[openbadges.Alignment], frameworks: Sequence[Mapping[str, Any]]
) -> tuple[list[dict[str, str]], list[openbadges.Alignment]]:
    """Alignments whose framework (by name, id or URL prefix) and code are declared in badgesite.yml, and the rest."""
    matched: list[dict[str, str]] = []
    unmatched: list[openbadges.Alignment] = []
    for alignment in alignments:
        found = None
        for framework in frameworks:
            code = _declared_code(alignment, framework)
            if code is not None and _same_framework(alignment, framework):
                found = {"framework": str(framework["id"]), "code": code}
                break
        if found is None:
            unmatched.append(alignment)
        elif found not in matched:
            matched.append(found)
    return matched, unmatched


def _same_framework(alignment: openbadges.Alignment, framework: Mapping[str, Any]) -> bool:
    names = {str(framework["id"]).casefold(), str(framework["name"]).casefold()}
    if alignment.framework and alignment.framework.casefold() in names:
        return True
    url = alignment.url
    if not url:
        return False
    prefixes = [framework.get("url")] + [code.get("url") for code in framework.get("codes") or []]
    return any(prefix and url.startswith(prefix) for prefix in prefixes)


def _declared_code(alignment: openbadges.Alignment, framework: Mapping[str, Any]) -> str | None:
    """The framework's own spelling of the alignment's code, found by code or by the code's exact URL."""
    codes = framework.get("codes") or []
    if alignment.code:
        for code in codes:
            if str(code["code"]) == alignment.code:
                return str(code["code"])
        for code in codes:
            if str(code["code"]).casefold() == alignment.code.casefold():
                return str(code["code"])
    if alignment.url:
        for code in codes:
            if code.get("url") and code["url"].rstrip("/") == alignment.url.rstrip("/"):
                return str(code["code"])
    return None


def _data_url_image(badge_id: str, image_url: str | None, copies: dict[str, bytes], notes: list[str]) -> str | None:
    """Save a PNG or SVG given inline as a `data:` URL beside the badge; None when there is none or it is unusable."""
    if not image_url or not image_url[:11].lower().startswith("data:image/"):
        return None
    header, comma, body = image_url.partition(",")
    try:
        data = (
            base64.b64decode(body, validate=False)
            if header.lower().endswith(";base64")
            else urllib.parse.unquote_to_bytes(body)
        )
        image_format = openbadges.sniff_image_format(data)
        if not comma or image_format is None:
            raise ImageProblem("it is neither a PNG nor an SVG image")
        if image_format == "png":
            inspect(data)
        else:
            parse_svg(data)
    except (binascii.Error, ValueError, openbadges.OpenBadgesError) as error:  # ImageProblem is a ValueError
        notes.append(f"image: the assertion's inline (data: URL) image was left out: {error}")
        return None
    name = f"{badge_id}.{image_format}"
    copies[name] = data
    return name


def _describe_alignment(alignment: openbadges.Alignment) -> str:
    parts = [
        f"{label}: {value}"
        for label, value in (
            ("name", alignment.name),
            ("framework", alignment.framework),
            ("code", alignment.code),
            ("url", alignment.url),
        )
        if value
    ]
    return ", ".join(parts) or "(empty)"


def _describe(*values: str | None) -> str:
    return " — ".join(" ".join(value.split()) for value in values if value) or "(empty)"


def _short(text: str | None) -> str | None:
    if not text:
        return None
    line = " ".join(text.split())
    return line if len(line) <= _SHORT_TITLE else line[: _SHORT_TITLE - 1].rstrip() + "…"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
