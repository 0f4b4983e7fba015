"""Make docs/word-comments.png: a Word draft reviewed with ``--format docx``, the commented copy
rendered by LibreOffice to PDF and by pdftoppm to PNG (the README's Word round trip).

    python scripts/docx_screenshot.py            # needs soffice and pdftoppm (Debian packages)

The draft is the English test draft of tests/docx_helpers.py (our own text). LibreOffice 7.4
(Debian 12) cannot put comments in the margin of a PDF (that option came later); it exports them
as PDF annotations, drawn as a marker at the end of each comment's anchor. The script prints
the findings the comments hold, for the README's list under the picture.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reviewer import review_file  # noqa: E402
from reviewer.render.docx import render_docx  # noqa: E402
from tests.docx_helpers import english_draft  # noqa: E402
from tests.libreoffice import convert  # noqa: E402

PDF_OPTIONS = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        draft = english_draft(work / "maintenance.docx")
        report = review_file(draft, critique=False)
        commented = work / "maintenance.reviewed.docx"
        render_docx(report, draft, commented)
        (pdf,) = convert([commented], PDF_OPTIONS, work, work / "profile")
        target = REPO / "docs" / "word-comments"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile"]
            + [str(pdf), str(target)],
            check=True,
            capture_output=True,
        )
        print(f"{target}.png")
        for finding in report.findings:
            print(f"{finding.severity:8} {finding.rule:32} {finding.text[:60]!r}")


if __name__ == "__main__":
    main()
