"""The single-byte code pages whose misreadings of UTF-8 are common on the web, as tables from
character to byte: what mojibake's characters were, before they were misread."""

from __future__ import annotations

__all__ = ["CODEPAGES", "TABLES"]

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
