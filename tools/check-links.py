#!/usr/bin/env python3
"""Fails when a relative link or a repository path in the README, docs/ or bench/ names nothing that exists.

Checked: markdown links [text](target) that are not web addresses or in-page anchors (resolved against the file's
folder), and backticked paths that start at the repository's root (`src/...`, `docs/...`, `tests/...`, `tools/...`,
`bench/...`, `.ci/...`; a test class may be named without `.cs`). Paths with placeholders (<Feature>, {id}, *, ...),
paths git ignores (what a run creates, such as `src/Api/data/`) and fenced code blocks are left alone.
"""
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)|!\[[^\]]*\]\(([^)\s]+)\)")
CODE = re.compile(r"`([^`\n]+)`")
ROOTED = ("src/", "tests/", "docs/", "tools/", "bench/", ".ci/")
PLACEHOLDER = re.compile(r"[<>{}*…$|\s]|\.\.\.")


def documents():
    yield ROOT / "README.md"
    for folder in ("docs", "bench"):
        yield from sorted((ROOT / folder).rglob("*.md"))


def outside_fences(text):
    """The lines outside fenced code blocks, with their numbers."""
    fenced = False
    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if not fenced:
            yield number, line


def broken_links(document):
    for number, line in outside_fences(document.read_text(encoding="utf-8")):
        for match in LINK.finditer(line):
            target = match.group(1) or match.group(2)
            if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("#"):
                continue
            path = target.split("#", 1)[0].split("?", 1)[0]
            if path and not (document.parent / path).exists():
                yield number, target
        for match in CODE.finditer(LINK.sub("", line)):
            path = re.sub(r":\d+(-\d+)?$", "", match.group(1).split("#", 1)[0].rstrip("/.,;:"))
            if path.startswith(ROOTED) and not PLACEHOLDER.search(path) and not exists(path):
                yield number, path


def exists(path):
    """Whether a rooted path names a file or folder, a test class (without .cs), or something a run creates."""
    if (ROOT / path).exists() or (ROOT / f"{path}.cs").exists():
        return True
    # A folder pattern (generated/) matches a path that does not exist yet only with its trailing slash.
    ignored = subprocess.run(["git", "-C", str(ROOT), "check-ignore", "--no-index", path, f"{path}/"],
                             check=False, capture_output=True)
    return ignored.returncode == 0


def main():
    failures = [f"{document.relative_to(ROOT)}:{number}: {target}"
                for document in documents() for number, target in broken_links(document)]
    for failure in failures:
        print(f"broken link or path: {failure}", file=sys.stderr)
    checked = sum(1 for _ in documents())
    print(f"links and paths: {checked} documents checked, {len(failures)} broken")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
