"""The container's health check: exit 0 when Streamlit answers its health endpoint.

    python -m hosting.health            # http://127.0.0.1:8501/$BASE_URL_PATH/_stcore/health

Python rather than curl: the slim image has no curl, and this respects BASE_URL_PATH.
"""

from __future__ import annotations

import os
import sys
import urllib.request

from hosting.process import health_url


def main() -> int:
    url = health_url(os.environ.get("PORT", "8501"), os.environ.get("BASE_URL_PATH", ""))
    try:
        with urllib.request.urlopen(url, timeout=4) as response:
            return 0 if response.status == 200 and response.read().strip() == b"ok" else 1
    except OSError as error:
        print(f"unhealthy: {url}: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
