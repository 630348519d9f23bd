"""Indonesian calendar words: months (full, old spellings, abbreviations), quarter numerals,
numbers spelled out, and how a month maps to a quarter."""
from __future__ import annotations

MONTHS = {"januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "maret": 3, "mar": 3, "april": 4,
          "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agt": 8, "agu": 8,
          "agus": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "nopember": 11,
          "november": 11, "nov": 11, "nop": 11, "desember": 12, "des": 12}
# the months written in full (dates in signatures and titles are written in full)
FULL_MONTHS = {k: v for k, v in MONTHS.items() if len(k) > 4 or k in ("mei", "juni", "juli")}
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
ROMAN_OF = {1: "I", 2: "II", 3: "III", 4: "IV"}
SPELLED = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
           "sembilan": 9, "sepuluh": 10}
ORDINAL = {"pertama": 1, "kesatu": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5}
# the words for a quarter ("Triwulan II", "TW. III", "Tribulan I", "Trw IV", "Kuartal 2")
QUARTER_WORDS = ("triwulan", "triwulanan", "tribulan", "tribulanan", "tribuan", "tribuanan", "tribuanaan",
                 "trw", "tw", "kuartal")


def quarter_number(token: str) -> int | None:
    """"II" -> 2, "3" -> 3, "dua" -> 2; None for anything else."""
    t = token.strip().strip(".").lower()
    return ROMAN.get(t) or (SPELLED.get(t) if SPELLED.get(t, 9) <= 4 else None) or (
        ORDINAL.get(t) if ORDINAL.get(t, 9) <= 4 else None)


def quarter_of_month(month: int) -> int:
    return (month - 1) // 3 + 1


# a quarter as written: "Triwulan II", "TW. III", "Trw 4", "Tribulan I", "Kuartal 2", "Triwulan ke-2",
# "Triwulan Kedua", "Q3"; not a list ("TW II, III dan IV") and never a "Semester"
QUARTER_PHRASE = (r"\b(?:tri\s?[wb]u(?:l)?an(?:an)?|trw|tw|kuartal|kwartal)\.?\s*(?:ke\s*-?\s*)?"
                  r"(IV|III|II|I|[1-4]|kesatu|pertama|kedua|ketiga|keempat|satu|dua|tiga|empat)\b"
                  r"(?!\s*[,/]\s*(?:III|II|IV|[2-4])\b)|\bQ([1-4])\b")
UPTO = r"(?:s\.?\s*/?\s*d\.?|sampai\s+dengan|sampai|hingga|-|–)"


def quarter_of_range(first: int, last: int) -> int | None:
    """The quarter a month range reports: three months ending a quarter ("Juli s.d. September"), or
    the year so far up to a quarter's end ("Januari s.d. Juni" is the second quarter's report)."""
    if last % 3 != 0 or last < first:
        return None
    if last - first == 2 or first == 1:
        return last // 3
    return None
