"""Each page's part of the view, one module per page: its parameters, their defaults and limits.

To give a page a new URL parameter, add one field to its class here (see docs/architecture.md,
"Adding a parameter"); everything that reads links, writes them, documents them and tests them
reads the class.
"""

from __future__ import annotations

from dashboard.session.pages.border import BorderState
from dashboard.session.pages.filters import Filters
from dashboard.session.pages.overview import OverviewState
from dashboard.session.pages.partners import PartnersState
from dashboard.session.pages.products import ProductsState
from dashboard.session.pages.remittances import RemittancesState
from dashboard.session.pages.scenarios import ScenariosState
from dashboard.session.pages.trade import TradeState

# In the order of the navigation (the docs' table follows it); a page without a class here has
# no parameters of its own and reads the Filters alone (Sources & data).
STATES = (
    Filters,
    OverviewState,
    TradeState,
    ProductsState,
    BorderState,
    RemittancesState,
    ScenariosState,
    PartnersState,
)

__all__ = ["STATES"]
