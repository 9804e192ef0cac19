"""Exception hierarchy. Every message says what was received, what was expected, what to do."""

from __future__ import annotations


class CnTaggerError(Exception):
    """Base class of every error cn_tagger raises on purpose."""


class InputError(CnTaggerError):
    """An input file or record cannot be read as asked."""


class DataError(CnTaggerError):
    """Gold / training data does not match the taxonomy or the gold format."""


class ModelError(CnTaggerError):
    """A model directory is missing, incomplete, tampered with or incompatible."""


class ConfigError(CnTaggerError):
    """A configuration or taxonomy file is invalid."""


class MissingDependencyError(CnTaggerError):
    """An optional dependency is needed for this feature."""

    def __init__(self, package: str, extra: str | None = None) -> None:
        # Double quotes: the command works unchanged in bash, zsh, PowerShell and cmd.exe.
        install = f'pip install "cn-tagger[{extra}]"' if extra else f"pip install {package}"
        super().__init__(f"this feature needs the package '{package}', which is not installed; "
                         f"install it with: {install}")
