from api.extraction.pipeline import extract


def quotes(text):
    annotation = extract(text)
    names = {a.id: a.name for a in annotation.actors}
    return [(q.text, q.kind, names.get(q.speaker)) for q in annotation.quotes]


def test_speaker_after_the_quote():
    text = "“We will rebuild every house in the valley,” said Maria Lopez, the mayor."
    assert quotes(text) == [
        ("We will rebuild every house in the valley", "direct", "Maria Lopez")
    ]


def test_speaker_before_the_quote():
    text = 'Interior Minister John Okafor said: "The roads will reopen on Monday."'
    assert quotes(text)[0][2] == "John Okafor"


def test_pronoun_speaker_resolves_to_last_named_person():
    text = (
        "Rescue chief Anna Berg visited the site.\n\n"
        "“We are still searching the rubble for survivors,” she added."
    )
    assert quotes(text)[0][2] == "Anna Berg"


def test_guillemets_and_scare_quotes():
    text = "Prime Minister Paul Martin called the strike «unacceptable» and «illegal»."
    found = quotes(text)
    assert [q[:2] for q in found] == [("unacceptable", "term"), ("illegal", "term")]


def test_partial_quote_inside_reported_speech():
    text = "Governor Ruth Mbeki said that the dam was “at serious risk of collapse”."
    assert quotes(text) == [("at serious risk of collapse", "partial", "Ruth Mbeki")]


def test_quote_over_several_paragraphs_keeps_its_speaker():
    text = (
        "Farmer Joseph Banda said he had lost everything.\n\n"
        "“The water came at about two in the morning. We ran.\n\n"
        "“My sister is still missing and nobody has told us anything.”"
    )
    found = quotes(text)
    assert len(found) == 2
    assert {q[2] for q in found} == {"Joseph Banda"}


def test_according_to():
    text = (
        'The Ministry of Health said the clinics were "fully stocked", '
        "according to the Ministry of Health."
    )
    assert quotes(text)[0][2] == "Ministry of Health"


def test_pull_quote_is_merged_with_the_quote_it_repeats():
    text = (
        "We will not negotiate with people who burn our cities and we will win\n\n"
        "The talks collapsed on Sunday.\n\n"
        "“We will not negotiate with those who burn our cities, and we will win,” "
        "said President Ana Ruiz."
    )
    annotation = extract(text)
    (quote,) = annotation.quotes
    assert len(quote.occurrences) == 2
    assert quote.start > annotation.article.paragraphs[0].end
    assert annotation.article.paragraphs[0].kind == "pull_quote"


def test_a_pull_quote_shortening_the_quote_it_repeats_is_merged_with_it():
    text = (
        "“We are treating patients with pen and paper, like it is 1985”\n\n"
        "A cyber-attack has shut the hospital's systems, security researchers said.\n\n"
        "“Our staff have been extraordinary. We are treating patients with pen and "
        "paper, as if it were 1985, and nobody has been turned away,” the chief "
        "executive, Helen Okafor, told reporters."
    )
    annotation = extract(text)
    names = {a.id: a.name for a in annotation.actors}
    assert [(names.get(q.speaker), len(q.occurrences)) for q in annotation.quotes] == [
        ("Helen Okafor", 2)
    ]
    assert annotation.article.paragraphs[0].kind == "pull_quote"


def test_someone_brought_in_unnamed_is_nobody_named():
    annotation = extract(
        'A man was stabbed. Local MP Hilary Benn said he was "shocked". '
        'One woman, who did not want to be named, said: "I am scared." '
        'A witness said: "There was blood everywhere."'
    )
    speakers = {q.text: q.speaker for q in annotation.quotes}
    assert speakers == {
        "shocked": "hilary-benn",
        "I am scared.": None,
        "There was blood everywhere.": None,
    }


def test_a_pronoun_in_what_a_person_reports_is_that_person():
    annotation = extract(
        "Talks on the new trade deal collapsed on Friday. Trade Secretary Liz "
        "Truss met her American counterpart, Robert Lighthizer, in Washington. "
        'She said the talks had been "constructive" but admitted gaps remained. '
        "He told reporters that the US would not back down. "
        '"We need a fair deal," he said. "Our farmers deserve better." '
        'Ms Truss later said: "We will keep talking." Mr Lighthizer declined to '
        "comment further. The EU trade commissioner, Phil Hogan, said he was "
        '"disappointed" by the outcome.'
    )
    assert {(r.actor, r.stance) for r in annotation.reactions} == {
        ("phil-hogan", "critical")
    }


def test_an_unnamed_spokesperson_speaks_as_a_person_named_for_their_body():
    """As the curated corpora name them: 'spokeswoman for World Rugby', with 'the'
    where the text writes the body's name with it."""
    assert [
        (text, speaker)
        for text, _, speaker in quotes(
            "A fire destroyed a warehouse on Sunday.\n\nThe Harbour Authority said "
            'the cause was not yet known. "Investigations are under way," a '
            'spokesman said. A Microsoft spokesman said: "We are checking." A '
            'spokesperson for NHS England said: "We are helping."'
        )
    ] == [
        ("Investigations are under way", "spokesman for the Harbour Authority"),
        ("We are checking.", "spokesman for Microsoft"),
        ("We are helping.", "spokesperson for NHS England"),
    ]


def test_a_named_spokesperson_is_no_unnamed_voice():
    assert quotes(
        "An earthquake struck on Sunday.\n\n"
        '"The toll will rise," said Narayan Adhikari, a spokesman for the Home '
        "Ministry."
    ) == [("The toll will rise", "direct", "Narayan Adhikari")]


def test_a_person_called_by_their_age_is_the_person_named_before():
    assert quotes(
        "A fire destroyed a warehouse on Sunday.\n\nFirefighter Dave Kemp, 45, was "
        'first at the scene. "The heat was incredible," said the 45-year-old.'
    ) == [("The heat was incredible", "direct", "Dave Kemp")]


def test_he_is_the_man_the_paragraph_named_not_one_named_again_later():
    text = (
        "Scotland beat France on Saturday.\n\n"
        'Head coach Alan Drummond said he was proud. "She is a captain," he said.'
        "\n\nFrance coach Thierry Lavelle was less impressed. He accused Scotland of "
        '"killing the ball".\n\nDrummond said the squad would be named on Monday.'
    )
    assert [speaker for _, _, speaker in quotes(text)] == [
        "Alan Drummond",
        "Thierry Lavelle",
    ]


def test_the_name_of_a_thing_in_quotation_marks_is_nobodys_words():
    text = (
        "Curator Jo Park opened the show on Monday. One piece was the screen "
        'print called "Cowboys and Indians". A gang calling itself "BlackTide" '
        'claimed the theft. Ms Park called the theft "a disgrace".'
    )
    assert [(t, speaker) for t, _, speaker in quotes(text)] == [
        ("Cowboys and Indians", None),
        ("BlackTide", None),
        ("a disgrace", "Jo Park"),
    ]


def test_a_relative_named_by_kin_has_the_kins_sex():
    text = (
        "Thomas Sam, a homeopath, treated his daughter himself.\n\n"
        "Allegedly, Thomas' sister pleaded with him to call a doctor, but he "
        'replied "I am not able to do that".'
    )
    assert [speaker for _, _, speaker in quotes(text)] == ["Thomas Sam"]


def test_a_paragraph_opens_a_sentence_for_the_parser():
    text = (
        "A driver was jailed on Monday.\n\n"
        'Judge Richard Mansell told him he had shown "a total disregard".\n\n'
        'In a statement, the mother said: "Amy was the light of our lives."\n\n'
        'Speaking outside court, Det Sgt Mark Ellis said the sentence sent "a '
        'clear message".\n\n"No sentence will bring Amy back," he said.'
    )
    assert [speaker for _, _, speaker in quotes(text)][-2:] == [
        "Mark Ellis",
        "Mark Ellis",
    ]


def test_a_list_that_speaks_together_is_nobodys_alone():
    text = (
        "Talks ended on Sunday.\n\nThe United States, Japan and Switzerland said "
        'they were "deeply disappointed by the lack of ambition".'
    )
    assert [speaker for _, _, speaker in quotes(text)] == [None]
