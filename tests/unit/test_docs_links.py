"""Every relative link in README.md and docs/*.md leads somewhere: the file exists, and an anchor
(``page.md#section``, ``#section``) names a heading of that page as GitHub makes its anchors. Pages get
split and sections renamed; a link that would then lead nowhere fails here instead of at a reader."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

FENCE = re.compile(r"^```.*?^```", re.M | re.S)
CODE = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$", re.M)


def prose(text: str) -> str:
    """The text a reader follows links in: no code blocks, no inline code."""
    return CODE.sub("", FENCE.sub("", text))


def slug(heading: str) -> str:
    """GitHub's anchor of a heading: its text lower-cased, punctuation dropped, spaces made hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)         # a link in a heading: its words
    text = re.sub(r"[^\w\- ]", "", text.lower().replace("`", ""))
    return text.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    seen: dict[str, int] = {}
    found = set()
    for heading in HEADING.findall(FENCE.sub("", page.read_text(encoding="utf-8"))):
        base = slug(heading)
        n = seen.get(base, 0)
        seen[base] = n + 1
        found.add(base if n == 0 else f"{base}-{n}")
    return found


def test_slugs_as_github_makes_them():
    assert slug("The hub: `lindung-hub`") == "the-hub-lindung-hub"
    assert slug("A command's start") == "a-commands-start"
    assert slug("Rules it checks (in `desktop/domain/`, shared)") == "rules-it-checks-in-desktopdomain-shared"
    assert slug("5. Laptop: mendaftar, mencabut, mengganti kredensial") == "5-laptop-mendaftar-mencabut-mengganti-kredensial"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_relative_link_leads_to_a_file_and_a_heading(page):
    broken = []
    for target in LINK.findall(prose(page.read_text(encoding="utf-8"))):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):              # https:, mailto:, file:
            continue
        path, _, anchor = target.partition("#")
        goal = (page.parent / path).resolve() if path else page
        if not goal.exists():
            broken.append(f"{target}: no file {goal.relative_to(ROOT) if goal.is_relative_to(ROOT) else goal}")
        elif anchor and goal.suffix == ".md" and anchor not in anchors(goal):
            broken.append(f"{target}: no heading '#{anchor}' in {goal.relative_to(ROOT)}")
    assert not broken, "\n".join(broken)


def test_every_page_in_docs_is_reachable_from_the_readme():
    """A page no link leads to is a page no newcomer finds: README -> docs/developers.md -> the rest."""
    linked = set()
    for page in PAGES:
        for target in LINK.findall(prose(page.read_text(encoding="utf-8"))):
            path = target.partition("#")[0]
            if path.endswith(".md") and not re.match(r"[a-z][a-z0-9+.-]*:", path):
                linked.add((page.parent / path).resolve())
    assert not {p for p in PAGES[1:] if p.resolve() not in linked}
