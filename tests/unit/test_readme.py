"""The README's quick start and docs/url-contract.md's URL table, the one the code generates:
docs that cannot drift."""

from pathlib import Path

from dashboard.url_contract import markdown_table

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
URL_CONTRACT = ROOT / "docs" / "url-contract.md"


def test_the_url_contract_doc_matches_the_code():
    text = URL_CONTRACT.read_text()
    start = text.index("<!-- url-contract:start -->") + len("<!-- url-contract:start -->")
    end = text.index("<!-- url-contract:end -->")
    assert text[start:end].strip() == markdown_table()


def test_quick_start_has_exactly_two_commands():
    text = README.read_text()
    block = text.split("## Quick start", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make run", "make test"]
