"""The site folder format v1, declared once: validation, defaults and the field reference all come from here."""

from __future__ import annotations

from badgesite.validate.base_url import BaseUrl, Domain
from badgesite.validate.kinds import (
    Boolean,
    Date,
    Email,
    Integer,
    KeyMaterial,
    Kind,
    LocalFile,
    Markdown,
    Pattern,
    Scalar,
    Slug,
    Text,
    Url,
    UrlOrFile,
)
from badgesite.validate.records import Field, ListOf, Record

DEFAULT_LEVELS = ("foundational", "intermediate", "advanced", "expert")

LINK = Record(
    "link",
    (
        Field("title", Text(), "Text shown for the link.", required=True, example="GitHub"),
        Field(
            "url",
            Url(),
            "Where it points (http, https or mailto).",
            required=True,
            example="https://github.com/ada",
        ),
    ),
)

TESTIMONIAL = Record(
    "testimonial",
    (
        Field("quote", Markdown(), "What they said.", required=True, example='"Cut our bill by a third."'),
        Field("author", Text(), "Who said it.", required=True, example="Grace Hopper"),
        Field("role", Text(), "Their role, shown after the name.", example="CTO, Example Corp"),
        Field("url", Url(), "A link to the source of the quote."),
    ),
)

OWNER = Record(
    "owner",
    (
        Field("name", Text(), "Your name, as shown on the site.", required=True, example="Ada Lovelace"),
        Field("headline", Text(), "One line under your name.", example="Cloud data engineer"),
        Field("summary", Markdown(), "A short introduction on the home page (Markdown)."),
        Field("location", Text(), "Where you work from.", example="Berlin"),
        Field("email", Email(), "A public contact address (shown on the site)."),
        Field(
            "avatar",
            LocalFile(),
            "A picture of you, relative to badgesite.yml; published where it is.",
            example="assets/me.jpg",
        ),
        Field("links", ListOf(LINK), "Profile links (GitHub, LinkedIn, ...).", default=[]),
        Field(
            "emails",
            ListOf(Email()),
            "Addresses your badges were issued to. Used only to check recipient hashes at build time; never published.",
            default=[],
        ),
    ),
)

ISSUER = Record(
    "issuer",
    (
        Field(
            "name",
            Text(),
            "The canonical issuer name used everywhere on the site.",
            required=True,
            example="Amazon Web Services",
        ),
        Field(
            "aliases",
            ListOf(Text()),
            "Other spellings found in badge files; all map to `name`.",
            default=[],
            example="[AWS, Amazon]",
        ),
        Field(
            "slug",
            Slug(),
            "The page's URL word (`/issuers/<slug>/`), for a name whose own slug another name already makes.",
            example="lidaxue-hangzhou",
        ),
        Field("url", Url(), "The issuer's web site."),
        Field("description", Markdown(), "Shown on the issuer page."),
        Field("linkedin_id", Text(), "LinkedIn organisation id, for the Add-to-LinkedIn link."),
    ),
)

SKILL = Record(
    "skill",
    (
        Field("name", Text(), "The canonical skill name.", required=True, example="Kubernetes"),
        Field("aliases", ListOf(Text()), "Other spellings that map to `name`.", default=[], example="[k8s]"),
        Field(
            "slug",
            Slug(),
            "The page's URL word (`/skills/<slug>/`), for a name whose own slug another name already makes "
            "(`C++` and `C#` both make `c`).",
            example="c-plus-plus",
        ),
        Field("description", Markdown(), "Shown on the skill page."),
    ),
)

FRAMEWORK_CODE = Record(
    "framework code",
    (
        Field("code", Text(), "The code as the framework writes it.", required=True, example="PROG"),
        Field(
            "title",
            Text(),
            "The competency's title.",
            required=True,
            example="Programming/software development",
        ),
        Field("url", Url(), "Where the framework defines it."),
    ),
)

FRAMEWORK = Record(
    "framework",
    (
        Field("id", Text(), "Short id used in badges' `alignment`.", required=True, example="sfia"),
        Field("name", Text(), "The framework's name.", required=True, example="SFIA 9"),
        Field("url", Url(), "The framework's home page."),
        Field("codes", ListOf(FRAMEWORK_CODE), "The codes you align to.", default=[]),
    ),
)

COLLECTION = Record(
    "collection",
    (
        Field("name", Text(), "The collection's title.", required=True, example="Security"),
        Field("description", Markdown(), "Shown on the collection page."),
        Field("skills", ListOf(Text()), "Badges with any of these skills belong to it.", default=[]),
        Field("issuers", ListOf(Text()), "Badges from any of these issuers belong to it.", default=[]),
        Field("badges", ListOf(Text()), "Badge ids that belong to it.", default=[]),
    ),
)

STAGE = Record(
    "stage",
    (
        Field("name", Text(), "The stage's name.", required=True, example="Leadership"),
        Field("levels", ListOf(Text()), "Levels whose badges belong to this stage.", default=[]),
        Field("collections", ListOf(Text()), "Collections whose badges belong to this stage.", default=[]),
    ),
)

TARGET = Record(
    "target",
    (
        Field(
            "name",
            Text(),
            "What you aim for, in words.",
            required=True,
            example="3 security badges by mid-2027",
        ),
        Field("count", Integer(minimum=1), "How many badges.", default=1),
        Field("collection", Text(), "Count only badges of this collection."),
        Field("skill", Text(), "Count only badges with this skill."),
        Field("level", Text(), "Count only badges of this level."),
        Field("by", Date(), "Deadline."),
        Field("per_year", Boolean(), "The count is needed every calendar year.", default=False),
        Field("show", Boolean(), "Show the target's progress on the site.", default=False),
    ),
)

CHECKS = Record(
    "check",
    (
        Field(
            "expiry_warning_days",
            Integer(minimum=0, maximum=36500),
            "Warn this many days before a badge expires.",
            default=60,
        ),
        Field(
            "review_interval_days",
            Integer(minimum=1, maximum=36500),
            "A badge's `reviewed:` older than this is stale.",
            default=90,
        ),
        Field("title_pattern", Pattern(), "A regular expression every badge name must match."),
    ),
)

SHARING = Record(
    "sharing",
    (
        Field(
            "social_cards", Boolean(), "Draw a 1200×630 social card (og:image) per badge and case study.", default=True
        ),
        Field("qr_codes", Boolean(), "Publish a QR code (qr.svg) on every badge page.", default=True),
    ),
)

CONFIG = Record(
    "badgesite.yml",
    (
        Field("title", Text(), "The site's title.", required=True, example="Ada Lovelace — badges"),
        Field("owner", OWNER, "Who the portfolio belongs to.", required=True, example="{name: Ada Lovelace}"),
        Field(
            "base_url",
            BaseUrl(),
            "Where the site is published; links work under a sub-path. Published as written, an international host"
            " name in its xn-- form and other characters outside ASCII %-escaped.",
            default="/",
            example="https://ada.github.io/portfolio/",
        ),
        Field(
            "description",
            Text(),
            "One sentence for search engines and link previews (without it, the owner's headline).",
        ),
        Field("language", Text(), "The site's language (HTML lang).", default="en"),
        Field("theme", Text(), "A bundled theme name or a folder under themes/ in the site.", default="default"),
        Field(
            "domain",
            Domain(),
            "Custom domain, the host name only; written to CNAME for GitHub Pages (an international name in its"
            " ASCII xn-- form).",
            example="badges.ada.dev",
        ),
        Field("issuers", ListOf(ISSUER), "Canonical issuer names and their aliases.", default=[]),
        Field("skills", ListOf(SKILL), "Canonical skill names and their aliases.", default=[]),
        Field("levels", ListOf(Text()), "Ordered level vocabulary, lowest first.", default=list(DEFAULT_LEVELS)),
        Field("frameworks", ListOf(FRAMEWORK), "Competency frameworks badges align to.", default=[]),
        Field("collections", ListOf(COLLECTION), "Named groups of badges with their own pages.", default=[]),
        Field(
            "path",
            ListOf(STAGE),
            "Stages of the learning trajectory, in order; a badge that matches several is shown in the last of them.",
            default=[],
        ),
        Field("targets", ListOf(TARGET), "Learning targets.", default=[]),
        Field("check", CHECKS, "Settings of `badgesite check`.", default=None),
        Field("sharing", SHARING, "Which sharing extras to make (each costs build time on large sites).", default=None),
    ),
)

EVIDENCE = Record(
    "evidence",
    (
        Field("title", Text(), "What the evidence is.", required=True, example="Cost report, Q3 2025"),
        Field("url", Url(), "A link to it (give `url` or `file`)."),
        Field(
            "file",
            LocalFile(),
            "A file in the site folder, published beside the badge.",
            example="evidence/cost-report.pdf",
        ),
        Field("narrative", Markdown(), "What it shows."),
    ),
    shorthand="url",
    shorthand_also=("title",),
)

ALIGNMENT = Record(
    "alignment",
    (
        Field("framework", Text(), "A framework id from badgesite.yml.", required=True, example="sfia"),
        Field("code", Text(), "A code of that framework.", required=True, example="PROG"),
    ),
)

BADGE = Record(
    "badge",
    (
        Field(
            "name",
            Text(),
            "The credential's name as the issuer gives it.",
            required=True,
            example="AWS Certified Cloud Practitioner",
        ),
        Field("issuer", Text(), "Issuer name or one of its aliases.", required=True, example="AWS"),
        Field("earned", Date(), "When you earned it.", required=True, example="2024-05-31"),
        Field("level", Text(), "One of the configured `levels`.", example="foundational"),
        Field("expires", Date(), "When it expires; must be after `earned`.", example="2027-05-31"),
        Field("description", Markdown(), "What the credential certifies (Markdown)."),
        Field(
            "skills",
            ListOf(Text()),
            "Skills it shows; aliases map to canonical names.",
            default=[],
            example="[AWS, Cloud cost]",
        ),
        Field("alignment", ListOf(ALIGNMENT), "Competency-framework codes it aligns to.", default=[]),
        Field("evidence", ListOf(EVIDENCE), "Evidence: links or files, each with a narrative.", default=[]),
        Field("testimonials", ListOf(TESTIMONIAL), "What others said about this work.", default=[]),
        Field("criteria_url", Url(), "The issuer's criteria for earning it."),
        Field("rubric_url", Url(), "The assessment rubric."),
        Field("verify_url", Url(), "Where anyone can verify it (e.g. the Credly page)."),
        Field("credential_id", Text(), "The issuer's credential id."),
        Field(
            "assertion",
            UrlOrFile(),
            "The issuer's assertion: a baked PNG/SVG, a JSON or JWS file, or a URL.",
            example="aws-cloud-practitioner.png",
        ),
        Field(
            "image",
            LocalFile(),
            "The badge image (PNG, SVG, JPEG, WebP or GIF), relative to this file.",
            example="aws-cloud-practitioner.png",
        ),
        Field(
            "issuer_key",
            KeyMaterial(),
            "The issuer's public key (PEM or JWK, inline or a file) to check a JWS/VC-JWT signature.",
        ),
        Field("renews", Text(), "The id of an older badge this one renews (it is then shown as renewed)."),
        Field("featured", Boolean(), "Show it on the home page.", default=False),
        Field("reviewed", Date(), "When you last reviewed this entry."),
        Field("draft", Boolean(), "Leave it out unless building with --drafts.", default=False),
    ),
)

CASE_STUDY = Record(
    "case study",
    (
        Field("title", Text(), "The case study's title.", required=True, example="Cutting cloud costs by 38%"),
        Field("date", Date(), "When the work finished.", required=True, example="2025-06-30"),
        Field("summary", Text(), "One or two sentences for lists and previews."),
        Field(
            "badges",
            ListOf(Text()),
            "Ids of the badges this work proves.",
            default=[],
            example="[aws-cloud-practitioner]",
        ),
        Field("skills", ListOf(Text()), "Skills used.", default=[]),
        Field(
            "metrics",
            ListOf(
                Record(
                    "metric",
                    (
                        Field("label", Text(), "What was measured.", required=True, example="Monthly AWS bill"),
                        Field("before", Scalar(), "Value before.", example="42000"),
                        Field("after", Scalar(), "Value after.", required=True, example="26000"),
                        Field("unit", Text(), "Unit shown after the values.", example="USD"),
                    ),
                )
            ),
            "Outcomes, shown as before -> after.",
            default=[],
        ),
        Field("testimonials", ListOf(TESTIMONIAL), "Quotes from people who saw the result.", default=[]),
        Field("featured", Boolean(), "Show it first on the home page.", default=False),
        Field("draft", Boolean(), "Leave it out unless building with --drafts.", default=False),
    ),
)

PAGE = Record(
    "page",
    (
        Field("title", Text(), "The page's title.", required=True, example="About me"),
        Field("description", Text(), "One sentence for link previews."),
        Field("menu", Boolean(), "Show it in the site menu.", default=True),
        Field("order", Integer(), "Position in the menu (lower first).", default=100),
        Field("draft", Boolean(), "Leave it out unless building with --drafts.", default=False),
    ),
)

ALL: tuple[tuple[str, Record], ...] = (
    ("Site config: `badgesite.yml`", CONFIG),
    ("Badge: `badges/<id>.yml`", BADGE),
    ("Case study front matter: `case-studies/<slug>.md`", CASE_STUDY),
    ("Page front matter: `pages/<name>.md`", PAGE),
)

__all__ = ["ALL", "BADGE", "CASE_STUDY", "CONFIG", "DEFAULT_LEVELS", "PAGE", "Kind"]
