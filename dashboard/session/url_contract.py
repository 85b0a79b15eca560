"""The URL contract as a Markdown table, generated from the pages' declarations for docs/url-contract.md.

`python -m dashboard.session.url_contract` prints it; a test checks docs/url-contract.md holds this exact table,
so the documentation cannot drift from the code.
"""

from __future__ import annotations

from dashboard.session.state import PARAMS


def markdown_table() -> str:
    lines = [
        "| parameter | page | format | default | example | what it sets |",
        "|---|---|---|---|---|---|",
    ]
    for p in PARAMS:
        example = f"`?{p.name}={p.dump(p.example)}`"
        lines.append(f"| `{p.name}` | {p.page or 'all'} | {p.fmt} | {p.default_text} | {example} | {p.description} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown_table())
