"""The cloud assembly a synthesis produced (mirrors `aws_cdk.cx_api.CloudAssembly`), and how it is written:
in a staging folder exchanged with the output folder in one step (see docs/design.md, "Synthesis")."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ._errors import SynthesisError, ValidationError

if TYPE_CHECKING:
    from ._assets import StagingRequest


class CloudFormationStackArtifact:
    """One stack of the assembly: its template, environment, dependencies and messages."""

    def __init__(self, assembly: CloudAssembly, artifact_id: str, manifest_entry: dict[str, Any],
                 template_text: str, messages: list[dict[str, Any]]):
        self.assembly = assembly
        self.id = artifact_id
        self.artifact_id = artifact_id
        self.manifest = manifest_entry
        self._template_text = template_text
        self._template: dict[str, Any] | None = None
        self.messages = messages
        properties = manifest_entry.get("properties", {})
        self.template_file: str = properties["templateFile"]
        self.stack_name: str = properties.get("stackName", artifact_id)
        self.environment: str = manifest_entry["environment"]
        self.display_name: str = manifest_entry.get("displayName", artifact_id)
        self.tags: dict[str, str] = dict(properties.get("tags", {}))
        self.termination_protection: bool = properties.get("terminationProtection", False)
        self.dependency_ids: list[str] = [d for d in manifest_entry.get("dependencies", [])
                                          if not d.endswith(".assets")]

    @property
    def template(self) -> dict[str, Any]:
        """The template as JSON data (parsed from the written file's text)."""
        if self._template is None:
            self._template = json.loads(self._template_text)
        return self._template

    @property
    def template_full_path(self) -> str:
        """The template file's path."""
        return os.path.join(self.assembly.directory, self.template_file)

    @property
    def dependencies(self) -> list[CloudFormationStackArtifact]:
        """The stack artifacts this one depends on."""
        return [self.assembly.get_stack_artifact(d) for d in self.dependency_ids]

    def __repr__(self) -> str:
        return f"<CloudFormationStackArtifact {self.artifact_id}>"


class CloudAssembly:
    """What `App.synth()` returns: the output folder and its stacks."""

    def __init__(self, directory: str, manifest: dict[str, Any]):
        self.directory = directory
        self.manifest = manifest
        self._stacks: dict[str, CloudFormationStackArtifact] = {}

    @property
    def version(self) -> str:
        """The cloud assembly schema version."""
        return str(self.manifest["version"])

    def _add(self, artifact: CloudFormationStackArtifact) -> None:
        self._stacks[artifact.artifact_id] = artifact

    @property
    def stacks(self) -> list[CloudFormationStackArtifact]:
        """The stack artifacts, in creation order."""
        return list(self._stacks.values())

    @property
    def artifacts(self) -> list[CloudFormationStackArtifact]:
        """Same as `stacks` (the only artifacts with content here)."""
        return self.stacks

    def get_stack_artifact(self, artifact_id: str) -> CloudFormationStackArtifact:
        """The stack artifact with this artifact id."""
        try:
            return self._stacks[artifact_id]
        except KeyError:
            raise ValidationError(f"Unable to find artifact with id \"{artifact_id}\"") from None

    def get_stack_by_name(self, stack_name: str) -> CloudFormationStackArtifact:
        """The only stack with this CloudFormation stack name."""
        found = [s for s in self._stacks.values() if s.stack_name == stack_name]
        if not found:
            raise ValidationError(f"Unable to find stack with stack name \"{stack_name}\"")
        if len(found) > 1:
            raise ValidationError(f"There are multiple stacks with the stack name \"{stack_name}\" "
                                  f"({', '.join(s.artifact_id for s in found)}). Use \"getStackArtifact(id)\" instead")
        return found[0]

    def try_get_artifact(self, artifact_id: str) -> CloudFormationStackArtifact | None:
        """The stack artifact with this id, or None."""
        return self._stacks.get(artifact_id)


# --- writing an assembly -------------------------------------------------------------------------------------------

STAGING_PREFIX = ".cdk-events-staging-"
FSYNC_ENV = "CDK_EVENTS_FSYNC"
_OWN_NAMES = ("manifest.json", "tree.json", "cdk.out")
_OWN_SUFFIXES = (".template.json", ".assets.json", ".metadata.json")
_MANIFEST = "manifest.json"
# errors of an exchange of two folders the file system (or the kernel) does not offer
_NO_EXCHANGE = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP}
# errors of a rename that crosses a mount point: the output folder is then replaced file by file
_MOUNTED = {errno.EBUSY, errno.EXDEV}
# errors of a hard link the file system refuses: the entry is copied instead
_NO_LINK = {errno.EPERM, errno.EACCES, errno.EMLINK, errno.EXDEV, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS}
# Linux system call numbers of renameat2, for a C library without the function (glibc < 2.28, older musl)
_RENAMEAT2_SYSCALL = {"x86_64": 316, "amd64": 316, "i386": 353, "i686": 353, "aarch64": 276, "arm64": 276,
                      "riscv64": 276, "loongarch64": 276, "armv7l": 382, "armv6l": 382, "ppc64": 357,
                      "ppc64le": 357, "s390x": 347}
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2  # Linux <linux/fs.h>
_RENAME_SWAP = 2  # macOS <stdio.h>


class _InPlace(Exception):
    """The output folder cannot be exchanged as a whole (a mount point): it is updated file by file."""


def write_assembly(outdir: str, files: dict[str, str], assets: dict[str, StagingRequest] | None = None) -> None:
    """Make `outdir` hold exactly the assembly `files` (and the file `assets`, by staged name), replacing
    the one it held in one step, so that a process killed at any instant leaves the previous assembly
    or the new one, never a mix.

    The new assembly is written into a sibling staging folder, entries of the output folder that are no
    assembly files (the CDK CLI's lock files, the staged assets still in use) are hard-linked into it,
    with `CDK_EVENTS_FSYNC=1` everything is flushed to disk, and the two folders are exchanged
    (`renameat2(RENAME_EXCHANGE)` on Linux, `renamex_np(RENAME_SWAP)` on macOS; elsewhere the old folder
    is renamed aside and the new one renamed in). An output folder that is a mount point (or holds the
    current folder) is updated file by file, its `manifest.json` removed first and written last. An
    `OSError` is a `SynthesisError`; the previous assembly is then left as it was."""
    outdir = os.path.abspath(outdir)
    if os.path.islink(outdir):
        outdir = os.path.realpath(outdir)  # the link keeps pointing at the folder, which is replaced
    writer = _Writer(outdir, files, assets or {})
    try:
        writer.write()
    except OSError as error:
        where = f" ({error.filename})" if error.filename and error.filename != outdir else ""
        raise SynthesisError(f"Cannot write the cloud assembly to '{outdir}': {error.strerror or error}{where}; "
                             "the previous assembly is left as it was") from error


class _Writer:
    def __init__(self, outdir: str, files: dict[str, str], assets: dict[str, StagingRequest]):
        self.outdir = outdir
        self.files = files
        self.assets = assets
        self.durable = os.environ.get(FSYNC_ENV) == "1"

    def write(self) -> None:
        outdir = self.outdir
        parent = os.path.dirname(outdir)
        os.makedirs(parent, exist_ok=True)
        try:
            existing: os.stat_result | None = os.stat(outdir)
        except FileNotFoundError:
            existing = None
        if existing is not None:
            if not stat.S_ISDIR(existing.st_mode):
                raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), outdir)
            if not _same_device(parent, outdir) or _holds_cwd(outdir):
                self._write_in_place()
                return
        _remove_dead_staging(parent)
        try:
            self._write_and_exchange(parent, existing)
        except _InPlace:
            self._write_in_place()

    # -- the whole folder exchanged

    def _write_and_exchange(self, parent: str, existing: os.stat_result | None) -> None:
        outdir = self.outdir
        try:
            staging = _make_staging(parent)
        except OSError as error:
            if existing is not None and error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise _InPlace from error  # an output folder we may write into, in a folder we may not
            raise
        try:
            for name, text in self.files.items():
                self._write_file(os.path.join(staging, name), text)
            if existing is not None:
                self._carry_over(staging)
                os.chmod(staging, stat.S_IMODE(existing.st_mode))
            self._copy_assets([name for name in self.assets if not os.path.lexists(os.path.join(staging, name))],
                              staging)
            if self.durable:
                _fsync_path(staging)
            old = _replace(staging, outdir, parent) if existing is not None else _move_in(staging, outdir, parent)
        except BaseException:
            _remove_tree(staging)
            raise
        # committed: nothing that follows makes the synthesis fail
        if self.durable:
            with contextlib.suppress(OSError):
                _fsync_path(parent)
        if old is not None:
            _remove_tree(old)

    def _carry_over(self, staging: str) -> None:
        """Hard-link into `staging` what the output folder holds besides the files of its assembly: the
        staged assets still used (same name, same content) and others' files (the CDK CLI's locks).
        Assets no longer used stay with the previous assembly and go with it."""
        with os.scandir(self.outdir) as entries:
            for entry in entries:
                name = entry.name
                if name in self.files or name.startswith(STAGING_PREFIX):
                    continue
                if _is_own(name) and entry.is_file(follow_symlinks=False):
                    continue
                if name not in self.assets and _is_staged_asset(name):
                    continue
                _link_tree(entry, os.path.join(staging, name))

    # -- the output folder is a mount point: file by file, manifest.json out first and in last

    def _write_in_place(self) -> None:
        outdir = self.outdir
        _remove_dead_staging(outdir)
        staging = _make_staging(outdir)
        previous = os.path.join(staging, ".previous")
        os.mkdir(previous)
        try:
            for name, text in self.files.items():
                self._write_file(os.path.join(staging, name), text)
            new_assets = [name for name in self.assets if not os.path.lexists(os.path.join(outdir, name))]
            self._copy_assets(new_assets, staging)
            if self.durable:
                _fsync_path(staging)
            stale = []
            with os.scandir(outdir) as entries:
                for entry in entries:
                    name = entry.name
                    if name in self.files or name.startswith(STAGING_PREFIX):
                        continue
                    if (_is_own(name) and entry.is_file(follow_symlinks=False)) or (
                            name not in self.assets and _is_staged_asset(name)):
                        stale.append(name)
            self._commit_in_place(staging, previous, new_assets, stale)
        finally:
            _remove_tree(staging)

    def _commit_in_place(self, staging: str, previous: str, new_assets: list[str], stale: list[str]) -> None:
        outdir = self.outdir
        # moves done, in order: (path moved, where to), undone in reverse when a later step fails
        done: list[tuple[str, str]] = []

        def move(source: str, target: str) -> None:
            os.rename(source, target)
            done.append((source, target))

        def aside(name: str) -> None:
            with contextlib.suppress(FileNotFoundError):
                move(os.path.join(outdir, name), os.path.join(previous, name))

        try:
            # renaming a new file over an old one would make file systems such as ext4 flush it first:
            # the old ones are moved aside, the new ones renamed into free names
            aside(_MANIFEST)
            for name in self.files:
                if name != _MANIFEST:
                    aside(name)
                    move(os.path.join(staging, name), os.path.join(outdir, name))
            for name in new_assets:
                move(os.path.join(staging, name), os.path.join(outdir, name))
            for name in stale:
                aside(name)
            if self.durable:
                _fsync_path(outdir)
            move(os.path.join(staging, _MANIFEST), os.path.join(outdir, _MANIFEST))
        except BaseException:
            for source, target in reversed(done):
                with contextlib.suppress(OSError):
                    os.rename(target, source)
            raise
        if self.durable:
            with contextlib.suppress(OSError):
                _fsync_path(outdir)

    # -- files

    def _write_file(self, path: str, text: str) -> None:
        try:
            with open(path, "w", encoding="utf-8") as file:
                file.write(text)
                if self.durable:
                    file.flush()
                    os.fsync(file.fileno())
        except OSError as error:
            error.filename = error.filename or path  # a failed write() names no file
            raise

    def _copy_assets(self, names: list[str], staging: str) -> None:
        if not names:
            return
        from ._assets import copy_asset  # only apps with file assets load the asset module

        for name in names:
            target = os.path.join(staging, name)
            copy_asset(self.assets[name], target)
            if self.durable:
                _fsync_tree(target)


def _is_own(name: str) -> bool:
    """Whether `name` is one of the files an assembly consists of (assets aside)."""
    return name in _OWN_NAMES or name.endswith(_OWN_SUFFIXES)


def _is_staged_asset(name: str) -> bool:
    """Whether `name` is that of a staged asset: `asset.<SHA-256 in hex>`, maybe with an extension."""
    digest = name[6:70]
    return (name.startswith("asset.") and len(digest) == 64 and name[70:71] in ("", ".")
            and all(c in "0123456789abcdef" for c in digest))


def _holds_cwd(directory: str) -> bool:
    """Whether the current folder is `directory` or inside it (it must then not be replaced)."""
    try:
        cwd = os.getcwd()
    except OSError:
        return False
    directory = os.path.realpath(directory)  # getcwd() names the folder without symbolic links
    return cwd == directory or cwd.startswith(directory.rstrip(os.sep) + os.sep)


def _staging_name(base: str) -> str:
    """A staging folder's path in `base`: named after this process (so that a later synthesis can tell
    whether it is still in use) with a random part."""
    return os.path.join(base, f"{STAGING_PREFIX}{os.getpid()}-{os.urandom(6).hex()}")


def _make_staging(base: str) -> str:
    path = _staging_name(base)
    os.mkdir(path)
    return path


def _remove_dead_staging(base: str) -> None:
    """Remove the staging folders in `base` that processes no longer alive left behind (killed while
    they wrote an assembly, or while they removed the assembly they replaced)."""
    me = os.getpid()
    try:
        entries = os.scandir(base)
    except OSError:
        return
    with entries:
        dead = []
        for entry in entries:
            if entry.name.startswith(STAGING_PREFIX):
                pid = entry.name[len(STAGING_PREFIX):].split("-", 1)[0]
                if pid.isdigit() and int(pid) != me and not _alive(int(pid)):
                    dead.append(entry.path)
    for path in dead:
        _remove_tree(path)


def _alive(pid: int) -> bool:
    if os.name == "nt":
        return True  # os.kill would end the process there: such folders are left alone
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # alive, someone else's
    return True


def _link_tree(entry: os.DirEntry[str], target: str) -> None:
    """Hard-link `entry` (recursively, for a folder) at `target`; copy it where links are refused."""
    if entry.is_dir(follow_symlinks=False):
        os.mkdir(target)
        with os.scandir(entry.path) as children:
            for child in children:
                _link_tree(child, os.path.join(target, child.name))
        os.chmod(target, stat.S_IMODE(entry.stat(follow_symlinks=False).st_mode))
        return
    try:
        os.link(entry.path, target, follow_symlinks=False)
    except OSError as error:
        if error.errno not in _NO_LINK:
            raise
        if entry.is_symlink():
            os.symlink(os.readlink(entry.path), target)
        else:
            import shutil

            shutil.copy2(entry.path, target)


def _fsync_path(path: str) -> None:
    """Flush a file or a folder (its entries) to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno not in (errno.EINVAL, errno.EBADF):  # folders some systems cannot flush
            raise
    finally:
        os.close(fd)


def _fsync_tree(path: str) -> None:
    if os.path.islink(path):
        return
    if os.path.isdir(path):
        with os.scandir(path) as children:
            for child in children:
                _fsync_tree(child.path)
    _fsync_path(path)


def _replace(staging: str, outdir: str, parent: str) -> str:
    """Put the folder `staging` at `outdir`; return where the previous `outdir` now is."""
    try:
        _exchange(staging, outdir)
        return staging
    except OSError as error:
        if error.errno in _MOUNTED:
            raise _InPlace from error
        if error.errno not in _NO_EXCHANGE:
            raise
    # no atomic exchange: the old folder is renamed aside and the new one in, the output folder is
    # missing between the two renames
    old = _staging_name(parent)
    try:
        os.rename(outdir, old)
    except OSError as error:
        if error.errno in _MOUNTED:
            raise _InPlace from error
        raise
    try:
        os.rename(staging, outdir)
    except BaseException:
        os.rename(old, outdir)
        raise
    return old


def _move_in(staging: str, outdir: str, parent: str) -> str | None:
    """Rename `staging` to `outdir`, which did not exist; exchange them if it was created meanwhile."""
    try:
        os.rename(staging, outdir)
    except OSError as error:
        if error.errno not in (errno.EEXIST, errno.ENOTEMPTY):
            raise
        return _replace(staging, outdir, parent)
    return None


def _same_device(a: str, b: str) -> bool:
    return os.stat(a).st_dev == os.stat(b).st_dev


_swap: Callable[[bytes, bytes], int] | None = None
_swap_loaded = False


def _exchange(a: str, b: str) -> None:
    """Exchange the folders `a` and `b` atomically; an `OSError` (EINVAL, ENOSYS or ENOTSUP where the
    system or the file system cannot)."""
    global _swap, _swap_loaded
    if not _swap_loaded:
        try:
            _swap = _load_swap_light()
        except Exception:  # a symbol the C library lacks, or a Python without these `_ctypes` internals
            _swap = _load_swap()
        _swap_loaded = True
    if _swap is None:
        raise OSError(errno.ENOSYS, "no atomic exchange of folders on this system", a, None, b)
    if _swap(os.fsencode(a), os.fsencode(b)) != 0:
        from _ctypes import get_errno

        code = get_errno()
        raise OSError(code, os.strerror(code), a, None, b)


def _load_swap_light() -> Callable[[bytes, bytes], int] | None:
    """The exchange function bound through `_ctypes` directly: importing `ctypes` costs 1.5 ms (a
    tenth of writing the 1,000-rule benchmark's assembly), `_ctypes` 0.4 ms."""
    import _ctypes
    import sys

    linux = sys.platform.startswith("linux")
    if not linux and sys.platform != "darwin":
        return None

    class Int(_ctypes._SimpleCData):  # type: ignore[type-arg]
        _type_ = "i"

    class UInt(_ctypes._SimpleCData):  # type: ignore[type-arg]
        _type_ = "I"

    class CharP(_ctypes._SimpleCData):  # type: ignore[type-arg]
        _type_ = "z"

    class Library:
        _handle = _ctypes.dlopen(None, os.RTLD_NOW)  # type: ignore[arg-type]

    class Function(_ctypes.CFuncPtr):
        _flags_ = _ctypes.FUNCFLAG_CDECL | _ctypes.FUNCFLAG_USE_ERRNO
        _restype_ = Int
        _argtypes_ = (Int, CharP, Int, CharP, UInt) if linux else (CharP, CharP, UInt)

    function = Function(("renameat2" if linux else "renamex_np", Library()))  # type: ignore[arg-type]
    if linux:
        return lambda a, b: int(function(_AT_FDCWD, a, _AT_FDCWD, b, _RENAME_EXCHANGE))
    return lambda a, b: int(function(a, b, _RENAME_SWAP))


def _load_swap() -> Callable[[bytes, bytes], int] | None:
    """The exchange function bound through `ctypes` (and `renameat2` by system call number where the C
    library does not have it)."""
    import ctypes
    import sys

    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    if sys.platform.startswith("linux"):
        try:
            renameat2 = libc.renameat2
        except AttributeError:
            number = _RENAMEAT2_SYSCALL.get(os.uname().machine)
            return None if number is None else _renameat2_by_number(libc, number)
        renameat2.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
        renameat2.restype = ctypes.c_int
        return lambda a, b: int(renameat2(_AT_FDCWD, a, _AT_FDCWD, b, _RENAME_EXCHANGE))
    if sys.platform == "darwin":
        try:
            renamex_np = libc.renamex_np
        except AttributeError:
            return None
        renamex_np.argtypes = (ctypes.c_char_p, ctypes.c_char_p, ctypes.c_uint)
        renamex_np.restype = ctypes.c_int
        return lambda a, b: int(renamex_np(a, b, _RENAME_SWAP))
    return None


def _renameat2_by_number(libc: Any, number: int) -> Callable[[bytes, bytes], int]:
    """`renameat2(RENAME_EXCHANGE)` through `syscall(2)`, for a C library without the function."""
    import ctypes

    syscall = libc.syscall
    syscall.restype = ctypes.c_long

    def exchange(a: bytes, b: bytes) -> int:
        return int(syscall(ctypes.c_long(number), ctypes.c_int(_AT_FDCWD), ctypes.c_char_p(a),
                           ctypes.c_int(_AT_FDCWD), ctypes.c_char_p(b), ctypes.c_uint(_RENAME_EXCHANGE)))
    return exchange


def _remove_tree(directory: str) -> None:
    """Delete a folder and everything in it, ignoring what is already gone or cannot be deleted."""
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            _remove_tree(entry.path)
        else:
            try:
                os.unlink(entry.path)
            except PermissionError:  # in a read-only folder (of a staged asset)
                with contextlib.suppress(OSError):
                    os.chmod(directory, 0o700)
                    os.unlink(entry.path)
            except OSError:
                pass
    with contextlib.suppress(OSError):
        os.rmdir(directory)
