"""The file asset behind `DefinitionBody.from_file`: what `aws_s3_assets.Asset` does for a single file
(stage it, register it with the stack's synthesizer), reduced to the bucket and key it returns."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cdk_events.core import Construct, Stack

from ...core._assets import AssetStaging, FileAssetSource, check_asset_options, stack_relative_path

_OPTIONS = ("exclude", "follow", "ignore_mode", "extra_hash", "asset_hash", "asset_hash_type", "bundling",
            "display_name", "deploy_time")


def file_asset_location(scope: Construct, id: str, path: str, options: Mapping[str, Any]) -> tuple[str, str]:
    """Stage `path` as the asset `<scope>/<id>`; its S3 bucket name and object key (tokens)."""
    asset = Construct(scope, id)
    check_asset_options(asset, options, _OPTIONS)
    staging_options = {k: v for k, v in options.items() if k not in ("display_name", "deploy_time")}
    staging = AssetStaging(asset, "Stage", source_path=path, **staging_options)
    stack = Stack.of(asset)
    location = stack.synthesizer.add_file_asset(FileAssetSource(
        packaging=staging.packaging,
        source_hash=staging.asset_hash,
        file_name=staging.relative_staged_path(stack),
        deploy_time=options.get("deploy_time"),
        display_name=options.get("display_name") or stack_relative_path(asset),
    ))
    return location.bucket_name, location.object_key
