"""Language identification: English is processed, other languages are said so, not guessed."""

from __future__ import annotations

from service.core.language import detect_language

EN = "The minister said on Sunday that the government would not send troops to the region, but it will help."
DE = "Der Minister sagte am Sonntag, dass die Regierung keine Truppen in die Region schicken werde, aber sie hilft."
FR = "Le ministre a déclaré dimanche que le gouvernement n'enverrait pas de troupes dans la région mais qu'il aidera."


def test_english_is_supported():
    lang = detect_language(EN)
    assert (lang.code, lang.supported) == ("en", True)


def test_other_languages_are_detected_and_not_processed():
    assert detect_language(DE).code == "de" and not detect_language(DE).supported
    assert detect_language(FR).code == "fr" and not detect_language(FR).supported


def test_short_text_is_undetermined_but_processed():
    lang = detect_language("Explosion in Baghdad")
    assert (lang.code, lang.supported) == ("und", True)


def test_english_with_foreign_names_is_not_refused():
    # "in", "a" and "al" are function words of several languages: no clear evidence of Italian.
    lang = detect_language("Fighting was reported in Qaryat al-Zafaraniyah, a village near Baghdad, Iraq.")
    assert lang.supported and lang.code in ("en", "und")


def test_non_latin_script_is_not_processed():
    assert not detect_language("这是一篇关于北京的新闻报道，政府官员周日表示将提供援助。" * 3).supported


def test_non_english_article_gets_no_extraction(client):
    body = client.post("/v1/enrich", json={"text": DE * 3}).get_json()
    assert body["language"]["code"] == "de" and body["places"] == [] and body["topic"] is None
    assert body["warnings"]
