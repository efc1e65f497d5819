"""File assets: the CDK's `AssetStaging` (fingerprint a file or folder, stage it into the cloud
assembly as `asset.<hash>` / `asset.<hash>.zip`) and the types a synthesizer's `add_file_asset`
takes and returns.

Staging is decided when the construct is created (the hash is needed for the template) and done when
the assembly is written, inside the same staged, all-or-nothing write as the templates: nothing is
copied for an app whose synthesis fails, and an app without assets does no asset work at all."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any

import attrs

from ._construct import Construct, enclosing_stack
from ._errors import ValidationError, construct_error
from ._fingerprint import fingerprint
from ._ignore import IgnoreStrategy
from ._struct_methods import struct_methods

if TYPE_CHECKING:
    from ._app import App
    from ._stack import Stack

ASSET_SALT_CONTEXT = "@aws-cdk/core:assetHashSalt"
DISABLE_ASSET_STAGING_CONTEXT = "aws:cdk:disable-asset-staging"
ASSET_METADATA_CONTEXT = "aws:cdk:enable-asset-metadata"
_ARCHIVE_EXTENSIONS = (".tar.gz", ".zip", ".jar", ".tar", ".tgz")


class FileAssetPackaging(Enum):
    """How a file asset is packaged for upload (mirrors `aws_cdk.FileAssetPackaging`)."""

    ZIP_DIRECTORY = "zip"
    FILE = "file"


class AssetHashType(Enum):
    """How an asset's hash is computed (mirrors `aws_cdk.AssetHashType`)."""

    SOURCE = "source"
    BUNDLE = "bundle"
    OUTPUT = "output"
    CUSTOM = "custom"


class IgnoreMode(Enum):
    """How `exclude` patterns are read (mirrors `aws_cdk.IgnoreMode`): GLOB (default), GIT, DOCKER."""

    GLOB = "glob"
    GIT = "git"
    DOCKER = "docker"


class SymlinkFollowMode(Enum):
    """Which symbolic links are followed when an asset folder is hashed and staged (mirrors
    `aws_cdk.SymlinkFollowMode`; the default is EXTERNAL)."""

    NEVER = "never"
    ALWAYS = "always"
    EXTERNAL = "external"
    BLOCK_EXTERNAL = "internal-only"


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class FileAssetSource:
    """A file asset given to a synthesizer (mirrors `aws_cdk.FileAssetSource`): `file_name` is the path
    relative to the cloud assembly (or absolute), `source_hash` its hash."""

    source_hash: str
    file_name: str | None = None
    packaging: FileAssetPackaging | None = None
    executable: Sequence[str] | None = None
    deploy_time: bool | None = None
    display_name: str | None = None


@struct_methods
@attrs.frozen(kw_only=True, slots=False, repr=False, eq=False)
class FileAssetLocation:
    """Where a file asset is at deploy time (mirrors `aws_cdk.FileAssetLocation`): tokens or strings
    usable in the template."""

    bucket_name: str
    object_key: str
    http_url: str
    s3_object_url: str
    s3_url: str
    s3_object_url_with_placeholders: str | None = None
    kms_key_arn: str | None = None


@struct_methods
@attrs.frozen(slots=False, repr=False, eq=False)
class _Staged:
    asset_hash: str
    staged_path: str  # relative to the assembly folder, or absolute when staging is disabled
    packaging: FileAssetPackaging
    is_archive: bool


@struct_methods
@attrs.frozen(slots=False, repr=False, eq=False)
class StagingRequest:
    """A copy the assembly writer makes: `source` (file or folder) into `<outdir>/<name>`."""

    source: str
    name: str
    is_dir: bool
    ignore: IgnoreStrategy
    follow: str


_cache: dict[str, _Staged] = {}


def _extension(source: str) -> str:
    lower = source.lower()
    for extension in _ARCHIVE_EXTENSIONS:
        if lower.endswith(extension):
            return extension
    return os.path.splitext(source)[1]


class AssetStaging(Construct):
    """Stages a file or folder into the cloud assembly under its fingerprint (mirrors
    `aws_cdk.AssetStaging`).

    `asset_hash_type` defaults to SOURCE (CUSTOM when `asset_hash` is given); `exclude` patterns are
    read as `ignore_mode` says (GLOB by default); `follow` defaults to EXTERNAL symlinks. Bundling needs
    Docker and is refused. With the `aws:cdk:disable-asset-staging` context the asset stays where it is.
    """

    def __init__(self, scope: Construct, id: str, *, source_path: str, exclude: Sequence[str] | None = None,
                 follow: SymlinkFollowMode | None = None, ignore_mode: IgnoreMode | None = None,
                 extra_hash: str | None = None, asset_hash: str | None = None,
                 asset_hash_type: AssetHashType | None = None, bundling: Any = None):
        super().__init__(scope, id)
        _check_options(self, exclude, follow, ignore_mode, extra_hash, asset_hash, asset_hash_type)
        if bundling is not None:
            raise construct_error(self, "Asset bundling is not offered by cdk-events: it runs a Docker container. "
                                        "Build the asset beforehand and point the asset at the output folder")
        salt = self.node.try_get_context(ASSET_SALT_CONTEXT)
        self.source_path = os.path.abspath(source_path)
        if not os.path.exists(self.source_path):
            raise construct_error(self, f"Cannot find asset at {self.source_path}")
        is_dir = os.path.isdir(self.source_path)
        if not is_dir and not os.path.isfile(self.source_path):
            raise construct_error(self, f"Asset {self.source_path} is expected to be either a directory or a "
                                        "regular file")
        hash_type = asset_hash_type or (AssetHashType.CUSTOM if asset_hash else AssetHashType.SOURCE)
        if asset_hash and hash_type is not AssetHashType.CUSTOM:
            raise construct_error(self, f"Cannot specify `{hash_type.value}` for `assetHashType` when `assetHash` is "
                                        "specified. Use `CUSTOM` or leave `undefined`.")
        if hash_type is AssetHashType.CUSTOM and not asset_hash:
            raise construct_error(self, "`assetHash` must be specified when `assetHashType` is set to "
                                        "`AssetHashType.CUSTOM`.")
        if hash_type in (AssetHashType.OUTPUT, AssetHashType.BUNDLE):
            raise construct_error(self, f"Cannot use `{hash_type.value}` hash type when `bundling` is not specified.")
        extra = f"{extra_hash or ''}{salt or ''}" if (extra_hash or salt) else None
        mode = (ignore_mode or IgnoreMode.GLOB).value
        ignore = IgnoreStrategy(mode, [".is_custom_resource", *(exclude or [])])
        follow_mode = (follow or SymlinkFollowMode.EXTERNAL).value
        disabled = bool(self.node.try_get_context(DISABLE_ASSET_STAGING_CONTEXT))
        key = json.dumps([self.source_path, hash_type.value, asset_hash, extra, list(exclude or []), mode,
                          follow_mode, disabled])
        staged = _cache.get(key)
        if staged is None:
            source_hash = fingerprint(self.source_path, ignore=ignore, follow=follow_mode, extra_hash=extra)
            if hash_type is AssetHashType.CUSTOM:
                assert asset_hash is not None
                source_hash = hashlib.sha256(asset_hash.encode()).hexdigest()
            name = f"asset.{source_hash}{_extension(self.source_path)}"
            staged = _cache[key] = _Staged(
                asset_hash=source_hash, staged_path=self.source_path if disabled else name,
                packaging=FileAssetPackaging.ZIP_DIRECTORY if is_dir else FileAssetPackaging.FILE,
                is_archive=is_dir or self.source_path.lower().endswith(_ARCHIVE_EXTENSIONS))
        if not disabled:
            # the app keeps what its stacks stage; the assembly writer copies it in
            requests: dict[str, StagingRequest] | None = getattr(self.node.root, "_staged_assets", None)
            if requests is None:
                raise construct_error(self, "unable to determine cloud assembly asset output directory. Assets must "
                                            "be defined indirectly within a \"Stage\" or an \"App\" scope")
            requests.setdefault(staged.staged_path, StagingRequest(self.source_path, staged.staged_path, is_dir,
                                                                   ignore, follow_mode))
        self.asset_hash = staged.asset_hash
        self.packaging = staged.packaging
        self.is_archive = staged.is_archive
        self._staged_path = staged.staged_path
        self._disabled = disabled

    @property
    def source_hash(self) -> str:
        """Same as `asset_hash` (deprecated name)."""
        return self.asset_hash

    @property
    def absolute_staged_path(self) -> str:
        """Where the asset is after synthesis: in the output folder, or the source when staging is off."""
        if self._disabled:
            return self._staged_path
        app: App = self.node.root  # type: ignore[assignment]
        return os.path.join(os.path.abspath(app.outdir), self._staged_path)

    @property
    def staged_path(self) -> str:
        """Same as `absolute_staged_path` (deprecated name)."""
        return self.absolute_staged_path

    def relative_staged_path(self, stack: Stack) -> str:
        """The asset's path relative to the cloud assembly (absolute when staging is disabled)."""
        return self._staged_path


def _check_options(scope: Construct, exclude: Any, follow: Any, ignore_mode: Any, extra_hash: Any,
                   asset_hash: Any, asset_hash_type: Any) -> None:
    if exclude is not None and (isinstance(exclude, str) or not isinstance(exclude, Sequence)
                                or not all(isinstance(p, str) for p in exclude)):
        raise construct_error(scope, f"'exclude' must be a list of glob patterns (strings), got {exclude!r}")
    for prop, value, kind in (("follow", follow, SymlinkFollowMode), ("ignore_mode", ignore_mode, IgnoreMode),
                              ("asset_hash_type", asset_hash_type, AssetHashType)):
        if value is not None and not isinstance(value, kind):
            allowed = ", ".join(f"{kind.__name__}.{m.name}" for m in kind)
            raise construct_error(scope, f"'{prop}' must be one of {allowed}, got {value!r}")
    for prop, value in (("extra_hash", extra_hash), ("asset_hash", asset_hash)):
        if value is not None and not isinstance(value, str):
            raise construct_error(scope, f"'{prop}' must be a string, got {value!r}")


def stack_relative_path(construct: Construct) -> str:
    """The construct's path below its stack (`Function/Code`), as `Names.stackRelativeConstructPath`."""
    stack = enclosing_stack(construct)
    path = construct.node.path
    prefix = stack.node.path + "/"
    return path[len(prefix):] if path.startswith(prefix) else path


def asset_metadata_enabled(scope: Construct) -> bool:
    """Whether resources record which property refers to a local asset (the CLI's default)."""
    return bool(scope.node.try_get_context(ASSET_METADATA_CONTEXT))


def check_asset_options(scope: Construct, options: Mapping[str, Any], allowed: Sequence[str]) -> None:
    """Refuse keyword arguments an asset does not take, naming the allowed ones."""
    unknown = sorted(set(options) - set(allowed))
    if unknown:
        raise ValidationError(f"[{scope.node.path}] unknown asset option(s) {', '.join(unknown)}: allowed are "
                              f"{', '.join(sorted(allowed))}")


def copy_asset(request: StagingRequest, destination: str) -> None:
    """Copy an asset file or folder to `destination` as the CDK stages it: excluded files left out,
    symbolic links followed as `follow` says (others copied as links), file modes kept."""
    if not request.is_dir:
        shutil.copyfile(request.source, destination)
        shutil.copymode(request.source, destination)
        return
    root = request.source

    def follows(target: str) -> bool:
        if request.follow == "always":
            return os.path.exists(target)
        inside = target == root or target.startswith(root + os.sep)
        if request.follow == "external":
            return not inside and os.path.exists(target)
        if request.follow == "internal-only":
            return inside and os.path.exists(target)
        return False

    def copy_folder(source: str, target: str, relative: str) -> None:
        os.mkdir(target)
        with os.scandir(source) as entries:
            for entry in entries:
                child = f"{relative}/{entry.name}" if relative else entry.name
                if request.ignore.ignores(child, entry.is_dir()):
                    continue
                destination_path = os.path.join(target, entry.name)
                if entry.is_symlink():
                    link = os.readlink(entry.path)
                    if not follows(os.path.normpath(os.path.join(source, link))):
                        os.symlink(link, destination_path)
                        continue
                if entry.is_dir():
                    copy_folder(entry.path, destination_path, child)
                elif entry.is_file():
                    shutil.copyfile(entry.path, destination_path)
                    os.chmod(destination_path, stat.S_IMODE(entry.stat().st_mode))

    copy_folder(root, destination, "")
