"""schema.org JSON-LD and the JSON Resume as search engines and CV tools read them."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from badgesite.load import read_site
from badgesite.model import ModelOptions, Site, assemble
from badgesite.render.structured_data import (
    JSON_RESUME_SCHEMA,
    badge_credential,
    case_study_article,
    jsonld_script,
    profile_page,
    resume_json,
)
from badgesite.validate import validate_site

TODAY = dt.date(2026, 11, 29)
BASE = "https://example.org/portfolio/"
OWNER = """\
owner:
  name: Ada Example
  headline: Cloud *engineer*
  summary: "I build **platforms**.\\n\\nAnd teams."
  location: Berlin
  email: hello@example.org
  emails: [private-recipient@example.org]
  links:
    - {title: Code, url: "https://github.com/ada"}
    - {title: LinkedIn, url: "https://www.linkedin.com/in/ada-example/"}
    - {title: Toots, url: "https://social.example/@ada"}
    - {title: Blog, url: "https://ada.example.net/"}
"""


def build(root: Path, base_url: str | None = None) -> Site:
    return assemble(validate_site(read_site(root)), ModelOptions(today=TODAY, base_url=base_url))


@pytest.fixture
def rich_site(small_site: Path) -> Path:
    """The small site with a full owner, an issuer URL and a badge carrying every credential field."""
    config = (small_site / "badgesite.yml").read_text(encoding="utf-8")
    config = config.replace("owner:\n  name: Ada Example\n  emails: [ada@example.org]\n", OWNER)
    config = config.replace(
        "    aliases: [AWS, Amazon]\n", "    aliases: [AWS, Amazon]\n    url: https://aws.amazon.com/\n"
    )
    (small_site / "badgesite.yml").write_text(config, encoding="utf-8")
    (small_site / "badges/aws-cloud.yml").write_text(
        "name: Cloud Practitioner\nissuer: AWS\nearned: 2024-05-31\nexpires: 2027-05-31\nlevel: foundational\n"
        "skills: [k8s, Cloud cost]\ncredential_id: ABC-123\nverify_url: https://verify.example.com/ABC-123\n"
        "description: 'Knows the **AWS** basics & <more>.'\n",
        encoding="utf-8",
    )
    return small_site


def test_profile_page_describes_the_owner_and_every_badge(rich_site: Path) -> None:
    site = build(rich_site)
    data = profile_page(site)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "ProfilePage"
    assert data["dateModified"] == "2025-03-01"
    person = data["mainEntity"]
    assert person["@type"] == "Person"
    assert person["name"] == "Ada Example"
    assert person["description"] == "Cloud engineer"
    assert person["url"] == BASE
    assert person["sameAs"] == [
        "https://github.com/ada",
        "https://www.linkedin.com/in/ada-example/",
        "https://social.example/@ada",
        "https://ada.example.net/",
    ]
    credentials = person["hasCredential"]
    assert [c["name"] for c in credentials] == ["Solutions Architect", "Cloud Practitioner"]
    assert credentials[1] == {
        "@type": "EducationalOccupationalCredential",
        "name": "Cloud Practitioner",
        "description": "Knows the AWS basics & <more>.",
        "credentialCategory": "badge",
        "educationalLevel": "foundational",
        "recognizedBy": {"@type": "Organization", "name": "Amazon Web Services", "url": "https://aws.amazon.com/"},
        "dateCreated": "2024-05-31",
        "expires": "2027-05-31",
        "url": BASE + "badges/aws-cloud/",
        "image": BASE + "badges/aws-cloud/aws-cloud.png",
        "identifier": "ABC-123",
        "competencyRequired": [
            {"@type": "DefinedTerm", "name": "Kubernetes", "url": BASE + "skills/kubernetes/"},
            {"@type": "DefinedTerm", "name": "Cloud cost", "url": BASE + "skills/cloud-cost/"},
        ],
    }
    assert "expires" not in credentials[0] and "identifier" not in credentials[0]


def test_badge_and_case_study_objects(rich_site: Path) -> None:
    site = build(rich_site)
    badge = site.index.badge_by_id["aws-cloud"]
    credential = badge_credential(site, badge)
    assert credential["@context"] == "https://schema.org"
    assert credential["@type"] == "EducationalOccupationalCredential"
    assert credential == {"@context": "https://schema.org", **profile_page(site)["mainEntity"]["hasCredential"][1]}

    article = case_study_article(site, site.case_studies[0])
    assert article["@context"] == "https://schema.org"
    assert article["@type"] == "Article"
    assert article["headline"] == "Moving to EKS"
    assert article["datePublished"] == "2025-03-01"
    assert article["url"] == BASE + "case-studies/migration/"
    assert article["author"]["@type"] == "Person"
    assert article["author"]["name"] == "Ada Example"
    assert [thing["name"] for thing in article["about"]] == ["Solutions Architect"]


def test_urls_are_root_relative_without_an_absolute_base(rich_site: Path) -> None:
    site = build(rich_site, base_url="/portfolio/")
    credential = badge_credential(site, site.index.badge_by_id["aws-cloud"])
    assert credential["url"] == "/portfolio/badges/aws-cloud/"
    assert credential["competencyRequired"][0]["url"] == "/portfolio/skills/kubernetes/"


class ScriptReader(HTMLParser):
    """Reads HTML as a browser's tokenizer does: which elements start, and the text of each script."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        if self.tags and self.tags[-1] == "script":
            self.scripts.append(data)


def test_jsonld_script_is_deterministic_and_nothing_in_metadata_breaks_out(rich_site: Path) -> None:
    hostile = "</script><script>alert(1)</script> & <!-- Übung"
    badge_file = rich_site / "badges/aws-cloud.yml"
    badge_file.write_text(
        badge_file.read_text(encoding="utf-8").replace("name: Cloud Practitioner", f"name: '{hostile}'"),
        encoding="utf-8",
    )
    site = build(rich_site)
    html = str(jsonld_script(profile_page(site)))
    assert html.startswith('<script type="application/ld+json">') and html.endswith("</script>")
    assert html.count("<") == 2 and html.count(">") == 2  # only the element's own tags
    reader = ScriptReader()
    reader.feed(f"<body>{html}<p>after</p></body>")
    assert reader.tags == ["body", "script", "p"]
    data = json.loads(reader.scripts[0])
    assert data == json.loads(json.dumps(profile_page(site)))
    assert data["mainEntity"]["hasCredential"][1]["name"] == hostile
    assert "Übung" in reader.scripts[0]  # ensure_ascii=False: readable, and still safe
    assert jsonld_script(profile_page(build(rich_site))) == html
    assert re.search(r'"@context":"https://schema.org","@type":"ProfilePage"', html)  # sorted keys, compact


def test_resume_json_has_basics_and_certificates_and_no_private_email(rich_site: Path) -> None:
    data = resume_json(build(rich_site))
    assert data.endswith(b"}\n")
    assert b"private-recipient" not in data
    resume: dict[str, Any] = json.loads(data)
    assert resume["$schema"] == JSON_RESUME_SCHEMA
    assert resume["basics"] == {
        "name": "Ada Example",
        "label": "Cloud engineer",
        "email": "hello@example.org",
        "url": BASE,
        "summary": "I build platforms. And teams.",
        "location": {"city": "Berlin"},
        "profiles": [
            {"network": "GitHub", "username": "ada", "url": "https://github.com/ada"},
            {"network": "LinkedIn", "username": "ada-example", "url": "https://www.linkedin.com/in/ada-example/"},
            {"network": "Toots", "username": "ada", "url": "https://social.example/@ada"},
            {"network": "Blog", "url": "https://ada.example.net/"},
        ],
    }
    certificates = resume["certificates"]
    for certificate in certificates:
        assert {"name", "date", "issuer", "url"} <= certificate.keys()
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", certificate["date"])
    assert certificates[1] == {
        "name": "Cloud Practitioner",
        "date": "2024-05-31",
        "issuer": "Amazon Web Services",
        "url": BASE + "badges/aws-cloud/",
        "expires": "2027-05-31",
        "credentialId": "ABC-123",
    }
    assert resume_json(build(rich_site)) == data
    assert list(json.loads(data)) == ["$schema", "basics", "certificates"]  # sorted keys


def test_resume_without_an_absolute_base_links_to_verification_or_nothing(rich_site: Path) -> None:
    resume = json.loads(resume_json(build(rich_site, base_url="/")))
    assert "url" not in resume["basics"]
    assert resume["certificates"][1]["url"] == "https://verify.example.com/ABC-123"
    assert "url" not in resume["certificates"][0]


def test_the_profile_lists_the_newest_fifty_credentials_and_resume_json_all(rich_site: Path) -> None:
    """A team's or issuer's thousands of badges made a home page of megabytes, all of it JSON-LD."""
    for number in range(60):
        earned = dt.date(2020, 1, 1) + dt.timedelta(days=number)
        (rich_site / f"badges/course-{number:02}.yml").write_text(
            f"name: Course {number}\nissuer: AWS\nearned: {earned.isoformat()}\ndescription: {'A long text. ' * 40}\n",
            encoding="utf-8",
        )
    site = build(rich_site)
    listed = [credential["name"] for credential in profile_page(site)["mainEntity"]["hasCredential"]]
    newest = [badge.name for badge in site.badges][:50]
    assert listed == newest and "Course 59" in listed and "Course 0" not in listed
    assert len(json.loads(resume_json(site))["certificates"]) == len(site.badges) == 62
