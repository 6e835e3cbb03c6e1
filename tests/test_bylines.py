"""Bylines from raw text."""

from __future__ import annotations

import pytest

from service.core.bylines import extract_bylines, read_name
from service.core.document import Document

# A paragraph of prose after the byline, as on every article page (a byline is read against it).
BODY = ("\n\nThe council met on Tuesday to discuss the budget, which had been delayed since the spring. Members "
        "argued for several hours before a vote that split the chamber, and the mayor said the city would have to "
        "borrow to keep its libraries open through the winter.\n")
RESOURCES = None


@pytest.fixture(autouse=True)
def _resources(resources):
    global RESOURCES
    RESOURCES = resources


def extract(text: str):
    return extract_bylines(Document.from_text(text), RESOURCES.lexicon, RESOURCES.byline_model)


def bylines(line: str) -> list[tuple[str, str]]:
    return [(b.name, b.kind) for b in extract("Council splits\n\n" + line + BODY)]


@pytest.mark.parametrize("line,want", [
    ("By Patrick Goodenough | January 5, 2014 | 5:13pm EST", [("Patrick Goodenough", "person")]),
    ("By Jane Doe and John Smith", [("Jane Doe", "person"), ("John Smith", "person")]),
    ("By Ann Lee, Bo Chen and Carl Ortiz", [("Ann Lee", "person"), ("Bo Chen", "person"), ("Carl Ortiz", "person")]),
    ("By Ann Lee in Jerusalem", [("Ann Lee", "person")]),
    ("By Jane Doe, Senior Reporter", [("Jane Doe", "person")]),
    ("By Sam O'Neil, Staff Writer sam@example.com @samoneil", [("Sam O'Neil", "person")]),
    ("By The Associated Press", [("Associated Press", "organization")]),
    ("By Tom Brown, Reuters", [("Tom Brown", "person"), ("Reuters", "organization")]),
    ("By Tom Brown, Bloomberg News", [("Tom Brown", "person"), ("Bloomberg", "organization")]),
    ("By Tom Brown (Reuters)", [("Tom Brown", "person"), ("Reuters", "organization")]),
    ("Story: Tom Brown", [("Tom Brown", "person")]),
    # The agency named in full before the writer's job, as "AP" before "Pro Football Writer".
    ("By TOM BROWN, Associated Press Writer", [("Tom Brown", "person"), ("Associated Press", "organization")]),
    ("Reporting by Tom Brown and Sue Li; Editing by Bill Ford", [("Tom Brown", "person"), ("Sue Li", "person")]),
    # "By" alone on its line, the names under it.
    ("By\nSarah Crespi, Zack Savitsky", [("Sarah Crespi", "person"), ("Zack Savitsky", "person")]),
    ("Posted On : May 20, 2018 Published By : William J. Patterson", [("William J. Patterson", "person")]),
    ("Aug 12, 2021 / Klaus Sieg", [("Klaus Sieg", "person")]),
    # A common word before the role is not part of the name.
    ("By Edward Keenan City Columnist", [("Edward Keenan", "person")]),
    # After a comma, a beat and a role: not a second person named "City Hall".
    ("By Priya Raman, City Hall Reporter", [("Priya Raman", "person")]),
    ("By Priya Raman, Courts Reporter", [("Priya Raman", "person")]),
    ("Written by Dr. Amelia Chen, Marine Ecologist, University of Western Australia", [("Amelia Chen", "person")]),
    ("By Ann Lee, Bo Chen Staff Writers", [("Ann Lee", "person"), ("Bo Chen", "person")]),
    # A freelance's role names the outlet it writes for: not part of the name, not an author.
    ("Karen Ellis Special to the Times\nMar. 4, 2025", [("Karen Ellis", "person")]),
    ("By George T. Conway III", [("George T. Conway III", "person")]),
    # Honorifics are not part of the name.
    ("By Dr. Jane Smith, Senior Health Correspondent", [("Jane Smith", "person")]),
    ("By Prof Tom Brown and Dr Ann Lee", [("Tom Brown", "person"), ("Ann Lee", "person")]),
    # Where each reporter filed from does not end the byline.
    ("Reporting by Ahmed Mohamed in Cairo and Maayan Lubell in Jerusalem; Editing by Toby Chopra",
     [("Ahmed Mohamed", "person"), ("Maayan Lubell", "person")]),
    ("By Ann Lee in Jerusalem, Bo Chen in Gaza and Carl Ortiz in New York",
     [("Ann Lee", "person"), ("Bo Chen", "person"), ("Carl Ortiz", "person")]),
    # Further reporters credited after the first: each is an author, the editor is not.
    ("(Reporting by Tom Brown; Additional reporting by Sue Li in New York and Ravi Das in Bengaluru; "
     "Editing by Bill Ford)", [("Tom Brown", "person"), ("Sue Li", "person"), ("Ravi Das", "person")]),
    ("By Ben Carter, with reporting by Leila Ahmadi in Istanbul and Omar Haddad in Beirut",
     [("Ben Carter", "person"), ("Leila Ahmadi", "person"), ("Omar Haddad", "person")]),
    # A surname opening with a lower-case particle joined to it.
    ("Reporting by Nidal al-Mughrabi in Gaza and Aidan Lewis in Cairo; Editing by Alex Richardson",
     [("Nidal al-Mughrabi", "person"), ("Aidan Lewis", "person")]),
    ("By Jean-Pierre d'Estaing and Omar bin Laden", [("Jean-Pierre d'Estaing", "person"), ("Omar bin Laden", "person")]),
    # The serial comma; hyphenated Irish surnames.
    ("By Jane Smith, Tom Brown, and Ann Lee", [("Jane Smith", "person"), ("Tom Brown", "person"), ("Ann Lee", "person")]),
    ("By Mary O'Brien-Smith", [("Mary O'Brien-Smith", "person")]),
    # The agency on the line under the author.
    ("By JANE SMITH\nAssociated Press", [("Jane Smith", "person"), ("Associated Press", "organization")]),
    # The agency after the name with no comma, or beyond a separator; a surname that is also an
    # agency's name stays a surname.
    ("By JAMIE STENGLE Associated Press", [("Jamie Stengle", "person"), ("Associated Press", "organization")]),
    # A broadcaster beside its reporter is her employer, not a second byline (nor part of her name).
    ("By Jane Doe Fox News", [("Jane Doe", "person")]),
    ("By Sarah Collins\nBBC News, Leeds\n22 November 2026", [("Sarah Collins", "person")]),
    ("By Sarah Collins, CNN", [("Sarah Collins", "person")]),
    ("By Jane Doe and Tom Brown The Associated Press",
     [("Jane Doe", "person"), ("Tom Brown", "person"), ("Associated Press", "organization")]),
    ("By Jane Doe | Reuters | January 5, 2014", [("Jane Doe", "person"), ("Reuters", "organization")]),
    ("By Jane Doe | Politics reporter", [("Jane Doe", "person")]),
    ("By Michael Bloomberg", [("Michael Bloomberg", "person")]),
    # The agency and the writer's beat after the name, with or without a comma.
    ("By SCHUYLER DIXON AP Pro Football Writer", [("Schuyler Dixon", "person"), ("Associated Press", "organization")]),
    ("By Schuyler Dixon, AP Pro Football Writer", [("Schuyler Dixon", "person"), ("Associated Press", "organization")]),
    ("By Tom Brown, AFP Correspondent", [("Tom Brown", "person"), ("AFP", "organization")]),
    ("By Alejandro Villamor Last updated Nov 8, 2023", [("Alejandro Villamor", "person")]),
    # Agencies written out in full are agencies, not a person named after their first words.
    ("By Press Trust of India", [("PTI", "organization")]),
    ("By Express News Service", [("Express News Service", "organization")]),
    # A paper's bureau signs as its staff would (not a beat's desk: "City Hall Bureau").
    ("By The Hindu Bureau", [("The Hindu Bureau", "organization")]),
    ("By Metro Bureau", [("Metro Bureau", "organization")]),
    ("By City Hall Bureau", []),
    ("By Meera Nair, TNN", [("Meera Nair", "person"), ("TNN", "organization")]),
    ("By Jane Doe, Anadolu Agency", [("Jane Doe", "person"), ("Anadolu Agency", "organization")]),
    # A syndication service that a local station runs under its own name.
    ("by: Nexstar Media Wire\nPosted: Nov 20, 2026 / 06:12 PM PST", [("Nexstar Media Wire", "organization")]),
    # Britain's council-news service, alone on its line or as a reporter's role.
    ("Local Democracy Reporting Service\nFriday 20 November 2026 5:30 pm",
     [("Local Democracy Reporting Service", "organization")]),
    ("By Jane Smith, Local Democracy Reporter", [("Jane Smith", "person")]),
    ("By Local Democracy Reporter Gavin Havery", [("Gavin Havery", "person")]),
    ("By Dave Epstein Globe Correspondent, Updated December 22, 2023", [("Dave Epstein", "person")]),
    # A reporter's role before the name, on a line of its own.
    ("Science correspondent Pallab Ghosh", [("Pallab Ghosh", "person")]),
    # Credits that are not authorship.
    ("Written by Dr. Priya Nair\nMedically reviewed by Tom Baker", [("Priya Nair", "person")]),
    ("By Priya Nair\nFact-checked by Tom Baker", [("Priya Nair", "person")]),
    ("Story by Priya Nair | Translated by Tom Baker", [("Priya Nair", "person")]),
    ("Edited by: Ravi Kumar", []),
    ("Photos by Ravi Kumar", []),
    # Names that open with a month or a surname like a weekday's, hyphenated in lower case, in
    # accented capitals; where a name ends.
    ("By Li Wei in Beijing and Sun Yu in Shanghai", [("Li Wei", "person"), ("Sun Yu", "person")]),
    ("By April Ryan | May 5, 2025", [("April Ryan", "person")]),
    ("By Jane Doe Sun Mar 3, 2025", [("Jane Doe", "person")]),
    ("Author: Kim Jong-soo", [("Kim Jong-soo", "person")]),
    ("By MARÍA VERZA Associated Press", [("María Verza", "person"), ("Associated Press", "organization")]),
    ("By Stephen Castle Reporting from London", [("Stephen Castle", "person")]),
    # Under a lone "By", names on the lines that follow, a handle between them.
    ("By\nApril Roach\n@aprilroach28\nDaniel O'Mahony\n01 October 2020",
     [("April Roach", "person"), ("Daniel O'Mahony", "person")]),
    # The newsroom signing.
    ("By the Editorial Board", [("Editorial Board", "organization")]),
    ("By Staff Reporter | Updated: March 4, 2025 07:15 IST", [("Staff", "organization")]),
    # Editors after the first stay editors; a reporter's beat after the name; initials; a station
    # call sign and a possessive open no person's name.
    ("Reporting by Tom Brown; Editing by Bill Ford and Ann Lee", [("Tom Brown", "person")]),
    ("Oliver Holmes Jerusalem correspondent", [("Oliver Holmes", "person")]),
    ("By J.R. Stone\nThursday, November 9, 2023 7:35AM", [("J.R. Stone", "person")]),
    ("CTV Saskatoon Published Saturday, March 31, 2018 1:19PM CST", []),
    ("A statement by Jordan's Public Security Directorate", []),
    # Irish and Scottish surnames in capitals, written back in their own case.
    ("By JOHN O'BRIEN and MARY MacDONALD", [("John O'Brien", "person"), ("Mary MacDonald", "person")]),
    ("By ROD McGUIRK\nAssociated Press", [("Rod McGuirk", "person"), ("Associated Press", "organization")]),
    # A station's newsroom.
    ("Author: KENS 5 Staff", [("KENS 5 Staff", "organization")]),
    ("By the Politics Desk", [("Politics Desk", "organization")]),
    # "AND" in capitals; contributors; CNN's live pages.
    ("BY JANE DOE AND TOM BROWN", [("Jane Doe", "person"), ("Tom Brown", "person")]),
    ("Contributors: Jane Doe, Tom Brown", [("Jane Doe", "person"), ("Tom Brown", "person")]),
    ("From CNN's Jane Doe", [("Jane Doe", "person")]),
    # An agency's copy that names no reporter; not "From Monday" or a line that goes on.
    ("From Reuters", [("Reuters", "organization")]),
    ("From Monday", []),
    # Names a list joins with "and", with no "By"; consecutive "By" lines, one per author.
    ("Updated 09:14 CET, 18 November 2026\n\nTom Ambrose and Léonie Chao-Fong",
     [("Tom Ambrose", "person"), ("Léonie Chao-Fong", "person")]),
    ("Javier Espinoza and Patricia Nilsson, Financial Times - Dec 20, 2023 3:06 pm UTC",
     [("Javier Espinoza", "person"), ("Patricia Nilsson", "person")]),
    ("By Madison Czopek December 21, 2023\n\nBy Katie Sanders December 21, 2023",
     [("Madison Czopek", "person"), ("Katie Sanders", "person")]),
    # Surnames with a capital inside after two or three letters.
    ("By Jessica Clifford and Bruce MacKenzie", [("Jessica Clifford", "person"), ("Bruce MacKenzie", "person")]),
    ("By LaToya Jones and Tom DiNapoli", [("LaToya Jones", "person"), ("Tom DiNapoli", "person")]),
    # The paper the author writes for is no second author; a surname that is a paper's word is a surname.
    ("By MARIA GARCIA, Chicago Sun-Times", [("Maria Garcia", "person")]),
    ("By Ann Lee and Tom Brown, The Dallas Morning News", [("Ann Lee", "person"), ("Tom Brown", "person")]),
    ("By Emily Post, Staff Writer", [("Emily Post", "person")]),
    # "Read" is a surname too, unless a link or a reading time follows it.
    ("By Simon Read, Business reporter", [("Simon Read", "person")]),
    ("By Jane Doe Read more", [("Jane Doe", "person")]),
    ("By Jane Doe Read Time: 4 min", [("Jane Doe", "person")]),
    ("By Min Jin Lee", [("Min Jin Lee", "person")]),
    # A month's abbreviation that is a given name, before a name: "Jan Lopatka", not "Jan 5".
    ("By Jan Lopatka and Pawel Florkiewicz", [("Jan Lopatka", "person"), ("Pawel Florkiewicz", "person")]),
    ("By Jane Doe 5 Min Read", [("Jane Doe", "person")]),
    # A paper whose first word is a given name too ("Irish"), over its reporter's line under the date.
    ("Irish Examiner\nThursday, November 19, 2026 - 14:25\nEoin English", [("Eoin English", "person")]),
    # The byline goes on to the next line; a line that only opens with "and" after no byline does not.
    ("By Karen Smith\nand Bob Jones", [("Karen Smith", "person"), ("Bob Jones", "person")]),
    ("Council meeting ran late\nand Bob Jones left early", []),
])
def test_byline_forms(line, want):
    assert bylines(line) == want


@pytest.mark.parametrize("line,want", [
    ("Jane Doe, Reuters", [("Jane Doe", "person"), ("Reuters", "organization")]),
    # A broadcaster's credit is a cue as well, though as the reporters' employer it signs nothing.
    ("Jane Doe and Tom Roe, CBS News", [("Jane Doe", "person"), ("Tom Roe", "person")]),
    ("Jane Doe (AFP)", [("Jane Doe", "person"), ("AFP", "organization")]),
])
def test_names_signed_by_an_agency_need_no_by(pipeline, line, want):
    # Over a short story the model alone did not take a bare name line; the agency's credit is the cue.
    text = (f"Council splits\n\n{line}\n\nThe city council approved a budget of 4 million dollars for road "
            "repairs on Tuesday, officials said, after a debate that ran past midnight.\n")
    assert [(b.name, b.kind) for b in pipeline.enrich(text).bylines] == want


def test_a_place_before_the_date_is_a_dateline_not_a_byline():
    text = "Heatwave grips north India\n\nNEW DELHI, March 4, 2025 09:12 IST\n" + BODY
    doc = Document.from_text(text)
    is_place = RESOURCES.gazetteer.names_major_place
    assert extract_bylines(doc, RESOURCES.lexicon, RESOURCES.byline_model, None, is_place) == []
    # A person's name there is still a byline.
    doc = Document.from_text(text.replace("NEW DELHI", "JANE DOE"))
    assert [b.name for b in extract_bylines(doc, RESOURCES.lexicon, RESOURCES.byline_model, None, is_place)] == [
        "Jane Doe"]


def test_no_byline_is_empty():
    assert bylines("Council leaders said nothing.") == []


def test_evidence_points_at_the_name():
    text = "Title\n\nBy Patrick Goodenough | January 5, 2014\n" + BODY
    (b,) = extract(text)
    assert text[b.evidence.start:b.evidence.end] == "Patrick Goodenough"


def test_a_repeated_byline_brings_its_co_authors():
    text = ("Title\n\nBy Zack Savitsky\n\nA podcast on the hunt for a quantum phantom\n\nBY\n"
            "Sarah Crespi, Zack Savitsky\n" + BODY)
    assert sorted(b.name for b in extract(text)) == ["Sarah Crespi", "Zack Savitsky"]


def test_an_outlet_in_capitals_ends_the_name():
    assert read_name("Kayla Jimenez USA TODAY") == ("Kayla Jimenez", "", "USA TODAY")
    assert read_name("JOHN SMITH") == ("JOHN SMITH", "", "")


def test_photo_credits_and_menu_labels_are_not_names():
    assert read_name("Courtesy Bijou Karman") is None
    assert read_name("Getty Images") is None
    assert read_name("Give Feedback") is None
    assert read_name("Will Knight") == ("Will Knight", "", "")


def test_a_company_is_not_a_person():
    assert read_name("Acme Robotics Inc.") is None
    assert read_name("Northgate Capital LLC said") is None
    assert read_name("Emily Co") == ("Emily Co", "", "")
    assert bylines("News provided by\nAcme Robotics Inc.\n\nNov 18, 2026, 08:00 ET") == []


def test_a_teaser_cut_short_is_not_a_byline_candidate():
    from service.core.bylines import byline_candidates
    doc = Document.from_text("Council splits\n\nIra Khan-Nupur Shikhare, Tamannaah Bhatia-Vijay Varma, Aditi Rao ..."
                             + BODY)
    assert byline_candidates(doc, RESOURCES.lexicon) == []


@pytest.mark.parametrize("line", [
    "The next major marathon is in Chicago on Oct. 12, followed by New York on Nov. 2.",
    "The winning goal was scored by Marta Silva in stoppage time.",
    "A photograph taken by Jane Doe on Dec. 3, 2023",
])
def test_a_verb_s_agent_is_no_byline(line):
    from service.core.bylines import byline_candidates
    doc = Document.from_text("Council splits\n\n" + line + BODY)
    assert [c.name for c in byline_candidates(doc, RESOURCES.lexicon) if c.cue.startswith("by")] == []


@pytest.mark.parametrize("line", ["Dec 19, 2023 by Jane Doe", "Posted on Dec. 19, 2023 10:05 am by Jane Doe",
                                  "Published by Jane Doe"])
def test_a_date_or_a_posting_verb_before_by_leaves_the_byline(line):
    assert bylines(line) == [("Jane Doe", "person")]


def test_a_name_inside_a_short_sentence_is_no_byline():
    text = ("Margaret Ellison, pioneering geologist, dies at 94\n\nMargaret Ellison, who mapped the glaciers "
            "of Greenland, died on Nov. 14 at her home in Boulder, Colo. She was 94.\n\n"
            "Her daughter, Ruth Ellison, said the cause was heart failure." + BODY)
    assert extract(text) == []


def test_an_agency_sign_off_with_editors_initials_names_no_person():
    text = ('Monsoon rains lash Kerala; red alert in five districts\n'
            '\n'
            'Last Updated: 20 Nov 2026, 14:05 IST\n'
            '\n'
            'Thiruvananthapuram, Nov 20 (PTI) Heavy rain continued to pound several parts of Kerala on Thursday, prompting the India Meteorological Department to issue a red alert for Idukki, Ernakulam, Thrissur, Palakkad and Malappuram districts.\n'
            '\n'
            'Schools in Kochi and Kozhikode were closed, and the Periyar river was flowing above the danger mark at Aluva, officials said. Chief Minister Pinarayi Vijayan chaired a review meeting in the state capital.\n'
            '\n'
            'In neighbouring Tamil Nadu, Chennai and Coimbatore received moderate showers. The National Disaster Response Force has deployed teams to Wayanad, where landslides killed over 200 people last year.\n'
            '\n'
            'PTI ABC DEF\n')
    assert [b for b in extract(text) if b.kind == "person"] == []


def test_a_headline_that_opens_with_a_name_is_not_a_byline(pipeline):
    text = ('Cyclone Freddy kills over 100 in Malawi and Mozambique\n'
            '\n'
            '14 March 2023\n'
            '\n'
            'BLANTYRE, Malawi (AP) — Cyclone Freddy has killed more than 100 people in Malawi and Mozambique after making landfall for a second time, officials said on Tuesday.\n'
            '\n'
            "Most of the deaths were in Malawi's commercial capital, Blantyre, where mudslides buried homes. In Mozambique, authorities reported deaths in the central province of Zambezia, including in the port city of Quelimane.\n"
            '\n'
            'The storm first hit Madagascar in February after travelling across the Indian Ocean from near Australia, making it one of the longest-lasting tropical cyclones on record. The World Meteorological Organization in Geneva said it would review the record.\n'
            '\n'
            "Malawi's President Lazarus Chakwera declared a state of disaster in 10 southern districts, including Chikwawa and Nsanje, near the Shire River.\n")
    assert [(b.name, b.kind) for b in pipeline.enrich(text).bylines] == [("Associated Press", "organization")]
    assert bylines("Jane Doe reports from Kyiv") == [("Jane Doe", "person")]


def test_an_obituary_headline_names_its_subject_not_its_author():
    text = ("Margaret Ellison, longtime Bangor librarian, dies at 91\n\nBANGOR, Maine \u2014 Margaret "
            "\"Peggy\" Ellison, who ran the children's room at the Bangor Public Library for nearly three "
            "decades, died Saturday at her home in Orono. She was 91.\n")
    assert extract(text) == []
    assert bylines("Jane Doe, Staff Writer, Updated Jan 5, 2024") == [("Jane Doe", "person")]


def test_a_desk_under_the_author_is_no_second_author(pipeline):
    text = (
        "Toronto council backs plan for Gardiner repairs\n"
        "\n"
        "Jennifer Pagliaro\n"
        "City Hall Bureau\n"
        "Wed., Feb. 5, 2025\n"
        "\n"
        "Toronto city council voted 20-5 on Wednesday to speed up repairs to the Gardiner Expressway, "
        "the elevated highway that links downtown with Etobicoke and the Queen Elizabeth Way to "
        "Mississauga and Hamilton.\n"
        "\n"
        "Mayor Olivia Chow said the province had agreed to share the cost. Premier Doug Ford, speaking "
        "in Queen's Park, said Ontario would pay for the work to finish a year early.\n"
        "\n"
        "Drivers from Oakville and Burlington have faced long delays since lanes closed last spring. "
        "Work on the section near the Don Valley Parkway will start in April.\n"
    )
    assert [(b.name, b.kind) for b in pipeline.enrich(text).bylines] == [("Jennifer Pagliaro", "person")]


def test_an_agency_alone_under_the_date_signs_an_unsigned_page(pipeline):
    text = ("Toyota to build new battery plant in North Carolina\n\nUpdated: Jan 14, 2025, 10:31 IST\n\n"
            "Reuters\n\nTOKYO: Toyota Motor Corp said on Tuesday it would invest a further $8 billion in its "
            "battery plant in Liberty, North Carolina, as it ramps up production of hybrid vehicles.\n")
    assert [(b.name, b.kind) for b in pipeline.enrich(text).bylines] == [("Reuters", "organization")]

    # Or opening the date's own line; a broadcaster signing its page is not a person.
    text = ("Mumbai: Local train services hit after signal failure at Dadar\n\nTNN | Mar 5, 2025, 10.45 AM IST\n\n"
            "MUMBAI: Suburban train services on the Central Railway were disrupted for over two hours on "
            "Wednesday morning after a signal failure near Dadar station.\n")
    assert [(b.name, b.kind) for b in pipeline.enrich(text).bylines] == [("TNN", "organization")]
    text = text.replace("TNN | Mar 5, 2025, 10.45 AM IST", "TNN / Updated: Mar 5, 2025, 08:27 IST")
    assert [(b.name, b.kind) for b in pipeline.enrich(text).bylines] == [("TNN", "organization")]
    # Or on the line next to the date, with the place it was filed from.
    text = ("Ola Electric to build battery plant in Tamil Nadu\n\nPress Trust of India  |  Chennai\n"
            "Last Updated at November 20, 2026 21:14 IST\n\nOla Electric on Friday said it would invest Rs 7,600 "
            "crore to build a battery cell factory near Krishnagiri in Tamil Nadu, creating 3,000 jobs.\n")
    assert [(b.name, b.kind) for b in pipeline.enrich(text).bylines] == [("PTI", "organization")]
    # Or a field of the date's line after the filing place.
    text = ("Cholera outbreak spreads in Zambia's Copperbelt\n\nLusaka, Zambia | AFP | Friday 11/20/2026 - 18:52 UTC"
            "\n\nA cholera outbreak has killed 23 people in Zambia's Copperbelt province, the health ministry said "
            "on Friday.\n")
    assert [(b.name, b.kind) for b in pipeline.enrich(text).bylines] == [("AFP", "organization")]
    text = ("Berlin expands rent controls\n\nDeutsche Welle\n03/04/2025\n\nGermany's capital has extended its "
            "rent cap to newly built flats, Berlin's housing senator said on Monday.\n")
    assert [(b.name, b.kind) for b in pipeline.enrich(text).bylines] == [("DW", "organization")]
    # With no date at all, an agency alone under the headline is still the page's credit; a body
    # sentence that names it is not.
    text = ("Wildfire forces evacuations in Southern California\n\nThe Associated Press\n\nLOS ANGELES -- A "
            "fast-moving wildfire in the hills above Malibu forced thousands of residents to flee on Tuesday.\n")
    assert [(b.name, b.kind) for b in pipeline.enrich(text).bylines] == [("Associated Press", "organization")]
    text = ("Wildfire forces evacuations in Southern California\n\nA fast-moving wildfire forced thousands to "
            "flee on Tuesday.\n\nReuters\n\nFirefighters said the blaze was 10% contained.\n")
    assert pipeline.enrich(text).bylines == []
    # A newsroom's credit as written: "Staff report", "From staff reports".
    for credit in ("Staff report", "From staff reports"):
        text = (f"Council splits over road budget\n\n{credit}\n\nThe city council approved a budget of 4 million "
                "dollars for road repairs on Tuesday, officials said, after a debate that ran past midnight.\n")
        assert [(b.name, b.kind) for b in pipeline.enrich(text).bylines] == [("Staff", "organization")]
    # Two credits on the one signing line are both the page's; a later line's agency is not.
    text = ("Vineyard fire sweeps through Barossa Valley\n\n12.03.2026\n\nBy Staff Writers and AAP\n\nA fast-moving "
            "bushfire has destroyed vineyards and at least three homes in South Australia, officials said.\n\n"
            "Reuters\n\nThe Country Fire Service said the fire started near Lyndoch on Thursday afternoon.\n")
    assert [(b.name, b.kind) for b in pipeline.enrich(text).bylines] == [("Staff", "organization"),
                                                                        ("AAP", "organization")]


@pytest.mark.parametrize("dateline,want", [
    ("JAKARTA, Indonesia (AP) — ", [("Associated Press", "organization")]),
    ("BOLOGNA, Italy, May 17, 2025 (Reuters) - ", [("Reuters", "organization")]),
    # A country of several words, linked by "of" or "and".
    ("KINSHASA, Democratic Republic of Congo (AP) — ", [("Associated Press", "organization")]),
    ("SARAJEVO, Bosnia and Herzegovina (AP) — ", [("Associated Press", "organization")]),
    # AFP's form: the country in parentheses, the date after the agency.
    ("Padang (Indonesia) (AFP) - Nov 20, 2026 - ", [("AFP", "organization")]),
    ("Padang, Nov 20 (PTI) ", [("PTI", "organization")]),
    ("JAKARTA, Indonesia — ", []),
    # An American station's call sign is its newsroom; a name the service does not know credits nobody.
    ("PARIS, Tenn. (WKRN) — ", [("WKRN", "organization")]),
    ("ST. JOHN'S, N.L. (CP) — ", [("The Canadian Press", "organization")]),
    ("ATLANTA (WSB-TV) — ", [("WSB-TV", "organization")]),
    ("JAKARTA, Indonesia (Kompas) — ", []),
    # The wire's dateline on a line of its own, over the story.
    ("Padang, Nov 20 (AFP)\n\n", [("AFP", "organization")]),
    ("PADANG, Nov 20 (Reuters) -\n", [("Reuters", "organization")]),
])
def test_the_agency_in_a_dateline_is_the_copy_s_credit(dateline, want):
    text = ("Strong quake shakes Sumatra\n\n" + dateline + "A strong earthquake shook western Indonesia on "
            "Monday, damaging buildings in the city of Padang, officials said.\n")
    got = extract(text)
    assert [(b.name, b.kind) for b in got] == want
    assert all(text[b.evidence.start:b.evidence.end] in dateline for b in got)


def test_a_dateline_agency_joins_the_reporters_and_never_doubles_a_signed_one():
    body = "BOLOGNA, Italy (Reuters) - Torrential rain swept across the region on Friday, officials said.\n"
    assert bylines("By Giulia Rossi\n\n" + body) == [("Giulia Rossi", "person"), ("Reuters", "organization")]
    assert bylines("By Tom Brown, Reuters\n\n" + body) == [("Tom Brown", "person"), ("Reuters", "organization")]


def test_an_agency_opening_its_date_line_signs_the_story(pipeline):
    # After the date comes a section, not a name: the agency before it is the credit.
    text = ("Japan, Philippines agree to boost coast guard cooperation\n\n"
            "KYODO NEWS - Jan 20, 2026 - 18:05 | World, All\n\nJapan and the Philippines agreed Tuesday to step up cooperation between their coast guards.\n")
    result = pipeline.enrich(text)
    assert [(b.name, b.kind, b.evidence.text) for b in result.bylines] == [("Kyodo", "organization", "KYODO NEWS")]
    assert result.publication_date.value == "2026-01-20"


@pytest.mark.parametrize("credit,want", [
    ("\u2014 Agence France-Presse", "AFP"), ("(AFP)", "AFP"), ("-- The Associated Press", "Associated Press"),
    ("\u2014Reuters", "Reuters"), ("With AFP", "AFP"), ("SOURCE: Al Jazeera and news agencies", "Al Jazeera"),
])
def test_a_closing_credit_names_the_agency_and_makes_no_place(pipeline, credit, want):
    # The agency's name is its credit, not France; below the byline it joins the reporter.
    body = ("NEW DELHI, Feb 3 - India and Bangladesh signed an agreement on sharing the waters of the Teesta "
            "river on Tuesday, ending more than a decade of talks.\n\nIn Dhaka, officials said the deal would "
            "help farmers in Rangpur, where the river enters Bangladesh.\n\nThe agreement still needs the "
            "approval of both parliaments, which are expected to vote before the monsoon.\n\n")
    result = pipeline.enrich("India and Bangladesh agree Teesta deal\n\n" + body + credit + "\n")
    (credited,) = result.bylines
    assert (credited.name, credited.kind) == (want, "organization")
    assert credited.evidence.text in credit
    assert all(p.country_code in ("IN", "BD") for p in result.places)
    signed = pipeline.enrich("India and Bangladesh agree Teesta deal\n\nBy Priya Sharma\n\n" + body + credit)
    assert [(b.name, b.kind) for b in signed.bylines] == [("Priya Sharma", "person"), (want, "organization")]


def test_a_place_alone_on_a_header_line_is_where_the_story_was_filed_not_its_author(pipeline):
    text = ("Drought pushes Panama Canal to limit ship crossings\n\nPanama City\nReuters\n"
            "Published: 2023-08-30 14:20 GMT\n\nThe Panama Canal Authority said on Wednesday it would keep "
            "restrictions on the number of vessels crossing the waterway until the end of the year, as a drought "
            "has lowered water levels in Gatun Lake.\n")
    result = pipeline.enrich(text)
    assert [(b.name, b.kind) for b in result.bylines] == [("Reuters", "organization")]
    assert any(p.name == "Panama City" and p.country_code == "PA" for p in result.places)


def test_the_author_in_the_field_after_the_outlet_s_on_a_header_line():
    body = ("\n\nThousands of commuters were stranded across Cape Town on Monday as a minibus taxi strike entered its "
            "third day.\n")
    for header, want in (("News24 | Jenni Evans | Published 2026/08/04 10:30", ["Jenni Evans"]),
                         ("News24 | Jenni Evans and Alex Mitchley | 4 August 2026", ["Jenni Evans", "Alex Mitchley"]),
                         ("World | Africa | Published 2026/08/04 10:30", [])):   # sections, not people
        got = extract("Cape Town taxi strike leaves commuters stranded\n\n" + header + body)
        assert [b.name for b in got if b.kind == "person"] == want, header


def test_a_newsroom_signing_as_its_staff_is_not_a_person():
    assert [name for name, kind in bylines("Al Jazeera Staff\nPublished On 9 Feb 2024") if kind == "person"] == []
    assert bylines("By Chicago Tribune staff") == [("Chicago Tribune staff", "organization")]
    assert bylines("By Jane Doe, Staff Writer") == [("Jane Doe", "person")]
    # After a person and a comma, the newsroom is where she works, not a second signer.
    assert bylines("By Abigail Curtis, BDN Staff") == [("Abigail Curtis", "person")]
    assert bylines("By Jane Doe, Metro Desk") == [("Jane Doe", "person")]
    assert bylines("By Jane Doe and Herald Staff") == [("Jane Doe", "person"), ("Herald Staff", "organization")]


def test_a_page_its_newsroom_signs_takes_no_name_from_a_heading_further_down():
    text = ("12 things to do around Chicago this weekend\n\nBy Chicago Tribune staff\nChicago Tribune\n"
            "Published: Dec 22, 2023 at 5:00 am\n\nThere is plenty to do, with the markets open late and the "
            "lights on along the river walk until the new year, and most of it costs nothing at all.\n\n"
            "John Mulaney\n\nThe Emmy Award-winning comedian brings his latest stand-up tour to Rosemont. His "
            "latest special was released in April.\n\n7 p.m. Dec. 22 at Rosemont Theatre.\n")
    assert [(b.name, b.kind) for b in extract(text)] == [("Chicago Tribune staff", "organization")]


def test_an_agency_name_on_the_date_line_is_not_a_person(pipeline):
    text = ('Monsoon rains lash Kerala, schools shut in five districts\n'
            '\n'
            'Press Trust of India | Updated: 25 June 2024 11:05 IST\n'
            '\n'
            'Thiruvananthapuram: Heavy rain continued to lash Kerala on Tuesday, prompting authorities to shut schools in Ernakulam, Idukki, Kottayam, Alappuzha and Pathanamthitta districts.\n'
            '\n'
            'The India Meteorological Department (IMD) issued an orange alert for several districts and warned of landslides in the hilly areas of Wayanad. Water levels in the Periyar river rose sharply, and shutters of the Idukki dam may be opened, officials said.\n'
            '\n'
            'In neighbouring Karnataka, coastal districts including Udupi and Dakshina Kannada also received heavy rainfall. Fishermen have been advised not to venture into the Arabian Sea.\n'
            '\n'
            'Chief Minister Pinarayi Vijayan chaired a meeting in the capital to review the situation.\n')
    assert all(b.kind == "organization" for b in pipeline.enrich(text).bylines)


def test_a_press_release_headline_names_no_author():
    text = ("Acme Robotics Raises $40 Million Series B to Expand Warehouse Automation in Europe\n\n"
            "SAN FRANCISCO, March 04, 2025 (GLOBE NEWSWIRE) -- Acme Robotics, a developer of autonomous mobile "
            "robots for warehouses, today announced it has raised $40 million in Series B funding led by "
            "Northzone, with participation from existing investors Index Ventures and Lux Capital.\n\n"
            "The company will use the funding to open offices in Amsterdam and Munich and to double its "
            "engineering team in Austin, Texas.\n\n"
            '"Retailers across Europe are struggling to hire warehouse staff," said Maria Lopez, chief executive '
            'officer of Acme Robotics. "Our robots let a team of ten do the work of thirty."\n')
    # The release's date is on its dateline (line 2), under the headline.
    assert extract_bylines(Document.from_text(text), RESOURCES.lexicon, RESOURCES.byline_model, date_line=2) == []


@pytest.mark.parametrize("credits,want", [
    ("(Reporting by Duncan Miriri; Editing by Alison Williams)", [("Duncan Miriri", "person")]),
    ("(Reporting by Duncan Miriri)", [("Duncan Miriri", "person")]),
])
def test_wire_credits_in_brackets_at_the_end_name_the_reporters(credits, want):
    # Reuters closes its copy with the credits in brackets; the dateline's agency signs it too.
    text = ("NAIROBI, Nov 20 (Reuters) - Heavy rains have displaced more than 12,000 people in western Kenya, "
            "the Kenya Red Cross said on Thursday.\n\nThe rains are expected to continue into next week, the "
            f"meteorological department said.\n\n{credits}\n")
    got = [(b.name, b.kind) for b in extract(text)]
    assert [g for g in got if g[1] == "person"] == want
    assert ("Reuters", "organization") in got


@pytest.mark.parametrize("header", ["Staff and agencies\nMon 3 Mar 2025 18.45 GMT", "From staff reports\nMarch 3, 2025"])
def test_a_newsroom_signature_beside_the_date_is_the_staff(pipeline, header):
    # One signature, not two names ("Staff", "agencies"); without a cue, beside the date.
    result = pipeline.enrich("Council splits\n" + header + BODY)
    assert [(b.name, b.kind) for b in result.bylines] == [("Staff", "organization")]


@pytest.mark.parametrize("line,want", [
    ("By Maria Gonzalez and Tom Reilly with Ashley Chen in Sacramento",
     ["Maria Gonzalez", "Tom Reilly", "Ashley Chen"]),
    ("By Maria Gonzalez with Tom Reilly", ["Maria Gonzalez", "Tom Reilly"]),
    ("By Maria Gonzalez with additional reporting from the wires", ["Maria Gonzalez"]),
])
def test_a_reporter_writing_with_the_byline_s_authors_is_an_author(line, want):
    assert [name for name, _ in bylines(line)] == want



@pytest.mark.parametrize("line", ["Reported by Maria Gonzalez in Kyiv; written by Tom Reilly in London",
                                  "Reporting by Maria Gonzalez; Written by Tom Reilly; Editing by Ashley Chen",
                                  # Reuters' form: the writer composed the story from the reporting.
                                  "(Reporting by Maria Gonzalez; Writing by Tom Reilly; Editing by Ashley Chen)"])
def test_the_reporter_and_the_writer_of_a_story_are_both_authors(line):
    assert [name for name, _ in bylines(line)] == ["Maria Gonzalez", "Tom Reilly"]


def test_a_writing_credit_alone_names_the_author():
    assert [name for name, _ in bylines("Writing by Nidal al-Mughrabi; Editing by Andrew Heavens")] == [
        "Nidal al-Mughrabi"]


@pytest.mark.parametrize("sign_off,want", [
    ("Contact reporter Ken Walker at kwalker@parispi.net.", ["Ken Walker"]),
    ("Reach Jane Doe at 555-0134 or jdoe@example.com.", ["Jane Doe"]),
    # An office or a hotline to call signs nothing; nor does a line that is not about a named person.
    ("Contact Springfield Police Department at 555-0134.", []),
    ("Contact Crime Stoppers at 555-0134.", []),
    ("Contact the city clerk at 555-0134.", []),
])
def test_a_local_paper_s_contact_line_at_the_end_names_its_reporter(sign_off, want):
    text = ("Council approves park\n\nPARIS, Tenn. — The Paris City Council voted Monday to turn a vacant lot on "
            "Wood Street into a park, the mayor said after the meeting.\n\nWork is expected to start in the "
            f"spring.\n\n{sign_off}\n")
    assert [b.name for b in extract(text)] == want


@pytest.mark.parametrize("block,want", [
    ("To contact the reporter on this story:\nEkow Dontoh in Accra at edontoh@bloomberg.net", ["Ekow Dontoh"]),
    ("To contact the reporters on this story: Grant Smith in London at gsmith52@bloomberg.net; Salma El Wardany "
     "in Dubai at selwardany@bloomberg.net", ["Grant Smith", "Salma El Wardany"]),
    # The editors are not authors.
    ("To contact the editor responsible for this story:\nJames Herron at jherron9@bloomberg.net", []),
])
def test_a_wire_s_contact_block_at_the_end_names_its_reporters(block, want):
    text = ("Cedi slides as cocoa revenue falls\n\nGhana's cedi fell to its weakest level in eight months on "
            "Friday as a slump in cocoa exports cut the flow of dollars into the country.\n\nThe central bank "
            f"meets next week.\n\n{block}\n")
    assert [b.name for b in extract(text) if b.kind == "person"] == want


@pytest.mark.parametrize("credit", ["Jane Doe and John Roe contributed to this report.",
                                    "Associated Press writer Jane Doe in Berlin contributed."])
def test_those_who_contributed_to_a_report_are_not_its_authors(pipeline, credit):
    # They helped the author (the data's gold leaves them out), and here no one else signs.
    text = ("Parliament passes tax bill\n\nNovember 20, 2026\n\nOfficials said the measure would take effect next "
            "month after a vote in parliament, despite objections from opposition lawmakers who called it rushed "
            "and poorly costed.\n\nThe finance ministry said the change would raise about 2 billion a year. "
            "Business groups were divided, with retailers warning of job losses and manufacturers broadly in "
            f"favour.\n\n{credit}\n")
    assert pipeline.enrich(text).bylines == []


@pytest.mark.parametrize("closing,want", [
    ("— Marlon González, AP", [("Marlon González", "person"), ("Associated Press", "organization")]),
    ("-- Jane Doe", [("Jane Doe", "person")]),
    # A name whose words news writes nowhere else, though no list knows its given name.
    ("— Jairo Bolledo, Rappler", [("Jairo Bolledo", "person")]),
    ("— National Hurricane Center", []),
    # An outlet alone signs as the closing credit does; a dash before a phrase names nobody.
    ("— AFP", [("AFP", "organization")]),
    ("— More to follow", []),
    # The signature may stand over a last line that only dates the story.
    ("— Kelly Geraldine Malone, The Canadian Press\nNov 20, 2026",
     [("Kelly Geraldine Malone", "person"), ("The Canadian Press", "organization")]),
])
def test_a_reporter_signing_on_the_last_line_is_the_author(closing, want):
    text = ("Storm floods northern Honduras\n\nTEGUCIGALPA, Honduras, Nov. 16, 2026 — Tropical Storm Sara stalled "
            "off the northern coast of Honduras on Saturday, dumping rain that flooded towns along the river.\n\n"
            f"More than 50,000 people were affected, the national emergency agency said.\n\n{closing}\n")
    assert [(b.name, b.kind) for b in extract(text)] == want


def test_readers_comments_name_no_author():
    # Under the comments' heading, "Name · date" is a commenter's post, however much it looks like a byline.
    text = ("Modi to visit Gulf next month" + BODY
            + "\nComments\n\nRajiv K · 21 Nov 2026, 10:02\nGood move for trade.\n")
    assert extract(text) == []
    # Above the story, "Comments" is a button of the share bar: the byline under it stands.
    text = "Modi to visit Gulf next month\n\nShare | Comments\nBy Ann Lee\n" + BODY
    assert [b.name for b in extract(text)] == ["Ann Lee"]
    text = "Modi to visit Gulf next month\n\nComments\n\nAnn Lee · 21 Nov 2026, 10:02" + BODY
    assert [b.name for b in extract(text)] == ["Ann Lee"]
