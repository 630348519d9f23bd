"""The lines a signature block opens with under a table (a PK sheet's, a report's last page): the
place and date it was signed ("Sukamaju, 20 Januari 2024"), a NIP line, the acknowledging party
("Mengetahui,").  No table row starts with one, so a reader ends a table's body there."""
from __future__ import annotations

import re

from .calendar import FULL_MONTHS

_SIGN_OFF = re.compile(r"^(?:[A-Z][A-Za-z.'\- ]{1,40},\s*(?:\d{1,2}\s+)?(?:" + "|".join(sorted(FULL_MONTHS)) +
                       r")\s+(?:19|20)\d\d\s*$|(?:NIP|N\.I\.P)\.?\s*[:.]?\s*\d|(?:mengetahui|menyetujui)\s*[,:]?\s*$)",
                       re.I)


def is_sign_off(text: str) -> bool:
    """The line opens a signature block (see the module's docstring)."""
    return _SIGN_OFF.match(text.strip()) is not None
