"""The JSON report: one array, one object per activity (see docs/assess-json.md)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from csbm.rules.assess import Assessment


def to_json(assessments: Sequence[Assessment]) -> str:
    return json.dumps([a.as_json() for a in assessments], indent=2, ensure_ascii=False) + "\n"
