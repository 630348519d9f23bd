"""Typed records handed from stage to stage. Imports no stage: every stage imports this.

    document   what a reader hands to the parsers: lines, and grids of cells with their provenance
    names      the closed vocabularies (table kind, document kind, level, severity, field groups)
    values     results of the lexicon (a parsed number, an indicator match)
    parsed     what the parsers hand to the normaliser: raw reports, tables, rows, cells
    tables     what the normaliser hands to the checks and the dataset: typed rows and tables
    anomaly    a finding of a check
    settings   the run's settings, resolved once by the command line and passed down
    errors     the one exception a stage raises for a bad input
"""
