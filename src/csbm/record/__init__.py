"""The record itself: how much of it is on file (coverage) and what its verdicts lack (gaps).

Mounted on the command line as `csbm record …` and in the web as `/record/…`.
"""
