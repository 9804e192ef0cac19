"""cn_tagger: tag P/CVE and counter-narrative programme descriptions with the guideline
dimensions of UN Security Council resolution 2354 (2017), paragraph 2.

``import cn_tagger`` is cheap: heavy libraries load when a model is loaded or used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["CnTaggerError", "TagResult", "Tagger", "__version__"]

if TYPE_CHECKING:
    from .errors import CnTaggerError
    from .records import TagResult
    from .tagger import Tagger


def __getattr__(name: str) -> Any:
    if name == "Tagger":
        from .tagger import Tagger

        return Tagger
    if name == "TagResult":
        from .records import TagResult

        return TagResult
    if name == "CnTaggerError":
        from .errors import CnTaggerError

        return CnTaggerError
    raise AttributeError(f"module 'cn_tagger' has no attribute {name!r}")
