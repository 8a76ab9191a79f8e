"""The encoding stage: mojibake, entities, odd white space and control characters fixed.

:mod:`~cleanseed.encoding.fix` holds the step (``EncodingConfig``, ``fix_encoding``);
:mod:`~cleanseed.encoding._badness` scores how likely a piece of text is mojibake.
"""

from __future__ import annotations

from cleanseed.encoding.fix import EncodingConfig, fix_encoding, fix_encoding_and_explain

__all__ = ["EncodingConfig", "fix_encoding", "fix_encoding_and_explain"]
