#!/usr/bin/python3
"""Validates rendered phi-stream manifests (the output of `kubectl kustomize k8s/overlays/<env>`), offline.

kubeconform and kubeval are not packaged by Debian, Maven Central or npm, and they fetch their schemas from
the network; this small structural validator uses what Debian ships instead:

* Kubernetes kinds: the OpenAPI-generated models of Debian's python3-kubernetes (API 1.22). Every field must
  exist in the model (unknown fields are errors, the usual typo), have the model's type (a number where a
  string is expected is an error: the API server rejects it too), and required fields must be present.
* Custom resources (Strimzi KafkaTopic/KafkaUser, KEDA ScaledObject, Prometheus Operator PodMonitor and
  PrometheusRule): JSON Schemas in k8s/schemas/, written for the fields phi-stream uses from each project's
  CRD reference, checked with python3-jsonschema. Nested Kubernetes types in them (label selectors, HPA
  behaviour) are checked against the Kubernetes models.
* Then what a schema cannot see: selectors that select the pods, ports and volumes that exist, the security
  and resource settings the project requires (non-root, read-only root filesystem, no privilege escalation,
  all capabilities dropped, requests and limits), KEDA not scaling past the input partitions, one namespace.

Usage: validate.py RENDERED.yaml...   Exit 0 when every file is valid, 1 otherwise (errors on stderr).
       validate.py --self-test RENDERED.yaml   Breaks a valid rendering in typical ways; each must be rejected.
"""
import json
import os
import re
import sys

import jsonschema
import yaml
from kubernetes.client import models as M

SCHEMAS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schemas")
CORE = {
    ("v1", "ServiceAccount"): "V1ServiceAccount",
    ("v1", "Service"): "V1Service",
    ("v1", "ConfigMap"): "V1ConfigMap",
    ("v1", "Secret"): "V1Secret",
    ("apps/v1", "StatefulSet"): "V1StatefulSet",
    ("apps/v1", "Deployment"): "V1Deployment",
    ("policy/v1", "PodDisruptionBudget"): "V1PodDisruptionBudget",
    ("networking.k8s.io/v1", "NetworkPolicy"): "V1NetworkPolicy",
}
# Secrets the pods mount that other parties create (`kubectl create secret`, the Strimzi operators)
EXTERNAL_SECRETS = {"phi-stream-keysets", "phi-stream-master-key", "phi-stream", "phi-kafka-cluster-ca-cert"}
DNS_SUBDOMAIN = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
DNS_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
QUANTITY = re.compile(r"^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$")
PORT_NAME = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
PRIMITIVES = {"str": str, "int": int, "bool": bool, "float": (int, float), "datetime": str, "date": str}


class Errors(list):
    def add(self, where, message):
        self.append(f"{where}: {message}")


# ---------------------------------------------------------------- Kubernetes models

def check_model(value, model, where, errors):
    """Walks value against a python3-kubernetes model class (by name)."""
    cls = getattr(M, model, None)
    if cls is None:
        errors.add(where, f"no Kubernetes model {model}")
        return
    if not isinstance(value, dict):
        errors.add(where, f"expected an object ({model}), got {type(value).__name__}")
        return
    by_json = {j: p for p, j in cls.attribute_map.items()}
    for key, v in value.items():
        if key not in by_json:
            errors.add(f"{where}.{key}", f"unknown field (not in {model})")
            continue
        check_type(v, cls.openapi_types[by_json[key]], f"{where}.{key}", errors)
    # the generated setters raise ValueError for missing required fields (and a few enum checks)
    try:
        cls(**{by_json[k]: v for k, v in value.items() if k in by_json and v is not None})
    except ValueError as e:
        errors.add(where, str(e).replace("Invalid value for `", "field `"))
    except TypeError:
        pass


def check_type(value, typ, where, errors):
    if value is None:
        return
    if typ.startswith("list["):
        if not isinstance(value, list):
            errors.add(where, f"expected a list, got {type(value).__name__}")
            return
        for i, item in enumerate(value):
            check_type(item, typ[5:-1], f"{where}[{i}]", errors)
    elif typ.startswith("dict("):
        if not isinstance(value, dict):
            errors.add(where, f"expected a map, got {type(value).__name__}")
            return
        inner = typ[typ.index(",") + 1:-1].strip()
        for k, v in value.items():
            check_type(v, inner, f"{where}.{k}", errors)
    elif typ == "object":
        pass  # int-or-string and free-form fields
    elif typ in PRIMITIVES:
        ok = isinstance(value, PRIMITIVES[typ]) and not (typ in ("int", "float") and isinstance(value, bool))
        if not ok:
            errors.add(where, f"expected {typ}, got {type(value).__name__} ({value!r})")
    else:
        check_model(value, typ, where, errors)


def check_models_inside(value, schema, where, errors):
    """Applies Kubernetes models at the places a CRD schema marks with x-k8s-model."""
    if not isinstance(schema, dict):
        return
    if "x-k8s-model" in schema:
        check_model(value, schema["x-k8s-model"], where, errors)
        return
    if isinstance(value, dict):
        for k, v in value.items():
            sub = schema.get("properties", {}).get(k)
            if sub is not None:
                check_models_inside(v, sub, f"{where}.{k}", errors)
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for i, v in enumerate(value):
            check_models_inside(v, schema["items"], f"{where}[{i}]", errors)


# ---------------------------------------------------------------- documents

def validate_document(doc, where, errors):
    if not isinstance(doc, dict):
        errors.add(where, "not an object")
        return
    api, kind = doc.get("apiVersion"), doc.get("kind")
    name = (doc.get("metadata") or {}).get("name", "")
    where = f"{where} {kind}/{name}"
    if not DNS_SUBDOMAIN.match(name or "") or len(name) > 253:
        errors.add(where, "metadata.name is not a DNS subdomain")
    if (api, kind) in CORE:
        check_model(doc, CORE[(api, kind)], kind, errors)
        return
    path = os.path.join(SCHEMAS, f"{(api or '').replace('/', '_')}_{kind}.json")
    if not os.path.exists(path):
        errors.add(where, f"no schema for {api} {kind} (add k8s/schemas/{os.path.basename(path)})")
        return
    with open(path) as f:
        schema = json.load(f)
    validator = jsonschema.Draft7Validator(schema)
    for e in sorted(validator.iter_errors(doc), key=lambda e: list(e.path)):
        errors.add(f"{where} {'.'.join(str(p) for p in e.path) or '(root)'}", e.message)
    check_models_inside(doc, schema, kind, errors)


def selects(selector_labels, labels):
    return bool(selector_labels) and all(labels.get(k) == v for k, v in selector_labels.items())


def check_quantity(value, where, errors):
    if not isinstance(value, str) or not QUANTITY.match(value):
        errors.add(where, f"not a Kubernetes quantity string: {value!r}")


def cross_checks(docs, where, errors):
    by_kind = {}
    for d in docs:
        by_kind.setdefault(d.get("kind"), []).append(d)
    namespaces = {(d.get("metadata") or {}).get("namespace") for d in docs}
    if len(namespaces) != 1 or None in namespaces:
        errors.add(where, f"every object must be in one namespace, found {sorted(map(str, namespaces))}")
    config_maps = {d["metadata"]["name"] for d in by_kind.get("ConfigMap", [])}
    services = {d["metadata"]["name"]: d for d in by_kind.get("Service", [])}
    workloads = by_kind.get("StatefulSet", []) + by_kind.get("Deployment", [])
    if not workloads:
        errors.add(where, "no workload")
    pod_labels = {}
    for w in workloads:
        wname = f"{where} {w['kind']}/{w['metadata']['name']}"
        spec = w.get("spec", {})
        tmpl = spec.get("template", {})
        labels = (tmpl.get("metadata") or {}).get("labels", {})
        pod_labels[(w["kind"], w["metadata"]["name"])] = (labels, tmpl.get("spec", {}))
        if not selects((spec.get("selector") or {}).get("matchLabels"), labels):
            errors.add(wname, "spec.selector does not select the pod template's labels")
        if w["kind"] == "StatefulSet":
            svc = services.get(spec.get("serviceName"))
            if svc is None or svc.get("spec", {}).get("clusterIP") != "None":
                errors.add(wname, "spec.serviceName must name a headless Service in the same output")
        pod = tmpl.get("spec", {})
        volumes = {v["name"]: v for v in pod.get("volumes", [])}
        claims = {c["metadata"]["name"] for c in spec.get("volumeClaimTemplates", [])}
        for v in volumes.values():
            if "configMap" in v and v["configMap"].get("name") not in config_maps:
                errors.add(wname, f"volume {v['name']} refers to a ConfigMap not in the output")
            if "secret" in v and v["secret"].get("secretName") not in EXTERNAL_SECRETS:
                errors.add(wname, f"volume {v['name']} refers to a Secret nobody creates")
        pod_sc = pod.get("securityContext", {})
        if pod.get("automountServiceAccountToken") is not False:
            errors.add(wname, "automountServiceAccountToken must be false (no Kubernetes API access)")
        for c in pod.get("containers", []) + pod.get("initContainers", []):
            cw = f"{wname} container {c.get('name')}"
            ports = {p.get("name") for p in c.get("ports", [])}
            for p in c.get("ports", []):
                if p.get("name") and (len(p["name"]) > 15 or not PORT_NAME.match(p["name"])):
                    errors.add(cw, f"port name {p['name']!r} is not an IANA service name (max 15 chars)")
            for probe in ("livenessProbe", "readinessProbe", "startupProbe"):
                port = ((c.get(probe) or {}).get("httpGet") or {}).get("port")
                if isinstance(port, str) and port not in ports:
                    errors.add(cw, f"{probe} uses port {port!r}, which the container does not declare")
            for probe, path in (("livenessProbe", "/health/live"), ("readinessProbe", "/health/ready")):
                if ((c.get(probe) or {}).get("httpGet") or {}).get("path") != path:
                    errors.add(cw, f"{probe} must call {path}")
            for m in c.get("volumeMounts", []):
                if m["name"] not in volumes and m["name"] not in claims:
                    errors.add(cw, f"volumeMount {m['name']} has no volume")
                if m["name"] in volumes and ("secret" in volumes[m["name"]] or "configMap" in volumes[m["name"]]) \
                        and not m.get("readOnly"):
                    errors.add(cw, f"volumeMount {m['name']} of a Secret or ConfigMap must be readOnly")
            sc = c.get("securityContext", {})
            if not (sc.get("runAsNonRoot") or pod_sc.get("runAsNonRoot")):
                errors.add(cw, "must run as non-root (runAsNonRoot)")
            if sc.get("readOnlyRootFilesystem") is not True:
                errors.add(cw, "readOnlyRootFilesystem must be true")
            if sc.get("allowPrivilegeEscalation") is not False:
                errors.add(cw, "allowPrivilegeEscalation must be false")
            if "ALL" not in ((sc.get("capabilities") or {}).get("drop") or []):
                errors.add(cw, "capabilities must drop ALL")
            res = c.get("resources", {})
            for kind in ("requests", "limits"):
                for r in ("cpu", "memory"):
                    if r not in (res.get(kind) or {}):
                        errors.add(cw, f"resources.{kind}.{r} is required")
                for r, q in (res.get(kind) or {}).items():
                    check_quantity(q, f"{cw} resources.{kind}.{r}", errors)
        for c in spec.get("volumeClaimTemplates", []):
            for r, q in (((c.get("spec") or {}).get("resources") or {}).get("requests") or {}).items():
                check_quantity(q, f"{wname} volumeClaimTemplate {c['metadata']['name']} {r}", errors)

    def selects_some_pod(sel, what):
        if not any(selects(sel, labels) for labels, _ in pod_labels.values()):
            errors.add(where, f"{what}: its selector matches no workload's pods")

    for s in services.values():
        selects_some_pod((s.get("spec") or {}).get("selector"), f"Service/{s['metadata']['name']}")
        for p in s.get("spec", {}).get("ports", []):
            tp = p.get("targetPort")
            if isinstance(tp, str) and not any(tp in {cp.get("name") for c in ps.get("containers", []) for cp in c.get("ports", [])}
                                               for _, ps in pod_labels.values()):
                errors.add(where, f"Service/{s['metadata']['name']}: targetPort {tp!r} is no container port name")
    for d in by_kind.get("PodDisruptionBudget", []):
        selects_some_pod(d["spec"]["selector"].get("matchLabels"), f"PodDisruptionBudget/{d['metadata']['name']}")
    for d in by_kind.get("NetworkPolicy", []):
        selects_some_pod(d["spec"]["podSelector"].get("matchLabels"), f"NetworkPolicy/{d['metadata']['name']}")
        if "Egress" not in d["spec"].get("policyTypes", []):
            errors.add(where, f"NetworkPolicy/{d['metadata']['name']}: must restrict Egress")
        for rule in d["spec"].get("egress", []):
            if not rule.get("to") or not rule.get("ports"):
                errors.add(where, f"NetworkPolicy/{d['metadata']['name']}: every egress rule needs destinations and ports")
    for d in by_kind.get("PodMonitor", []):
        selects_some_pod(d["spec"]["selector"].get("matchLabels"), f"PodMonitor/{d['metadata']['name']}")
    partitions = [t["spec"].get("partitions") for t in by_kind.get("KafkaTopic", [])
                  if re.search(r"(^|\.)ingest\.", t["spec"].get("topicName", ""))]
    for d in by_kind.get("ScaledObject", []):
        ref = d["spec"]["scaleTargetRef"]
        if (ref.get("kind", "Deployment"), ref["name"]) not in pod_labels:
            errors.add(where, f"ScaledObject/{d['metadata']['name']}: scaleTargetRef names no workload in the output")
        mx, mn = d["spec"].get("maxReplicaCount", 100), d["spec"].get("minReplicaCount", 0)
        if mn > mx:
            errors.add(where, f"ScaledObject/{d['metadata']['name']}: minReplicaCount > maxReplicaCount")
        if partitions and mx > min(partitions):
            errors.add(where, f"ScaledObject/{d['metadata']['name']}: maxReplicaCount {mx} exceeds the input partitions "
                              f"({min(partitions)}): the extra instances would sit idle")
    clusters = {(d["metadata"].get("labels") or {}).get("strimzi.io/cluster")
                for d in by_kind.get("KafkaTopic", []) + by_kind.get("KafkaUser", [])}
    if None in clusters or len(clusters) > 1:
        errors.add(where, f"KafkaTopic/KafkaUser must all carry one strimzi.io/cluster label, found {sorted(map(str, clusters))}")
    names = [(d.get("kind"), d["metadata"].get("name")) for d in docs]
    for dup in {n for n in names if names.count(n) > 1}:
        errors.add(where, f"duplicate object {dup[0]}/{dup[1]}")


def self_test(path):
    """Proves the validator catches typical mistakes: each mutation of a valid rendering must fail."""
    import copy
    with open(path) as f:
        good = [d for d in yaml.safe_load_all(f) if d is not None]

    def first(docs, kind):
        return next(d for d in docs if d["kind"] == kind)

    def container(docs):
        return first(docs, "StatefulSet")["spec"]["template"]["spec"]["containers"][0]

    mutations = {
        "unknown StatefulSet field": lambda d: first(d, "StatefulSet")["spec"].update(replica=3),
        "number as env value": lambda d: container(d)["env"].append({"name": "X", "value": 1}),
        "container without a name": lambda d: container(d).pop("name"),
        "string as containerPort": lambda d: container(d)["ports"][0].update(containerPort="8080"),
        "bad quantity": lambda d: container(d)["resources"]["limits"].update(memory="2 GB"),
        "no memory limit": lambda d: container(d)["resources"]["limits"].pop("memory"),
        "writable root filesystem": lambda d: container(d)["securityContext"].update(readOnlyRootFilesystem=False),
        "privilege escalation": lambda d: container(d)["securityContext"].pop("allowPrivilegeEscalation"),
        "probe on an undeclared port": lambda d: container(d)["readinessProbe"]["httpGet"].update(port="web"),
        "mount without volume": lambda d: container(d)["volumeMounts"].append({"name": "nope", "mountPath": "/x"}),
        "writable secret mount": lambda d: [m.pop("readOnly") for m in container(d)["volumeMounts"] if m["name"] == "keysets"],
        "selector that selects nothing": lambda d: first(d, "Service")["spec"].update(selector={"app": "other"}),
        "PDB selecting nothing": lambda d: first(d, "PodDisruptionBudget")["spec"]["selector"].update(matchLabels={"a": "b"}),
        "egress not restricted": lambda d: first(d, "NetworkPolicy")["spec"].update(policyTypes=["Ingress"]),
        "unknown ACL operation": lambda d: first(d, "KafkaUser")["spec"]["authorization"]["acls"][0].update(operations=["Reed"]),
        "ACL on a topic without a name": lambda d: first(d, "KafkaUser")["spec"]["authorization"]["acls"][0]["resource"].pop("name"),
        "topic with zero partitions": lambda d: first(d, "KafkaTopic")["spec"].update(partitions=0),
        "unknown KafkaTopic field": lambda d: first(d, "KafkaTopic")["spec"].update(retention="30d"),
        "KEDA metadata number": lambda d: first(d, "ScaledObject")["spec"]["triggers"][0]["metadata"].update(threshold=5000),
        "KEDA past the partitions": lambda d: first(d, "ScaledObject")["spec"].update(maxReplicaCount=99),
        "bad HPA behavior field": lambda d: first(d, "ScaledObject")["spec"]["advanced"]["horizontalPodAutoscalerConfig"]
                                                ["behavior"]["scaleDown"].update(stabilizationWindow=900),
        "PodMonitor bad interval": lambda d: first(d, "PodMonitor")["spec"]["podMetricsEndpoints"][0].update(interval="15 s"),
        "rule without expr": lambda d: first(d, "PrometheusRule")["spec"]["groups"][0]["rules"][1].pop("expr"),
        "unknown kind": lambda d: d.append({"apiVersion": "example.com/v1", "kind": "Widget", "metadata": {"name": "w"}}),
        "second namespace": lambda d: first(d, "Service")["metadata"].update(namespace="elsewhere"),
        "token mounted": lambda d: first(d, "StatefulSet")["spec"]["template"]["spec"].pop("automountServiceAccountToken"),
    }
    base = Errors()
    for i, d in enumerate(good):
        validate_document(d, f"[{i}]", base)
    cross_checks(good, "self-test", base)
    if base:
        print("self-test: the input is not valid to begin with:\n  " + "\n  ".join(base), file=sys.stderr)
        return 1
    missed = []
    for label, mutate in mutations.items():
        docs = copy.deepcopy(good)
        mutate(docs)
        errors = Errors()
        for i, d in enumerate(docs):
            validate_document(d, f"[{i}]", errors)
        cross_checks(docs, "self-test", errors)
        if not errors:
            missed.append(label)
    print(f"self-test: {len(mutations) - len(missed)} of {len(mutations)} broken variants rejected"
          + (": MISSED " + ", ".join(missed) if missed else ""))
    return 1 if missed else 0


def main(paths):
    total = 0
    failed = False
    for path in paths:
        errors = Errors()
        with open(path) as f:
            docs = [d for d in yaml.safe_load_all(f) if d is not None]
        for i, d in enumerate(docs):
            validate_document(d, f"{os.path.basename(path)}[{i}]", errors)
        if not errors:
            cross_checks(docs, os.path.basename(path), errors)
        total += len(docs)
        for e in errors:
            print("INVALID " + e, file=sys.stderr)
        print(f"{path}: {len(docs)} objects, {len(errors)} errors")
        failed |= bool(errors)
    return 1 if failed or total == 0 else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    if sys.argv[1] == "--self-test":
        sys.exit(self_test(sys.argv[2]))
    sys.exit(main(sys.argv[1:]))
