"""LibreOffice headless as the Word-compatible client of the tests: convert files, read the
comments ("annotations") of the converted OpenDocument text with their anchor text."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
DC = "http://purl.org/dc/elements/1.1/"


def soffice() -> str:
    """The LibreOffice binary; scripts/ensure_services.sh installs it when it is missing."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise RuntimeError(
            "LibreOffice (soffice) not found: run scripts/ensure_services.sh as root "
            "(Debian package libreoffice-writer-nogui)"
        )
    return found


def convert(files: list[Path], target_format: str, out_dir: Path, profile: Path) -> list[Path]:
    """Convert ``files`` with one headless LibreOffice run; return the converted files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target_format,
            "--outdir",
            str(out_dir),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    extension = target_format.split(":", 1)[0]
    converted = [out_dir / f"{file.stem}.{extension}" for file in files]
    missing = [str(path) for path in converted if not path.exists()]
    assert not missing, f"LibreOffice did not convert {missing}: {result.stdout} {result.stderr}"
    return converted


@dataclass
class Annotation:
    author: str
    body: str  # the comment's paragraphs joined by newlines
    anchor: str  # the document text the comment is anchored on


def annotations(odt: Path) -> list[Annotation]:
    """Every comment of an .odt in document order, with the text between its start and end."""
    with zipfile.ZipFile(odt) as package:
        root = ElementTree.fromstring(package.read("content.xml"))
    found: list[Annotation] = []
    open_: dict[str, list[str]] = {}
    by_name: dict[str, Annotation] = {}

    def add(text: str | None) -> None:
        if text:
            for parts in open_.values():
                parts.append(text)

    def walk(element: ElementTree.Element) -> None:
        tag = element.tag
        if tag == f"{{{OFFICE}}}annotation":
            author = element.findtext(f"{{{DC}}}creator") or ""
            body = "\n".join("".join(p.itertext()) for p in element.iter(f"{{{TEXT}}}p"))
            annotation = Annotation(author, body, "")
            found.append(annotation)
            name = element.get(f"{{{OFFICE}}}name")
            if name:
                open_[name] = []
                by_name[name] = annotation
            add(element.tail)
            return
        if tag == f"{{{OFFICE}}}annotation-end":
            name = element.get(f"{{{OFFICE}}}name") or ""
            if name in open_:
                by_name[name].anchor = "".join(open_.pop(name)).strip()
            add(element.tail)
            return
        if tag == f"{{{TEXT}}}s":
            add(" " * int(element.get(f"{{{TEXT}}}c", "1")))
        elif tag == f"{{{TEXT}}}tab":
            add("\t")
        elif tag == f"{{{TEXT}}}line-break":
            add("\n")
        else:
            add(element.text)
            for child in element:
                walk(child)
            if tag in (f"{{{TEXT}}}p", f"{{{TEXT}}}h"):
                add("\n")
        add(element.tail)

    walk(root)
    return found
