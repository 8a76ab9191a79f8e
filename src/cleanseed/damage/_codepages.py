"""The single-byte code pages whose misreadings of UTF-8 are common on the web, as tables from
character to byte: what mojibake's characters were, before they were misread."""

from __future__ import annotations

__all__ = ["CODEPAGES", "CONTINUATIONS", "LEADS", "TABLES"]

#: Code pages whose misreadings of UTF-8 are common on the web.
CODEPAGES = ("cp1252", "cp1250", "cp1251", "cp1254", "cp1257", "mac_roman", "cp437", "cp850",
             "iso8859_2", "iso8859_15")


def _table(codepage: str) -> dict[str, int]:
    table = {}
    for byte in range(0x80, 0x100):
        try:
            table[bytes([byte]).decode(codepage)] = byte
        except UnicodeDecodeError:
            continue
    return table


#: Each code page's characters outside ASCII, with their bytes.
TABLES = tuple(_table(cp) for cp in CODEPAGES)
#: Characters some code page gives a byte that starts a UTF-8 sequence of two bytes or more...
LEADS = frozenset(c for t in TABLES for c, b in t.items() if 0xC2 <= b <= 0xF4)
#: ... and those it gives a byte that continues one.
CONTINUATIONS = frozenset(c for t in TABLES for c, b in t.items() if 0x80 <= b <= 0xBF)
