"""The one parameter hosting/guard.py puts in place of a query string Streamlit would drop whole.

A module of its own, importing nothing: the guard is loaded as the server starts, and reading
this name from session/state.py would load pandas and the app's formatting before the server
answers its first request (hosting/preload.py loads them after, while the first browser starts).
"""

UNREAD_LINK = "unread_link"
