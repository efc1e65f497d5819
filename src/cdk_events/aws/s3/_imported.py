"""Buckets defined elsewhere (`Bucket.from_bucket_name` / `from_bucket_arn` /
`from_bucket_attributes`) and the S3 bucket-name rules."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from cdk_events.core import ArnFormat, Construct, Fn, Stack, Token, ValidationError

from ._bucket_base import BucketBase, IBucket

if TYPE_CHECKING:
    from ..kms import IKey

_IP_ADDRESS = re.compile(r"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$")
_DOMAIN_SUFFIXES = (("cn-", "amazonaws.com.cn"), ("us-isob-", "sc2s.sgov.gov"), ("us-iso-", "c2s.ic.gov"))


def validate_bucket_name(name: str | None) -> None:
    """Raise a `ValidationError` listing what is wrong with a concrete bucket name (S3's rules)."""
    if not name or Token.is_unresolved(name):
        return
    errors: list[str] = []
    if len(name) < 3 or len(name) > 63:
        errors.append("Bucket name must be at least 3 and no more than 63 characters")
    charset = re.search(r"[^a-z0-9.-]", name)
    if charset:
        errors.append("Bucket name must only contain lowercase characters and the symbols, period (.) and dash (-) "
                      f"(offset: {charset.start()})")
    if not re.match(r"[a-z0-9]", name[0]):
        errors.append("Bucket name must start and end with a lowercase character or number (offset: 0)")
    if not re.match(r"[a-z0-9]", name[-1]):
        errors.append(f"Bucket name must start and end with a lowercase character or number (offset: {len(name) - 1})")
    consecutive = re.search(r"\.-|-\.|\.\.", name)
    if consecutive:
        errors.append("Bucket name must not have dash next to period, or period next to dash, or consecutive "
                      f"periods (offset: {consecutive.start()})")
    if _IP_ADDRESS.match(name):
        errors.append("Bucket name must not resemble an IP address")
    if errors:
        raise ValidationError(f"Invalid S3 bucket name (value: {name})\n" + "\n".join(errors))


def _url_suffix(stack: Stack, region: str) -> str:
    if Token.is_unresolved(region):
        return stack.url_suffix
    return next((suffix for prefix, suffix in _DOMAIN_SUFFIXES if region.startswith(prefix)), "amazonaws.com")


def import_bucket(scope: Construct, id: str, *, bucket_arn: str | None = None, bucket_name: str | None = None,
                  bucket_domain_name: str | None = None, bucket_regional_domain_name: str | None = None,
                  bucket_dual_stack_domain_name: str | None = None, bucket_website_url: str | None = None,
                  encryption_key: IKey | None = None, is_website: bool | None = None, account: str | None = None,
                  region: str | None = None) -> IBucket:
    """An imported bucket (see `Bucket.from_bucket_attributes`)."""
    where = f"Bucket import ({scope.node.path}/{id})"
    for prop, value in (("bucket_arn", bucket_arn), ("bucket_name", bucket_name), ("account", account),
                        ("region", region)):
        if value is not None and (not isinstance(value, str) or not value):
            raise ValidationError(f"{where}: '{prop}' must be a non-empty string, got {value!r}")
    stack = Stack.of(scope)
    name = bucket_name
    if not name and bucket_arn:
        try:
            name = stack.split_arn(bucket_arn, ArnFormat.SLASH_RESOURCE_NAME).resource
        except ValidationError:
            raise ValidationError(f"{where}: 'bucket_arn' must be an ARN like arn:<partition>:s3:::<bucket name>, "
                                  f"got {bucket_arn!r}") from None
    if not name:
        raise ValidationError(f"{where}: Bucket name is required (give bucket_name or bucket_arn)")
    validate_bucket_name(name)
    return _ImportedBucket(scope, id, bucket_arn=bucket_arn, bucket_name=name,
                           bucket_domain_name=bucket_domain_name,
                           bucket_regional_domain_name=bucket_regional_domain_name,
                           bucket_dual_stack_domain_name=bucket_dual_stack_domain_name,
                           bucket_website_url=bucket_website_url, encryption_key=encryption_key,
                           is_website=is_website, account=account, region=region)


class _ImportedBucket(BucketBase):
    def __init__(self, scope: Construct, id: str, *, bucket_arn: str | None, bucket_name: str,
                 bucket_domain_name: str | None, bucket_regional_domain_name: str | None,
                 bucket_dual_stack_domain_name: str | None, bucket_website_url: str | None,
                 encryption_key: IKey | None, is_website: bool | None, account: str | None, region: str | None):
        super().__init__(scope, id, account=account, region=region)
        stack = Stack.of(scope)
        bucket_region = region if region is not None else stack.region
        suffix = _url_suffix(stack, bucket_region)
        website_domain = f"{bucket_name}.s3-website.{bucket_region}.{suffix}"
        self.bucket_name = bucket_name
        self.bucket_arn = bucket_arn or stack.format_arn(region="", account="", service="s3", resource=bucket_name)
        self.bucket_domain_name = bucket_domain_name or f"{bucket_name}.s3.{suffix}"
        self.bucket_website_url = bucket_website_url or f"http://{website_domain}"
        self.bucket_website_domain_name = (
            _website_domain(bucket_website_url) if bucket_website_url else website_domain)
        self.bucket_regional_domain_name = (
            bucket_regional_domain_name or f"{bucket_name}.s3.{bucket_region}.{suffix}")
        self.bucket_dual_stack_domain_name = (
            bucket_dual_stack_domain_name or f"{bucket_name}.s3.dualstack.{bucket_region}.{suffix}")
        self.encryption_key = encryption_key
        self.is_website = bool(is_website)
        self._disallow_public_access = False


def _website_domain(url: str) -> Any:
    return Fn.select(2, Fn.split("/", url))
