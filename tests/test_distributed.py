"""The core as a pure function for distributed engines: it pickles, and runs on a Dask bag
with worker processes, each loading the gazetteer and models once."""

from __future__ import annotations

import pickle

import pytest

from conftest import sample_articles
from service.offline import enrich_partition, enrich_record, enrich_text


def test_functions_pickle_by_reference():
    cloudpickle = pytest.importorskip("cloudpickle")
    for fn in (enrich_record, enrich_partition, enrich_text):
        assert pickle.loads(pickle.dumps(fn)) is fn
        assert cloudpickle.loads(cloudpickle.dumps(fn)) is fn


def test_enrich_record_never_raises():
    assert enrich_record({"id": "a", "text": ""})["status"] == 422
    assert enrich_record({"id": "b"})["status"] == 422
    assert enrich_record({"id": "c", "text": "x", "reference_date": "soon"})["status"] == 422


def test_dask_bag_with_processes(client):
    bag = pytest.importorskip("dask.bag")
    records = [{"id": f"{name}-{copy}", "text": text} for name, text in sample_articles().items() for copy in range(2)]
    results = (bag.from_sequence(records, npartitions=2)
               .map(enrich_record)
               .compute(scheduler="processes", num_workers=2))
    assert sorted(r["id"] for r in results) == sorted(r["id"] for r in records)
    by_id = {r["id"]: r for r in results}
    for name, text in sample_articles().items():
        assert by_id[f"{name}-0"]["enrichment"] == client.post("/v1/enrich", json={"text": text}).get_json()
