"""Labelled documents with planted faults, for scoring cleanseed's text pipeline.

>>> from faultgen import generate
>>> doc = generate(1, seed=0)[0]
>>> doc.text == doc.sep.join(u.text for u in doc.units)
True
"""

from __future__ import annotations

from .generate import RATES, generate, generate_doc
from .model import CLASSES, Fault, LabelledDoc, Language, Unit

__all__ = ["CLASSES", "RATES", "Fault", "LabelledDoc", "Language", "Unit", "generate",
           "generate_doc"]
