"""Cases met on real articles: each failed before the parsed foundation."""

from api.extraction import actors as discovery
from api.extraction import protagonists, segment
from api.extraction.nlp import gazetteer_hits, get_nlp
from api.extraction.numbers import figures
from api.extraction.pipeline import extract


def actors(text: str) -> dict[str, str]:
    return {a.name: a.type for a in extract(text).actors}


def named(annotation) -> dict[str, str]:
    """Actor names by id."""
    return {a.id: a.name for a in annotation.actors}


def speakers(text: str) -> list[str | None]:
    annotation = extract(text)
    names = named(annotation)
    return [names.get(q.speaker) for q in annotation.quotes]


def reacting(text: str) -> list[tuple[str | None, str]]:
    """(actor name, stance) of each reaction, in text order."""
    annotation = extract(text)
    names = named(annotation)
    return [(names.get(r.actor), r.stance) for r in annotation.reactions]


def figure(text: str) -> tuple:
    (found,) = figures(text)
    return text[found.start : found.end], found.value, found.unit


def test_single_word_organisations_that_speak_are_actors():
    found = actors("Microsoft said it would fix the bug. Google declined to comment.")
    assert found == {"Microsoft": "organization", "Google": "organization"}


def test_the_audience_of_told_is_not_the_speaker():
    assert speakers(
        "The BBC's correspondent in Jakarta, Rachel Harvey, told World Business "
        'Report that the talks had stalled. "Nobody expected this," she said.'
    ) == ["Rachel Harvey"]


def test_things_named_like_people_are_not_actors():
    found = actors("Tourists climbed the Great Wall. The Arecibo Observatory closed.")
    assert "Arecibo Observatory" not in found and "Great Wall" not in found


def test_an_age_is_no_casualty():
    annotation = extract("The fire killed three people, including a 53-year old man.")
    by_evidence = {s.evidence: s.category for s in annotation.statistics}
    assert by_evidence == {"three": "fatalities", "53": "age"}


def test_currencies_written_as_words_or_codes():
    assert figure("The bank lost 59.2 trillion rupiah.") == (
        "59.2 trillion rupiah",
        59.2e12,
        "IDR",
    )
    assert figure("Exports rose to dollars 6.58bn.") == (
        "dollars 6.58bn",
        6.58e9,
        "USD",
    )
    assert figure("Imports fell to pounds 3.5bn.") == ("pounds 3.5bn", 3.5e9, "GBP")
    assert figure("It cost USD 5m.") == ("USD 5m", 5e6, "USD")
    assert figure("Stamps cost 1p more.") == ("1p", 0.01, "GBP")


def test_m_is_millions_or_metres_by_context():
    assert figure("The company will invest 60m in the plant.") == ("60m", 60e6, None)
    assert figure("The tower is 20m tall.") == ("20m", 20.0, "m")


def test_round_numbers_shares_and_ages_in_words():
    assert figure("It would have been more than a thousand.") == (
        "more than a thousand",
        1000.0,
        None,
    )
    assert figure("Over one million visitors came.")[1] == 1e6
    assert figure("Almost half of the children.") == ("Almost half", 50.0, "percent")
    assert figure("She joined at age seventeen.") == ("at age seventeen", 17.0, "years")
    assert figures("We waited half an hour for a hundred years.") == []


def test_a_range_opened_by_a_number_word():
    assert figure("It rose from ten to 32 people.") == ("ten to 32", 10.0, None)


def test_being_critical_of_someone_is_a_reaction():
    found = reacting(
        "A court ruled that worship of the ancient gods is legal.\n\n"
        "The Greek Orthodox Church, a Christian denomination, is extremely critical "
        "of the worshippers."
    )
    assert found == [("Greek Orthodox Church", "critical")]


def test_a_time_word_opening_a_description_is_no_name():
    found = actors(
        "Former Labour leader Jeremy Corbyn and Conservative MP David Davis "
        "criticised the plan."
    )
    assert "Former Labour" not in found
    assert found["Jeremy Corbyn"] == found["David Davis"] == "person"


def test_she_is_the_woman_when_a_man_and_a_woman_share_a_paragraph():
    assert speakers(
        "Mayor Tom Hale opened the bridge on Monday.\n\n"
        'Mr John Smith met Ms Jane Doe at the site. She said: "It is safe."'
    ) == ["Jane Doe"]


def test_an_institution_joined_by_and_is_one_organisation():
    found = actors(
        "The Food and Drug Administration said it approved the drug. Tomasz Wilk, "
        "of the Seafarers and Harbour Workers' Union, criticised the plan."
    )
    assert found["Food and Drug Administration"] == "organization"
    assert "Harbour Workers' Union" not in found


def test_places_or_services_joined_before_an_institution_word_open_its_name():
    found = actors(
        "Avon Fire and Rescue Service said crews were called. Devon and Cornwall "
        "Police said officers attended. The Department for Work and Pensions said "
        "claims rose, and the Department for Environment, Food and Rural Affairs "
        "said it was monitoring."
    )
    assert found["Avon Fire and Rescue Service"] == "organization"
    assert found["Devon and Cornwall Police"] == "organization"
    assert found["Department for Work and Pensions"] == "government"
    assert found["Department for Environment, Food and Rural Affairs"] == "government"
    assert not {"Avon Fire", "Devon", "Rural Affairs"} & set(found)


def test_a_joined_name_after_of_opens_at_its_first_word():
    found = actors(
        "Det Insp Sarah Jones, of Avon and Somerset Police, said officers were "
        "called to the station."
    )
    assert found["Avon and Somerset Police"] == "organization"
    assert "Somerset Police" not in found


def test_initials_in_brackets_make_the_words_before_them_an_organisation():
    text = (
        "Transport for London (TfL) said services would be affected. Later TfL "
        "said it was sorry. The Royal Society for the Prevention of Cruelty to "
        "Animals (RSPCA) said it was concerned."
    )
    found = extract(text, title="Strike")
    named = {a.name: a for a in found.actors}
    assert named["Transport for London"].type == "organization"
    assert [m.text for m in named["Transport for London"].mentions] == [
        "Transport for London",
        "TfL",
        "TfL",
    ]
    assert "Royal Society for the Prevention of Cruelty to Animals" in named
    assert "Royal Society" not in named


def test_a_country_or_the_end_of_a_name_before_and_stays_apart():
    found = actors(
        "Germany and European Union officials met on Monday. A team from the "
        "Massachusetts Institute of Technology and Colorado State University said "
        "the results held."
    )
    assert found["European Union"] == "organization"
    assert found["Colorado State University"] == "organization"
    assert found["Massachusetts Institute of Technology"] == "organization"


def test_she_is_the_woman_the_text_calls_she():
    assert speakers(
        "The council closed the library on Monday.\n\n"
        "Anna Berg said she had asked for a delay. Later Tom Reid met Anna Berg. "
        'She said: "We will fight on."'
    ) == ["Anna Berg"]


def test_in_the_words_of_names_the_speaker():
    assert speakers(
        "The child was in pain for weeks and, in the words of the state prosecutor, "
        'Helen Marsh, "she cried every night until the end."'
    ) == ["Helen Marsh"]


def test_a_speaker_is_not_the_person_their_quote_names():
    assert speakers(
        "For Daniel Ortega, a lecturer in history, Frida Kahlo was a hero. "
        'He said, "Frida Kahlo changed how we look at ourselves."'
    ) == ["Daniel Ortega"]


def test_a_misspelt_surname_is_the_same_person():
    text = (
        "Lydia Buchtmann, a spokeswoman for the agency, spoke first. "
        '"Bread makers must add more iodine," Ms Bauchtman said.'
    )
    (actor,) = extract(text).actors
    assert actor.name == "Lydia Buchtmann"
    assert "Bauchtman" in [text[m.start : m.end] for m in actor.mentions]
    assert speakers(text) == ["Lydia Buchtmann"]


def test_a_quote_standing_alone_keeps_the_voice_across_a_sentence_naming_no_one():
    assert speakers(
        "Maria Lopez, a second-year student, admitted she had skipped a class to "
        'come. Why did she want to be there so badly? "It is Kahlo. She is a legend."'
    ) == ["Maria Lopez"]


def test_a_museum_or_gallery_is_an_institution_not_a_person():
    found = actors(
        "Prints also went to the Mary & Leigh Block Museum of Art at Northwestern "
        "University and the Weatherspoon Art Museum."
    )
    # the university is only where the museum is: a site, no actor
    assert found == {
        "Mary & Leigh Block Museum of Art": "organization",
        "Weatherspoon Art Museum": "organization",
    }


def test_a_body_named_once_with_its_country_is_the_body_named_after():
    annotation = extract(
        "The United Kingdom Home Office will send questionnaires. The Home Office "
        "said the forms would save time. Critics said the Home Office was wrong."
    )
    offices = [a for a in annotation.actors if "Home Office" in a.name]
    assert [(a.name, len(a.mentions)) for a in offices] == [("Home Office", 3)]


def test_capitalised_words_that_are_no_proper_noun_are_no_person():
    found = actors(
        "The festival grows every year. Last Year over 4 million visitors came, "
        "said organiser Lin Wei. Five Panamanian players were booked."
    )
    assert "Last Year" not in found and "Five Panamanian" not in found
    assert found.get("Lin Wei") == "person"


def test_a_list_after_be_or_from_is_who_the_clause_is_about():
    text = (
        "England dominated early, with attempts from Jesse Lingard, Harry Maguire "
        "and John Stones. Others elected were Gary Chan, Eunice Yung and Ben Chan."
    )
    found = actors(text)
    assert {"Harry Maguire", "John Stones"} <= set(found)
    assert {"Gary Chan", "Eunice Yung", "Ben Chan"} <= set(found)


def test_a_name_only_written_before_a_things_noun_is_no_actor():
    found = actors(
        "Visitors walked through the Silver Clouds installation. A Microsoft "
        "spokesman said the update was ready."
    )
    assert "Silver Clouds" not in found
    assert found.get("Microsoft") == "organization"


def test_a_letter_seen_by_an_outlet_is_not_the_outlets_words():
    assert speakers(
        'A leaked internal letter seen by Sky News says "claims may be withdrawn".'
    ) == [None]


def test_a_short_sentence_quoted_goes_on_with_its_speaker_not_a_second_reaction():
    annotation = extract(
        "Fires burned across the hills on Monday.\n\n"
        "The conservation group Montes Vivos said the budget had been cut, and "
        'called the response "too little, too late". "For years we have warned '
        'that these hills are full of fuel," said its director, Iria Castro. '
        '"Nobody listened."'
    )
    names = named(annotation)
    assert [names.get(q.speaker) for q in annotation.quotes][-2:] == [
        "Iria Castro",
        "Iria Castro",
    ]
    assert annotation.quotes[-1].kind == "direct"
    reacting = [(names.get(r.actor), r.stance) for r in annotation.reactions]
    assert reacting == [("Montes Vivos", "critical")]


def test_a_thing_named_in_the_lead_is_not_the_storys_protagonist():
    text = (
        "NASA celebrated the first shuttle launch on Tuesday. On April 12, 1981, "
        "Space Shuttle Columbia lifted off from Florida.\n\n"
        "At the ceremony, NASA Administrator Charles Bolden named the museums "
        "that will show the orbiters.\n\n"
        "The shuttles will be moved to their new homes after the programme ends "
        "next year, when the last mission has flown and the crews have retired."
    )
    paragraphs = segment.paragraphs(text)
    doc = get_nlp()(text)
    registry = discovery.discover(text, paragraphs, gazetteer_hits(doc), doc)
    assert protagonists.protagonist(registry, paragraphs).name == "Charles Bolden"


def test_an_outlet_telling_the_news_is_no_reaction():
    found = reacting(
        "Ahmed Mohamed was arrested over a clock he built.\n\n"
        "The Straits Times noted that messages of support had grown into a "
        "movement. Senator Dana Price praised the boy."
    )
    assert found == [("Dana Price", "supportive")]


def test_a_term_after_whilst_is_the_main_subjects():
    assert speakers(
        "On Wednesday, Rishi Sunak defended the record whilst promising a "
        '"formal update" from the Home Secretary.'
    ) == ["Rishi Sunak"]


def test_british_and_american_spellings_of_a_body_are_one_actor():
    found = actors(
        "The World Health Organisation recommends iodised salt. The WHO said "
        "children were most at risk."
    )
    assert found == {"World Health Organisation": "organization"}


def test_a_countrys_name_after_a_body_is_its_national_branch():
    found = actors(
        "Lydia Buchtmann for Food Standards Australia New Zealand, says they are "
        "looking at mandatory guidelines."
    )
    assert found.get("Food Standards Australia New Zealand") == "organization"
    assert "Food Standards" not in found


def test_a_measure_written_after_the_number_is_its_unit():
    assert figure("Crews pumped out roughly 20 tonnes of chlorine.") == (
        "roughly 20 tonnes",
        20.0,
        "tonnes",
    )
    assert figure("The fire burned 40 hectares of forest.")[2] == "hectares"
    assert figure("It was felt 300 kilometres away.")[2] == "km"


def test_a_response_set_against_the_first_by_but_is_a_second_reaction():
    found = reacting(
        "The government said 40 courts will close.\n\n"
        "The Magistrates' Association welcomed the investment in the remaining "
        "courts but questioned the timetable."
    )
    assert found == [
        ("Magistrates' Association", "supportive"),
        ("Magistrates' Association", "critical"),
    ]


def test_a_group_counted_before_its_verb_acts():
    found = actors(
        "Hundreds of vendors offered goods at the fair. Thousands of fans donned "
        "costumes. The fair was held in Toronto."
    )
    assert found == {"vendors": "group", "fans": "group"}


def test_a_university_campus_after_at_is_part_of_its_name():
    found = actors(
        "Officials at the University of North Carolina at Chapel Hill said they "
        "were pleased. The Block Museum at Northwestern University said it agreed."
    )
    assert "University of North Carolina at Chapel Hill" in found
    assert "Hill" not in found and "Chapel Hill" not in found
    assert "Block Museum at Northwestern University" not in found


def test_two_institution_words_joined_into_one_name_by_the_parse():
    found = actors(
        "The Tang Teaching Museum and Art Gallery said it would open a show. "
        "The Museum of Flight and the Smithsonian said they had bid."
    )
    assert found == {
        "Tang Teaching Museum and Art Gallery": "organization",
        "Museum of Flight": "organization",
        "Smithsonian": "organization",
    }


def test_a_noun_compounded_with_a_group_noun_names_the_group():
    found = actors(
        "Street vendors sold lanterns near the hall. Station staff asked the "
        "crowds to move. Toronto fans cheered."
    )
    assert found["street vendors"] == "group"
    assert found["station staff"] == "group"
    assert "vendors" not in found and "staff" not in found


def test_the_actor_the_headline_names_does_not_react():
    text = (
        "The company said on Friday it would close two plants. Unions criticised "
        "the plan. Norrvik Holdings said the closures were regrettable but necessary."
    )
    titled = extract(text, title="Norrvik Holdings to close two plants")
    names = {a.id: a.name for a in titled.actors}
    assert [names[r.actor] for r in titled.reactions] == ["Unions"]
    untitled = extract(text, title="Plants to close")
    names = {a.id: a.name for a in untitled.actors}
    assert sorted(names[r.actor] for r in untitled.reactions) == [
        "Norrvik Holdings",
        "Unions",
    ]


def test_an_actor_the_headline_subject_accuses_may_still_react():
    text = (
        "Anna Berg, 34, says she was held for months by the Order of Dawn. In a "
        "statement, the Order of Dawn denied the allegations."
    )
    titled = extract(text, title="Woman claims Order of Dawn held her captive")
    names = {a.id: a.name for a in titled.actors}
    assert [names[r.actor] for r in titled.reactions] == ["Order of Dawn"]
    subject = extract(text, title="Order of Dawn accused of holding woman")
    assert subject.reactions == []


def test_words_joined_by_of_that_head_a_subject_name_an_organisation():
    found = actors(
        "The plan drew fire, and Friends of the Earth called it a mistake. Water "
        "UK welcomed the plan, and Cancer Research UK said it was pleased. "
        "Elements of the Zeitgeist were recreated, and the Isle of Wight is near."
    )
    assert found["Friends of the Earth"] == "organization"
    assert found["Water UK"] == found["Cancer Research UK"] == "organization"
    assert not {"Isle of Wight", "Elements of the Zeitgeist"} & set(found)
    assert "Earth" not in found and "United Kingdom" not in found


def test_a_name_written_with_a_version_is_a_product():
    found = actors(
        "Microsoft said Internet Explorer 6 was obsolete. Internet Explorer "
        "still leads, and IE6 users were told to upgrade. Boeing 737 jets were "
        "grounded and Boeing said it would comply. England 6 Panama 1 was the "
        "score, and England said it was proud."
    )
    assert "Internet Explorer" not in found and "IE" not in found
    assert found["Microsoft"] == "organization"
    assert found["Boeing"] == "organization"


def test_a_described_organisation_is_one_noun_phrase_not_a_clause():
    found = actors(
        "The court said the group could hold ceremonies. The port authority said "
        "it would reopen the harbour."
    )
    assert "court said the group" not in found
    assert found["port authority"] == "organization"


def test_it_and_they_speak_for_the_body_named_before():
    found = speakers(
        'The ministry issued figures on Monday. Officials expect more cases. "We '
        'are ready," it said.\n\nPatients were moved, the hospital said in a '
        'statement. "Care continues," it added.\n\nThe unions said the deal was '
        'poor. "We will strike," they said.\n\nThe storm hit at night. "It was '
        'huge," it said.'
    )
    assert found == ["ministry", "hospital", "unions", None]


def test_an_indefinite_body_that_acts_is_introduced_and_referred_back_to():
    found = actors(
        "A Greek court has ruled that worship of the ancient gods is legal. The "
        "court said ceremonies may be held. He went to a court in Athens. Leaders "
        "accused the state utility of lying, a charge the utility denied."
    )
    assert found["Greek court"] == "organization"
    assert "court" not in found
    assert "state utility" in found


def test_a_name_written_only_inside_quotes_is_talked_about():
    found = actors(
        'Curator Hilary Braysmith said: "His pictures of Marilyn Monroe are '
        'famous, and the Getty Foundation bought two." Visitors queued outside.'
    )
    assert "Hilary Braysmith" in found
    assert "Marilyn Monroe" not in found and "Getty Foundation" not in found


def test_the_plural_noun_a_figure_counts_is_its_unit():
    annotation = extract(
        "Firefighters said 18 aircraft and more than 60 ships were searching for "
        "40 fishermen, and 1,200 people had fled. The club sold 23,000 tickets."
    )
    units = {s.evidence: s.unit for s in annotation.statistics}
    assert units == {
        "18": "aircraft",
        "more than 60": "ships",
        "40": None,
        "1,200": None,
        "23,000": "tickets",
    }


def test_an_unnamed_voice_for_a_body_reacts_on_its_behalf():
    annotation = extract(
        "The government raised fuel prices on Monday.\n\nA spokesperson for the "
        'World Bank said: "We support the reform."'
    )
    names = named(annotation)
    (reaction,) = annotation.reactions
    assert (names[reaction.actor], reaction.stance) == (
        "spokesperson for the World Bank",
        "supportive",
    )
    assert reaction.on_behalf_of == "world-bank"


def test_one_response_read_by_its_quote_and_its_verb_is_one_reaction():
    annotation = extract(
        "Home Secretary Jane Cole won the vote on Tuesday.\n\nMr Ravi Shah said "
        'Labour would repeal it. "It is a disgrace," he said. Later he called the '
        'bill "cruel", but said he welcomed the amendment on children.'
    )
    names = named(annotation)
    found = [(names[r.actor], r.stance, r.evidence) for r in annotation.reactions]
    disgrace = [f for f in found if "It is a disgrace" in f[2]]
    assert len(disgrace) == 1, found
    assert [(n, s) for n, s, _ in found].count(("Ravi Shah", "critical")) == 2


def test_a_response_reported_by_a_second_verb_after_but_is_a_second_reaction():
    found = reacting(
        "Home Secretary Jane Cole won the vote on Tuesday.\n\nLater Mr Ravi Shah "
        'called the bill "cruel", but said he welcomed the amendment on children.'
    )
    assert found == [("Ravi Shah", "critical"), ("Ravi Shah", "supportive")]


def test_praise_denied_in_a_quote_is_blame():
    found = reacting(
        "Home Secretary Jane Cole won the vote on Tuesday.\n\nCampaigner Ana Ruiz "
        'said: "This is not good for families." Nurse Tom Reid said: "I am not '
        'angry with anyone."'
    )
    assert found == [("Ana Ruiz", "critical")]


def test_each_piece_of_a_name_the_recogniser_splits_does_what_the_whole_did():
    found = actors(
        "Voters went to the polls. Other candidates elected were Gary Chan of DAB "
        "and Eunice Yung of New People's Party."
    )
    assert found["Eunice Yung"] == "person"
    assert found["New People's Party"] == "organization"


def test_a_regnal_numeral_is_part_of_the_name_not_an_organisation():
    found = actors(
        "King Charles III met the prime minister. Pope Benedict XVI said the church "
        "would pray. The CIA said it had no comment."
    )
    assert found["Charles III"] == found["Benedict XVI"] == "person"
    assert found["CIA"] == "organization"
    assert not {"III", "XVI"} & set(found)


def test_a_name_ending_in_a_nation_is_that_nations_body():
    found = actors(
        "Waiting lists rose to a record. NHS England said staff were working flat "
        "out. Public Health England said cases rose, and BBC Scotland reported it."
    )
    assert found["NHS England"] == "organization"
    assert found["Public Health England"] == "organization"
    assert found["BBC Scotland"] == "organization"
    assert "NHS" not in found


def test_a_name_followed_by_a_post_stays_a_person_the_recogniser_reads_as_org():
    text = (
        "Patients' groups have called for urgent action. Rachel Power, chief "
        'executive of the Patients Association, said people were "suffering".'
    )
    found = actors(text)
    assert found["Rachel Power"] == "person"
    assert found["Patients Association"] == "organization"


def test_a_one_word_party_that_responds_is_an_organisation_that_reacts():
    text = (
        "Labour accused the government of ignoring local people. Labour said the "
        "plan was wrong."
    )
    annotation = extract(text, title="Reservoir plan")
    labour = next(a for a in annotation.actors if a.name == "Labour")
    assert labour.type == "organization"
    assert [m.start for m in labour.mentions] == [0, 56]
    assert [(r.actor, r.stance) for r in annotation.reactions][:1] == [
        ("labour", "critical")
    ]


def test_a_post_of_a_named_person_is_no_organisation_and_the_firm_is_the_company():
    text = (
        "In a statement, Brookfield Components said orders fell.\n\n"
        "Union official Gary Marsh said workers were told on Monday.\n\n"
        "Speaking on BBC Radio Leeds, the mayor, Linda Cho, said she would meet "
        "the firm's bosses."
    )
    annotation = extract(text, title="Factory to close")
    named = {a.name: a for a in annotation.actors}
    assert "Union" not in named
    company = named["Brookfield Components"]
    assert [m.text for m in company.mentions] == ["Brookfield Components", "the firm"]


def test_a_company_noun_is_not_a_union_named_by_what_it_is():
    text = (
        "The mineworkers' union Sintraminas said 17 men had died. It accused the "
        "operator of ignoring gas alarms."
    )
    named = {a.name: a for a in extract(text, title="Mine blast").actors}
    assert [m.text for m in named["Sintraminas"].mentions] == ["Sintraminas"]


def test_a_league_a_former_captain_and_the_club_in_a_sports_story():
    text = (
        "Chelsea have sacked manager Graham Potter.\n\n"
        "Chelsea are 11th in the Premier League after a defeat.\n\n"
        'In a statement, the club said: "Graham has always been professional."\n\n'
        'Former England captain Alan Shearer said the decision was "inevitable". '
        "The Premier League said it would not comment."
    )
    named = {a.name: a for a in extract(text, title="Chelsea sack manager").actors}
    assert named["Premier League"].type == "organization"
    assert "League" not in named and "Former England" not in named
    assert [m.text for m in named["Chelsea"].mentions] == [
        "Chelsea",
        "Chelsea",
        "the club",
    ]
    assert named["Alan Shearer"].type == "person"


def test_initials_of_a_name_read_whole_and_the_company_past_a_regulator():
    text = (
        "Meta has been fined by the EU's data regulator.\n\n"
        "The Irish Data Protection Commission (DPC) said the company had broken "
        "the law. The DPC said it would publish its reasons.\n\n"
        'Meta said it would appeal against the ruling, calling the fine "unjustified".'
    )
    annotation = extract(text, title="Tech giant fined")
    named = {a.name: a for a in annotation.actors}
    commission = named["Irish Data Protection Commission"]
    assert [m.text for m in commission.mentions][1:] == ["DPC", "DPC"]
    assert "the company" in [m.text for m in named["Meta"].mentions]
    assert "DPC" not in named and "company" not in named
    assert [(r.actor, r.stance) for r in annotation.reactions] == [("meta", "critical")]


def test_a_short_name_in_brackets_after_an_organisation_is_one_of_its_names():
    text = (
        "The Workers' United Centre of Chile (CUT), the largest union, called a "
        "strike. The CUT said it would march on Friday."
    )
    named = {a.name: a for a in extract(text, title="Strike").actors}
    union = named["Workers' United Centre of Chile"]
    # the description set after the name is the union too
    assert [m.text for m in union.mentions][1:] == ["CUT", "the largest union", "CUT"]
    assert "CUT" not in named


def test_a_capital_written_as_a_place_is_not_the_government():
    text = (
        "Thousands marched in the Chilean capital, Santiago, on Thursday. The "
        "government of Chile defended the reform."
    )
    named = {a.name: a for a in extract(text, title="Protests").actors}
    government = named["Government of Chile"]
    assert "Santiago" not in [m.text for m in government.mentions]


def test_a_person_brought_in_by_where_they_work_is_no_guessed_protagonist():
    text = (
        "Scientists say the reef is suffering its worst bleaching on record.\n\n"
        "Professor Terry Hughes, of James Cook University, said the findings were "
        '"deeply alarming".'
    )
    annotation = extract(text, title="Reef bleaching")
    assert [(r.actor, r.stance) for r in annotation.reactions] == [
        ("terry-hughes", "concerned")
    ]


def test_the_party_leader_described_after_a_quote_is_the_named_leader():
    text = (
        'Opposition leader Tom Reed said the resignation was "long overdue". "The '
        'government has lost all credibility," the Labour leader added.\n\n'
        'Home Secretary Ann Lowe said: "The Home Secretary and I agree," she said.'
    )
    assert speakers(text) == ["Tom Reed", "Tom Reed", "Ann Lowe"]


def test_an_office_holder_the_story_never_names_speaks_as_the_office():
    text = (
        "Transport minister Jane Holt has resigned.\n\n"
        'The prime minister said he accepted her resignation "with regret".'
    )
    annotation = extract(text, title="Minister resigns")
    names = named(annotation)
    assert [names.get(q.speaker) for q in annotation.quotes] == ["prime minister"]


def test_a_company_named_beside_its_description_is_no_person():
    text = (
        "The council approved 1,200 homes.\n\n"
        'The developer, Taylor Wimpey, said: "We will start next year." A '
        "spokesperson for the company said the homes would be affordable."
    )
    named = {a.name: a for a in extract(text, title="Homes approved").actors}
    company = named["Taylor Wimpey"]
    assert company.type == "organization"
    assert [m.text for m in company.mentions] == [
        "developer",
        "Taylor Wimpey",
        "the company",
    ]


def test_supported_by_is_done_to_the_subject_no_reaction_of_theirs():
    text = (
        "A wildfire spread towards the capital.\n\n"
        "More than 400 firefighters, supported by 30 aircraft, are battling the "
        "flames, the fire service said."
    )
    annotation = extract(text, title="Wildfire spreads")
    assert annotation.reactions == []
    figures = {s.evidence: s.category for s in annotation.statistics}
    assert figures["More than 400"] == "deployment"


def test_an_institutions_words_before_a_post_name_the_office_not_a_body():
    text = (
        '"We are making a historic investment," Senate Majority Leader Chuck '
        "Schumer said. Senate Republican leader Mitch McConnell backed the bill. "
        "Speaker Nancy Pelosi said she would wait. Donald Trump blasted the vote, "
        'calling the Republicans who backed it "weak".'
    )
    annotation = extract(text, title="Senate passes bill")
    found = {a.name: a.type for a in annotation.actors}
    assert found["Senate"] == "government"
    assert not {"Senate Majority", "Senate Republican", "Speaker Nancy Pelosi"} & set(
        found
    )
    assert found["Nancy Pelosi"] == "person"
    stances = {r.actor: r.stance for r in annotation.reactions}
    assert stances["donald-trump"] == "critical"


def test_a_post_set_before_a_name_keeps_the_name_a_person():
    text = (
        "The Patients Association welcomed the apology.\n\n"
        '"Apologies are not enough," said its chief executive, Rachel Power.'
    )
    assert actors(text)["Rachel Power"] == "person"


def test_one_word_names_the_recogniser_misses_are_told_by_their_sentence():
    lead = "Governor Helen Marsh opened the new flood barrier on Monday.\n\n"
    quote = "Rachel Power said it was bad.\n\n"
    found = actors(
        lead
        + quote
        + "Unison, which represents many of the staff, said its members were "
        "tired. Unite said its members would strike. Chelsea have sacked their "
        "manager."
    )
    assert {found.get(n) for n in ("Unison", "Unite", "Chelsea")} == {"organization"}
    # a capitalised noun opening a sentence is still no name
    assert "Malaria" not in actors(lead + "Malaria has killed 300 people.")


def test_help_denied_is_blame():
    text = (
        "Governor Helen Marsh opened the new flood barrier on Monday.\n\n"
        "Unite said its members had been left without support."
    )
    assert reacting(text) == [("Unite", "critical")]


def test_a_person_first_named_after_the_opening_is_no_guessed_protagonist():
    text = (
        "Plans to close a town's only swimming pool have been shelved.\n\n"
        "Eastvale Borough Council had proposed shutting the leisure centre.\n\n"
        "Council leader Tom Bright said the authority had listened.\n\n"
        'Campaigner Jenny Lowe said she was "thrilled".'
    )
    assert ("Jenny Lowe", "supportive") in reacting(text)


def test_a_title_tells_which_of_two_people_sharing_a_surname_is_meant():
    text = (
        'Campaigner Jenny Lowe said she was "thrilled".\n\n'
        "Her husband, Mark Lowe, said the couple had collected names.\n\n"
        '"We will keep fighting," Mrs Lowe added.'
    )
    assert speakers(text) == ["Jenny Lowe", "Jenny Lowe"]
    assert "Mrs Lowe" not in actors(text)


def test_a_description_set_after_an_organisations_name_is_that_organisation():
    text = (
        "On Monday, the Prairie Water Authority (PWA), the government agency that "
        "manages the lakes, cut irrigation.\n\nThe Lakes Alliance, an environmental "
        "group, welcomed the decision. In a statement, the agency said it had "
        "acted on the evidence."
    )
    found = {a.name: a.aliases for a in extract(text).actors}
    assert "government agency" not in found and "environmental group" not in found
    assert "the agency" in found["Prairie Water Authority"]


def test_a_persons_name_with_a_places_word_is_the_persons():
    found = actors(
        "Actor Denzel Washington said the film was good. Jordan Henderson, the "
        "England captain, said the team was ready."
    )
    assert found.get("Denzel Washington") == "person"
    assert found.get("Jordan Henderson") == "person"
    assert "United States" not in found and "Jordan" not in found


def test_a_name_with_a_capitals_word_described_as_a_person_is_hers():
    text = (
        "Valeska Paris, an Australian woman and former Scientologist, has claimed "
        "the church held her. Paris said she was held for years. Her mother had "
        "spoken out against the church."
    )
    found = {a.name: a.type for a in extract(text).actors}
    assert found.get("Valeska Paris") == "person"
    assert found.get("Valeska Paris's mother") == "person"
    assert "France" not in found


def test_a_bodys_spokesperson_reacts_once_on_its_behalf():
    annotation = extract(
        "A driver was jailed on Monday.\n\nA Ministry of Justice spokesperson said "
        "the ministry was worried about the rise in deaths."
    )
    names = named(annotation)
    assert [(names[r.actor], r.on_behalf_of) for r in annotation.reactions] == [
        ("spokesperson for the Ministry of Justice", "ministry-of-justice")
    ]


def test_wire_copy_dateline_party_titles_and_descriptions():
    text = (
        "WASHINGTON (AP) — The Senate on Tuesday passed a bill on veterans' care.\n\n"
        '"This is a historic day for our veterans," said Sen. Jon Tester, a '
        "Montana Democrat who chairs the committee.\n\nRepublican Sen. Pat Toomey, "
        'who voted against the bill, said it was "a budget gimmick".'
    )
    annotation = extract(text, title="Senate passes veterans bill")
    names = named(annotation)
    assert set(names.values()) == {"Senate", "Jon Tester", "Pat Toomey"}
    assert [names[q.speaker] for q in annotation.quotes] == ["Jon Tester", "Pat Toomey"]
    assert ("Pat Toomey", "critical") in [
        (names[r.actor], r.stance) for r in annotation.reactions
    ]


def test_a_slogan_in_quotation_marks_is_no_actor():
    text = (
        "Plans to close the unit were confirmed on Monday.\n\n"
        "Hundreds of protesters gathered outside, some carrying placards reading "
        '"Save Castlebridge".\n\nLabour MP Priya Nandra, whose Castlebridge '
        "constituency includes the hospital, accused the trust of hiding."
    )
    annotation = extract(text, title="Unit to close")
    names = named(annotation)
    assert "Save Castlebridge" not in names.values()
    assert all(names[r.actor] != "Save Castlebridge" for r in annotation.reactions)


def test_a_company_noun_does_not_stand_for_a_place_named_before_it():
    found = actors(
        "Rachel Dunmore, the U.S. attorney in Manhattan, said the bank had failed "
        "its clients."
    )
    assert "Manhattan" not in found
    assert actors("Shares in Tesco fell after the supermarket warned.") == {
        "Tesco": "organization"
    }


def test_a_pronoun_after_an_unnamed_witness_is_the_witness():
    assert speakers(
        "Police Chief Tom Reyes said officers had followed the van for a mile.\n\n"
        "A man who lives on the corner, who did not give his name, said he saw the "
        'crash. "It was like a bomb going off," he said.'
    ) == [None]


def test_plain_police_are_the_one_police_department_named():
    annotation = extract(
        "A driver was arrested after a chase, police said.\n\n"
        "He faces three charges, according to the Dunmore Police Department."
    )
    (department,) = [a for a in annotation.actors if "Police" in a.name]
    assert department.name == "Dunmore Police Department"
    assert "police" in department.aliases


def test_a_police_union_does_not_stand_for_the_police():
    found = actors(
        "A driver was arrested after a chase, police said.\n\n"
        "The Harlan Police Officers Association said in a statement that the "
        "officers had followed policy."
    )
    assert "Harlan Police Officers Association" in found
    assert any(name.lower() == "police" for name in found)


def test_an_expert_introduced_by_their_post_at_a_body_reacts():
    text = (
        "Half of the children tested in a national survey had too little iodine, "
        "researchers found.\n\nProfessor Dan Whitby, director of the National Iodine "
        "Study, said the figures were worse than expected.\n\nProfessor Whitby said "
        "manufacturers could use iodised salt.\n\nProfessor Whitby said he is "
        "alarmed by what they found."
    )
    assert ("Dan Whitby", "concerned") in reacting(text)


def test_a_shared_surname_is_the_one_of_them_named_last():
    assert speakers(
        "Ellie Marsden was found unresponsive at her home on Saturday.\n\n"
        "Ellie's mother, Joanne Marsden, told the BBC her daughter had been "
        'anxious.\n\n"She was clever and funny," Ms Marsden said.\n\n'
        "Her husband, Paul Marsden, said the couple had never heard of the app."
    ) == ["Joanne Marsden"]


def test_a_one_word_outlet_is_an_organisation_not_a_person():
    found = actors(
        'Grainne Walsh, the head of enforcement, told Wikinews: "We are not saying '
        'the product is unsafe."'
    )
    assert found.get("Wikinews") == "organization"
    assert found.get("Grainne Walsh") == "person"


def test_a_name_after_a_sentence_opening_post_is_a_person():
    text = (
        "The NASL, which represents head teachers, said 27 schools would be "
        "affected. Its regional secretary, Anjali Mistry, said pupils already "
        'missed lessons.\n\n"Every head I have spoken to is worried," she said.'
    )
    assert actors(text).get("Anjali Mistry") == "person"
    assert speakers(text) == ["Anjali Mistry"]


def test_a_relative_acting_only_in_what_someone_reports_is_no_actor():
    found = actors(
        "Siobhan Keane, a customer from Galway, said her husband had bought two of "
        "the jugs. The suit says guards were missing when her son died."
    )
    assert not any("husband" in name or "son" in name.split() for name in found)
    assert "Siobhan Keane" in found


def test_a_dateline_without_an_agency_names_no_actor():
    text = (
        "LAS VEGAS — A federal judge on Tuesday refused to dismiss civil rights "
        "charges against three former Nevada prison guards accused of beating an "
        "inmate to death, setting up a trial that has put Republican Gov. Ron "
        "Castle on the defensive."
    )
    assert not {"LAS", "VEGAS", "LAS VEGAS"} & set(actors(text))
    assert reacting(text) == []


TRUST_STORY = (
    "Kettleford and District Hospitals NHS Trust said 14 people had been treated "
    "in the past week.\n\nA spokeswoman for the trust said the youngest patient was "
    '15. She said: "Anyone who feels drowsy should call 999."'
)


def test_a_name_joined_by_and_keeps_the_noun_that_stands_for_it():
    trust = "Kettleford and District Hospitals NHS Trust"
    found = actors(TRUST_STORY)
    assert trust in found and "District Hospitals NHS Trust" not in found
    (body,) = [a for a in extract(TRUST_STORY).actors if a.name == trust]
    assert body.aliases == ["the trust"]


def test_a_spokeswoman_for_a_body_named_by_its_noun_speaks_for_it():
    voice = "spokeswoman for Kettleford and District Hospitals NHS Trust"
    assert speakers(TRUST_STORY) == [voice]


def test_a_group_only_talked_about_in_a_report_is_no_actor():
    found = actors(
        "The Health and Care Workers' Union said 38 nurses would be moved on to day "
        "shifts. Karen Dueck said some members could lose their harvest."
    )
    assert "nurses" not in found and "members" not in found


def test_a_group_doing_what_a_report_tells_acts():
    found = actors(
        "The supporters' group Barra Norte said stewards had locked gate 4 to keep "
        "fans out."
    )
    assert "stewards" in found


def test_a_counted_group_that_protests_reacts():
    assert reacting(
        "The council voted to scrap free buses.\n\nHundreds of parents protested "
        "outside County Hall on Saturday."
    ) == [("parents", "critical")]


def test_a_shared_currency_word_takes_the_code_of_the_story_s_country():
    units = [
        s.unit
        for s in extract(
            "Protests spread across Tunisia on Sunday. The government pledged 120 "
            "million dinars to repair the pipes."
        ).statistics
    ]
    assert units == ["TND"]
    elsewhere = extract("The club pledged 40 million dinars to rebuild the ground.")
    assert [s.unit for s in elsewhere.statistics] == [None]


def test_a_speaker_s_age_may_end_the_sentence():
    annotation = extract(
        'Police fired tear gas on Sunday. "Now we need protection from the police," '
        "said Fatma Gharbi, 61."
    )
    assert [(s.evidence, s.category) for s in annotation.statistics] == [("61", "age")]


def test_a_figure_called_not_true_is_a_critical_reaction():
    text = (
        "Interior Minister Karim Ben Youssef put the death toll at four.\n\n"
        '"The ministry\'s figure is simply not true. We have the names," said its '
        "director, Sonia Mejri."
    )
    assert ("Sonia Mejri", "critical") in reacting(text)
    calm = text.replace("simply not true", "true")
    assert ("Sonia Mejri", "critical") not in reacting(calm)


def test_a_name_after_a_side_and_a_position_is_a_person():
    text = (
        "Aarvik Storm beat Kestrel Tallinn in the final on Sunday.\n\nSwedish "
        "opposite Maja Lindqvist scored 31 points. Kestrel middle blocker Kadri "
        'Tamm disagreed with her coach. "The referee was right," she said.'
    )
    found = actors(text)
    assert found.get("Maja Lindqvist") == "person"
    assert found.get("Kadri Tamm") == "person"
    assert speakers(text) == ["Kadri Tamm"]


def test_a_count_of_things_takes_no_category_from_who_is_near():
    annotation = extract(
        "Officers seized more than 300 tablets from a house, the force said. "
        "Police said 26 armed men were killed."
    )
    by_evidence = {s.evidence: s.category for s in annotation.statistics}
    assert by_evidence == {"more than 300": "other", "26": "fatalities"}


def test_countries_named_by_their_ministries_react():
    assert reacting(
        "Rebels attacked the town on Sunday.\n\nThe foreign ministries of Portugal, "
        "South Africa and Tanzania condemned the attack."
    ) == [
        ("Portugal", "critical"),
        ("South Africa", "critical"),
        ("Tanzania", "critical"),
    ]
