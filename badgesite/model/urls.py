"""The URL contract, in one place: where each kind of page lives and which file serves it.

URLs here are site-relative without a leading slash (`badges/aws/`); the render stage prefixes the base path.
"""

from __future__ import annotations


def output_file(url: str) -> str:
    """`badges/aws/` -> `badges/aws/index.html`; `feed.xml` stays itself; `` is the home page."""
    if url == "" or url.endswith("/"):
        return f"{url}index.html"
    return url


def base_path(base_url: str) -> str:
    """The path part of a base URL: `/portfolio/` for a GitHub project page, `/` at a domain root."""
    from urllib.parse import urlsplit

    path = urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"


SOCIAL_CARD = "card.jpg"


def social_card(page_url: str) -> str:
    """The page's share image, beside it: `badges/aws/card.jpg`; the home page's is `card.jpg`."""
    return f"{page_url}{SOCIAL_CARD}"


QR_CODE = "qr.svg"
BESIDE_A_PAGE = frozenset({"index.html", SOCIAL_CARD, QR_CODE})


def qr_code(page_url: str) -> str:
    """The page's QR code, beside it: `badges/aws/qr.svg`."""
    return f"{page_url}{QR_CODE}"


def badge_image(badge_id: str, extension: str) -> str:
    """The published, baked image: `badges/<id>/<id>.png`; `badges/qr/qr-badge.svg` for a badge whose own
    name is taken by a file made beside its page (its QR code)."""
    name = f"{badge_id}.{extension}"
    if name in BESIDE_A_PAGE:
        name = f"{badge_id}-badge.{extension}"
    return f"badges/{badge_id}/{name}"


def escaped(path: str) -> str:
    """A published file's name as a URL: `my report #1.pdf` -> `my%20report%20%231.pdf` (a space, `#`, `?`
    or `%` in a file name would otherwise end or garble the link)."""
    from urllib.parse import quote

    return quote(path, safe="/")


def badge_file(badge_id: str, name: str) -> str:
    """A file published beside a badge (its assertion, evidence files)."""
    return f"badges/{badge_id}/{name}"


def badge_index() -> str:
    return "badges/"


def case_study_index() -> str:
    return "case-studies/"


def skill_index() -> str:
    return "skills/"


def issuer_index() -> str:
    return "issuers/"
