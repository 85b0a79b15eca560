"""The app as the hosted profile serves it: Streamlit's server with the replicas' guard around it.

    streamlit run hosting/app.py --server.baseUrlPath intel/tajikistan

`streamlit run` finds the `app` below (an st.App) and serves dashboard/app.py through it;
hosting/guard.py says what the guard refuses and why, hosting/preload.py what a fresh server
loads before its first viewer asks. hosting/process.py, the Dockerfile and
therefore every hosted path (hosting.serve, compose, deploy/) start the app this way.
"""

import sys
from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # `streamlit run hosting/app.py` puts hosting/ on the path, not the project

from hosting import preload  # noqa: E402
from hosting.guard import Guard  # noqa: E402

# preload: the first page's modules and models, loaded while the first viewer's browser starts
app = st.App(ROOT / "dashboard" / "app.py", middleware=[Middleware(Guard)], lifespan=preload.lifespan)
