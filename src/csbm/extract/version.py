"""The extractor's version, recorded with every output so a claim can be traced to the rules
that read it. Bump it when a rule change can change what is extracted from the same text."""

EXTRACTOR_VERSION = "5"

__all__ = ["EXTRACTOR_VERSION"]
