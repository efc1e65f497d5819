"""`Runtime` and `Architecture`: what a function runs on."""

from __future__ import annotations

from enum import Enum
from typing import Any, ClassVar

import attrs


class RuntimeFamily(Enum):
    """The language family of a runtime."""

    NODEJS = "NODEJS"
    JAVA = "JAVA"
    PYTHON = "PYTHON"
    DOTNET_CORE = "DOTNET_CORE"
    GO = "GO"
    RUBY = "RUBY"
    OTHER = "OTHER"


class Runtime:
    """A Lambda runtime (mirrors `aws_cdk.aws_lambda.Runtime`): `name` is the CloudFormation value
    (`python3.12`). `Runtime("nodejs99.x", RuntimeFamily.NODEJS)` names one that is not listed.

    Defaults: no family, no inline code, no CodeGuru profiling, no SnapStart, not variable.

    Immutable, compared by identity. (A plain class written as attrs would write it: building an attrs
    class costs every app with a function more than its fifty runtimes.)
    """

    __match_args__ = ("name", "family")

    name: str
    family: RuntimeFamily | None
    supports_inline_code: bool
    supports_code_guru_profiling: bool
    supports_snap_start: bool
    is_variable: bool
    deprecated: bool

    ALL: ClassVar[list[Runtime]]
    NODEJS: ClassVar[Runtime]
    NODEJS_4_3: ClassVar[Runtime]
    NODEJS_6_10: ClassVar[Runtime]
    NODEJS_8_10: ClassVar[Runtime]
    NODEJS_10_X: ClassVar[Runtime]
    NODEJS_12_X: ClassVar[Runtime]
    NODEJS_14_X: ClassVar[Runtime]
    NODEJS_16_X: ClassVar[Runtime]
    NODEJS_18_X: ClassVar[Runtime]
    NODEJS_20_X: ClassVar[Runtime]
    NODEJS_22_X: ClassVar[Runtime]
    NODEJS_24_X: ClassVar[Runtime]
    NODEJS_LATEST: ClassVar[Runtime]
    PYTHON_2_7: ClassVar[Runtime]
    PYTHON_3_6: ClassVar[Runtime]
    PYTHON_3_7: ClassVar[Runtime]
    PYTHON_3_8: ClassVar[Runtime]
    PYTHON_3_9: ClassVar[Runtime]
    PYTHON_3_10: ClassVar[Runtime]
    PYTHON_3_11: ClassVar[Runtime]
    PYTHON_3_12: ClassVar[Runtime]
    PYTHON_3_13: ClassVar[Runtime]
    PYTHON_3_14: ClassVar[Runtime]
    JAVA_8: ClassVar[Runtime]
    JAVA_8_CORRETTO: ClassVar[Runtime]
    JAVA_8_AL2023: ClassVar[Runtime]
    JAVA_11: ClassVar[Runtime]
    JAVA_11_AL2023: ClassVar[Runtime]
    JAVA_17: ClassVar[Runtime]
    JAVA_17_AL2023: ClassVar[Runtime]
    JAVA_21: ClassVar[Runtime]
    JAVA_25: ClassVar[Runtime]
    DOTNET_6: ClassVar[Runtime]
    DOTNET_8: ClassVar[Runtime]
    DOTNET_9: ClassVar[Runtime]
    DOTNET_10: ClassVar[Runtime]
    DOTNET_CORE_1: ClassVar[Runtime]
    DOTNET_CORE_2: ClassVar[Runtime]
    DOTNET_CORE_2_1: ClassVar[Runtime]
    DOTNET_CORE_3_1: ClassVar[Runtime]
    GO_1_X: ClassVar[Runtime]
    RUBY_2_5: ClassVar[Runtime]
    RUBY_2_7: ClassVar[Runtime]
    RUBY_3_2: ClassVar[Runtime]
    RUBY_3_3: ClassVar[Runtime]
    RUBY_3_4: ClassVar[Runtime]
    RUBY_4_0: ClassVar[Runtime]
    PROVIDED: ClassVar[Runtime]
    PROVIDED_AL2: ClassVar[Runtime]
    PROVIDED_AL2023: ClassVar[Runtime]
    FROM_IMAGE: ClassVar[Runtime]

    def __init__(self, name: str, family: RuntimeFamily | None = None, *, supports_inline_code: bool = False,
                 supports_code_guru_profiling: bool = False, supports_snap_start: bool = False,
                 is_variable: bool = False, deprecated: bool = False) -> None:
        fields = self.__dict__
        fields["name"] = name
        fields["family"] = family
        fields["supports_inline_code"] = supports_inline_code
        fields["supports_code_guru_profiling"] = supports_code_guru_profiling
        fields["supports_snap_start"] = supports_snap_start
        fields["is_variable"] = is_variable
        fields["deprecated"] = deprecated

    def __setattr__(self, name: str, value: Any) -> None:
        raise attrs.exceptions.FrozenInstanceError()

    def __delattr__(self, name: str) -> None:
        raise attrs.exceptions.FrozenInstanceError()

    def __repr__(self) -> str:
        return (f"{type(self).__qualname__}(name={self.name!r}, family={self.family!r}, "
                f"supports_inline_code={self.supports_inline_code!r}, "
                f"supports_code_guru_profiling={self.supports_code_guru_profiling!r}, "
                f"supports_snap_start={self.supports_snap_start!r}, is_variable={self.is_variable!r}, "
                f"deprecated={self.deprecated!r})")

    def runtime_equals(self, other: Runtime) -> bool:
        """True if both have the same name, family and inline-code support."""
        return (other.name == self.name and other.family == self.family
                and other.supports_inline_code == self.supports_inline_code)

    def to_string(self) -> str:
        """The runtime name."""
        return self.name

    def __str__(self) -> str:
        return self.name


# attribute, name, family, flags: i = inline code, p = CodeGuru profiling, s = SnapStart, d = deprecated in the CDK
_N, _J, _P, _D, _G, _R, _O = (RuntimeFamily.NODEJS, RuntimeFamily.JAVA, RuntimeFamily.PYTHON,
                              RuntimeFamily.DOTNET_CORE, RuntimeFamily.GO, RuntimeFamily.RUBY, RuntimeFamily.OTHER)
_TABLE: list[tuple[str, str, RuntimeFamily | None, str]] = [
    ("NODEJS", "nodejs", _N, "id"), ("NODEJS_4_3", "nodejs4.3", _N, "id"), ("NODEJS_6_10", "nodejs6.10", _N, "id"),
    ("NODEJS_8_10", "nodejs8.10", _N, "id"), ("NODEJS_10_X", "nodejs10.x", _N, "id"),
    ("NODEJS_12_X", "nodejs12.x", _N, "id"), ("NODEJS_14_X", "nodejs14.x", _N, "id"),
    ("NODEJS_16_X", "nodejs16.x", _N, "id"), ("NODEJS_18_X", "nodejs18.x", _N, "i"),
    ("NODEJS_20_X", "nodejs20.x", _N, "i"), ("NODEJS_22_X", "nodejs22.x", _N, "i"),
    ("NODEJS_24_X", "nodejs24.x", _N, "i"),
    ("PYTHON_2_7", "python2.7", _P, "id"), ("PYTHON_3_6", "python3.6", _P, "ipd"),
    ("PYTHON_3_7", "python3.7", _P, "ipd"), ("PYTHON_3_8", "python3.8", _P, "ipd"),
    ("PYTHON_3_9", "python3.9", _P, "ip"), ("PYTHON_3_10", "python3.10", _P, "ip"),
    ("PYTHON_3_11", "python3.11", _P, "ip"), ("PYTHON_3_12", "python3.12", _P, "ips"),
    ("PYTHON_3_13", "python3.13", _P, "ips"), ("PYTHON_3_14", "python3.14", _P, "ips"),
    ("JAVA_8", "java8", _J, "pd"), ("JAVA_8_CORRETTO", "java8.al2", _J, "p"),
    ("JAVA_8_AL2023", "java8.al2023", _J, "p"), ("JAVA_11", "java11", _J, "ps"),
    ("JAVA_11_AL2023", "java11.al2023", _J, "ps"), ("JAVA_17", "java17", _J, "ps"),
    ("JAVA_17_AL2023", "java17.al2023", _J, "ps"), ("JAVA_21", "java21", _J, "ps"), ("JAVA_25", "java25", _J, "ps"),
    ("DOTNET_6", "dotnet6", _D, ""), ("DOTNET_8", "dotnet8", _D, "s"), ("DOTNET_9", "dotnet9", _D, "s"),
    ("DOTNET_10", "dotnet10", _D, "s"),
    ("DOTNET_CORE_1", "dotnetcore1.0", _D, "d"), ("DOTNET_CORE_2", "dotnetcore2.0", _D, "d"),
    ("DOTNET_CORE_2_1", "dotnetcore2.1", _D, "d"), ("DOTNET_CORE_3_1", "dotnetcore3.1", _D, "d"),
    ("GO_1_X", "go1.x", _G, "d"),
    ("RUBY_2_5", "ruby2.5", _R, "d"), ("RUBY_2_7", "ruby2.7", _R, "d"), ("RUBY_3_2", "ruby3.2", _R, ""),
    ("RUBY_3_3", "ruby3.3", _R, ""), ("RUBY_3_4", "ruby3.4", _R, ""), ("RUBY_4_0", "ruby4.0", _R, ""),
    ("PROVIDED", "provided", _O, "d"), ("PROVIDED_AL2", "provided.al2", _O, ""),
    ("PROVIDED_AL2023", "provided.al2023", _O, ""),
    ("FROM_IMAGE", "FROM_IMAGE", None, ""),
]


def _define() -> None:
    everything: list[Runtime] = []
    for attr, name, family, flags in _TABLE:
        runtime = Runtime(name, family, supports_inline_code="i" in flags, supports_code_guru_profiling="p" in flags,
                          supports_snap_start="s" in flags, deprecated="d" in flags)
        setattr(Runtime, attr, runtime)
        everything.append(runtime)
        if attr == "NODEJS_22_X":
            # the latest Node.js runtime of every region (a regional fact in the CDK; nodejs24.x everywhere)
            latest = Runtime("nodejs24.x", _N, supports_inline_code=True, is_variable=True)
            Runtime.NODEJS_LATEST = latest
            everything.append(latest)
    Runtime.ALL = everything


_define()


class Architecture:
    """The instruction set of a function (mirrors `aws_cdk.aws_lambda.Architecture`): `X86_64` (the
    Lambda default) or `ARM_64`; `Architecture.custom(name)` for another."""

    X86_64: ClassVar[Architecture]
    ARM_64: ClassVar[Architecture]

    def __init__(self, name: str, docker_platform: str) -> None:
        self.name = name
        self.docker_platform = docker_platform

    @staticmethod
    def custom(name: str, docker_platform: str | None = None) -> Architecture:
        """An architecture not listed here (`docker_platform` defaults to `linux/amd64`)."""
        return Architecture(name, docker_platform or "linux/amd64")

    def to_string(self) -> str:
        """The architecture name."""
        return self.name

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, Architecture) and other.name == self.name

    def __hash__(self) -> int:
        return hash(self.name)

    def __repr__(self) -> str:
        return f"Architecture({self.name!r})"


Architecture.X86_64 = Architecture("x86_64", "linux/amd64")
Architecture.ARM_64 = Architecture("arm64", "linux/arm64")
