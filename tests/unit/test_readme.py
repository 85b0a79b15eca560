"""The README is the front door and docs/ holds the depth: generated tables match the code, and
every relative link leads somewhere. Docs that cannot drift."""

import re
from pathlib import Path

from dashboard.session.url_contract import markdown_table

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
URL_CONTRACT = ROOT / "docs" / "url-contract.md"
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


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


def test_the_readme_stays_a_front_door():
    assert len(README.read_text()) <= 20_000


def relative_links(path: Path) -> list[str]:
    """Targets of the Markdown links and images in `path`, outside code, that are not URLs or anchors."""
    text = re.sub(r"```.*?```", "", path.read_text(), flags=re.DOTALL)
    text = re.sub(r"`[^`\n]*`", "", text)
    targets = [m.group(1) for m in LINK.finditer(text)]
    return [t for t in targets if not re.match(r"[a-z][a-z0-9+.-]*:", t) and not t.startswith("#")]


def test_every_relative_link_in_the_docs_points_to_a_file():
    docs = [README, *sorted((ROOT / "docs").glob("*.md"))]
    broken = []
    for doc in docs:
        for target in relative_links(doc):
            if not (doc.parent / target.split("#", 1)[0]).exists():
                broken.append(f"{doc.relative_to(ROOT)}: {target}")
    assert not broken
    assert "docs/overview.png" in relative_links(README)  # the check sees images, not only links


def test_the_link_check_finds_a_broken_link(tmp_path):
    doc = tmp_path / "doc.md"
    doc.write_text("[a](missing.md) ![b](img.png) [c](https://example.org) [d](#top) `[e](code.md)`\n")
    assert relative_links(doc) == ["missing.md", "img.png"]
