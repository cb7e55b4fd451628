"""Field kinds: each validates and normalises one kind of value, and describes itself for the reference."""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from badgesite.load.documents import Document, KeyPath
from badgesite.load.paths import OutsideSite, resolve_inside, site_relative
from badgesite.problems import Problem
from badgesite.slugs import is_slug, slugify
from badgesite.validate.uri import ascii_uri

SAFE_SCHEMES = ("http", "https", "mailto")


class Invalid(Exception):
    """Raised by a kind when a value is wrong; carries the message and hint."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(slots=True)
class CheckContext:
    """What a kind may need: the document (for positions), the site root (for paths), the problem list."""

    root: Path
    document: Document
    problems: list[Problem]

    def report(
        self,
        key_path: KeyPath,
        message: str,
        hint: str = "",
        *,
        at_key: bool = False,
        where: KeyPath | None = None,
    ) -> None:
        """Record a problem on key_path, positioned at its key, its value, or at `where`."""
        self.problems.append(self.document.problem(key_path, message, hint, at_key=at_key, where=where))


def shown(value: Any) -> str:
    """A value as quoted in a message: strings quoted, others as YAML would show them."""
    if isinstance(value, str):
        return f'"{value}"' if len(value) <= 60 else f'"{value[:57]}..."'
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return str(value).lower() if isinstance(value, bool) else str(value)


class Kind:
    """Base of all kinds. `check` returns the clean value or raises Invalid."""

    type_name = "value"

    def check(self, value: Any, key_path: KeyPath, context: CheckContext) -> Any:  # pragma: no cover
        raise NotImplementedError


class Text(Kind):
    type_name = "text"

    def check(self, value: Any, key_path: KeyPath, context: CheckContext) -> str:
        if value is None or isinstance(value, bool | dict | list):
            raise Invalid(f"expected text, got {shown(value)}")
        text = str(value).strip() if not isinstance(value, dt.date) else value.isoformat()
        if not text:
            raise Invalid("expected text, got an empty value")
        # both checks are gated by C-speed tests: a site of 10,000 files holds a quarter of a million values
        if not (text[0].isascii() and text[0].isalnum()) and _INVISIBLE.fullmatch(text):  # a zero-width space, a BOM
            raise Invalid(f"expected text, got only invisible characters ({_code_points(text)})")
        control = None if text.isprintable() else CONTROL_CHARACTER.search(text)
        if control is not None:  # a NUL breaks the XML of feeds and QR codes; the others show as nothing
            raise Invalid(
                f"contains a control character (U+{ord(control.group()):04X})",
                "remove it; YAML's \\0 and \\x escapes make them",
            )
        return text


# Characters that show nothing (and are not white space to str.strip): zero-width spaces and joiners, direction
# marks, word joiners, the byte-order mark, the soft hyphen, the combining grapheme joiner, Mongolian vowel
# separator, Hangul fillers, the blank Braille pattern, variation selectors, tag characters.
_INVISIBLE = re.compile(
    "[\\s\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2800\u3164"
    "\ufe00-\ufe0f\ufeff\U000e0000-\U000e007f]+"
)
# Control characters other than tab and newline, which YAML's double-quoted escapes can put in a value (and a
# terminal obeys: cli.shown_on_terminal escapes the same ones).
CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _code_points(text: str) -> str:
    shown = ", ".join(f"U+{ord(character):04X}" for character in text[:5])
    return shown + (", …" if len(text) > 5 else "")


class Markdown(Text):
    type_name = "Markdown text"


@dataclass(frozen=True)
class Pattern(Text):
    """Text that must be a valid regular expression."""

    type_name = "regular expression"

    def check(self, value: Any, key_path: KeyPath, context: CheckContext) -> str:
        text = super().check(value, key_path, context)
        try:
            re.compile(text)
        except re.error as error:
            raise Invalid(f"is not a valid regular expression: {error}") from None
        return text


class Slug(Text):
    """A URL word chosen by hand: lowercase a-z, 0-9 and single hyphens, as the naming rules make them."""

    type_name = "slug"

    def check(self, value: Any, key_path: KeyPath, context: CheckContext) -> str:
        text = super().check(value, key_path, context)
        if not is_slug(text):
            raise Invalid(
                f"expected a slug (lowercase a-z, 0-9 and hyphens), got {shown(text)}", f"for example {slugify(text)}"
            )
        return text


class Email(Text):
    type_name = "email address"

    def check(self, value: Any, key_path: KeyPath, context: CheckContext) -> str:
        text = super().check(value, key_path, context)
        if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", text):
            raise Invalid(f"expected an email address like ada@example.org, got {shown(text)}")
        return text.lower()


EARLIEST_DATE, LATEST_DATE = dt.date(1900, 1, 1), dt.date(2999, 12, 31)


_DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}(?:$|[T ])")


def _is_day(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


class Date(Kind):
    type_name = "date (YYYY-MM-DD)"

    def check(self, value: Any, key_path: KeyPath, context: CheckContext) -> dt.date:
        date: dt.date | None = None
        if isinstance(value, dt.datetime):
            date = value.date()
        elif isinstance(value, dt.date):
            date = value
        elif isinstance(value, str):
            text = value.strip()
            with contextlib.suppress(ValueError):
                date = dt.date.fromisoformat(text)
            if date is None:  # quoted, or a time YAML does not read (10:00): a date with a time is its day
                with contextlib.suppress(ValueError):
                    date = dt.datetime.fromisoformat(text).date()
            if date is None and _DATE_SHAPE.match(text) and not _is_day(text[:10]):
                raise Invalid(f"there is no day {text[:10]}", "check the month and the day")
        if date is None:
            raise Invalid(f"expected a date like 2024-05-31, got {shown(value)}")
        if not EARLIEST_DATE <= date <= LATEST_DATE:  # expiry windows and review intervals are added to dates
            raise Invalid(f"expected a date between {EARLIEST_DATE} and {LATEST_DATE}, got {date}")
        return date


class Boolean(Kind):
    type_name = "true or false"

    def check(self, value: Any, key_path: KeyPath, context: CheckContext) -> bool:
        if isinstance(value, bool):
            return value
        raise Invalid(f"expected true or false, got {shown(value)}")


@dataclass(frozen=True)
class Integer(Kind):
    minimum: int = 0
    maximum: int | None = None
    type_name = "whole number"

    def check(self, value: Any, key_path: KeyPath, context: CheckContext) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise Invalid(f"expected a whole number, got {shown(value)}")
        if value < self.minimum:
            raise Invalid(f"expected a number of at least {self.minimum}, got {value}")
        if self.maximum is not None and value > self.maximum:
            raise Invalid(f"expected a number of at most {self.maximum}, got {value}")
        return value


class Number(Kind):
    type_name = "number"

    def check(self, value: Any, key_path: KeyPath, context: CheckContext) -> float | int:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise Invalid(f"expected a number, got {shown(value)}")
        _refuse_non_finite(value, "YAML reads .inf and .nan as numbers")
        return value


def _refuse_non_finite(value: float | int | str, hint: str) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        raise Invalid(f"expected a finite number, got {value}", hint)


class Scalar(Kind):
    """A number or short text (metric values such as 42, 3.5 or "12 days")."""

    type_name = "number or text"

    def check(self, value: Any, key_path: KeyPath, context: CheckContext) -> str | int | float:
        if isinstance(value, bool):
            raise Invalid(
                f"expected a number or text, got {shown(value)}",
                "YAML reads yes, no, on and off as true or false; quote text",
            )
        if value is None or isinstance(value, dict | list):
            raise Invalid(f"expected a number or text, got {shown(value)}")
        _refuse_non_finite(value, "YAML reads .inf and .nan as numbers; quote text")
        return value if isinstance(value, int | float) else str(value)


@dataclass(frozen=True)
class Url(Kind):
    """An absolute URL with an allowed scheme (http, https, mailto): the one place links are let through."""

    schemes: Sequence[str] = SAFE_SCHEMES
    type_name = "URL"

    def check(self, value: Any, key_path: KeyPath, context: CheckContext) -> str:
        text = Text().check(value, key_path, context)
        return check_url(text, self.schemes)


def check_url(text: str, schemes: Sequence[str] = SAFE_SCHEMES) -> str:
    """Validate one URL's scheme and shape; raises Invalid."""
    shown_schemes = [f"{s}:" if s == "mailto" else f"{s}://" for s in schemes]
    allowed = ", ".join(shown_schemes[:-1]) + f" or {shown_schemes[-1]}" if len(shown_schemes) > 1 else shown_schemes[0]
    if any(ch.isspace() for ch in text) or any(ord(ch) < 32 for ch in text):
        raise Invalid(f"expected a URL without spaces, got {shown(text)}", "encode spaces as %20")
    try:
        parts = urlsplit(text)
    except ValueError:  # `https://[::1/`: an unclosed bracket
        raise Invalid(f"expected a URL, got {shown(text)}", "check the address's host") from None
    scheme = parts.scheme.lower()
    if scheme not in schemes:
        raise Invalid(
            f"expected a URL starting with {allowed}, got {shown(text)}",
            "for a file in the site folder use `file:` instead" if not scheme else "",
        )
    if scheme in ("http", "https") and not parts.netloc:
        raise Invalid(f"expected a URL with a host name, got {shown(text)}")
    return ascii_uri(text)


@dataclass(frozen=True)
class LocalFile(Kind):
    """A path relative to the file that names it; must exist and stay inside the site folder."""

    type_name = "path"

    def check(self, value: Any, key_path: KeyPath, context: CheckContext) -> str:
        text = Text().check(value, key_path, context)
        base = (context.root / context.document.path).parent
        try:
            resolved = resolve_inside(context.root, base, text)
        except OutsideSite:
            raise Invalid(
                f"path {shown(text)} points outside the site folder",
                "keep the file inside the site folder and use a relative path",
            ) from None
        try:
            mode = resolved.stat().st_mode  # one system call where is_dir() and is_file() made two
        except (OSError, ValueError):
            mode = 0
        if stat.S_ISDIR(mode):
            raise Invalid(f"{shown(text)} is a folder, not a file", "name one file; zip a folder to publish it whole")
        if not stat.S_ISREG(mode):
            folder = context.document.path.rsplit("/", 1)[0] or "."
            raise Invalid(
                f"file {shown(text)} does not exist",
                "a \\ is read as a folder separator, as Windows writes paths: rename the file without it"
                if "\\" in text
                else f"paths are relative to {folder}/",
            )
        return site_relative(context.root, resolved, resolved=True)


@dataclass(frozen=True)
class UrlOrFile(Kind):
    """An http(s) URL, or a file in the site folder (the issuer's assertion)."""

    type_name = "URL or path"

    def check(self, value: Any, key_path: KeyPath, context: CheckContext) -> str:
        text = Text().check(value, key_path, context)
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", text) or text.lower().startswith(("mailto:", "javascript:")):
            return check_url(text, ("http", "https"))
        return LocalFile().check(text, key_path, context)


@dataclass(frozen=True)
class Choice(Text):
    values: tuple[str, ...] = ()
    type_name = "one of"

    def check(self, value: Any, key_path: KeyPath, context: CheckContext) -> str:
        text = super().check(value, key_path, context)
        if text not in self.values:
            raise Invalid(f"expected one of {', '.join(self.values)}, got {shown(text)}")
        return text


class KeyMaterial(Text):
    """An issuer's public key: inline PEM or JWK text, or a file in the site folder holding it."""

    type_name = "PEM/JWK text or path"

    def check(self, value: Any, key_path: KeyPath, context: CheckContext) -> str:
        text = super().check(value, key_path, context)
        if text.startswith("-----BEGIN") or text.startswith("{"):
            return text
        relative = LocalFile().check(text, key_path, context)
        try:
            return (context.root / relative).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            raise Invalid(f'cannot read the key file "{text}" as text') from None
