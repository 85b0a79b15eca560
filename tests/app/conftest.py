import io
import shutil
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
import streamlit
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from dashboard import datasets, navigation

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
PAGES = {page.name: page.script for page in navigation.PAGES}


@pytest.fixture
def open_app():
    """Open the app as a fresh session opening a link would: on a page, with URL parameters."""

    def open_(page: str = "trade", **query: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in query.items():
            at.query_params[key] = value
        # Like a deep link: the first run is already the page asked for (its url_path is its file name).
        return at.switch_page(PAGES[page]).run()

    return open_


def url(at: AppTest) -> dict[str, str]:
    """The app's query parameters as the address bar would show them (one value each)."""
    return {key: value[-1] if isinstance(value, list) else value for key, value in at.query_params.items()}


def caption_paragraphs(at: AppTest) -> list[str]:
    """Every paragraph of small print on the page: a caption may hold several (the Sources page
    gives each file's description, rows, currency, last refresh and caveat as one caption)."""
    return [paragraph for caption in at.caption for paragraph in caption.value.split("\n\n")]


def chart_frames(at: AppTest) -> list[pd.DataFrame]:
    """The data of every chart on the page, in page order (Streamlit ships it as Arrow)."""
    frames = []
    for element in at.main:
        if getattr(element, "type", None) == "vega_lite_chart":
            tables = [pa.ipc.open_stream(d.data.data).read_all().to_pandas() for d in element.proto.datasets]
            frames.append(pd.concat(tables, ignore_index=True) if tables else pd.DataFrame())
    return frames


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A private copy of data/ the app reads instead, for tests that break a file."""
    folder = tmp_path / "data"
    shutil.copytree(datasets.DATA_DIR, folder)
    monkeypatch.setenv("RT_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def downloads(monkeypatch):
    """Every file a download button on the page would hand a viewer: file name -> bytes.

    Built as the viewer's click would build it (the buttons take a callable, built on click).
    """
    handed: dict[str, bytes] = {}
    real = streamlit.download_button

    def capture(label, data, *args, **kwargs):
        content = data() if callable(data) else data
        name = str(kwargs.get("file_name") or (args[0] if args else label))
        handed[name] = content if isinstance(content, bytes) else str(content).encode("utf-8")
        return real(label, data, *args, **kwargs)

    monkeypatch.setattr(streamlit, "download_button", capture)
    return handed


def pdf_text(pdf: bytes) -> str:
    """The text a reader can select in a PDF, page after page."""
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
