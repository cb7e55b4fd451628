"""`badgesite verify FILE...`: what a badge file says and what could be checked offline, never more."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any

from badgesite import openbadges
from badgesite.cli import (
    EXIT_OK,
    EXIT_PROBLEMS,
    add_command,
    default_today,
    iso_date,
    print_whole,
    shown_on_terminal,
    site_folder,
)
from badgesite.commands.badge_input import BadgeInput, BadgeInputError, read_badge_input
from badgesite.commands.imported_badge import VERSION_NAMES
from badgesite.commands.site_config import missing_config_message, read_config

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_MAX_KEY_BYTES = 64 * 1024
_SHORT_DESCRIPTION = 100


def register(commands: argparse._SubParsersAction) -> None:
    command = add_command(
        commands,
        "verify",
        help="show what is baked into badge files and check it offline",
        description="For each FILE (a baked PNG or SVG, an assertion or credential JSON file, or a JWS/VC-JWT "
        "text file) show what it holds: version, format, where it was baked, issuer, badge, recipient, "
        "dates and ids. Then run the offline checks and say for each whether it passed, failed or was not "
        "checked (and why): recipient (against --email and the site's owner.emails), issue date, expiry, "
        "signature (a JWS or VC-JWT against the issuer's public key from --key), and revocation (failed when "
        "the assertion says it is revoked). Nothing is fetched: a hosted assertion's URL, revocation lists "
        "and Data Integrity proofs are reported as not checked. "
        "Exit status: 0 when no check failed, 1 when a check failed or a file could not be read, "
        "2 on wrong usage.",
        example="badgesite verify aws-cloud-practitioner.png --email ada@example.org\n"
        "  badgesite verify badges/*.png --site . --today 2026-01-31\n"
        "  badgesite verify credential.jwt --key issuer-public.pem --json",
        handler=run,
    )
    command.add_argument("files", nargs="+", type=Path, metavar="FILE", help="badge files to read and check")
    command.add_argument(
        "--email",
        dest="emails",
        action="append",
        default=[],
        type=_email,
        metavar="E",
        help="an address the badge may have been issued to; repeat for several",
    )
    command.add_argument(
        "--site",
        type=site_folder,
        metavar="DIR",
        help="also compare the recipient with owner.emails from DIR/badgesite.yml",
    )
    command.add_argument(
        "--key",
        type=_key_file,
        metavar="KEYFILE",
        help="the issuer's public key (PEM or JWK file) to check a JWS or VC-JWT signature",
    )
    command.add_argument(
        "--today",
        type=iso_date,
        metavar="DATE",
        help="the date to check issue and expiry dates against (default: today, or SOURCE_DATE_EPOCH)",
    )
    command.add_argument("--json", action="store_true", help="print one JSON array instead of text")
    command.set_defaults(failure_consequence="nothing was checked")


def _email(text: str) -> str:
    """argparse type for --email."""
    if not _EMAIL.fullmatch(text.strip()):
        raise argparse.ArgumentTypeError(f'expected an email address like ada@example.org, got "{text}"')
    return text.strip()


def _key_file(text: str) -> str:
    """argparse type for --key: the key file's text, refused unless it holds a usable public key (a key that
    cannot be read would leave every signature "not checked" with exit 0)."""
    from badgesite.openbadges.signature import load_public_keys

    path = Path(text)
    try:
        if path.stat().st_size > _MAX_KEY_BYTES:
            raise argparse.ArgumentTypeError(f'"{text}" is larger than 64 KiB; that is no public key')
        key = path.read_text(encoding="utf-8").strip()
        load_public_keys(key)
        return key
    except openbadges.OpenBadgesError as error:
        raise argparse.ArgumentTypeError(f'cannot use the key file "{text}": {error}') from None
    except FileNotFoundError:
        raise argparse.ArgumentTypeError(f'no such key file: "{text}"') from None
    except (OSError, UnicodeDecodeError):
        raise argparse.ArgumentTypeError(f'cannot read the key file "{text}" as text (PEM or JWK)') from None


def run(arguments: argparse.Namespace) -> int:
    emails: list[str] = list(arguments.emails)
    if arguments.site is not None:
        missing = missing_config_message(arguments.site)
        if missing:
            print(f"badgesite verify: {missing}", file=sys.stderr)
            return EXIT_PROBLEMS
        owner = read_config(arguments.site).get("owner") or {}
        emails.extend(email for email in owner.get("emails") or [] if email not in emails)
    today: dt.date = arguments.today or default_today()
    reports = [_report(path, emails=emails, today=today, public_key=arguments.key) for path in arguments.files]
    if arguments.json:
        print_whole(json.dumps(reports, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    else:
        for index, report in enumerate(reports):
            if index:
                print()
            _print_report(report)
        print()
        print(_summary(reports, emails=emails))
    return EXIT_PROBLEMS if any(_failed(report) for report in reports) else EXIT_OK


def _report(path: Path, *, emails: list[str], today: dt.date, public_key: str | None) -> dict[str, Any]:
    """Everything shown about one file, as plain data: the text output and --json print the same thing."""
    try:
        source = read_badge_input(path)
    except BadgeInputError as error:
        return {"file": str(path), "error": str(error)}
    cred = source.credential
    checks = openbadges.check_credential(cred, emails=emails, today=today, public_key=public_key)
    return {
        "file": str(path),
        "error": None,
        "version": cred.version,
        "format": cred.format,
        "container": _container(source),
        "issuer": {"name": cred.issuer_name, "url": cred.issuer_url, "id": cred.issuer_id},
        "badge": {
            "name": cred.badge_name,
            "id": cred.badge_id,
            "description": cred.description,
            "criteria_url": cred.criteria_url,
        },
        "recipient": _recipient(cred.recipient),
        "issued": cred.issued_on.isoformat() if cred.issued_on else None,
        "expires": cred.expires.isoformat() if cred.expires else None,
        "unreadable_dates": {
            which: {"field": unreadable.field, "written": unreadable.written}
            for which, unreadable in (("issued", cred.unreadable_issued_on), ("expires", cred.unreadable_expires))
            if unreadable is not None
        },
        "revocation": {
            "revoked": cred.revoked,
            "reason": cred.revocation_reason,
            "list_url": cred.revocation_list_url,
        },
        "id": cred.id,
        "verify_url": cred.verify_url,
        "signature": {
            "algorithm": (cred.jws_header or {}).get("alg") if cred.jws_header is not None else None,
            "embedded_proof": list(cred.proof_types),
        },
        "checks": [{"name": check.name, "status": check.status, "detail": check.detail} for check in checks],
    }


def _container(source: BadgeInput) -> dict[str, str]:
    return {"kind": source.kind, "description": source.container}


def _recipient(recipient: openbadges.Recipient | None) -> dict[str, Any] | None:
    if recipient is None:
        return None
    return {
        "identity": recipient.identity,
        "type": recipient.type,
        "hashed": recipient.hashed,
        "salt": recipient.salt is not None,
    }


def _failed(report: dict[str, Any]) -> bool:
    return report["error"] is not None or any(check["status"] == "failed" for check in report["checks"])


def _print_report(report: dict[str, Any]) -> None:
    print(report["file"])
    if report["error"] is not None:
        print(f"  cannot read it: {report['error']}")
        print(f"badgesite verify: {report['file']}: {report['error']}", file=sys.stderr)
        return
    badge, issuer = report["badge"], report["issuer"]
    unknown = "(unknown: only the URL of the assertion is baked)" if report["format"] == "url" else None
    rows = [
        ("version", VERSION_NAMES.get(report["version"], "unknown")),
        ("format", _format(report)),
        ("baked in", report["container"]["description"]),
        ("issuer", _issuer(issuer)),
        ("badge", badge["name"] or (f"(not named; badge class {badge['id']})" if badge["id"] else "(not named)")),
        ("description", _short(badge["description"])),
        ("criteria", badge["criteria_url"]),
        ("recipient", unknown or _recipient_text(report["recipient"])),
        ("issued", unknown or report["issued"] or _unreadable(report, "issued") or "(no date given)"),
        ("expires", unknown or report["expires"] or _unreadable(report, "expires") or "never (no expiry date given)"),
        ("revoked", _revoked_text(report["revocation"])),
        ("id", report["id"]),
        ("verify URL", report["verify_url"]),
    ]
    for label, value in rows:
        if value:
            print(f"  {label:<12} {shown_on_terminal(str(value))}")
    print("  checks")
    for check in report["checks"]:
        print(f"    {check['name']:<11} {check['status']:<12} {shown_on_terminal(check['detail'])}")


def _format(report: dict[str, Any]) -> str:
    names = {
        "json": "JSON",
        "jws": "JWS (signed assertion)",
        "vc-jwt": "VC-JWT",
        "url": "URL of a hosted assertion",
    }
    text = names.get(report["format"], report["format"])
    signature = report["signature"]
    if signature["algorithm"]:
        text += f", signed with {signature['algorithm']}"
    if signature["embedded_proof"]:
        text += f", embedded proof: {', '.join(signature['embedded_proof'])}"
    return text


def _issuer(issuer: dict[str, Any]) -> str:
    parts = [issuer["name"] or "(not named)"]
    if issuer["url"]:
        parts.append(issuer["url"])
    elif issuer["id"] and issuer["id"] != issuer["name"]:
        parts.append(f"id {issuer['id']}")
    return ", ".join(parts)


def _recipient_text(recipient: dict[str, Any] | None) -> str:
    if recipient is None:
        return "(none given)"
    form = "hashed" if recipient["hashed"] else "plain text"
    salt = ", salted" if recipient["salt"] else (", no salt" if recipient["hashed"] else "")
    return f"{recipient['identity']} ({recipient['type']}, {form}{salt})"


def _unreadable(report: dict[str, Any], which: str) -> str | None:
    """`not a date: issuedOn '2024-13-45'` for a date field that is there but unreadable, so it is not shown
    as missing."""
    unreadable = report["unreadable_dates"].get(which)
    return None if unreadable is None else f"not a date: {unreadable['field']} '{unreadable['written']}'"


def _revoked_text(revocation: dict[str, Any]) -> str | None:
    """Shown only when the credential says it is revoked; otherwise the revocation check says what is unknown."""
    if not revocation["revoked"]:
        return None
    return (
        f'YES, by the issuer: "{revocation["reason"]}"'
        if revocation["reason"]
        else "YES, by the issuer (no reason given)"
    )


def _short(text: str | None) -> str | None:
    if not text:
        return None
    line = " ".join(text.split())
    return line if len(line) <= _SHORT_DESCRIPTION else line[: _SHORT_DESCRIPTION - 1].rstrip() + "…"


def _summary(reports: list[dict[str, Any]], *, emails: list[str]) -> str:
    unreadable = sum(1 for report in reports if report["error"] is not None)
    checks = [check for report in reports if report["error"] is None for check in report["checks"]]
    failed_files = sum(
        1 for report in reports if report["error"] is None and any(c["status"] == "failed" for c in report["checks"])
    )
    counts = {status: sum(1 for check in checks if check["status"] == status) for status in ("passed", "failed")}
    not_checked = len(checks) - counts["passed"] - counts["failed"]
    files = f"{len(reports)} file{'' if len(reports) == 1 else 's'}"
    text = f"{files}: {counts['passed']} checks passed, {counts['failed']} failed, {not_checked} not checked"
    if failed_files:
        text += f"; {failed_files} with a failed check"
    if unreadable:
        text += f"; {unreadable} could not be read"
    if not emails and any(c["name"] == "recipient" and c["status"] == "not checked" for c in checks):
        text += " (give --email or --site to check recipients)"
    return text
