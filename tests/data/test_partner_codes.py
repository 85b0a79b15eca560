"""data/trade_partners.csv: every partner economy carries its ISO code, so a page can name it in the
viewer's language (CLDR). The expected codes are ISO 3166-1's, read off the IMF's labels by hand."""

import pandas as pd
import pytest

from dashboard import datasets


@pytest.fixture(scope="module")
def labels() -> pd.DataFrame:
    rows = datasets.load("trade_partners")
    rows = rows.assign(partner_iso3=rows["partner_iso3"].fillna(""))  # the loader reads an empty code as missing
    return rows.drop_duplicates("partner_label").set_index("partner_label")


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("Turkey", "TUR"),
        ("Switzerland", "CHE"),
        ("Korea, Rep. of", "KOR"),
        ("Korea, Dem. People's Rep. of", "PRK"),
        ("Congo, Dem. Rep. of the", "COD"),
        ("Congo, Rep. of", "COG"),
        ("China, P.R.: Hong Kong", "HKG"),
        ("China, P.R.: Mainland", "CHN"),
        ("Nigeria", "NGA"),
        ("Guinea", "GIN"),
        ("Equatorial Guinea, Rep. of", "GNQ"),
        ("Dominica", "DMA"),
        ("Dominican Rep.", "DOM"),
        ("Kyrgyz Rep.", "KGZ"),
        ("Russian Federation", "RUS"),
        ("Tajikistan, Rep. of", "TJK"),
        ("Czech Rep.", "CZE"),
        ("West Bank and Gaza", "PSE"),
    ],
)
def test_an_imf_label_carries_its_iso_code(labels, label, code):
    assert labels.loc[label, "partner_iso3"] == code


@pytest.mark.parametrize(
    "label",
    [
        "Czechoslovakia",  # split in 1993: its figures are not Czechia's
        "Serbia and Montenegro",  # dissolved in 2006
        "Belgium-Luxembourg",  # the two reported together: neither country alone
        "Kosovo, Rep. of",  # XK is user-assigned, not in ISO 3166-1
    ],
)
def test_a_label_that_is_no_country_of_today_has_no_code(labels, label):
    assert labels.loc[label, "partner_kind"] == "country"
    assert labels.loc[label, "partner_iso3"] == ""


def test_every_other_economy_has_a_code_and_no_two_share_one(labels):
    economies = labels[labels["partner_kind"] == "country"]
    coded = economies[economies["partner_iso3"] != ""]
    assert len(economies) - len(coded) == 4  # the four above
    assert coded["partner_iso3"].is_unique
    # aggregates and unallocated trade are no economy
    assert (labels.loc[labels["partner_kind"] != "country", "partner_iso3"] == "").all()
