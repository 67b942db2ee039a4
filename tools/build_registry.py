"""Generate ``src/antq_domain/data/places.csv`` from the ``vietnamadminunits`` package.

The package is NOT a dependency of antq_domain: install it in a scratch venv
and run this script with that venv's Python, from the repository root::

    python3 -m venv /tmp/regvenv
    /tmp/regvenv/bin/pip install --no-deps vietnamadminunits==1.0.4
    /tmp/regvenv/bin/python tools/build_registry.py --generated-on 2026-11-26

``--no-deps`` is enough: the script never imports the package (importing it
builds a geocoder); it locates the package with ``importlib.util.find_spec``
and reads two of its data files, ``data/dataset.db`` (SQLite tables
``admin_units_legacy`` and ``admin_units``) and ``data/converter_2025.json``
(old units merged into each new unit; old units split between several).

Rules applied (documented in docs/explanation/places.md):

* the reform date is 2025-07-01: every district-level unit and every old
  commune-level unit ends on 2025-06-30, every new commune-level unit begins
  on 2025-07-01; a province that the reform merged with others ends on
  2025-06-30 and the new province begins on 2025-07-01, while a province the
  reform left alone (same key, sole predecessor) is one open-ended place;
* pre-reform units have no recorded start (empty ``valid_from``);
* a register code is the official code; a unit whose official code a later
  unit took over carries ``<code>@<its last day>``, e.g. ``51@2025-06-30``;
* successors: old commune -> the new unit it was merged into; a split unit
  lists every new unit, the package's principal ("default") one first; an
  old province -> the new province; a district -> nothing (abolished), except
  the island districts without communes that became special zones.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib.metadata
import importlib.util
import json
import sqlite3
from collections import defaultdict
from datetime import date
from pathlib import Path

PACKAGE = "vietnamadminunits"
REFORM = date(2025, 7, 1)
LAST_OLD_DAY = date(2025, 6, 30)
NATION = "VN"
COLUMNS = ("code", "name", "kind", "parent", "valid_from", "valid_to", "successors")

DISTRICT_KINDS = {
    "Huyện": "district",
    "Quận": "urban_district",
    "Thị xã": "town",
    "Thành phố": "provincial_city",
}
COMMUNE_KINDS = {
    "Xã": "commune",
    "Phường": "ward",
    "Thị trấn": "township",
    "Đặc khu": "special_zone",
}


def province_kind(name: str) -> str:
    if name.startswith("Thành phố "):
        return "central_city"
    if name.startswith("Tỉnh "):
        return "province"
    raise SystemExit(f"unexpected province name {name!r}")


def package_data_dir() -> Path:
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or spec.origin is None:
        raise SystemExit(f"{PACKAGE} is not installed in this interpreter")
    return Path(spec.origin).parent / "data"


def build(data_dir: Path) -> list[dict[str, str]]:  # noqa: PLR0912, PLR0915
    db = sqlite3.connect(data_dir / "dataset.db")
    legacy = db.execute(
        "SELECT provinceKey, districtKey, wardKey, provinceCode, districtCode, wardCode,"
        " province, district, ward, districtType, wardType FROM admin_units_legacy"
    ).fetchall()
    new = db.execute(
        "SELECT provinceKey, wardKey, provinceCode, wardCode, province, ward, wardType"
        " FROM admin_units"
    ).fetchall()
    db.close()
    converter = json.loads((data_dir / "converter_2025.json").read_text(encoding="utf-8"))

    # --- new provinces and which old provinces formed them
    formed_from: dict[str, list[str]] = converter["DICT_PROVINCE"]
    continuing = {new_key for new_key, olds in formed_from.items() if olds == [new_key]}

    old_provinces: dict[str, tuple[str, str]] = {}  # key -> (official code, name)
    old_districts: dict[tuple[str, str], tuple[str, str, str]] = {}
    old_communes: dict[str, tuple[str, str, str, str]] = {}  # full key -> code, name, type, dkey
    for pk, dk, wk, pc, dc, wc, pname, dname, wname, dtype, wtype in legacy:
        old_provinces[pk] = (pc, pname)
        old_districts[(pk, dk)] = (dc, dname, dtype)
        if wk is not None:
            old_communes[f"{pk}_{dk}_{wk}"] = (wc, wname, wtype, dk)

    new_provinces: dict[str, tuple[str, str]] = {}
    new_communes: dict[tuple[str, str], tuple[str, str, str]] = {}
    for pk, wk, pc, wc, pname, wname, wtype in new:
        new_provinces[pk] = (pc, pname)
        new_communes[(pk, wk)] = (wc, wname, wtype)

    # --- official codes held after the reform (these keep the plain code)
    new_official = {code for code, _ in new_provinces.values()}
    new_official |= {code for code, _, _ in new_communes.values()}

    def old_code(official: str) -> str:
        return f"{official}@{LAST_OLD_DAY.isoformat()}" if official in new_official else official

    def old_province_code(key: str) -> str:
        official = old_provinces[key][0]
        return official if key in continuing else old_code(official)

    # --- successor links
    successors: dict[str, list[str]] = defaultdict(list)  # old legacy key -> new codes
    for new_pk, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_wk, old_keys in wards.items():
            code = new_communes[(new_pk, new_wk)][0]
            for old_key in old_keys:
                successors[old_key].append(code)
    for new_pk, splits in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, parts in splits.items():
            if successors[old_key]:
                raise SystemExit(f"{old_key} is both merged and split")
            ordered = sorted(parts, key=lambda p: not p["isDefaultNewWard"])
            successors[old_key] = [new_communes[(new_pk, p["newWardKey"])][0] for p in ordered]

    province_successor: dict[str, str] = {}
    for new_pk, old_keys in formed_from.items():
        if new_pk in continuing:
            continue
        for old_pk in old_keys:
            province_successor[old_pk] = new_provinces[new_pk][0]

    rows: list[dict[str, str]] = []

    def add(  # noqa: PLR0917
        code: str,
        name: str,
        kind: str,
        parent: str,
        valid_from: date | None,
        valid_to: date | None,
        succ: list[str],
    ) -> None:
        rows.append(
            {
                "code": code,
                "name": name,
                "kind": kind,
                "parent": parent,
                "valid_from": valid_from.isoformat() if valid_from else "",
                "valid_to": valid_to.isoformat() if valid_to else "",
                "successors": ";".join(succ),
            }
        )

    add(NATION, "Việt Nam", "nation", "", None, None, [])

    # --- the tree as it stood until 2025-06-30
    districts_of: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for pk, dk in old_districts:
        districts_of[pk].append((pk, dk))
    communes_of: dict[tuple[str, str], list[str]] = defaultdict(list)
    for full_key, (_, _, _, dk) in old_communes.items():
        pk = full_key.split("_", 1)[0]
        communes_of[(pk, dk)].append(full_key)

    for pk in sorted(old_provinces, key=lambda k: old_provinces[k][0]):
        pcode = old_province_code(pk)
        pname = old_provinces[pk][1]
        if pk in continuing:
            add(pcode, pname, province_kind(pname), NATION, None, None, [])
        else:
            add(
                pcode,
                pname,
                province_kind(pname),
                NATION,
                None,
                LAST_OLD_DAY,
                [province_successor[pk]],
            )
        for dkey in sorted(districts_of[pk], key=lambda k: old_districts[k][0]):
            dcode, dname, dtype = old_districts[dkey]
            island = successors.get(f"{dkey[0]}_{dkey[1]}_", [])
            add(old_code(dcode), dname, DISTRICT_KINDS[dtype], pcode, None, LAST_OLD_DAY, island)
            for ckey in sorted(communes_of[dkey], key=lambda k: old_communes[k][0]):
                ccode, cname, ctype, _ = old_communes[ckey]
                succ = successors[ckey]
                if not succ:
                    raise SystemExit(f"no successor for {ckey}")
                add(
                    old_code(ccode),
                    cname,
                    COMMUNE_KINDS[ctype],
                    old_code(dcode),
                    None,
                    LAST_OLD_DAY,
                    succ,
                )

    # --- the tree from 2025-07-01
    communes_in: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for pk, wk in new_communes:
        communes_in[pk].append((pk, wk))
    for pk in sorted(new_provinces, key=lambda k: new_provinces[k][0]):
        pcode, pname = new_provinces[pk]
        if pk not in continuing:
            add(pcode, pname, province_kind(pname), NATION, REFORM, None, [])
        for new_key in sorted(communes_in[pk], key=lambda k: new_communes[k][0]):
            ccode, cname, ctype = new_communes[new_key]
            add(ccode, cname, COMMUNE_KINDS[ctype], pcode, REFORM, None, [])

    codes = [row["code"] for row in rows]
    if len(codes) != len(set(codes)):
        raise SystemExit("duplicate register codes")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--generated-on", required=True, type=date.fromisoformat, help="ISO date to record"
    )
    parser.add_argument("--out", type=Path, default=Path("src/antq_domain/data/places.csv"))
    args = parser.parse_args()

    rows = build(package_data_dir())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)

    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()
    provenance = {
        "package": PACKAGE,
        "version": importlib.metadata.version(PACKAGE),
        "files": ["data/dataset.db", "data/converter_2025.json"],
        "generated_on": args.generated_on.isoformat(),
        "generator": "tools/build_registry.py",
        "rows": len(rows),
        "sha256": digest,
    }
    meta = args.out.with_name("places_source.json")
    meta.write_text(json.dumps(provenance, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(provenance, indent=2))


if __name__ == "__main__":
    main()
