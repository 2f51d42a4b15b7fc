"""Renderers for an extraction: the JSON contract, a terminal table, a csbm dossier."""

from csbm.extract.output.dossier import to_dossier, to_yaml
from csbm.extract.output.json import to_dict, to_json
from csbm.extract.output.table import to_terminal

__all__ = ["to_dict", "to_dossier", "to_json", "to_terminal", "to_yaml"]
