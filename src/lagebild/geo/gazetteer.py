"""The gazetteer service: load the compact index once, then look names up by dictionary-speed search.

``Gazetteer.load()`` returns a process-wide instance (about 0.5 s the first time). The index file is
``data/geo/gazetteer.npz`` (built by :mod:`lagebild.geo.build`); if it is missing it is built once into
``$LAGEBILD_CACHE`` (default ``~/.cache/lagebild``).
"""

from __future__ import annotations

import bisect
import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .build import F_ADMIN1, F_CITY, F_CONTINENT, F_COUNTRY, FTYPES, default_path, norm

log = logging.getLogger(__name__)

_LOCK = threading.Lock()
_INSTANCE: Gazetteer | None = None


@dataclass(slots=True)
class Candidate:
    idx: int  # row in the index
    gid: int  # GeoNames id (> 0) or a negative synthetic id for entries without one
    name: str
    ftype: str  # continent | country | region | admin1 | admin2 | city
    lat: float
    lon: float
    cc: str  # ISO-2 ("" for continents and multi-country regions)
    admin1: str  # admin1 code (GeoNames code for cities, state code for regions): for matching
    pop: int
    capital: bool
    flag: int  # how the name matched: 0 primary, 1 alternate, 2 curated, 3 derived
    admin1_name: str = ""  # name of the first-level region ("Kalifornien" is "California"), "" if unknown

    @property
    def geonameid(self) -> int | None:
        return self.gid if self.gid > 0 else None


class Gazetteer:
    def __init__(self, path: Path) -> None:
        z = np.load(path)
        self.gid = z["gid"]
        self.lat = z["lat"].astype(np.float64)
        self.lon = z["lon"].astype(np.float64)
        self.pop = z["pop"]
        self.ftype = z["ftype"]
        self.capital = z["capital"]
        self.cc = z["cc"]
        self.admin1 = z["admin1"]
        self.admin1_name = z["admin1_name"] if "admin1_name" in z.files else z["admin1"]
        self.names = bytes(z["names"]).decode("utf-8").split("\n")
        self.ccs = bytes(z["ccs"]).decode("utf-8").split("\n")
        self.admin1s = bytes(z["admin1s"]).decode("utf-8").split("\n")
        self.keys = bytes(z["keys"]).decode("utf-8").split("\n")
        self.key_off = z["key_off"]
        self.post = z["post"]
        self.flag = z["flag"]
        self._by_gid: dict[int, int] | None = None
        self._admin1_code: dict[tuple[str, str], int] | None = None
        self._country_row = {self.ccs[self.cc[i]]: int(i) for i in np.nonzero(self.ftype == F_COUNTRY)[0]}
        self.iso3 = _iso3_table()
        self._iso2 = {v: k for k, v in self.iso3.items()}
        self._continent_row = {self.admin1s[self.admin1[i]]: int(i) for i in np.nonzero(self.ftype == F_CONTINENT)[0]}
        self.country_pop = {cc: int(self.pop[i]) for cc, i in self._country_row.items()}

    @classmethod
    def load(cls, path: str | Path | None = None) -> Gazetteer:
        """The shared instance (built from packages into a cache dir if the shipped file is missing)."""
        global _INSTANCE
        with _LOCK:
            if path is not None:
                return cls(Path(path))
            if _INSTANCE is None:
                p = default_path()
                if not p.exists():
                    p = Path(os.environ.get("LAGEBILD_CACHE", Path.home() / ".cache" / "lagebild")) / "gazetteer.npz"
                    if not p.exists():
                        from .build import build

                        log.warning("gazetteer index missing: building %s (one-off, ~40 s)", p)
                        build(p)
                _INSTANCE = cls(p)
            return _INSTANCE

    # -- lookups -------------------------------------------------------------------------------------------
    def _rows(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        i = bisect.bisect_left(self.keys, key)
        if i < len(self.keys) and self.keys[i] == key:
            a, b = self.key_off[i], self.key_off[i + 1]
            return self.post[a:b], self.flag[a:b]
        return self.post[:0], self.flag[:0]

    def probe(self, name: str) -> tuple[bool, bool]:
        """(is a key, is the start of a longer key) with one binary search: keys sort "x" < "x y" < "xa"."""
        key = norm(name)
        keys = self.keys
        i = bisect.bisect_left(keys, key)
        exact = i < len(keys) and keys[i] == key
        j = i + 1 if exact else i
        return exact, j < len(keys) and keys[j].startswith(key + " ")

    def has(self, name: str) -> bool:
        key = norm(name)
        i = bisect.bisect_left(self.keys, key)
        return i < len(self.keys) and self.keys[i] == key

    def has_prefix(self, name: str) -> bool:
        """Whether any key starts with this (normalised) text plus a space: multi-word names."""
        key = norm(name) + " "
        i = bisect.bisect_left(self.keys, key)
        return i < len(self.keys) and self.keys[i].startswith(key)

    def search(self, name: str, limit: int = 200) -> list[Candidate]:
        """Candidates for a name, best-known first (primary names, then by population)."""
        rows, flags = self._rows(norm(name))
        return [self.candidate(int(r), int(f)) for r, f in zip(rows[:limit], flags[:limit], strict=True)]

    def candidate(self, idx: int, flag: int = 0) -> Candidate:
        return Candidate(idx=idx, gid=int(self.gid[idx]), name=self.names[idx], ftype=FTYPES[self.ftype[idx]],
                         lat=float(self.lat[idx]), lon=float(self.lon[idx]), cc=self.ccs[self.cc[idx]],
                         admin1=self.admin1s[self.admin1[idx]], pop=int(self.pop[idx]),
                         capital=bool(self.capital[idx]), flag=flag,
                         admin1_name=self.admin1s[self.admin1_name[idx]])

    def get(self, geonameid: int) -> Candidate | None:
        if self._by_gid is None:
            self._by_gid = {}
            for i, g in enumerate(self.gid.tolist()):
                self._by_gid.setdefault(g, i)
        idx = self._by_gid.get(int(geonameid))
        return None if idx is None else self.candidate(idx)

    def country(self, iso2: str) -> Candidate | None:
        idx = self._country_row.get(iso2)
        return None if idx is None else self.candidate(idx)

    def country_iso3(self, iso2: str) -> str | None:
        return self.iso3.get(iso2)

    def iso2_of(self, iso3: str) -> str | None:
        return self._iso2.get(iso3)

    def admin1_by_code(self, cc: str, code: str) -> Candidate | None:
        """First-level region by its code ("US", "CA" -> California): postal abbreviations after a comma."""
        if self._admin1_code is None:
            self._admin1_code = {}
            for i in np.nonzero(self.ftype == F_ADMIN1)[0].tolist():
                self._admin1_code.setdefault((self.ccs[self.cc[i]], self.admin1s[self.admin1[i]]), i)
        idx = self._admin1_code.get((cc, code))
        return None if idx is None else self.candidate(idx)

    def continent(self, code: str) -> Candidate | None:
        idx = self._continent_row.get(code)
        return None if idx is None else self.candidate(idx)

    def nearest_city(self, lat: float, lon: float, cc: str | None = None) -> Candidate | None:
        """Closest city entry (linear scan over numpy arrays: for fallbacks and tests, not hot paths)."""
        mask = self.ftype == F_CITY
        if cc:
            mask &= self.cc == self.ccs.index(cc) if cc in self.ccs else mask
        d = (self.lat - lat) ** 2 + ((self.lon - lon) * np.cos(np.radians(lat))) ** 2
        d = np.where(mask, d, np.inf)
        i = int(np.argmin(d))
        return self.candidate(i) if np.isfinite(d[i]) else None


def _iso3_table() -> dict[str, str]:
    import pycountry

    out = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    out["XK"] = "XKX"  # Kosovo: user-assigned code used by GeoNames and the World Bank
    return out
