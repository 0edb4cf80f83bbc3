"""Question-bank exchange formats: canonical JSON, CSV/XLSX spreadsheets, Moodle XML, GIFT.

Pure Python (no Flask, no SQLAlchemy). Questions are plain dicts in the canonical bank JSON
schema. ``FORMATS`` lets views and the CLI treat every format alike::

    fmt = FORMATS["xlsx"]
    payload = fmt.exporter({"schema_version": 1, "sources": [...], "questions": [...]})
    result = fmt.importer(uploaded_bytes)      # None for export-only formats
    if result.errors: ...show them, import nothing...

Registry exporters take the whole bank dict (only JSON uses ``sources``); the ``write_*``
functions take just the questions. See docs/bank-formats.md for layouts and mappings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, NamedTuple

from .canonical_json import dumps_canonical, read_json, write_json
from .gift import GIFT_MIMETYPE, escape_gift, write_gift
from .moodle_xml import MOODLE_XML_MIMETYPE, write_moodle_xml
from .schema import ImportResult, RowError
from .tabular import CSV_MIMETYPE, XLSX_MIMETYPE, read_csv, read_xlsx, write_csv, write_xlsx
from .tabular_layout import COLUMNS

Bank = Mapping[str, Any]
Exporter = Callable[[Bank], bytes]
Importer = Callable[[bytes], ImportResult]


class BankFormat(NamedTuple):
    """One registered format; unpacks as ``(exporter, importer, extension, mimetype)``."""

    exporter: Exporter
    importer: Importer | None
    extension: str
    mimetype: str


def _questions_only(write: Callable[[Iterable[Mapping[str, Any]]], bytes]) -> Exporter:
    """Adapt a questions-only writer to the registry's bank-dict signature."""

    def export(bank: Bank) -> bytes:
        return write(bank.get("questions", []))

    export.__name__ = export.__qualname__ = f"export_via_{write.__name__}"
    export.__doc__ = f"Export ``bank['questions']`` with ``{write.__name__}``."
    return export


FORMATS: dict[str, BankFormat] = {
    "json": BankFormat(write_json, read_json, "json", "application/json"),
    "csv": BankFormat(_questions_only(write_csv), read_csv, "csv", CSV_MIMETYPE),
    "xlsx": BankFormat(_questions_only(write_xlsx), read_xlsx, "xlsx", XLSX_MIMETYPE),
    "moodle": BankFormat(_questions_only(write_moodle_xml), None, "xml", MOODLE_XML_MIMETYPE),
    # Moodle's GIFT importer expects a .txt upload.
    "gift": BankFormat(_questions_only(write_gift), None, "txt", GIFT_MIMETYPE),
}

__all__ = [
    "COLUMNS",
    "FORMATS",
    "BankFormat",
    "ImportResult",
    "RowError",
    "dumps_canonical",
    "escape_gift",
    "read_csv",
    "read_json",
    "read_xlsx",
    "write_csv",
    "write_gift",
    "write_json",
    "write_moodle_xml",
    "write_xlsx",
]
