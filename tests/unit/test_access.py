"""Who may open a private copy: the allowed-domain rule."""

from dashboard.session.access import allowed


def test_every_address_is_allowed_when_no_domain_is_set():
    assert allowed("someone@anywhere.net", [])


def test_only_the_listed_domains_get_in_whatever_the_case():
    domains = ["example.org", "@Partner.EU"]
    assert allowed("analyst@example.org", domains)
    assert allowed("Chief@partner.eu", domains)
    assert not allowed("stranger@elsewhere.net", domains)
    assert not allowed("analyst@example.org.evil.net", domains)  # a suffix is not the domain
    assert not allowed("example.org", domains)  # no address at all
    assert not allowed(None, domains)
