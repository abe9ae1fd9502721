"""Compare several documents topic by topic — the lever for asking one vendor to match another.

    from termguard.compare import compare
    matrix = compare([report_a, report_b, report_c], labels=["Acme", "Globex", "Initech"])
    matrix.rows[0].cells[1].position, matrix.rows[0].best_columns, matrix.to_dict()
    from termguard.compare.render import render_markdown, render_html, render_terminal, write_xlsx

Ranking (best term per row, better/worse) lives in `ranking.py` and is shared with `termguard.diff`.
"""

from termguard.compare.matrix import Cell, Matrix, Row, compare

__all__ = ["Cell", "Matrix", "Row", "compare"]
