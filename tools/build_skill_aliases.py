"""Build `bot/data/skill_aliases.csv` from Stack Overflow's tag synonyms.

    python tools/build_skill_aliases.py /work/shared/data/so-tag-synonyms.csv

Stack Overflow's list is a raw source: it maps everyday words and two-letter abbreviations to
programming constructs (`if → if-statement`, `ui → user-interface`, `fast → performance`),
which would turn ordinary words into skills. Those are dropped; a few tags are renamed to the
name people use (`reactjs` → `react`, `amazon-web-services` → `aws`), and a few aliases SO lacks
are added. Keys keep their symbols (`c#`, `c++`, `.net`, `f#`).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

from bot.directory.skills import skill_key

OUT = Path(__file__).parents[1] / "bot" / "data" / "skill_aliases.csv"
KEEP_SHORT = {"js", "py", "ts", "ai", "ux", "ci", "s3", "d3", "ml", "hg", "vb", "ef", "tf"}
PREFERRED = {
    "amazon-web-services": "aws",
    "reactjs": "react",
    "apache-spark": "spark",
    "apache-kafka": "kafka",
    "kubernetes-helm": "helm",
    "jestjs": "jest",
    "vue.js": "vue",
    "single-sign-on": "sso",
    "snowflake-cloud-data-platform": "snowflake",
    "tableau-api": "tableau",
    "google-cloud-platform": "gcp",
    "yarnpkg": "yarn",
    "babeljs": "babel",
    "gruntjs": "grunt",
    "apache-flink": "flink",
    "apache-nifi": "nifi",
    "chef-infra": "chef",
}
EXTRA = {
    "tf": "terraform",
    "gha": "github-actions",
    "ml": "machine-learning",
    "ts": "typescript",
    "node": "node.js",
    "sklearn": "scikit-learn",
    "postgres": "postgresql",
    "psql": "postgresql",
    "k8s": "kubernetes",
    "kube": "kubernetes",
    "kubectl": "kubernetes",
    "golang": "go",
    "ux-design": "user-experience",
}
GENERIC = set(
    """if ui gui else elseif ifelse where while for new map log job tab tag try def str int img
    dir nav avg rng ptr div divs span env www man mac can pad pig ink fix gap sin cos tan sine
    cosine bot nil pos so ms os db tv cs ps pe er ce fast slow speed tuning school humor humour
    movie movies learn play secure money domain halt quit hang mail market link links lion mint
    galaxy wallet tiny white ghost glass jazz boss cake circle corner dash digest round sign show
    hide words type rule role room south storm sound sounds style theme tool units users views
    uber undef lazy long make print setup cast catch const bean beans blend brew cells claims
    coffee crawl cipher escape event agents actors alarms angles areas asset badges blocks bits
    bool bundle chars chart clocks column color colour cookie curves dates detail dict digit
    disks drives errors equal extras facets faults feeds fields files floats folder font form
    forums graphs hooks icon idiom images index inputs keys labels layers lights limits lines
    lists locals lock logger login logon loop menus method metric models mock mocks number paths
    photos pipes piping points ports quotas ranges rates robots saving sensor sets shape shards
    sheets slices socket sort sorted spaces spec spider splash stacks states stats stocks stubs
    style symbol sync tables tasks tests thread timers todos tokens trash trees tuple urls vars
    videos voxels zones zoom kata julian korean infile exams career dbms tool trait wraps""".split()
)


def build(source: Path) -> dict[str, str]:
    aliases: dict[str, str] = {}
    with source.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            alias, tag = skill_key(row["alias"]), skill_key(row["tag"])
            if not alias or not tag or alias == tag:
                continue
            if alias in GENERIC or (len(alias) <= 2 and alias not in KEEP_SHORT):
                continue
            aliases[alias] = tag
    for old, new in PREFERRED.items():
        aliases.pop(new, None)
        aliases = {a: (new if t == old else t) for a, t in aliases.items()}
        aliases[old] = new
    aliases.update(EXTRA)
    targets = set(aliases.values())
    return {a: t for a, t in aliases.items() if a != t and a not in targets}


def main(argv: list[str]) -> int:
    aliases = build(Path(argv[1]))
    with OUT.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["alias", "skill"])
        writer.writerows(sorted(aliases.items()))
    print(f"{len(aliases)} aliases onto {len(set(aliases.values()))} skills → {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
