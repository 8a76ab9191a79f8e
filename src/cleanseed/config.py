"""One configuration for the whole of cleaning: which steps run, each step's options, and which
extractor reads HTML.

``cleanseed.clean(text, config=CleanConfig(...))`` runs the steps it names with the options it
holds; the command line builds the same object from a TOML file (:mod:`cleanseed.config_file`)
whose tables map one to one onto these dataclasses, so there is one set of names everywhere.

>>> from cleanseed import BoilerplateConfig, clean
>>> config = CleanConfig(boilerplate=BoilerplateConfig(disabled_rules={"chrome.ad"}))
>>> clean("Advertisement\\nThe tide came in.", config=config)
'Advertisement\\nThe tide came in.'
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

from cleanseed.boilerplate import strip as boilerplate
from cleanseed.boilerplate.strip import BoilerplateConfig, strip_boilerplate, strip_context
from cleanseed.encoding import fix as encoding
from cleanseed.encoding.fix import EncodingConfig, fix_encoding
from cleanseed.errors import ConfigError
from cleanseed.html.config import HtmlConfig
from cleanseed.pipeline import Pipeline, after_change, compose
from cleanseed.repeats import paragraphs as repeats
from cleanseed.repeats.paragraphs import RepeatsConfig, dedup_paragraphs

__all__ = ["DEFAULT_STEPS", "EXTRACTORS", "STEPS", "CleanConfig", "ExtractorName"]

#: The steps a configuration can name, each with the section of :class:`CleanConfig` that
#: holds its options.
STEPS: Mapping[str, tuple[Callable[..., str], str]] = MappingProxyType({
    "fix_encoding": (fix_encoding, "encoding"),
    "strip_boilerplate": (strip_boilerplate, "boilerplate"),
    "dedup_paragraphs": (dedup_paragraphs, "repeats"),
})
#: Encoding first, so the rules see real characters; repeats last, so a banner repeated at the
#: end of a page is reported as a banner, not as a repeat (as :data:`cleanseed.DEFAULT_PIPELINE`).
DEFAULT_STEPS = ("fix_encoding", "strip_boilerplate", "dedup_paragraphs")
ExtractorName = Literal["cleanseed", "trafilatura", "resiliparse"]
#: Who turns a page into text before the text steps: cleanseed's own HTML stage, or another
#: library's extractor (``pip install 'cleanseed[extractors]'``).
EXTRACTORS: tuple[ExtractorName, ...] = ("cleanseed", "trafilatura", "resiliparse")
#: The default options of each section: the steps' own, shared (a boilerplate config compiles
#: its rules when made, which takes a noticeable fraction of a second).
_DEFAULTS: Mapping[str, Any] = MappingProxyType({
    "encoding": encoding.DEFAULT, "boilerplate": boilerplate.DEFAULT,
    "repeats": repeats.DEFAULT, "html": HtmlConfig()})


def _unknown(kind: str, name: object, known: tuple[str, ...]) -> ConfigError:
    close = difflib.get_close_matches(str(name), known, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return ConfigError(f"unknown {kind} {name!r}{hint}; known: {', '.join(known)}")


@dataclass(frozen=True, slots=True, kw_only=True)
class CleanConfig:
    """Which steps clean a document, with which options, after which HTML extractor.

    Change one part with :func:`dataclasses.replace`; ``None`` anywhere a config is taken means
    ``CleanConfig()``, which is :data:`cleanseed.DEFAULT_PIPELINE`.
    """

    #: The text steps, in order, by name (see :data:`STEPS`).
    steps: tuple[str, ...] = DEFAULT_STEPS
    encoding: EncodingConfig = field(default_factory=lambda: _DEFAULTS["encoding"])
    boilerplate: BoilerplateConfig = field(default_factory=lambda: _DEFAULTS["boilerplate"])
    repeats: RepeatsConfig = field(default_factory=lambda: _DEFAULTS["repeats"])
    html: HtmlConfig = field(default_factory=lambda: _DEFAULTS["html"])
    #: What turns a page into text: cleanseed's HTML stage (which explains its removals) or
    #: another library's extractor.
    extractor: ExtractorName = "cleanseed"
    #: The steps composed with their options; built once, when the config is made.
    pipeline: Pipeline = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if isinstance(self.steps, str) or not all(isinstance(s, str) for s in self.steps):
            msg = f"steps must be a sequence of step names, got {self.steps!r}"
            raise ConfigError(msg)
        object.__setattr__(self, "steps", tuple(self.steps))
        for name in self.steps:
            if name not in STEPS:
                raise _unknown("step", name, tuple(STEPS))
        for section, kind in (("encoding", EncodingConfig), ("boilerplate", BoilerplateConfig),
                              ("repeats", RepeatsConfig), ("html", HtmlConfig)):
            if not isinstance(getattr(self, section), kind):
                msg = f"{section} must be a {kind.__name__}, got {getattr(self, section)!r}"
                raise ConfigError(msg)
        if self.extractor not in EXTRACTORS:
            raise _unknown("extractor", self.extractor, EXTRACTORS)
        object.__setattr__(self, "pipeline", self._compose())

    def _compose(self) -> Pipeline:
        """The steps, and after the repeats step, when the boilerplate step before it judged the
        lines in context, that judging again if the repeats step removed something, then the
        repeats step again if the judging removed something (as
        :data:`cleanseed.DEFAULT_PIPELINE` does): clean stays its own fixed point."""
        steps = []
        judged = False
        for name in self.steps:
            step = self._step(name)
            steps.append(step)
            if name == "strip_boilerplate":
                judged = self.boilerplate.context
            elif name == "dedup_paragraphs" and judged:
                steps += [after_change(strip_context), after_change(step)]
        return compose(*steps)

    def _step(self, name: str) -> Callable[[str], str]:
        function, section = STEPS[name]
        options = getattr(self, section)
        if options == _DEFAULTS[section]:  # the defaults: the plain step, as the default pipeline
            return function
        return functools.partial(function, config=options)

    def extractor_function(self) -> Callable[[str], str] | None:
        """The other library's extractor this config names, or ``None`` for cleanseed's own."""
        if self.extractor == "cleanseed":
            return None
        from cleanseed.html import extractors

        found: Callable[[str], str] = getattr(extractors, f"{self.extractor}_extractor")
        return found

    def sections(self) -> dict[str, Any]:
        """The options of each step and of the HTML stage, by section name."""
        return {"encoding": self.encoding, "boilerplate": self.boilerplate,
                "repeats": self.repeats, "html": self.html}
