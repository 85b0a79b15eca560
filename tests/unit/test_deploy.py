"""The Kubernetes manifests (deploy/), checked as far as a machine without a cluster can.

Every manifest is validated offline against the Kubernetes JSON schemas that
kubernetes-validate ships in its wheel (strict: an unknown or misspelt field fails). Then the
promises that hold between the manifests and the rest of the project: the probes ask Streamlit's
health endpoint under the base path the app is given, the Ingress keeps the nginx template's
affinity, websocket timeouts, headers and limits, no secret value is in the repo, the
containers run as the image's non-root user on a read-only root, memory is sized from the
measured RSS, and the refresh CronJob writes the folder the replicas read.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from kubernetes_validate.utils import latest_version, validate

from hosting.hardening import DEFAULT_LIMITS, security_headers
from hosting.process import health_url
from hosting.serve import normalised

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
CONTROLLER_CONFIG = DEPLOY / "ingress-nginx" / "controller-config.yaml"
ANNOTATION = "nginx.ingress.kubernetes.io/"
MIB = {"Mi": 1, "Gi": 1024}


def documents(path: Path) -> list[dict[str, Any]]:
    return [document for document in yaml.safe_load_all(path.read_text()) if document]


def kustomization() -> dict[str, Any]:
    return documents(DEPLOY / "kustomization.yaml")[0]


def resources() -> list[dict[str, Any]]:
    """Every object `kubectl apply -k deploy/` creates, in the order the kustomization lists them."""
    return [document for name in kustomization()["resources"] for document in documents(DEPLOY / name)]


def one(kind: str, name: str | None = None) -> dict[str, Any]:
    found = [r for r in resources() if r["kind"] == kind and name in (None, r["metadata"]["name"])]
    assert len(found) == 1, f"{len(found)} {kind} {name or ''}"
    return found[0]


def deployment() -> dict[str, Any]:
    return one("Deployment", "dashboard")


def gate() -> dict[str, Any]:
    return one("Deployment", "dashboard-gate")


def refresh_job() -> dict[str, Any]:
    return one("CronJob")["spec"]["jobTemplate"]["spec"]["template"]["spec"]


def pod_specs() -> dict[str, dict[str, Any]]:
    return {
        "Deployment": deployment()["spec"]["template"]["spec"],
        "gate": gate()["spec"]["template"]["spec"],
        "CronJob": refresh_job(),
    }


def container(spec: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in spec.get("initContainers", []) + spec["containers"] if c["name"] == name)


def env(container_spec: dict[str, Any]) -> dict[str, str]:
    return {variable["name"]: variable["value"] for variable in container_spec.get("env", [])}


def ingresses() -> list[dict[str, Any]]:
    return [r for r in resources() if r["kind"] == "Ingress"]


def mebibytes(quantity: str) -> float:
    number, unit = re.fullmatch(r"(\d+(?:\.\d+)?)(Mi|Gi)", quantity).groups()
    return float(number) * MIB[unit]


def test_the_kustomization_lists_every_manifest_and_names_the_image_the_containers_use():
    listed = set(kustomization()["resources"])
    on_disk = {p.name for p in DEPLOY.glob("*.yaml")} - {"kustomization.yaml"}
    assert listed == on_disk
    image = kustomization()["images"][0]["name"]
    app_containers = [c for spec in pod_specs().values() for c in spec.get("initContainers", []) + spec["containers"]]
    assert {c["image"] for c in app_containers if not c["image"].startswith("registry.k8s.io/")} == {image}


@pytest.mark.parametrize("version", ["1.30.0", latest_version()])
def test_every_manifest_is_valid_against_the_kubernetes_schemas(version):
    """Offline: kubernetes-validate's wheel carries the schemas; strict refuses unknown fields."""
    objects = [*resources(), *documents(CONTROLLER_CONFIG)]
    assert {o["kind"] for o in objects} >= {
        "Deployment", "Service", "Ingress", "HorizontalPodAutoscaler", "CronJob", "PersistentVolumeClaim",
        "ConfigMap",
    }  # fmt: skip
    for document in objects:
        validate(document, version, strict=True)


def test_a_misspelt_field_fails_validation():
    """The check above can fail: a probe with a typo in it is refused."""
    broken = deployment()
    broken["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["httpGett"] = {"path": "/"}
    with pytest.raises(Exception, match="httpGett"):
        validate(broken, "1.30.0", strict=True)


def test_the_probes_ask_streamlits_health_under_the_base_path_the_app_is_given():
    app = container(deployment()["spec"]["template"]["spec"], "dashboard")
    base = normalised(env(app)["BASE_URL_PATH"])  # the Dockerfile's CMD passes it as --server.baseUrlPath
    expected = health_url(8501, base).removeprefix("http://127.0.0.1:8501")  # what hosting.health asks
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        assert app[probe]["httpGet"]["path"] == expected, probe
        assert app[probe]["httpGet"]["port"] == "http"
    assert {p["name"]: p["containerPort"] for p in app["ports"]} == {"http": 8501}
    for ingress in ingresses():
        for path in ingress["spec"]["rules"][0]["http"]["paths"]:
            assert path["path"].startswith(base)
    assert base == "/intel/tajikistan/"


def test_the_ingress_keeps_the_proxys_affinity_and_websocket_promises():
    for ingress in ingresses():
        annotations = {k.removeprefix(ANNOTATION): v for k, v in ingress["metadata"]["annotations"].items()}
        assert annotations["affinity"] == "cookie"
        assert annotations["session-cookie-name"] == "rt_affinity"  # the cookie the nginx template sets
        assert annotations["session-cookie-path"] == "/intel/tajikistan/"
        assert annotations["session-cookie-change-on-failure"] == "true"  # a lost replica: another one
        assert int(annotations["proxy-read-timeout"]) >= 86400  # a day, as the template's proxy_read_timeout 1d
        assert int(annotations["proxy-send-timeout"]) >= 86400
        assert ingress["spec"]["ingressClassName"] == "nginx"
        backend = ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
        assert backend == {"name": one("Service", "dashboard")["metadata"]["name"], "port": {"name": "http"}}


def test_the_ingress_sends_the_same_security_headers_and_the_controller_allows_them():
    """The values hosting.hardening gives nginx; names and values that ingress-nginx accepts."""
    configmap = one("ConfigMap", "security-headers")
    assert configmap["data"] == security_headers()
    namespace = kustomization()["namespace"]
    for ingress in ingresses():
        assert ingress["metadata"]["annotations"][ANNOTATION + "custom-headers"] == f"{namespace}/security-headers"
    # ingress-nginx's own checks (internal/ingress/annotations/customheaders): refused values give 503
    valid_name = re.compile(r"^[a-zA-Z\d\-_]+$")
    valid_value = re.compile(r"""^[a-zA-Z\d_ :;.,\\/"'?!(){}\[\]@<>=\-+*#$&`|~^%]+$""")
    assert all(valid_name.match(name) and valid_value.match(value) for name, value in configmap["data"].items())
    controller = documents(CONTROLLER_CONFIG)[0]["data"]
    assert set(controller["global-allowed-response-headers"].split(",")) == set(configmap["data"])
    assert controller["limit-req-status-code"] == controller["limit-conn-status-code"] == "429"
    assert controller["server-tokens"] == "false"


def test_the_ingress_limits_are_the_proxys_limits():
    """burst = rps x multiplier in ingress-nginx; the static files have the larger budget, as in nginx."""
    budgets = {}
    for ingress in ingresses():
        annotations = ingress["metadata"]["annotations"]
        rate = int(annotations[ANNOTATION + "limit-rps"])
        burst = rate * int(annotations[ANNOTATION + "limit-burst-multiplier"])
        path = ingress["spec"]["rules"][0]["http"]["paths"][0]["path"]
        budgets[path.endswith("/static/")] = (rate, burst)
        assert int(annotations[ANNOTATION + "limit-connections"]) == DEFAULT_LIMITS.connections
    assert budgets == {
        False: (DEFAULT_LIMITS.app_rate, DEFAULT_LIMITS.app_burst),
        True: (DEFAULT_LIMITS.asset_rate, DEFAULT_LIMITS.asset_burst),
    }


def test_no_secret_value_is_in_the_manifests():
    """The Secret is created by the deployer; the manifests only name it."""
    assert "Secret" not in {r["kind"] for r in resources()}
    text = "\n".join(p.read_text() for p in DEPLOY.rglob("*.yaml"))
    for key in ("client_secret", "cookie_secret", "client_id", "COMTRADE_API_KEY ="):
        assert f"{key} =" not in text and f"{key}:" not in text
    for spec in pod_specs().values():
        (secret,) = [v for v in spec["volumes"] if "secret" in v]
        assert secret["secret"] == {"secretName": "dashboard-secrets"}
        for c in spec.get("initContainers", []) + spec["containers"]:
            for variable in c.get("env", []):
                assert not re.search(r"KEY|SECRET|TOKEN|PASSWORD", variable["name"]), variable


def test_the_secrets_file_is_mounted_where_streamlit_and_the_refresh_read_it():
    """<working dir>/.streamlit/secrets.toml: Streamlit's default, and dashboard.refresh's."""
    workdir = re.search(r"^WORKDIR (\S+)$", (ROOT / "Dockerfile").read_text(), re.MULTILINE).group(1)
    specs = pod_specs()
    for spec, name in ((specs["Deployment"], "dashboard"), (specs["gate"], "gate"), (specs["CronJob"], "refresh")):
        mount = next(m for m in container(spec, name)["volumeMounts"] if m["name"] == "secrets")
        assert mount == {
            "name": "secrets", "mountPath": f"{workdir}/.streamlit/secrets.toml", "subPath": "secrets.toml",
            "readOnly": True,
        }  # fmt: skip
    assert 'Path(".streamlit") / "secrets.toml"' in (ROOT / "dashboard" / "refresh" / "__main__.py").read_text()


def test_every_container_runs_as_the_images_user_without_privileges_on_a_read_only_root():
    image_user = int(re.search(r"^USER (\d+)$", (ROOT / "Dockerfile").read_text(), re.MULTILINE).group(1))
    for kind, spec in pod_specs().items():
        assert spec["securityContext"]["runAsNonRoot"] is True, kind
        assert spec["securityContext"]["runAsUser"] == image_user, kind
        for c in spec.get("initContainers", []) + spec["containers"]:
            context = c["securityContext"]
            assert context["allowPrivilegeEscalation"] is False, c["name"]
            assert context["readOnlyRootFilesystem"] is True, c["name"]
            assert context["capabilities"]["drop"] == ["ALL"], c["name"]
            assert context.get("runAsUser", image_user) != 0, c["name"]
            assert {"requests", "limits"} <= set(c["resources"]), c["name"]


def admission_rows() -> list[dict[str, float]]:
    """docs/hosting.md's measured table (benchmarks/load.py): one row per run."""
    text = (ROOT / "docs" / "hosting.md").read_text()
    table = text.split("<!-- admission:start -->", 1)[1].split("<!-- admission:end -->", 1)[0]
    rows = []
    for line in table.strip().splitlines()[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        number = [float(re.sub(r"[^\d.]", "", c)) for c in cells[:5]]
        rows.append(dict(zip(("viewers", "admitted", "busy", "warmed", "peak"), number, strict=True)))
    return rows


def test_memory_and_admission_follow_the_measured_peak():
    """The request holds the highest peak measured (100 viewers, all admitted), the limit is that
    + 25 %, and the admission limit is the one the load test ran at: none of its runs came near it."""
    rows = admission_rows()
    app = container(deployment()["spec"]["template"]["spec"], "dashboard")
    resources_ = app["resources"]
    request, limit = mebibytes(resources_["requests"]["memory"]), mebibytes(resources_["limits"]["memory"])
    highest = max(row["peak"] for row in rows)
    assert {row["viewers"] for row in rows if row["busy"] == 0} >= {25, 50, 100}
    assert request >= highest and limit >= 1.25 * highest
    (at_limit,) = [row for row in rows if row["busy"] > 0]
    assert int(env(app)["RT_MAX_SESSIONS"]) == at_limit["admitted"]
    assert at_limit["admitted"] + at_limit["busy"] == at_limit["viewers"]
    assert resources_["requests"]["cpu"] == resources_["limits"]["cpu"] == "1"  # one process, one core


def test_the_refresh_publishes_editions_where_the_replicas_read_them_and_restarts_nothing():
    app_spec, job_spec = pod_specs()["Deployment"], pod_specs()["CronJob"]
    app, job = container(app_spec, "dashboard"), container(job_spec, "refresh")
    assert job["command"] == ["python", "-m", "dashboard.refresh", "all"]
    editions = env(app)["RT_EDITIONS_DIR"]
    assert env(job)["RT_EDITIONS_DIR"] == editions
    assert "RT_DATA_DIR" not in env(app) and "RT_DATA_DIR" not in env(job)  # both read the image's own data/

    def editions_mount(spec: dict[str, Any], name: str) -> tuple[str, dict[str, Any]]:
        (claim,) = [v for v in spec["volumes"] if v["name"] == "editions"]
        (mount,) = [m for m in container(spec, name)["volumeMounts"] if m["name"] == "editions"]
        return claim["persistentVolumeClaim"]["claimName"], mount

    app_claim, app_mount = editions_mount(app_spec, "dashboard")
    job_claim, job_mount = editions_mount(job_spec, "refresh")
    assert app_claim == job_claim == one("PersistentVolumeClaim")["metadata"]["name"]
    assert app_mount["mountPath"] == job_mount["mountPath"] == editions
    assert app_mount.get("readOnly") is True and not job_mount.get("readOnly")
    assert "ReadWriteMany" in one("PersistentVolumeClaim")["spec"]["accessModes"]  # replicas on several nodes
    # each rerun reads `current`: nothing to seed, nothing to restart, no permission on the cluster
    assert [c["name"] for c in job_spec["containers"]] == ["refresh"] and "initContainers" not in job_spec
    assert "initContainers" not in app_spec
    assert job_spec["automountServiceAccountToken"] is False
    assert not [r for r in resources() if r["kind"] in ("Role", "RoleBinding", "ServiceAccount")]


def test_the_app_reads_the_editions_where_rt_editions_dir_says(monkeypatch, tmp_path):
    """What RT_EDITIONS_DIR relies on: dashboard/datasets/editions.py looks for the editions there."""
    from dashboard import datasets

    monkeypatch.setenv("RT_EDITIONS_DIR", "/srv/editions")
    assert datasets.editions_root(tmp_path) == Path("/srv/editions")
    monkeypatch.delenv("RT_EDITIONS_DIR")
    assert datasets.editions_root(tmp_path / "data") == tmp_path / "editions"


def test_the_service_and_the_autoscaler_point_at_the_replicas():
    labels = deployment()["spec"]["template"]["metadata"]["labels"]
    selector = one("Service", "dashboard")["spec"]["selector"]
    assert selector.items() <= labels.items()
    assert deployment()["spec"]["selector"]["matchLabels"] == selector
    target = one("HorizontalPodAutoscaler")["spec"]["scaleTargetRef"]
    assert (target["kind"], target["name"]) == ("Deployment", deployment()["metadata"]["name"])
    assert one("HorizontalPodAutoscaler")["spec"]["minReplicas"] >= 2


GATE_URL = "http://dashboard-gate.rt-dashboard.svc.cluster.local/check"
OPEN_PATHS = {"_stcore/health", "auth/login", "auth/logout", "oauth2callback", "_rt_signin"}


def test_every_path_to_the_app_asks_the_gate_but_health_and_the_sign_in_flow():
    base = normalised(env(container(deployment()["spec"]["template"]["spec"], "dashboard"))["BASE_URL_PATH"])
    gate_service = one("Service", "dashboard-gate")
    assert gate_service["spec"]["selector"].items() <= gate()["spec"]["template"]["metadata"]["labels"].items()
    assert GATE_URL.startswith(f"http://{gate_service['metadata']['name']}.{kustomization()['namespace']}.svc")
    for ingress in ingresses():
        annotations = ingress["metadata"]["annotations"]
        paths = [p for rule in ingress["spec"]["rules"] for p in rule["http"]["paths"]]
        if ingress["metadata"]["name"] == "dashboard-open":
            assert f"{ANNOTATION}auth-url" not in annotations
            assert {p["path"].removeprefix(base) for p in paths} == OPEN_PATHS
            assert {p["pathType"] for p in paths} == {"Exact"}  # those paths and nothing under them
        else:
            assert annotations[f"{ANNOTATION}auth-url"] == GATE_URL, ingress["metadata"]["name"]
            assert annotations[f"{ANNOTATION}auth-signin"] == f"https://$host{base}_rt_signin"


def test_the_gate_reads_the_apps_secret_and_serves_its_base_path():
    app_spec, gate_spec = pod_specs()["Deployment"], pod_specs()["gate"]
    secret = next(v for v in app_spec["volumes"] if v["name"] == "secrets")
    assert next(v for v in gate_spec["volumes"] if v["name"] == "secrets") == secret
    command = container(gate_spec, "gate")["command"]
    assert command[:3] == ["python", "-m", "hosting.gate"]
    base = normalised(env(container(app_spec, "dashboard"))["BASE_URL_PATH"])
    assert command[command.index("--base-path") + 1] == base
    mount = next(m for m in container(gate_spec, "gate")["volumeMounts"] if m["name"] == "secrets")
    assert command[command.index("--secrets") + 1] == mount["mountPath"]
