"""Routing folders from a StackExchange data dump's `Posts.xml`, for communities beyond team2box's.

StackExchange publishes each site's posts (CC BY-SA) as one `Posts.xml`: questions (PostTypeId
1, with title, body, tags and accepted answer) and answers (PostTypeId 2, with their question
and owner). This builds a routing folder from one the way `team2box_folders` does (the same
split, people and declared skills): questions oldest first, the text its title and its body
without markup, every answerer oldest answer first, the accepted answerer. Posts without an
owner (deleted users) are left out.

    python -m benchmarks.stackexchange_folders Posts.xml OUT/coffee
    askaround eval routing OUT/coffee
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path
from typing import Any

from benchmarks.team2box_folders import HISTORY_FRACTION, folder

MARKUP = re.compile(r"<[^>]+>")
TAG = re.compile(r"[^<>|]+")


def questions(posts: Path) -> list[dict[str, Any]]:
    """Every question of the dump with an owner, oldest first, with its tags."""
    asked: dict[str, dict[str, Any]] = {}
    answers: defaultdict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for _, row in ET.iterparse(posts):
        if row.tag != "row":
            continue
        kind, owner = row.get("PostTypeId"), row.get("OwnerUserId")
        if kind == "1" and owner:
            asked[row.get("Id", "")] = dict(row.attrib)
        elif kind == "2" and owner:
            answers[row.get("ParentId", "")].append(
                (row.get("CreationDate", ""), row.get("Id", ""), owner)
            )
        row.clear()
    found = []
    for qid, q in sorted(
        asked.items(), key=lambda item: (item[1].get("CreationDate", ""), int(item[0]))
    ):
        ordered = sorted(answers.get(qid, []))
        owner_of = {answer: user for _, answer, user in ordered}
        helper = owner_of.get(q.get("AcceptedAnswerId", ""))
        body = " ".join(html.unescape(MARKUP.sub(" ", q.get("Body", ""))).split())
        title = html.unescape(q.get("Title", ""))
        found.append(
            {
                "id": f"Q{qid}",
                "asker": f"U{q['OwnerUserId']}",
                "text": title + (f"\n{body}" if body else ""),
                "answered_by": list(dict.fromkeys(f"U{user}" for _, _, user in ordered)),
                "accepted": f"U{helper}" if helper else None,
                "tags": TAG.findall(q.get("Tags", "")),
            }
        )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("posts", type=Path, help="a site's Posts.xml")
    parser.add_argument("out", type=Path, help="the folder to write")
    parser.add_argument("--inner", action="store_true", help="the history's own split")
    args = parser.parse_args()
    if not args.posts.is_file():
        sys.exit(f"{args.posts} is not a file: give a StackExchange dump's Posts.xml")
    rows = questions(args.posts)
    if args.inner:
        rows = rows[: int(len(rows) * HISTORY_FRACTION)]
    people, history, later = folder(rows, args.out)
    print(f"{args.out.name}: {people} people, {history} history, {later} questions to route")


if __name__ == "__main__":
    main()
