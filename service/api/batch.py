"""POST /v1/enrich/batch: many articles in one request, each answered on its own.

The body as a whole must be a JSON object with an ``articles`` array of at most
``BATCH_MAX_ITEMS`` items (else the request is refused with one problem document). Each item
is then validated and enriched separately: a bad or failing item gets its own problem
document in ``results`` and never fails the others.
"""

from __future__ import annotations

import logging
from typing import Callable

from marshmallow import ValidationError

from .errors import ProblemError, problem_type
from .schemas import BatchItemSchema, validation_errors

log = logging.getLogger("service.batch")
_ITEM_SCHEMA = BatchItemSchema()


def item_problem(status: int, title: str, detail: str, type_: str, errors: list[dict] | None = None) -> dict:
    body = {"type": problem_type(type_), "title": title, "status": status, "detail": detail}
    if errors:
        body["errors"] = errors
    return body


def _field_name(pointer: str) -> str:
    last = pointer.rsplit("/", 1)[-1]
    return "item" if last.isdigit() else last


def check_batch_shape(payload: dict, max_items: int) -> list:
    """The ``articles`` array, or a ProblemError that refuses the whole request."""
    unknown = sorted(set(payload) - {"articles"})
    if unknown:
        raise ProblemError(422, "Unprocessable Content", f"unknown field(s) {', '.join(unknown)}: the body is "
                           "{\"articles\": [...]}.", "validation-error",
                           errors=[{"pointer": f"#/{k}", "detail": "unknown field."} for k in unknown])
    articles = payload.get("articles")
    if not isinstance(articles, list) or not articles:
        raise ProblemError(422, "Unprocessable Content", "articles must be a non-empty array of "
                           "{\"id\": ..., \"text\": ...} objects.", "validation-error",
                           errors=[{"pointer": "#/articles", "detail": "must be a non-empty array."}])
    if len(articles) > max_items:
        raise ProblemError(422, "Unprocessable Content", f"The batch holds {len(articles)} articles; this service "
                           f"takes at most {max_items} per request (BATCH_MAX_ITEMS). Split it, or use the "
                           "article-enrich command for backfills.", "batch-too-large",
                           errors=[{"pointer": "#/articles", "detail": f"must hold at most {max_items} items."}])
    return articles


def run_batch(articles: list, enrich: Callable, dump: Callable, max_text_chars: int) -> dict:
    """Validate and enrich each item; ``enrich(text, reference_date)`` and ``dump(result)`` come from the caller."""
    results, seen = [], {}
    for index, item in enumerate(articles):
        raw_id = item.get("id") if isinstance(item, dict) else None
        entry = {"index": index, "id": raw_id if isinstance(raw_id, str) else None}
        try:
            if not isinstance(item, dict):
                raise ValidationError({"_schema": ["must be an object {\"id\": ..., \"text\": ...}."]})
            args = _ITEM_SCHEMA.load(item)
        except ValidationError as exc:
            errors = [{"pointer": e["pointer"].removesuffix("/_schema"), "detail": e["detail"]}
                      for e in validation_errors(exc, prefix=f"#/articles/{index}")]
            detail = "; ".join(f"{_field_name(e['pointer'])} {e['detail'].rstrip('.')}" for e in errors) + "."
            entry.update(status=422, problem=item_problem(422, "Unprocessable Content", detail,
                                                          "validation-error", errors))
            results.append(entry)
            continue
        if args["id"] in seen:
            entry.update(status=422, problem=item_problem(
                422, "Unprocessable Content", f"id {args['id']!r} is already used by item {seen[args['id']]}; "
                "ids must be unique within a batch.", "validation-error",
                [{"pointer": f"#/articles/{index}/id", "detail": "repeats an earlier id."}]))
            results.append(entry)
            continue
        seen[args["id"]] = index
        if len(args["text"]) > max_text_chars:
            entry.update(status=413, problem=item_problem(
                413, "Content Too Large", f"text has {len(args['text'])} characters; one article may have at most "
                f"{max_text_chars}.", "text-too-large"))
            results.append(entry)
            continue
        try:
            entry.update(status=200, enrichment=dump(enrich(args["text"], args["reference_date"])))
        except ProblemError as exc:  # e.g. the request's deadline passed: this item and the rest get 503
            entry.update(status=exc.status, problem=item_problem(exc.status, exc.title, exc.detail, exc.type))
        except Exception:   # one article's failure is reported with it, never the whole batch's
            log.exception("enrichment failed for batch item %d (id %r)", index, args["id"])
            entry.update(status=500, problem=item_problem(
                500, "Internal Server Error", "Enriching this article failed; the error was logged. "
                "The other articles are unaffected.", "extraction-failed"))
        results.append(entry)
    failed = sum(r["status"] != 200 for r in results)
    return {"results": results, "succeeded": len(results) - failed, "failed": failed}
