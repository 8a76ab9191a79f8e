"""Configuration files: TOML that maps one to one onto :class:`~cleanseed.config.CleanConfig`.

The top level holds ``steps`` and ``extractor``; a table per section (``[encoding]``,
``[boilerplate]``, ``[repeats]``, ``[html]``) holds that dataclass's fields under their own names;
rules of your own are ``[[boilerplate.extra_rules]]`` tables with the fields of
:class:`~cleanseed.rules.Rule`. A key that names no field is an error naming the file, the table
and the nearest field. TOML has no null: ``false`` stands for ``None`` in a field that takes it
(``normalization = false``). ``cleanseed config --show`` prints the effective configuration in
this form, and what it prints loads back to the same configuration.

>>> config = loads('steps = ["fix_encoding"]\\n[repeats]\\nthreshold = 0.9\\n')
>>> config.steps, config.repeats.threshold
(('fix_encoding',), 0.9)
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from cleanseed.boilerplate.rules import Rule
from cleanseed.config import CleanConfig
from cleanseed.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["apply_settings", "dumps", "load", "loads", "parse_setting"]

_TOP = ("steps", "extractor")


def _fields(kind: type) -> dict[str, dataclasses.Field[Any]]:
    return {f.name: f for f in dataclasses.fields(kind) if f.init}


def _check_keys(given: Iterable[str], known: Iterable[str], where: str) -> None:
    known = tuple(known)
    for key in given:
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            msg = f"{where}: unknown key {key!r}{hint}; known: {', '.join(known)}"
            raise ConfigError(msg)


def _default(f: dataclasses.Field[Any]) -> Any:
    return f.default if f.default is not dataclasses.MISSING else None


def _value(value: Any, f: dataclasses.Field[Any], where: str) -> Any:
    """A TOML value as the field *f* takes it: lists as tuples or sets, ``false`` as None."""
    default = _default(f)
    if value is False and "None" in str(f.type) and not isinstance(default, bool):
        return None
    if isinstance(value, list):
        if f.name == "extra_rules":
            return tuple(_rule(r, f"{where}[{i}]") for i, r in enumerate(value))
        return frozenset(value) if isinstance(default, frozenset) else tuple(value)
    if isinstance(default, bool) and not isinstance(value, bool):
        msg = f"{where}: expected true or false, got {value!r}"
        raise ConfigError(msg)
    if isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(default, (int, float)) and not isinstance(default, bool) and (
            isinstance(value, bool) or not isinstance(value, (int, float))):
        msg = f"{where}: expected a number, got {value!r}"
        raise ConfigError(msg)
    return value


def _rule(table: Any, where: str) -> Rule:
    if not isinstance(table, dict):
        msg = f"{where}: a rule is a table with the fields of cleanseed.rules.Rule"
        raise ConfigError(msg)
    fields = _fields(Rule)
    _check_keys(table, fields, where)
    return Rule(**{k: _value(v, fields[k], f"{where}.{k}") for k, v in table.items()})


def _section(kind: type, table: Any, where: str) -> Any:
    if not isinstance(table, dict):
        msg = f"{where} must be a table, got {table!r}"
        raise ConfigError(msg)
    fields = _fields(kind)
    _check_keys(table, fields, where)
    values = {k: _value(v, fields[k], f"{where}.{k}") for k, v in table.items()}
    try:
        return kind(**values)
    except (ConfigError, TypeError) as exc:
        raise ConfigError(f"{where}: {exc}") from None


def from_mapping(data: Mapping[str, Any], source: str = "<config>") -> CleanConfig:
    """Build a :class:`CleanConfig` from parsed TOML; errors name *source* and the key."""
    sections = CleanConfig().sections()
    _check_keys(data, (*_TOP, *sections), source)
    values: dict[str, Any] = {}
    for name, default in sections.items():
        if name in data:
            values[name] = _section(type(default), data[name], f"{source}: [{name}]")
    if "steps" in data:
        steps = data["steps"]
        if not isinstance(steps, list):
            msg = f"{source}: steps must be a list of step names, got {steps!r}"
            raise ConfigError(msg)
        values["steps"] = tuple(steps)
    if "extractor" in data:
        values["extractor"] = data["extractor"]
    try:
        return CleanConfig(**values)
    except ConfigError as exc:
        raise ConfigError(f"{source}: {exc}") from None


def loads(text: str, source: str = "<config>") -> CleanConfig:
    """Build a :class:`CleanConfig` from TOML text."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source}: not valid TOML: {exc}") from None
    return from_mapping(data, source)


def load(path: str | os.PathLike[str]) -> CleanConfig:
    """Read a :class:`CleanConfig` from a TOML file; errors name the file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{os.fspath(path)}: cannot read the config file: {exc}") from None
    return loads(text, os.fspath(path))


# -- settings from the command line ------------------------------------------------------------


def parse_setting(text: str) -> tuple[list[str], Any]:
    """Split ``SECTION.KEY=VALUE`` into its path and a TOML value (bare text is a string).

    >>> parse_setting("repeats.threshold=0.9"), parse_setting("html.keep_title=true")
    ((['repeats', 'threshold'], 0.9), (['html', 'keep_title'], True))
    >>> parse_setting('boilerplate.disabled_rules=["chrome.ad"]')
    (['boilerplate', 'disabled_rules'], ['chrome.ad'])
    """
    key, sep, raw = text.partition("=")
    if not sep or not key.strip():
        msg = f"expected SECTION.KEY=VALUE, got {text!r}"
        raise ConfigError(msg)
    try:
        value = tomllib.loads(f"v = {raw.strip()}")["v"]
    except tomllib.TOMLDecodeError:
        value = raw.strip()  # a bare word: a string
    return key.strip().split("."), value


def apply_settings(data: dict[str, Any], settings: Iterable[str]) -> dict[str, Any]:
    """Put each ``SECTION.KEY=VALUE`` of *settings* into parsed TOML *data*, in place."""
    for setting in settings:
        path, value = parse_setting(setting)
        table = data
        for part in path[:-1]:
            table = table.setdefault(part, {})
            if not isinstance(table, dict):
                msg = f"--set {setting}: {part!r} is not a table"
                raise ConfigError(msg)
        table[path[-1]] = value
    return data


def read_table(path: str | os.PathLike[str] | None) -> dict[str, Any]:
    """The parsed TOML of a config file (empty for ``None``), for settings to go on top of."""
    if path is None:
        return {}
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{os.fspath(path)}: cannot read the config file: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{os.fspath(path)}: not valid TOML: {exc}") from None


# -- writing -----------------------------------------------------------------------------------


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, (frozenset, set)):
        return _toml(sorted(value))
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    msg = f"cannot write {value!r} as TOML"
    raise ConfigError(msg)


def _lines(options: Any, skip: Iterable[str] = ()) -> list[str]:
    lines = []
    for name, f in _fields(type(options)).items():
        value = getattr(options, name)
        if name in skip:
            continue
        if value is None:
            if _default(f) is not None:
                lines.append(f"{name} = false  # None")
            continue
        lines.append(f"{name} = {_toml(value)}")
    return lines


def dumps(config: CleanConfig) -> str:
    """Write *config* as TOML that :func:`loads` reads back to an equal config.

    >>> loads(dumps(CleanConfig())) == CleanConfig()
    True
    """
    out = [f"steps = {_toml(config.steps)}", f"extractor = {_toml(config.extractor)}"]
    for name, options in config.sections().items():
        out += ["", f"[{name}]", *_lines(options, skip=("extra_rules",))]
    for rule in config.boilerplate.extra_rules:
        out += ["", "[[boilerplate.extra_rules]]", *_lines(rule)]
    return "\n".join(out) + "\n"
