"""Convert world-atlas TopoJSON (Natural Earth, public domain) to the offline basemap GeoJSON.

Usage: python scripts/make_basemap.py path/to/countries-50m.json src/lagebild/web/vendor/natural-earth/countries.geojson

The input comes from the npm package world-atlas (``npm pack world-atlas``); only the converted,
rounded GeoJSON is vendored. TopoJSON stores quantised, delta-encoded arcs shared between
neighbouring countries; this rebuilds each country's rings from them.
"""

from __future__ import annotations

import json
import sys


def decode_arcs(topo: dict) -> list[list[list[float]]]:
    tf = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for p in arc:
            if tf:
                x += p[0]
                y += p[1]
                pts.append([x * tf["scale"][0] + tf["translate"][0], y * tf["scale"][1] + tf["translate"][1]])
            else:
                pts.append([p[0], p[1]])
        arcs.append(pts)
    return arcs


def ring(indexes: list[int], arcs: list[list[list[float]]], digits: int) -> list[list[float]]:
    out: list[list[float]] = []
    for i in indexes:
        pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        # consecutive arcs share their joining point
        out.extend(pts if not out else pts[1:])
    rounded = []
    for x, y in out:
        p = [round(x, digits), round(y, digits)]
        if not rounded or rounded[-1] != p:
            rounded.append(p)
    if rounded and rounded[0] != rounded[-1]:
        rounded.append(rounded[0])
    return rounded


def convert(topo: dict, digits: int = 2) -> dict:
    arcs = decode_arcs(topo)
    obj = topo["objects"]["countries"]
    feats = []
    for g in obj["geometries"]:
        if g.get("type") == "Polygon":
            polys = [g["arcs"]]
        elif g.get("type") == "MultiPolygon":
            polys = g["arcs"]
        else:
            continue
        coords = []
        for poly in polys:
            rings = [ring(r, arcs, digits) for r in poly]
            rings = [r for r in rings if len(r) >= 4]
            if rings:
                coords.append(rings)
        if not coords:
            continue
        feats.append({"type": "Feature", "id": g.get("id"), "properties": {"name": (g.get("properties") or {}).get("name")},
                      "geometry": {"type": "MultiPolygon", "coordinates": coords}})
    return {"type": "FeatureCollection", "features": feats}


def main(argv: list[str]) -> int:
    src, dst = argv
    with open(src, encoding="utf-8") as fh:
        topo = json.load(fh)
    with open(dst, "w", encoding="utf-8") as fh:
        json.dump(convert(topo), fh, ensure_ascii=False, separators=(",", ":"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
