"""Places: recognise toponyms, resolve them to gazetteer entries, find the dateline and the focus."""

from __future__ import annotations

from ...resources.gazetteer import Gazetteer
from ...resources.lexicon import Lexicon
from ...resources.names import cached_name_key
from ...resources.toponym_model import ToponymModel
from ..document import Document
from ..types import Dateline, Place, Span
from .candidates import find_gazetteer_matches
from .choice_rules import (TOWN_PART_KM, describes_a_town_part, far_parts, features_by_their_generic_word,
                           follow_the_qualified_namesake, listed_capitals, listed_states_stay_states, names_a_part,
                           prefer_city_in_its_namesake_region, prefer_city_named_as_written,
                           prefer_country_named_as_written, prefer_own_name_nearby, prefer_world_capital,
                           prefer_world_city, stray_towns)
from .dateline import byline_places, filing_places, mention_in_span
from .focus import compute_focus
from .recognize import Toponym, recognize_toponyms
from .resolve import COLUMN, ResolverModel, build_candidate_table, run_passes, same_spot_probability


HEADLINE_CHARS = 100   # a first line shorter than this is a headline


def extract_places(doc: Document, gazetteer: Gazetteer, recogniser: ToponymModel, lexicon: Lexicon,
                   resolver: ResolverModel | None = None) -> None:
    """Fill ``doc.places``, ``doc.unresolved_toponyms``, ``doc.dateline`` and ``doc.focus``."""
    matches = find_gazetteer_matches(doc, gazetteer)
    filing = filing_places(doc, gazetteer)
    dateline_span = filing[0] if filing else None
    filed_from = filing + byline_places(doc, gazetteer)
    recognised = recognize_toponyms(doc, matches, gazetteer, recogniser, lexicon, filed_from)
    # A byline's person or newsroom is not a place: "Reporting by Florence Tan in Singapore",
    # "KENS 5 Staff", "Press Trust of India", the newsroom of "BBC News, Reading".
    names = [b.evidence for b in doc.bylines] + doc.newsrooms
    if names:
        recognised = [t for t in recognised if not any(n.start <= t.start and t.end <= n.end for n in names)]
    # Nor are the places of reader comments and of other articles' headlines under "Most popular".
    furniture = doc.furniture_lines
    if furniture:
        recognised = [t for t in recognised if doc.line_of(t.start) not in furniture]
    toponyms = [t for t in recognised if t.entries]
    doc.unresolved_toponyms = [Span(t.start, t.end, t.text) for t in recognised if not t.entries]
    dateline_mention = None
    if dateline_span is not None:
        dateline_mention = mention_in_span(dateline_span, toponyms)
    places, place_indexes, nil = resolve_toponyms(doc, toponyms, gazetteer, resolver, dateline_mention)
    doc.places = places
    doc.unresolved_toponyms = sorted(doc.unresolved_toponyms + [
        Span(toponyms[i].start, toponyms[i].end, toponyms[i].text) for i in nil], key=lambda m: m.start)
    if dateline_span is not None:
        place_index = None
        if dateline_mention is not None:
            mention_start = toponyms[dateline_mention].start
            place_index = next((k for k, p in enumerate(places)
                                if any(m.start == mention_start for m in p.mentions)), None)
        doc.dateline = Dateline(name=places[place_index].name if place_index is not None else dateline_span.text,
                                evidence=dateline_span, place_index=place_index)
    doc.focus = compute_focus(places, gazetteer, doc.dateline, place_indexes)


def resolve_toponyms(doc: Document, toponyms: list[Toponym], gazetteer: Gazetteer,
                     model: ResolverModel | None = None,
                     dateline_index: int | None = None) -> tuple[list[Place], list[int], list[int]]:
    """Resolve every mention and group mentions by place: the places in order of first mention,
    beside them their gazetteer indexes, and the mentions left unresolved (nil)."""
    model = model or ResolverModel.default()
    table = build_candidate_table(doc, toponyms, gazetteer)
    dateline_group = table.mention_group[dateline_index] if dateline_index is not None else None
    choice, prob = run_passes(table, model.weights, dateline_group)
    prefer_city_in_its_namesake_region(table, choice, gazetteer)
    prefer_world_capital(table, choice, gazetteer)
    prefer_world_city(table, choice, gazetteer)
    prefer_own_name_nearby(table, choice)
    prefer_country_named_as_written(table, choice)
    prefer_city_named_as_written(table, choice, gazetteer)
    listed_capitals(table, choice, gazetteer)
    listed_states_stay_states(table, choice, gazetteer)
    # Each group's first mention below the headline, if the text opens with one (a short first line); a
    # group only in the headline counts last.
    opening = doc.lines[doc.content_lines[0]] if doc.content_lines else None
    below = opening.end if opening is not None and len(opening.text.strip()) < HEADLINE_CHARS else -1
    first_starts = [min((toponyms[i].start for i in members if toponyms[i].start > below), default=len(doc.text))
                    for members in table.groups]
    follow_the_qualified_namesake(table, choice, [cached_name_key(toponyms[g[0]].text) for g in table.groups],
                                  first_starts)
    prob = same_spot_probability(table, model.weights, choice, prob)

    by_place: dict[int, list[int]] = {}
    confidence: dict[int, list[float]] = {}
    unresolved: list[int] = []
    resolved: list[int] = []
    for g, members in enumerate(table.groups):
        if choice[g] >= 0 and table.ids[choice[g]] >= 0:
            resolved.append(g)
        else:
            unresolved.extend(members)
    chosen = features_by_their_generic_word([int(table.ids[choice[g]]) for g in resolved],
                                            [toponyms[table.groups[g][0]].text for g in resolved], gazetteer)
    for g, idx in zip(resolved, chosen):
        members = table.groups[g]
        by_place.setdefault(idx, []).extend(members)
        confidence.setdefault(idx, []).extend([float(prob[g]) * toponyms[i].confidence for i in members])
    mean_confidence = {idx: sum(values) / len(values) for idx, values in confidence.items()}
    dateline_place = int(table.ids[choice[dateline_group]]) if dateline_group is not None else None
    partial = table.features[:, COLUMN["name_partial"]] > 0
    partly_named = frozenset(int(table.ids[choice[g]]) for g in resolved if partial[choice[g]])
    primary = table.features[:, COLUMN["name_primary"]] > 0
    named_own = {int(table.ids[choice[g]]) for g in resolved if primary[choice[g]]}
    other_named = frozenset(idx for idx in by_place if idx not in named_own)
    for idx in stray_towns(by_place, mean_confidence, gazetteer, dateline_place, partly_named, other_named):
        unresolved.extend(by_place.pop(idx))
    parts = {i for members in by_place.values() for i in members
             if names_a_part(doc.text, toponyms[i].start, toponyms[i].end)}
    for idx in far_parts(by_place, parts, gazetteer, dateline_place):
        unresolved.extend(by_place.pop(idx))
    town_parts = {i for idx, members in by_place.items() if idx not in named_own for i in members
                  if describes_a_town_part(doc.text, toponyms[i].start, toponyms[i].end)}
    for idx in far_parts(by_place, town_parts, gazetteer, dateline_place, TOWN_PART_KM, alone_is_far=True):
        unresolved.extend(by_place.pop(idx))
    places, indexes = [], []
    for idx, members in sorted(by_place.items(), key=lambda item: min(toponyms[i].start for i in item[1])):
        members.sort(key=lambda i: toponyms[i].start)
        p = gazetteer.place(idx)
        places.append(Place(
            name=p.name, latitude=p.latitude, longitude=p.longitude, country_code=p.country_code,
            geonameid=p.geonameid, feature=p.kind, feature_code=p.feature_code, population=p.population,
            confidence=round(mean_confidence[idx], 3),
            mentions=[Span(toponyms[i].start, toponyms[i].end, toponyms[i].text) for i in members],
            admin1=gazetteer.name(p.admin1_index) if p.admin1_index >= 0 else None,
            country=gazetteer.name(p.country_index) if p.country_index >= 0 else None))
        indexes.append(idx)
    return places, indexes, sorted(unresolved)


__all__ = ["extract_places", "Toponym", "ResolverModel"]
