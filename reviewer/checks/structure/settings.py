"""``[structure]``: what the structure check asks of a draft's outline."""

from __future__ import annotations

from reviewer.settings import Section


class StructureSettings(Section):
    require_title: bool = True
    flag_skipped_levels: bool = True
