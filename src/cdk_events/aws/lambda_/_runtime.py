"""`Runtime` and `Architecture`: what a function runs on."""

from __future__ import annotations

from enum import Enum
from typing import ClassVar

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


@attrs.frozen
class Runtime:
    """A Lambda runtime (mirrors `aws_cdk.aws_lambda.Runtime`): `name` is the CloudFormation value
    (`python3.12`); only Python and Node.js runtimes accept inline code."""

    name: str
    family: RuntimeFamily | None = None
    supports_inline_code: bool = False

    PYTHON_3_9: ClassVar[Runtime]
    PYTHON_3_10: ClassVar[Runtime]
    PYTHON_3_11: ClassVar[Runtime]
    PYTHON_3_12: ClassVar[Runtime]
    PYTHON_3_13: ClassVar[Runtime]
    PYTHON_3_14: ClassVar[Runtime]
    NODEJS_18_X: ClassVar[Runtime]
    NODEJS_20_X: ClassVar[Runtime]
    NODEJS_22_X: ClassVar[Runtime]
    NODEJS_24_X: ClassVar[Runtime]
    JAVA_8: ClassVar[Runtime]
    JAVA_8_CORRETTO: ClassVar[Runtime]
    JAVA_11: ClassVar[Runtime]
    JAVA_17: ClassVar[Runtime]
    JAVA_21: ClassVar[Runtime]
    JAVA_25: ClassVar[Runtime]
    DOTNET_8: ClassVar[Runtime]
    RUBY_3_2: ClassVar[Runtime]
    RUBY_3_3: ClassVar[Runtime]
    RUBY_3_4: ClassVar[Runtime]
    PROVIDED_AL2: ClassVar[Runtime]
    PROVIDED_AL2023: ClassVar[Runtime]

    def runtime_equals(self, other: Runtime) -> bool:
        """True if both are the same runtime."""
        return self == other

    def __str__(self) -> str:
        return self.name


def _define() -> None:
    table: list[tuple[str, str, RuntimeFamily, bool]] = [
        ("PYTHON_3_9", "python3.9", RuntimeFamily.PYTHON, True),
        ("PYTHON_3_10", "python3.10", RuntimeFamily.PYTHON, True),
        ("PYTHON_3_11", "python3.11", RuntimeFamily.PYTHON, True),
        ("PYTHON_3_12", "python3.12", RuntimeFamily.PYTHON, True),
        ("PYTHON_3_13", "python3.13", RuntimeFamily.PYTHON, True),
        ("PYTHON_3_14", "python3.14", RuntimeFamily.PYTHON, True),
        ("NODEJS_18_X", "nodejs18.x", RuntimeFamily.NODEJS, True),
        ("NODEJS_20_X", "nodejs20.x", RuntimeFamily.NODEJS, True),
        ("NODEJS_22_X", "nodejs22.x", RuntimeFamily.NODEJS, True),
        ("NODEJS_24_X", "nodejs24.x", RuntimeFamily.NODEJS, True),
        ("JAVA_8", "java8", RuntimeFamily.JAVA, False),
        ("JAVA_8_CORRETTO", "java8.al2", RuntimeFamily.JAVA, False),
        ("JAVA_11", "java11", RuntimeFamily.JAVA, False),
        ("JAVA_17", "java17", RuntimeFamily.JAVA, False),
        ("JAVA_21", "java21", RuntimeFamily.JAVA, False),
        ("JAVA_25", "java25", RuntimeFamily.JAVA, False),
        ("DOTNET_8", "dotnet8", RuntimeFamily.DOTNET_CORE, False),
        ("RUBY_3_2", "ruby3.2", RuntimeFamily.RUBY, False),
        ("RUBY_3_3", "ruby3.3", RuntimeFamily.RUBY, False),
        ("RUBY_3_4", "ruby3.4", RuntimeFamily.RUBY, False),
        ("PROVIDED_AL2", "provided.al2", RuntimeFamily.OTHER, False),
        ("PROVIDED_AL2023", "provided.al2023", RuntimeFamily.OTHER, False),
    ]
    for attr, name, family, inline in table:
        setattr(Runtime, attr, Runtime(name, family, inline))


_define()


@attrs.frozen
class Architecture:
    """The instruction set of a function (`X86_64` by default, or `ARM_64`)."""

    name: str
    docker_platform: str

    X86_64: ClassVar[Architecture]
    ARM_64: ClassVar[Architecture]

    @staticmethod
    def custom(name: str, docker_platform: str | None = None) -> Architecture:
        """An architecture not listed here."""
        return Architecture(name, docker_platform or name)


Architecture.X86_64 = Architecture("x86_64", "linux/amd64")
Architecture.ARM_64 = Architecture("arm64", "linux/arm64")
