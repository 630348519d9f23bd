"""The run's settings: one frozen object, resolved once by the command line (lkj/settings.py) from
flags and environment and passed down to every stage.  Every threshold a reader, the matcher or a
rule uses is named here with its default and what it means."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class LayoutSettings:
    """Page geometry (PDF points; for space-aligned text, character columns)."""
    word_gap: float = 7.0          # a gap wider than this between two words of a line ends a run of words
    text_gap: float = 14.0         # outside tables, a gap wider than this inside a line is kept as a tab
    min_gutter: float = 4.0        # narrowest white gutter that separates two columns
    gutter_slack: float = 0.08     # share of text lines that may cross a gutter (a label centred over two columns)
    label_gap: float = 3.0         # header words closer than this make one label
    margin: float = 0.1            # top / bottom share of a page where running headers and footers live
    running_share: float = 0.3     # a margin line on at least this share of pages is a running header/footer
    layout_min_gap: int = 2        # space-aligned text: spaces that separate two cells
    line_overlap: float = 0.45     # words whose centres are closer than this share of their height are one line
    rule_tol: float = 1.5          # rules closer than this (points) are one row boundary
    min_rule_share: float = 0.12   # a horizontal rule shorter than this share of the page width frames no table
    full_rule_share: float = 0.9   # a rule over this share of a table's width crosses all its columns
    paragraph_share: float = 0.85  # a run of words over this share of a table's width is a paragraph, not a row
    banner_share: float = 0.4      # a run of words over this share crossing two gutters is a banner title
    max_empty_band: float = 6.0    # two rules with nothing between them farther apart than this many
                                   # line heights belong to no table together
    row_gap: float = 0.45          # in an unruled body, a gap between two lines of a column wider than
                                   # this share of the line height starts a new row
    page_break_gap: float = 1.5    # below a page's last table, its rows are lines closer than this many line heights
    vrule_tol: float = 3.5         # a vertical rule this close to a column boundary separates the columns


@dataclass(frozen=True)
class OcrSettings:
    dpi: int = 200                 # resolution pages are read at (150-dpi scans read best enlarged to it)
    workers: int = 0               # processes for the pages of one scanned file (0: one per core)
    max_pixels: int = 60_000_000   # a page image larger than this is rendered at a lower resolution
    languages: str = "ind"         # tesseract model for text (English is used for digits and symbols)
    orientation: bool = True       # find pages turned by 90, 180 or 270 degrees and read them upright
    max_skew: float = 5.0          # degrees of skew looked for
    min_hrule_inch: float = 0.2    # a horizontal stroke at least this long is a rule
    min_vrule_inch: float = 0.15   # a vertical stroke at least this long is a rule
    doubt_below: float = 60.0      # a number read with a confidence below this is in doubt
    sure_number: float = 90.0      # a page reading of a number this sure and well shaped is not read again
    upright_margin: float = 10.0   # a turned reading must be this many confidence points better to be taken
    paper_level: int = 200         # on a flattened page, grey lighter than this is paper, not print
    small_print_px: int = 45       # a cell's ink shorter than this (pixels) is read at twice the size


@dataclass(frozen=True)
class MatchSettings:
    accept: float = 88.0           # indicator catalogue score from which an id is given
    review: float = 70.0           # score from which a doubtful match goes to the review queue


@dataclass(frozen=True)
class CheckSettings:
    rounding: float = 1.0          # percentage points of rounding a report may make
    efisiensi_tolerance: float = 0.25   # efisiensi is a difference of two rounded percentages
    rupiah_tolerance: float = 1.0  # rupiah a sum or a difference may be off by


@dataclass(frozen=True)
class LimitSettings:
    max_file_bytes: int = 200 * 1024 * 1024     # larger inputs are not read
    max_text_bytes: int = 50 * 1024 * 1024      # larger text inputs are not read
    max_line_chars: int = 1_000_000             # a text line longer than this is not a report
    max_pages: int = 2000
    max_page_points: float = 14_400.0           # a page side longer than this (200 inches) is not rendered whole
    file_timeout: float = 300.0                 # seconds a file may take
    worker_memory_mb: int = 2048                # address space a worker may use


@dataclass(frozen=True)
class Settings:
    workers: int = 1
    layout: LayoutSettings = field(default_factory=LayoutSettings)
    ocr: OcrSettings = field(default_factory=OcrSettings)
    match: MatchSettings = field(default_factory=MatchSettings)
    checks: CheckSettings = field(default_factory=CheckSettings)
    limits: LimitSettings = field(default_factory=LimitSettings)


DEFAULT = Settings()
