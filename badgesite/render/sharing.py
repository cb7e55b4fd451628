"""Ways to share a badge beyond the page: LinkedIn's Add-to-Profile link, an embed snippet, a QR code."""

from __future__ import annotations

import hashlib
import io
from functools import cached_property
from urllib.parse import quote, urlencode

from markupsafe import escape

from badgesite.cache import ContentCache
from badgesite.model import Site, urls
from badgesite.model.types import Badge
from badgesite.render.links import Urls

LINKEDIN_ADD = "https://www.linkedin.com/profile/add"
EMBED_SIZE = 160
QR_TARGET_PIXELS = 160


def _page_url(site: Site, badge: Badge) -> str:
    return Urls(site.base_path, site.absolute_base).absolute(badge.page)


def linkedin_add_url(site: Site, badge: Badge) -> str:
    """LinkedIn's Add-to-Profile link, pre-filled: name, issuer (by id when known), dates, URL and credential id.

    certUrl is the badge's page on this site when base_url is absolute, else the issuer's verify_url.
    Empty parameters are left out, so LinkedIn's form shows blanks rather than wrong values.
    """
    issuer = badge.issuer
    params: list[tuple[str, str]] = [("startTask", "CERTIFICATION_NAME"), ("name", badge.name)]
    if issuer.linkedin_id:
        params.append(("organizationId", issuer.linkedin_id))
    else:
        params.append(("organizationName", issuer.name))
    params += [("issueYear", str(badge.earned.year)), ("issueMonth", str(badge.earned.month))]
    if badge.expires:
        params += [("expirationYear", str(badge.expires.year)), ("expirationMonth", str(badge.expires.month))]
    cert_url = _page_url(site, badge) if site.absolute_base else badge.verify_url
    params += [("certUrl", cert_url or ""), ("certId", badge.credential_id or "")]
    return LINKEDIN_ADD + "?" + urlencode([(key, value) for key, value in params if value], quote_via=quote)


def embed_snippet(site: Site, badge: Badge, image_url: str) -> str:
    """The HTML a visitor copies to show the badge elsewhere: a linked image, no script, everything escaped.

    image_url may be site-relative (`badges/aws/aws.png`) or absolute. Without an absolute base_url the links
    are root-relative and only work when pasted on the same host.
    """
    urls = Urls(site.base_path, site.absolute_base)
    image = image_url if image_url.startswith(("http://", "https://")) else urls.absolute(image_url)
    alt = f"{badge.name} badge, issued by {badge.issuer.name}"
    return (
        f'<a href="{escape(urls.absolute(badge.page))}">'
        f'<img src="{escape(image)}" alt="{escape(alt)}" width="{EMBED_SIZE}" height="{EMBED_SIZE}">'
        "</a>"
    )


def qr_svg(url: str, *, title: str | None = None) -> str:
    """A QR code (error correction M, never Micro QR) as SVG, about 160px, black on white for any scanner.

    Black on an explicit white background rather than currentColor: a dark theme would otherwise give light
    modules on a dark ground, which many scanners cannot read. No XML declaration, so it can be inlined in
    HTML or published as `qr.svg` alike; segno's output depends only on its input.
    """
    import segno  # here, not at the top: it pulls in urllib.request and XML tools, 25 ms of every start

    from badgesite.render import qr_mask

    qr_mask.install()  # segno's mask choice, twice as fast: half of a 10,000-badge build's QR time
    code = segno.make(url, error="m", micro=False, boost_error=False)
    width, _ = code.symbol_size(scale=1)
    buffer = io.BytesIO()
    code.save(
        buffer,
        kind="svg",
        scale=max(1, round(QR_TARGET_PIXELS / width)),
        dark="#000",
        light="#fff",
        xmldecl=False,
        svgns=True,
        title=title or f"QR code for {url}",
        unit="px",
        svgclass="qr",
        lineclass=None,
        nl=False,
    )
    return buffer.getvalue().decode("utf-8")


class SharingLinks:
    """What the badge page's sharing block shows, computed when the template asks (planning stays cheap);
    the QR code itself is published as `qr.svg` beside the page."""

    def __init__(self, site: Site, badge: Badge) -> None:
        self.site, self.badge = site, badge
        self.qr_path = urls.qr_code(badge.page)

    @cached_property
    def page_url(self) -> str:
        return _page_url(self.site, self.badge)

    @cached_property
    def linkedin_url(self) -> str:
        return linkedin_add_url(self.site, self.badge)

    @cached_property
    def embed_html(self) -> str:
        return embed_snippet(self.site, self.badge, self.badge.image_url)


QR_CACHE_VERSION = "qr-1"


def badge_qr_file(site: Site, badge: Badge, cache: ContentCache) -> dict[str, bytes]:
    """`badges/<id>/qr.svg`, pointing at the badge's page; made beside the page by the render workers and
    cached by content, since choosing a QR mask is the slowest part of drawing one."""
    url, title = _page_url(site, badge), f"QR code for the {badge.name} badge page"
    key = hashlib.sha256(f"{QR_CACHE_VERSION}\0{url}\0{title}".encode()).hexdigest()
    svg = cache.get("qr", key)
    if svg is None:
        svg = qr_svg(url, title=title).encode()
        cache.put("qr", key, svg)
    return {urls.qr_code(badge.page): svg}
