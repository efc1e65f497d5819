"""The CDK's asset fingerprint (`FileSystem.fingerprint`): SHA-256 over every file's path relative to
the asset folder and a digest of its content, the folder walked in sorted order, so the same tree
gives the same hash on any machine and in any file-creation order.

Each field is hashed as `\\x01<header>\\x02<value>\\x03`; a file's value is `<size>:<sha256>` of its
content, where text content (no NUL byte in its first 8 KiB) is read 8 KiB at a time, decoded as
UTF-8 and has CRLF turned into LF, exactly as Node.js does in aws-cdk-lib."""

from __future__ import annotations

import hashlib
import os
import stat as stat_module
from typing import TYPE_CHECKING

from ._errors import UnscopedValidationError

if TYPE_CHECKING:
    from ._ignore import IgnoreStrategy

_CHUNK = 8 * 1024
_BLOCK = 128 * _CHUNK  # read unit: a whole number of Node.js chunks
_content_cache: dict[tuple[int, int, int, int], str] = {}


def _field(digest: hashlib._Hash, header: str, value: str) -> None:
    digest.update(b"\x01" + header.encode() + b"\x02" + value.encode() + b"\x03")


def _node_text(chunk: bytes) -> bytes:
    """`Buffer.toString()` then `Buffer.from()`: invalid UTF-8 becomes U+FFFD."""
    try:
        chunk.decode("utf-8")
        return chunk
    except UnicodeDecodeError:
        return chunk.decode("utf-8", "replace").encode("utf-8")


def content_fingerprint(path: str, stats: os.stat_result | None = None) -> str:
    """`<size>:<sha256>` of one file, as the CDK computes it (cached per inode, size and mtime)."""
    stats = stats or os.stat(path)
    key = (stats.st_ino, stats.st_dev, stats.st_size, stats.st_mtime_ns)
    cached = _content_cache.get(key)
    if cached is None:
        cached = _content_cache[key] = _content_fingerprint_miss(path)
    return cached


def _content_fingerprint_miss(path: str) -> str:
    digest = hashlib.sha256()
    size = 0
    binary = False
    pending = b""  # decoded text of chunks ending in CR, waiting for the next chunk
    with open(path, "rb", buffering=0) as file:
        while True:
            block = file.read(_BLOCK)
            if not block:
                break
            if size == 0:
                binary = b"\0" in block[:_CHUNK]
            if binary:
                size += len(block)
                digest.update(block)
                continue
            if not pending and b"\r" not in block and block.isascii():
                size += len(block)  # ASCII without CR: decoding and normalizing change nothing
                digest.update(block)
                continue
            for start in range(0, len(block), _CHUNK):
                chunk = block[start:start + _CHUNK]
                if size == 0 and start:
                    binary = b"\0" in chunk
                    if binary:  # only reachable after chunks ending in CR (still pending)
                        size += len(chunk)
                        digest.update(chunk)
                        continue
                if binary:
                    size += len(chunk)
                    digest.update(chunk)
                    continue
                text = _node_text(chunk)
                if text.endswith(b"\r"):
                    pending += text
                    continue
                data = (pending + text).replace(b"\r\n", b"\n")
                pending = b""
                size += len(data)
                digest.update(data)
    if pending:
        digest.update(pending)  # as the CDK: neither normalized nor counted
    return f"{size}:{digest.hexdigest()}"


def _js_sorted(names: list[str]) -> list[str]:
    """Names in JavaScript string order (UTF-16 code units), which differs from Python's only past U+FFFF."""
    if all(name.isascii() for name in names):
        return sorted(names)
    return sorted(names, key=lambda n: n.encode("utf-16-be"))


def fingerprint(file_or_directory: str, *, ignore: IgnoreStrategy, follow: str = "external",
                extra_hash: str | None = None) -> str:
    """The SHA-256 fingerprint of a file or folder (the CDK's `FileSystem.fingerprint`): `ignore` decides
    which files are left out, `follow` is the `SymlinkFollowMode` value, `extra_hash` is mixed in."""
    digest = hashlib.sha256()
    _field(digest, "options.extra", extra_hash or "")
    _field(digest, "options.follow", follow)
    root = os.path.realpath(file_or_directory)
    is_dir = os.path.isdir(root)
    if ignore.mode != "glob":
        _field(digest, "options.ignoreMode", ignore.mode)
    if not is_dir:
        _field(digest, "file:", content_fingerprint(root))
        return digest.hexdigest()

    def follows(target: str) -> bool:
        if follow == "always":
            return True
        if follow == "external":
            return not target.startswith(root)
        if follow == "internal-only":
            return target.startswith(root)
        return False

    def visit(relative: str, real: str) -> None:
        with os.scandir(real) as iterator:
            entries = {entry.name: entry for entry in iterator}
        for name in _js_sorted(list(entries)):
            entry = entries[name]
            child = f"{relative}/{name}" if relative else name
            if entry.is_symlink():
                link(child, entry.path)
            elif entry.is_file(follow_symlinks=False):
                if not ignore.ignores(child):
                    _field(digest, f"file:{child}", content_fingerprint(entry.path, entry.stat(follow_symlinks=False)))
            elif entry.is_dir(follow_symlinks=False) and not ignore.completely_ignores(child):
                visit(child, entry.path)

    def link(child: str, real: str) -> None:
        target = os.readlink(real)
        resolved = target if os.path.isabs(target) else os.path.normpath(os.path.join(os.path.dirname(real), target))
        target_stats: os.stat_result | None = None
        if follows(resolved):
            try:
                target_stats = os.stat(resolved)
            except OSError:
                target_stats = None
        if target_stats is None:
            if not ignore.ignores(child):
                _field(digest, f"link:{child}", target)
            return
        if stat_module.S_ISDIR(target_stats.st_mode):
            if not ignore.completely_ignores(child):
                visit(child, resolved)
        elif stat_module.S_ISREG(target_stats.st_mode):
            if not ignore.ignores(child):
                _field(digest, f"file:{child}", content_fingerprint(resolved, target_stats))
        else:
            raise UnscopedValidationError(f"Unable to hash {child}: it is neither a file nor a directory")

    visit("", root)
    return digest.hexdigest()
