"""Request and response schemas (marshmallow), all in one place. openapi.yaml describes the
same shapes; tests check that the two agree."""

from __future__ import annotations

from marshmallow import RAISE, Schema, ValidationError, fields, validate, validates


def _no_lone_surrogates(value: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValidationError(
            f"must be valid Unicode: it holds a lone surrogate code point at position {exc.start} "
            "(JSON \\ud800-\\udfff escapes must come in pairs)") from exc


class EnrichRequestSchema(Schema):
    class Meta:
        unknown = RAISE

    text = fields.String(required=True, metadata={"description": "The raw article text."},
                         error_messages={"required": "is required: send the article text as a string.",
                                         "invalid": "must be a string holding the article text.",
                                         "null": "must be a string holding the article text, not null."})
    reference_date = fields.Date(load_default=None, allow_none=True,
                                 error_messages={"invalid": "must be a date written YYYY-MM-DD."})

    @validates("text")
    def _text_present(self, value: str, **_) -> None:
        if not value.strip():
            raise ValidationError("must not be empty or whitespace only.")
        _no_lone_surrogates(value)


class BatchItemSchema(EnrichRequestSchema):
    id = fields.String(required=True, validate=validate.Length(min=1, max=200),
                       error_messages={"required": "is required: give each article an id of your own.",
                                       "invalid": "must be a string.",
                                       "null": "must be a string, not null."})


class ReferenceDateQuerySchema(Schema):
    class Meta:
        unknown = RAISE

    reference_date = fields.Date(load_default=None,
                                 error_messages={"invalid": "must be a date written YYYY-MM-DD."})


# -- response --------------------------------------------------------------------------------
class SpanSchema(Schema):
    start = fields.Integer()
    end = fields.Integer()
    text = fields.String()


class SpanList(fields.Field):
    """A list of spans, serialised without a nested schema per item: an article's mentions run to
    hundreds, and a schema dump per span cost more than the rest of the response."""

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else [{"start": s.start, "end": s.end, "text": s.text} for s in value]


class PublishedDateSchema(Schema):
    value = fields.String()
    date = fields.String()
    time = fields.String(allow_none=True)
    utc_offset = fields.String(allow_none=True)
    source = fields.String()
    confidence = fields.Float()
    completed_from_reference_date = fields.Boolean()
    evidence = fields.Nested(SpanSchema)


class BylineSchema(Schema):
    name = fields.String()
    kind = fields.String()
    role = fields.String(allow_none=True)
    confidence = fields.Float()
    evidence = fields.Nested(SpanSchema)


class PlaceSchema(Schema):
    name = fields.String()
    latitude = fields.Float()
    longitude = fields.Float()
    country_code = fields.String(allow_none=True)
    geonameid = fields.Integer(allow_none=True)
    feature = fields.String()
    feature_code = fields.String()
    population = fields.Integer()
    admin1 = fields.String(allow_none=True)
    country = fields.String(allow_none=True)
    confidence = fields.Float()
    source = fields.String()
    mentions = SpanList()


class DatelineSchema(Schema):
    name = fields.String()
    place_index = fields.Integer(allow_none=True)
    evidence = fields.Nested(SpanSchema)


class FocusItemSchema(Schema):
    name = fields.String()
    country_code = fields.String(allow_none=True)
    geonameid = fields.Integer(allow_none=True)
    latitude = fields.Float()
    longitude = fields.Float()
    score = fields.Float()
    place_index = fields.Integer(allow_none=True)


class FocusSchema(Schema):
    countries = fields.List(fields.Nested(FocusItemSchema))
    admin1 = fields.List(fields.Nested(FocusItemSchema))
    cities = fields.List(fields.Nested(FocusItemSchema))


class TopicScoreSchema(Schema):
    code = fields.String()
    label = fields.String()
    score = fields.Float()


class TopicSchema(Schema):
    code = fields.String()
    label = fields.String()
    confidence = fields.Float()
    low_confidence = fields.Boolean()
    alternatives = fields.List(fields.Nested(TopicScoreSchema))
    subtopic = fields.Nested(TopicScoreSchema, allow_none=True)


class LanguageSchema(Schema):
    code = fields.String()
    confidence = fields.Float()
    supported = fields.Boolean()


class EnrichResponseSchema(Schema):
    publication_date = fields.Method("_publication_value", allow_none=True)
    publication = fields.Nested(PublishedDateSchema, attribute="publication_date", allow_none=True)
    modification = fields.Nested(PublishedDateSchema, attribute="modification_date", allow_none=True)
    bylines = fields.List(fields.Nested(BylineSchema))
    places = fields.List(fields.Nested(PlaceSchema))
    unresolved_toponyms = SpanList()
    dateline = fields.Nested(DatelineSchema, allow_none=True)
    focus = fields.Nested(FocusSchema)
    topic = fields.Nested(TopicSchema, allow_none=True)
    language = fields.Nested(LanguageSchema)
    warnings = fields.List(fields.String())
    service = fields.Method("_service")

    def _publication_value(self, result) -> str | None:
        return result.publication_date.value if result.publication_date else None

    def _service(self, _result) -> dict:
        return self.context_service

    def __init__(self, service_info: dict, **kwargs):
        super().__init__(**kwargs)
        self.context_service = service_info


def validation_errors(exc: ValidationError, prefix: str = "#") -> list[dict]:
    """marshmallow's messages as RFC 9457 ``errors`` entries with JSON pointers."""
    out = []

    def walk(messages, path):
        if isinstance(messages, dict):
            for key, value in messages.items():
                walk(value, f"{path}/{key}")
        elif isinstance(messages, list) and all(isinstance(m, str) for m in messages):
            for message in messages:
                out.append({"pointer": path, "detail": message})
        else:
            out.append({"pointer": path, "detail": str(messages)})

    walk(exc.messages, prefix)
    return out


__all__ = ["BatchItemSchema", "EnrichRequestSchema", "EnrichResponseSchema", "ReferenceDateQuerySchema", "validation_errors",
           "validate"]
