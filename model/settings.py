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
    # space-aligned text (pdftotext -layout, fixed-width exports): the same geometry in character columns
    text_min_gutter: float = 1.0   # narrowest white gutter (characters) between two columns
    text_label_gap: float = 2.0    # header words this close (the next word starts within one space) make one label
    text_aligned_lines: int = 4   # a text is laid out with spaces when at least this many lines align ...
    text_aligned_share: float = 0.05        # ... and they are this share of its lines
    text_aligned_share_paged: float = 0.02  # (the share when form feeds split it into pages)
    text_margin_lines: int = 2     # non-blank lines at a page's top and bottom where running headers live
    text_fragment_cost: float = 0.75   # cost of reading lines above a page's first row as the tail of a row
                                       # continued from the page before (rows centred on their values)


@dataclass(frozen=True)
class OcrSettings:
    dpi: int = 200                 # resolution pages are read at (150-dpi scans read best enlarged to it)
    workers: int = 0               # processes for the pages of one scanned file (0: one per core)
    max_pixels: int = 60_000_000   # a page image larger than this is rendered at a lower resolution
    languages: str = "ind"         # tesseract model for text (English is used for digits and symbols)
    orientation: bool = True       # find pages turned by 90, 180 or 270 degrees and read them upright
    max_skew: float = 5.0          # degrees of skew looked for
    min_hrule_inch: float = 0.2    # a horizontal stroke at least this long is a rule
    min_vrule_inch: float = 0.15   # a vertical stroke at least this long is a rule ...
    rule_slenderness: float = 8.0  # ... and at least this many times as long as it is thick (a large
                                   # title's letter stems are not)
    doubt_below: float = 60.0      # a number read with a confidence below this is in doubt
    sure_number: float = 90.0      # a page reading of a number this sure and well shaped is not read again
    upright_margin: float = 10.0   # a turned reading must be this many confidence points better to be taken
    upright_sure: float = 70.0     # a page whose words (of 3 letters or more) read at this median confidence
    upright_words: int = 5         # ... and are at least this many is upright: no strip is read both ways
                                   # (upside down, the median is below 35)
    paper_level: int = 225         # on a flattened page, grey lighter than this is paper, not print (a 150-dpi
                                   # scan's thin strokes and minus signs keep 200-225; the texture lies above 235)
    small_print_px: int = 45       # a cell's ink shorter than this (pixels) is read at twice the size
    speck_below: float = 35.0      # a word of letters read below this confidence is noise, not print
    edge_margin_inch: float = 0.15  # nothing is printed this close to the paper's edge (scanner shadows are)


@dataclass(frozen=True)
class MatchSettings:
    accept: float = 88.0           # indicator catalogue score from which an id is given
    review: float = 70.0           # score from which a doubtful match goes to the review queue


@dataclass(frozen=True)
class PlaceSettings:
    """Tolerance of the gazetteer for spelling slips in place names (rapidfuzz ratio, 0-100)."""
    fuzzy_in_region: float = 80.0   # a kecamatan name this similar to one of the known kabupaten's is that one
    fuzzy_national: float = 90.0    # without a known kabupaten, a name must be this similar to one in the country
    fuzzy_min_letters: int = 6      # shorter names are taken only when spelled exactly (outside a known kabupaten)


@dataclass(frozen=True)
class CheckSettings:
    rounding: float = 1.0          # percentage points of rounding a report may make
    efisiensi_tolerance: float = 0.25   # efisiensi is a difference of two rounded percentages
    rupiah_tolerance: float = 1.0  # rupiah a sum or a difference may be off by


@dataclass(frozen=True)
class LimitSettings:
    """What one input may cost: checked before reading (size, kind), while reading (unpacked
    size, page size) and around it (time and memory of the process that reads it)."""
    max_file_bytes: int = 200 * 1024 * 1024     # larger inputs are not read
    max_text_bytes: int = 50 * 1024 * 1024      # larger text inputs are not read
    max_line_chars: int = 1_000_000             # a text line longer than this is not a report
    max_unpacked_bytes: int = 300 * 1024 * 1024  # a DOCX whose parts unpack to more is not read
    max_zip_ratio: float = 100.0                # nor one that unpacks to more than this many times its size
    max_zip_members: int = 10_000               # nor one of more parts
    max_pages: int = 2000
    max_page_points: float = 14_400.0           # a page side longer than this (200 inches) is not rendered whole
    file_timeout: float = 300.0                 # seconds a file may take (its worker is then replaced)
    worker_memory_mb: int = 2048                # resident memory a worker (with its OCR processes) may use


@dataclass(frozen=True)
class ServeSettings:
    """The review page and JSON API (lkj serve)."""
    max_upload_bytes: int = 50 * 1024 * 1024    # a larger upload is refused (413)
    page_dpi: int = 110                         # resolution of a source page drawn beside the data
    page_cache: int = 48                        # rendered pages kept in memory
    context_lines: int = 14                     # text source lines shown above and below a cell
    max_page_size: int = 1000                   # most records one API page gives


@dataclass(frozen=True)
class Settings:
    workers: int = 1
    layout: LayoutSettings = field(default_factory=LayoutSettings)
    ocr: OcrSettings = field(default_factory=OcrSettings)
    match: MatchSettings = field(default_factory=MatchSettings)
    places: PlaceSettings = field(default_factory=PlaceSettings)
    checks: CheckSettings = field(default_factory=CheckSettings)
    limits: LimitSettings = field(default_factory=LimitSettings)
    serve: ServeSettings = field(default_factory=ServeSettings)


DEFAULT = Settings()
