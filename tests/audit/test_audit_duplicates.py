"""Duplicates: one issuer, one name after case, spacing and punctuation; renewal chains are one credential."""

from __future__ import annotations

from pathlib import Path

from tests.audit.helpers import badge, lines


def test_renewal_chain_is_never_a_duplicate(tmp_path: Path) -> None:
    found = lines(
        tmp_path,
        {
            "badges/cka-2019.yml": badge("CKA", earned="2019-01-01"),
            "badges/cka-2022.yml": badge("CKA", earned="2022-01-01", extra="renews: cka-2019\n"),
            "badges/cka-2025.yml": badge("C.K.A.", earned="2025-01-01", extra="renews: cka-2022\n"),
        },
    )
    assert found == []


def test_each_later_copy_points_at_the_oldest(tmp_path: Path) -> None:
    found = lines(
        tmp_path,
        {
            "badges/a.yml": badge("Cloud Practitioner", "AWS", earned="2020-01-01"),
            "badges/b.yml": badge("cloud practitioner", "AWS", earned="2021-01-01"),
            "badges/c.yml": badge("Cloud  Practitioner!", "AWS", earned="2022-01-01"),
        },
    )
    assert found == [
        'badges/b.yml:1:7: warning: name: duplicate of badges/a.yml: same issuer "AWS" and name "Cloud Practitioner" '
        "(delete one of the two files, or if this one renews it add renews: a)",
        'badges/c.yml:1:7: warning: name: duplicate of badges/a.yml: same issuer "AWS" and name "Cloud Practitioner" '
        "(delete one of the two files, or if this one renews it add renews: a)",
    ]


def test_same_name_from_different_issuers_is_fine(tmp_path: Path) -> None:
    found = lines(
        tmp_path,
        {"badges/a.yml": badge("Associate", "HashiCorp"), "badges/b.yml": badge("Associate", "Databricks")},
    )
    assert found == []


def test_different_credentials_of_one_issuer_are_not_near_duplicates(tmp_path: Path) -> None:
    found = lines(
        tmp_path,
        {
            "badges/terraform.yml": badge("HashiCorp Certified: Terraform Associate", "HashiCorp"),
            "badges/vault.yml": badge("HashiCorp Certified: Vault Associate", "HashiCorp"),
            "badges/consul.yml": badge("HashiCorp Certified: Consul Associate", "HashiCorp"),
        },
    )
    assert found == []


def test_names_that_differ_in_a_meaningful_symbol_are_two_credentials(tmp_path: Path) -> None:
    """`#` and `+` are part of a name (C#, C++), and a name of emoji alone is not every other such name."""
    found = lines(
        tmp_path,
        {
            "badges/csharp.yml": badge("C# Fundamentals", "Acme"),
            "badges/cpp.yml": badge("C++ Fundamentals", "Acme"),
            "badges/c.yml": badge("C Fundamentals", "Acme"),
            "badges/trophy.yml": badge("🏆", "Acme"),
            "badges/cap.yml": badge("🎓", "Acme"),
        },
    )
    assert found == []


def test_trademark_signs_and_typographic_dashes_do_not_make_another_name(tmp_path: Path) -> None:
    found = lines(
        tmp_path,
        {
            "badges/a.yml": badge("Solutions Architect - Associate", "AWS", earned="2020-01-01"),
            "badges/b.yml": badge("Solutions Architect® – Associate", "AWS", earned="2021-01-01"),
        },
    )
    assert found == [
        'badges/b.yml:1:7: warning: name: duplicate of badges/a.yml: same issuer "AWS" and name '
        '"Solutions Architect - Associate" (delete one of the two files, or if this one renews it add renews: a)'
    ]


def test_credentials_numbered_differently_are_not_near_duplicates(tmp_path: Path) -> None:
    found = lines(
        tmp_path,
        {
            "badges/module-10.yml": badge("Python Module 10", "Acme", earned="2020-01-01"),
            "badges/module-100.yml": badge("Python Module 100", "Acme", earned="2021-01-01"),
            "badges/cka.yml": badge("Kubernetes Administrator", "Acme", earned="2020-01-01"),
            "badges/cka-typo.yml": badge("Kubernetis Administrator", "Acme", earned="2021-01-01"),
        },
    )
    assert found == [
        'badges/cka-typo.yml:1:7: warning: name: possible duplicate of badges/cka.yml: "Kubernetis Administrator" and '
        '"Kubernetes Administrator" from "Acme" are nearly the same name (if they are one credential, delete one file '
        "or add renews: cka; if not, check the spelling of both names)"
    ]
