"""A synthesis killed at any of its file-system calls leaves the previous cloud assembly or the new one in
the output folder, never a mix (issue #13 item 5): the app runs under `strace`, which sends it SIGKILL
at the K-th call of a kind, for each call the writer makes (a sample of them unless
`CDK_EVENTS_TEST_ALL_KILLS=1`); a full disk is a `SynthesisError`; staging folders of dead processes go."""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

import cdk_events.core._assembly as assembly
from cdk_events.core import App, CfnResource, Stack, SynthesisError

STRACE = shutil.which("strace")
ALL_KILLS = os.environ.get("CDK_EVENTS_TEST_ALL_KILLS") == "1"
# the calls that change or read the file system (unknown names, `?`, are ignored by strace: not every
# architecture has `rename` or `open`)
SYSCALLS = ("rename", "renameat", "renameat2", "unlink", "unlinkat", "open", "openat", "write", "mkdir",
            "mkdirat", "rmdir", "link", "linkat", "symlink", "symlinkat", "fsync", "fdatasync", "chmod",
            "fchmodat")
# kills of the default sample, spread over the writer's calls (every call with CDK_EVENTS_TEST_ALL_KILLS=1:
# about 80 runs of the app, a minute or two)
SAMPLE = 8

APP = textwrap.dedent("""
    import os, sys
    from cdk_events.core import App, AssetStaging, CfnResource, Stack
    if os.environ.get("APP_IN_PLACE"):  # as if the output folder were a mount point
        import cdk_events.core._assembly as assembly
        assembly._same_device = lambda a, b: False
    version = os.environ["APP_VERSION"]
    app = App(outdir=sys.argv[1])
    for name in ("A", "B") if version == "1" else ("A", "C"):
        stack = Stack(app, name)
        CfnResource(stack, "Topic", type="AWS::SNS::Topic", properties={"TopicName": f"{name}-v{version}"})
    AssetStaging(stack, "Code", source_path=sys.argv[2])
    app.synth()
""")

Snapshot = dict[str, "bytes | None"]


def _snapshot(folder: Path) -> Snapshot:
    """Every entry below `folder` (files with their bytes, folders as None), staging folders left out."""
    found: Snapshot = {}
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(assembly.STAGING_PREFIX)]
        relative = os.path.relpath(root, folder)
        for name in dirs:
            found[os.path.normpath(os.path.join(relative, name))] = None
        for name in files:
            found[os.path.normpath(os.path.join(relative, name))] = Path(root, name).read_bytes()
    return found


class Scenario:
    """A tiny app whose version 2 replaces version 1 in `work/cdk.out` (stack B goes, C comes, A changes;
    the staged asset and a CLI lock file stay)."""

    def __init__(self, base: Path, in_place: bool = False):
        self.base = base
        self.work = base / "work"
        self.out = self.work / "cdk.out"
        self.in_place = in_place
        (base / "app.py").write_text(APP)
        source = base / "code"
        (source / "lib").mkdir(parents=True)
        (source / "index.py").write_text("def handler(event, context):\n    return event\n")
        (source / "lib" / "util.py").write_text("X = 1\n")
        self.env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path), PYTHONDONTWRITEBYTECODE="1",
                        PYTHONHASHSEED="0")
        self.env.pop("CDK_OUTDIR", None)
        self.env.pop("CDK_CONTEXT_JSON", None)
        if in_place:
            self.env["APP_IN_PLACE"] = "1"
        self.pristine = base / "v1"
        self._run("1", self.pristine)
        (self.pristine / "synth.lock").write_text("held by the CDK CLI\n")
        self.v1 = _snapshot(self.pristine)
        self.reset()
        self._run("2", self.out)
        self.v2 = _snapshot(self.out)
        assert self.v1 != self.v2 and "C.template.json" in self.v2 and "B.template.json" in self.v1
        assert self.v2["synth.lock"] == self.v1["synth.lock"]

    def command(self, *strace: str) -> list[str]:
        return [*strace, sys.executable, str(self.base / "app.py"), str(self.out), str(self.base / "code")]

    def _run(self, version: str, out: Path) -> None:
        subprocess.run([sys.executable, str(self.base / "app.py"), str(out), str(self.base / "code")],
                       env=dict(self.env, APP_VERSION=version), check=True, cwd=self.base)

    def reset(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)
        self.work.mkdir()
        shutil.copytree(self.pristine, self.out, symlinks=True)

    def synth_v2(self, *strace: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(self.command(*strace), env=dict(self.env, APP_VERSION="2"), cwd=self.base,
                              capture_output=True, text=True)

    def calls(self) -> list[tuple[str, int, str]]:
        """The writer's file-system calls, in order: (name, ordinal among the process's calls of that
        name, the traced line)."""
        self.reset()
        trace = self.base / "trace.txt"
        done = self.synth_v2(STRACE or "strace", "-f", "-y", "-qq", "-o", str(trace),
                             "-e", "trace=" + ",".join("?" + s for s in SYSCALLS))
        assert done.returncode == 0, done.stderr
        counts: dict[str, int] = {}
        found = []
        main_pid = None
        for line in trace.read_text().splitlines():
            match = re.match(r"(\d+) +(\w+)\(", line)
            if not match:
                continue
            pid, name = match.groups()
            main_pid = main_pid or pid
            if pid != main_pid:
                continue
            counts[name] = counts.get(name, 0) + 1
            if str(self.work) in line:
                found.append((name, counts[name], line))
        assert any(name == "renameat2" for name, _, _ in found) or self.in_place, "no exchange traced"
        return found

    def state(self) -> str:
        """'previous' or 'new' (the output folder holds exactly that assembly), 'no manifest' (only
        for an output folder replaced file by file: each file of one version or the other)."""
        now = _snapshot(self.out)
        if now == self.v1:
            return "previous"
        if now == self.v2:
            return "new"
        assert self.in_place, "a mixed assembly:\n" + _difference(now, self.v1, self.v2)
        assert "manifest.json" not in now, "a manifest over a mixed assembly:\n" + _difference(now, self.v1, self.v2)
        for path, content in now.items():
            assert content in (self.v1.get(path, b"?"), self.v2.get(path, b"?")), f"{path} of neither version"
        return "no manifest"


def _difference(now: Snapshot, v1: Snapshot, v2: Snapshot) -> str:
    lines = []
    for path in sorted(set(now) | set(v1) | set(v2)):
        content = now.get(path, "absent")
        which = [name for name, version in (("v1", v1), ("v2", v2)) if version.get(path, "absent") == content]
        presence = "absent" if path not in now else "present"
        lines.append(f"  {path}: {presence}, as in {' and '.join(which) or 'neither'}")
    return "\n".join(lines)


def _sample(calls: list[tuple[str, int, str]], size: int) -> list[tuple[str, int, str]]:
    if ALL_KILLS or len(calls) <= size:
        return calls
    step = len(calls) / size
    chosen = {int(i * step) for i in range(size)}
    # always at the exchange (or the first and last rename) and the call after it
    renames = [i for i, (name, _, _) in enumerate(calls) if name.startswith("rename")]
    chosen |= {renames[0], renames[-1], renames[-1] + 1}
    return [calls[i] for i in sorted(chosen) if i < len(calls)]


def _strace_usable() -> str | None:
    if not sys.platform.startswith("linux"):
        return "the kill test uses strace (Linux)"
    if STRACE is None:
        return "strace is not installed"
    probe = subprocess.run([STRACE, "-qq", "-o", os.devnull, "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        return f"strace cannot trace here: {probe.stderr.strip()}"
    return None


_NO_STRACE = _strace_usable()
needs_strace = pytest.mark.skipif(_NO_STRACE is not None, reason=str(_NO_STRACE))


def _kill_at_each_call(base: Path, in_place: bool, sample: int) -> set[str]:
    scenario = Scenario(base, in_place=in_place)
    calls = scenario.calls()
    assert len(calls) > 20
    states = set()
    for name, ordinal, line in _sample(calls, sample):
        scenario.reset()
        killed = scenario.synth_v2(STRACE or "strace", "-f", "-qq", "-o", os.devnull, "-e", f"trace={name}",
                                   "-e", f"inject={name}:signal=KILL:when={ordinal}")
        assert killed.returncode != 0, f"not killed at {line}"
        try:
            states.add(scenario.state())
        except AssertionError as error:
            raise AssertionError(f"killed at {line}: {error}") from None
        # the next synthesis completes and removes what the killed one left behind
        again = scenario.synth_v2()
        assert again.returncode == 0, again.stderr
        assert scenario.state() == "new"
        assert sorted(p.name for p in scenario.work.iterdir()) == ["cdk.out"], f"left behind after {line}"
        assert not [p for p in scenario.out.iterdir() if p.name.startswith(assembly.STAGING_PREFIX)]
    return states


@needs_strace
def test_a_synth_killed_at_any_call_leaves_the_previous_or_the_new_assembly(tmp_path: Path) -> None:
    states = _kill_at_each_call(tmp_path, in_place=False, sample=SAMPLE)
    assert states == {"previous", "new"}


@needs_strace
def test_an_output_folder_replaced_file_by_file_is_never_a_mix(tmp_path: Path) -> None:
    """A mount point cannot be exchanged: its manifest.json goes first and comes back last, so that a
    kill in between leaves a folder without a manifest (never a manifest listing the other version)."""
    states = _kill_at_each_call(tmp_path, in_place=True, sample=SAMPLE // 2)
    assert {"previous", "new"} <= states


@needs_strace
def test_a_full_disk_is_a_synthesis_error_and_leaves_the_previous_assembly(tmp_path: Path) -> None:
    scenario = Scenario(tmp_path)
    first_write = next(ordinal for name, ordinal, _ in scenario.calls() if name == "write")
    scenario.reset()
    full = scenario.synth_v2(STRACE or "strace", "-f", "-qq", "-o", os.devnull, "-e", "trace=write",
                             "-e", f"inject=write:error=ENOSPC:when={first_write}")
    assert full.returncode == 1
    assert "cdk_events.core.SynthesisError: Cannot write the cloud assembly to" in full.stderr
    assert f"'{scenario.out}': No space left on device (" in full.stderr
    assert scenario.state() == "previous"
    assert sorted(p.name for p in scenario.work.iterdir()) == ["cdk.out"]


def _app(out: Path, name: str = "S") -> App:
    app = App(outdir=str(out))
    CfnResource(Stack(app, name), "R", type="AWS::SNS::Topic")
    return app


def test_an_os_error_while_writing_is_a_synthesis_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "work" / "cdk.out"
    _app(out).synth()
    before = _snapshot(out)
    written: list[str] = []

    def full_disk(self: object, path: str, text: str) -> None:
        written.append(path)
        if len(written) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)
        Path(path).write_text(text)

    monkeypatch.setattr(assembly._Writer, "_write_file", full_disk)
    with pytest.raises(SynthesisError) as raised:
        _app(out, "Other").synth()
    message = str(raised.value)
    assert message.startswith(f"Cannot write the cloud assembly to '{out}': No space left on device (")
    assert written[1] in message and message.endswith("the previous assembly is left as it was")
    assert isinstance(raised.value.__cause__, OSError)
    assert _snapshot(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["cdk.out"]


def test_staging_folders_of_dead_processes_are_removed(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    leftovers = {
        "dead": work / f"{assembly.STAGING_PREFIX}{dead.stdout.strip()}-0123456789ab",
        "mine": work / f"{assembly.STAGING_PREFIX}{os.getpid()}-0123456789ab",
        "alive": work / f"{assembly.STAGING_PREFIX}{os.getppid()}-0123456789ab",
        "other": work / ".cdk-events-staging-notapid",
    }
    for folder in leftovers.values():
        (folder / "sub").mkdir(parents=True)
        (folder / "sub" / "file.json").write_text("{}")
    _app(work / "cdk.out").synth()
    remaining = {p.name for p in work.iterdir()}
    assert leftovers["dead"].name not in remaining
    assert {leftovers[k].name for k in ("mine", "alive", "other")} <= remaining


def test_the_output_folder_is_exchanged_and_keeps_other_files(tmp_path: Path) -> None:
    out = tmp_path / "work" / "cdk.out"
    _app(out, "Old").synth()
    (out / "read.123.1.lock").write_text("reader")
    unused = out / f"asset.{'ab' * 32}"
    unused.mkdir()
    (unused / "f.txt").write_text("an asset of an earlier assembly")
    (out / "asset.notes.txt").write_text("not a staged asset")
    inode = out.stat().st_ino
    _app(out, "New").synth()
    names = sorted(p.name for p in out.iterdir())
    assert names == ["New.assets.json", "New.metadata.json", "New.template.json", "asset.notes.txt", "cdk.out",
                     "manifest.json", "read.123.1.lock", "tree.json"]
    assert out.stat().st_ino != inode  # a new folder at the same path
    assert sorted(p.name for p in out.parent.iterdir()) == ["cdk.out"]


def test_a_linked_output_folder_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real"
    _app(real, "One").synth()
    link = tmp_path / "cdk.out"
    link.symlink_to(real)
    _app(link, "Two").synth()
    assert link.is_symlink() and Path(os.readlink(link)) == real
    assert (real / "Two.template.json").exists() and not (real / "One.template.json").exists()


def test_without_an_atomic_exchange_the_folders_are_renamed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def unsupported(a: str, b: str) -> None:
        raise OSError(errno.EINVAL, "not supported", a, None, b)

    monkeypatch.setattr(assembly, "_exchange", unsupported)
    out = tmp_path / "work" / "cdk.out"
    _app(out, "Old").synth()
    _app(out, "New").synth()
    assert "New.template.json" in {p.name for p in out.iterdir()}
    assert "Old.template.json" not in {p.name for p in out.iterdir()}
    assert sorted(p.name for p in out.parent.iterdir()) == ["cdk.out"]


def _by_number() -> object:
    import ctypes

    number = assembly._RENAMEAT2_SYSCALL.get(os.uname().machine)
    if number is None:
        pytest.skip(f"no renameat2 number known for {os.uname().machine}")
    return assembly._renameat2_by_number(ctypes.CDLL(None, use_errno=True), number)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is a Linux system call")
@pytest.mark.parametrize("load", [assembly._load_swap_light, assembly._load_swap, _by_number],
                         ids=["_ctypes", "ctypes", "system call number"])
def test_each_binding_of_the_exchange_exchanges(tmp_path: Path, load: Callable[[], object]) -> None:
    """`renameat2` bound through `_ctypes` (the fast path), `ctypes`, or, where the C library has no
    `renameat2` (glibc before 2.28), made by system call number."""
    swap = load()
    assert callable(swap)
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one").write_text("1")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two").write_text("2")
    assert swap(os.fsencode(tmp_path / "a"), os.fsencode(tmp_path / "b")) == 0
    assert [p.name for p in (tmp_path / "a").iterdir()] == ["two"]
    assert [p.name for p in (tmp_path / "b").iterdir()] == ["one"]
    assert swap(os.fsencode(tmp_path / "a"), os.fsencode(tmp_path / "missing")) == -1


def test_an_output_folder_holding_the_current_folder_is_replaced_file_by_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "project"
    _app(out, "Old").synth()
    inode = out.stat().st_ino
    monkeypatch.chdir(out)
    _app(out, "New").synth()
    assert out.stat().st_ino == inode and Path.cwd() == out
    assert json.loads((out / "manifest.json").read_text())["artifacts"]["New"]
    assert "Old.template.json" not in {p.name for p in out.iterdir()}


def test_a_failed_step_in_a_mounted_output_folder_is_undone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(assembly, "_same_device", lambda a, b: False)
    out = tmp_path / "mounted"
    out.mkdir()
    _app(out, "Old").synth()
    before = _snapshot(out)
    real_rename = os.rename

    def rename(source: str, target: str) -> None:
        staged = os.path.basename(os.path.dirname(source)).startswith(assembly.STAGING_PREFIX)
        if staged and os.path.basename(source) == "manifest.json":
            raise OSError(errno.EIO, os.strerror(errno.EIO), source)  # the last step: everything else moved
        real_rename(source, target)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(SynthesisError, match="Input/output error"):
        _app(out, "New").synth()
    assert _snapshot(out) == before
    assert not [p for p in out.iterdir() if p.name.startswith(assembly.STAGING_PREFIX)]
