"""What a source's terms allow: the one rule for "may these figures be passed on".

A source row in sources.csv (or a refresh's sources_refresh.csv) says its terms in `licence`.
Terms that begin with NOT_REDISTRIBUTABLE forbid passing the figures on (UN Comtrade): the app
shows and cites them, but leaves them out of every download, CSV and brief. A dataset whose every
row comes from one such publisher declares the same terms (`DataFile.licence`), so the Sources
page withholds the file even before a refresh has filled it.
"""

from __future__ import annotations

import pandas as pd

NOT_REDISTRIBUTABLE = "Not redistributable"
COMTRADE_LICENCE = (
    f"{NOT_REDISTRIBUTABLE}: UN Comtrade terms of use; figures shown with attribution, not offered for download"
)


def may_be_redistributed(licence: object) -> bool:
    """Whether terms allow passing the figures on: anything but a licence that says they may not."""
    return not (isinstance(licence, str) and licence.startswith(NOT_REDISTRIBUTABLE))


def redistributable(sources: pd.DataFrame) -> pd.Series:
    """Per source row: may its figures go into a download?"""
    return sources["licence"].map(may_be_redistributed).astype(bool)
