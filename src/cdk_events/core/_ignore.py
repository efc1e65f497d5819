"""Which files of an asset folder an `exclude` list leaves out, in the three modes of the CDK's
`IgnoreMode`: GLOB (minimatch patterns, `matchBase`, the CDK default), GIT (`.gitignore` rules) and
DOCKER (`.dockerignore` rules). Paths are relative to the asset folder, with `/` separators."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

_MAGIC = re.compile(r"[*?\[]")


# --- glob: the minimatch subset the CDK's GLOB mode relies on -----------------------------------
def _expand_braces(pattern: str) -> list[str]:
    """`a{b,c}d` -> `abd`, `acd`; `{1..3}` -> 1, 2, 3 (minimatch's brace expansion)."""
    depth = 0
    start = -1
    for index, char in enumerate(pattern):
        if char == "\\":
            continue
        if char == "{":
            if depth == 0:
                start = index
            depth += 1
        elif char == "}" and depth:
            depth -= 1
            if depth == 0:
                body = pattern[start + 1:index]
                head, tail = pattern[:start], pattern[index + 1:]
                options = _split_top_level(body)
                if len(options) == 1:
                    numeric = re.fullmatch(r"(-?\d+)\.\.(-?\d+)", body)
                    if not numeric:
                        return [head + "{" + body + "}" + t for t in _expand_braces(tail)]
                    low, high = int(numeric.group(1)), int(numeric.group(2))
                    step = 1 if high >= low else -1
                    options = [str(n) for n in range(low, high + step, step)]
                tails = _expand_braces(tail)
                return [head + inner + t for option in options for inner in _expand_braces(option) for t in tails]
    return [pattern]


def _split_top_level(body: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    current = ""
    for char in body:
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return parts


def _class_end(pattern: str, start: int) -> int:
    """The index of the `]` closing the character class opened at `start`, or -1."""
    index = start + 1
    if index < len(pattern) and pattern[index] in "!^":
        index += 1
    if index < len(pattern) and pattern[index] == "]":
        index += 1
    while index < len(pattern):
        if pattern[index] == "]":
            return index
        index += 1
    return -1


def _segment_regex(segment: str, *, dot_rule: bool) -> str:
    """One path segment of a glob as a regular expression (`*`, `?`, `[...]`, `\\x`)."""
    out: list[str] = []
    index = 0
    starts_magic = bool(segment) and segment[0] in "*?["
    while index < len(segment):
        char = segment[index]
        if char == "\\" and index + 1 < len(segment):
            out.append(re.escape(segment[index + 1]))
            index += 2
            continue
        if char == "*":
            while index + 1 < len(segment) and segment[index + 1] == "*":
                index += 1
            out.append("[^/]*?")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = _class_end(segment, index)
            if end < 0:
                out.append(re.escape(char))
            else:
                body = segment[index + 1:end]
                negate = body[:1] in ("!", "^")
                if negate:
                    body = body[1:]
                body = body.replace("\\", "\\\\").replace("[", "\\[")
                out.append(f"[{'^' if negate else ''}{body}]")
                index = end
        else:
            out.append(re.escape(char))
        index += 1
    regex = "".join(out)
    if regex and _MAGIC.search(segment):
        regex = "(?=.)" + regex
    if dot_rule and starts_magic:
        regex = r"(?!\.)" + regex
    return regex


@functools.lru_cache(maxsize=512)
def _compiled_glob(pattern: str) -> list[list[re.Pattern[str] | str | None]]:
    """The brace-expanded alternatives of `pattern`, each a list of segments: a literal string, a
    compiled regex, or None for a `**` segment (minimatch's GLOBSTAR)."""
    alternatives: list[list[re.Pattern[str] | str | None]] = []
    for expanded in _expand_braces(pattern):
        segments: list[re.Pattern[str] | str | None] = []
        for segment in expanded.split("/"):
            if segment == "**":
                segments.append(None)
            elif _MAGIC.search(segment) or "\\" in segment:
                segments.append(re.compile(_segment_regex(segment, dot_rule=True) + r"\Z", re.DOTALL))
            else:
                segments.append(segment)
        alternatives.append(segments)
    return alternatives


def _match_segments(parts: Sequence[str], segments: Sequence[re.Pattern[str] | str | None]) -> bool:
    if not segments:
        return not parts
    first = segments[0]
    if first is None:  # `**`: zero or more segments, never one starting with a dot
        if len(segments) == 1:
            return all(not p.startswith(".") for p in parts)
        for skip in range(len(parts) + 1):
            if _match_segments(parts[skip:], segments[1:]):
                return True
            if skip < len(parts) and (parts[skip].startswith(".") or parts[skip] in ("", ".", "..")):
                return False
        return False
    if not parts:
        return False
    part = parts[0]
    matched = part == first if isinstance(first, str) else first.match(part) is not None
    return matched and _match_segments(parts[1:], segments[1:])


def minimatch(path: str, pattern: str, *, match_base: bool = True) -> bool:
    """Whether `path` matches `pattern` as minimatch does with `{matchBase: true, flipNegate: true}`
    (a leading `!` is ignored here: the caller handles negation)."""
    pattern = pattern.lstrip("!")
    if pattern.startswith("#"):
        return False
    if not pattern:
        return path == ""
    parts = path.split("/")
    for segments in _compiled_glob(pattern):
        candidate = parts[-1:] if match_base and len(segments) == 1 else parts
        if _match_segments(candidate, segments):
            return True
    return False


# --- gitignore ----------------------------------------------------------------------------------
def _git_regex(pattern: str) -> tuple[re.Pattern[str], bool] | None:
    """A `.gitignore` line as (regex over the relative path, directory-only), None for a blank or
    comment line."""
    line = re.sub(r"(?<!\\)\s+$", "", pattern)
    if not line or line.startswith("#"):
        return None
    if line.startswith("!"):
        line = line[1:]
    if line[:2] in ("\\#", "\\!"):
        line = line[1:]
    directory_only = line.endswith("/")
    line = line.rstrip("/")
    anchored = "/" in line
    line = line.lstrip("/")
    out: list[str] = []
    segments = line.split("/")
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == "**":
            out.append(".*" if last else "(?:.*/)?")
            continue
        out.append(_segment_regex(segment, dot_rule=False) if _MAGIC.search(segment) or "\\" in segment
                   else re.escape(segment))
        if not last:
            out.append("/")
    body = "".join(out).replace("(?:.*/)?/", "(?:.*/)?")
    prefix = "" if anchored else "(?:.*/)?"
    return re.compile(f"^{prefix}{body}$", re.DOTALL), directory_only


class GitIgnore:
    """`.gitignore` rules: the last matching line decides; a path inside an ignored folder is ignored
    (a `!` line cannot re-include it), as in git and the `ignore` package the CDK uses."""

    def __init__(self, patterns: Sequence[str]):
        self._rules: list[tuple[re.Pattern[str], bool, bool]] = []
        for pattern in patterns:
            compiled = _git_regex(pattern)
            if compiled is not None:
                self._rules.append((compiled[0], compiled[1], pattern.startswith("!")))

    def _test(self, path: str, is_dir: bool) -> bool:
        ignored = False
        for regex, directory_only, negate in self._rules:
            if directory_only and not is_dir:
                continue  # a `dir/` rule matches folders (their content through the parent check)
            if regex.match(path):
                ignored = not negate
        return ignored

    def ignores(self, path: str, is_dir: bool = False) -> bool:
        """Whether `path` (relative, `/`-separated) is ignored."""
        path = path.rstrip("/")
        for parent in _parents(path):
            if self._test(parent, True):
                return True
        return self._test(path, is_dir)


def _parents(path: str) -> list[str]:
    parts = path.split("/")
    return ["/".join(parts[:n]) for n in range(1, len(parts))]


# --- dockerignore -------------------------------------------------------------------------------
def _docker_clean(pattern: str) -> str:
    parts: list[str] = []
    for part in pattern.strip().split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if parts:
                parts.pop()
            continue
        parts.append(part)
    return "/".join(parts)


def _docker_regex(pattern: str) -> re.Pattern[str]:
    out: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "*":
            if pattern[index:index + 2] == "**":
                index += 1
                if pattern[index + 1:index + 2] == "/":
                    out.append("(?:.*/)?")
                    index += 1
                else:
                    out.append(".*")
            else:
                out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = _class_end(pattern, index)
            if end < 0:
                out.append(re.escape(char))
            else:
                body = pattern[index + 1:end]
                negate = body[:1] in ("!", "^")
                body = body[1:] if negate else body
                out.append(f"[{'^' if negate else ''}{body.replace(chr(92), chr(92) * 2)}]")
                index = end
        elif char == "\\" and index + 1 < len(pattern):
            out.append(re.escape(pattern[index + 1]))
            index += 1
        else:
            out.append(re.escape(char))
        index += 1
    return re.compile("^" + "".join(out) + "$", re.DOTALL)


class DockerIgnore:
    """`.dockerignore` rules: the last matching pattern decides; a pattern also matches everything
    below a folder it matches."""

    def __init__(self, patterns: Sequence[str]):
        self._rules: list[tuple[re.Pattern[str], bool]] = []
        for pattern in patterns:
            text = pattern.strip()
            if not text or text.startswith("#"):
                continue
            negate = text.startswith("!")
            cleaned = _docker_clean(text[1:] if negate else text)
            if cleaned:
                self._rules.append((_docker_regex(cleaned), negate))

    def ignores(self, path: str) -> bool:
        """Whether `path` (relative, `/`-separated) is ignored."""
        path = _docker_clean(path)
        candidates = [path, *_parents(path)]
        ignored = False
        for regex, negate in self._rules:
            if any(regex.match(c) for c in candidates):
                ignored = not negate
        return ignored

    def completely_ignores(self, path: str) -> bool:
        """Whether a folder and everything below it is ignored (no `!` rule can re-include a child)."""
        if not self.ignores(path):
            return False
        prefix = _docker_clean(path) + "/"
        return not any(negate for _, negate in self._rules) or not any(
            negate and regex.pattern.startswith("^" + re.escape(prefix)) for regex, negate in self._rules)


class IgnoreStrategy:
    """The exclusion rules of one asset folder (the CDK's `IgnoreStrategy`): `mode` is 'glob', 'git'
    or 'docker'."""

    def __init__(self, mode: str, patterns: Sequence[str]):
        self.mode = mode
        self.patterns = list(patterns)
        self._git = GitIgnore(self.patterns) if mode == "git" else None
        self._docker = DockerIgnore(self.patterns) if mode == "docker" else None

    def ignores(self, relative_path: str, is_dir: bool = False) -> bool:
        """Whether this file (or folder) is left out."""
        if self._git is not None:
            return self._git.ignores(relative_path, is_dir)
        if self._docker is not None:
            return self._docker.ignores(relative_path)
        excluded = False
        for pattern in self.patterns:
            if minimatch(relative_path, pattern):
                excluded = not pattern.startswith("!")
        return excluded

    def completely_ignores(self, relative_path: str) -> bool:
        """Whether this folder and all its content are left out."""
        if self._git is not None:
            return self._git.ignores(relative_path + "/", True)
        if self._docker is not None:
            return self._docker.completely_ignores(relative_path)
        return self.ignores(relative_path, True)
