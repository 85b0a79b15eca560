# The dashboard as a container: slim, non-root, with a health check Streamlit itself answers.
#   docker build -t rt-dashboard .
#   docker run -p 8501:8501 -e BASE_URL_PATH=intel/tajikistan rt-dashboard
# Secrets (sign-in, the UN Comtrade key) are mounted at run time, never built in:
#   -v /srv/rt/secrets.toml:/app/.streamlit/secrets.toml:ro
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    BASE_URL_PATH=""

WORKDIR /app
RUN useradd --create-home --uid 10001 dashboard

# dependencies first: a data or code change does not reinstall them
COPY pyproject.toml README.md requirements.lock ./
COPY dashboard ./dashboard
RUN pip install -c requirements.lock .

COPY .streamlit/config.toml ./.streamlit/config.toml
COPY hosting ./hosting
# data/ is the image's curated data, read-only; a refresh publishes editions beside it, in
# /srv/editions (a volume in compose and on Kubernetes, owned by the app user; docs/refresh.md)
COPY data ./data
RUN mkdir -p /srv/editions && chown 10001:10001 /srv/editions
ENV RT_EDITIONS_DIR=/srv/editions

USER 10001
EXPOSE 8501

HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
    CMD ["python", "-m", "hosting.health"]

CMD ["sh", "-c", "exec streamlit run hosting/app.py --server.port 8501 --server.address 0.0.0.0 --server.baseUrlPath \"$BASE_URL_PATH\""]
