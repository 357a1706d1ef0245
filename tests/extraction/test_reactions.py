from api.extraction.pipeline import extract


def reactions(text):
    annotation = extract(text)
    names = {a.id: a.name for a in annotation.actors}
    return {names[r.actor]: r for r in annotation.reactions}


def test_several_reacting_countries_in_one_sentence():
    found = reactions(
        "Prime Minister Ana Ruiz ordered the army into the streets. "
        "France, Germany and Italy condemned the crackdown."
    )
    assert {"France", "Germany", "Italy"} <= set(found)
    assert {r.stance for r in found.values()} == {"critical"}


def test_stances_and_behalf():
    found = reactions(
        "President Ana Ruiz ordered the army into the streets. "
        "Chinese President Xi Jinping applauded the “strong measures”. "
        "The UN urged restraint."
    )
    assert found["Xi Jinping"].stance == "supportive"
    assert found["Xi Jinping"].on_behalf_of == "china"
    assert len(found["Xi Jinping"].quotes) == 1
    assert found["United Nations"].stance == "concerned"


def test_protagonist_does_not_react():
    found = reactions(
        "President Ana Ruiz thanked the army. President Ana Ruiz welcomed the vote."
    )
    assert found == {}


def test_person_first_named_late_is_no_protagonist():
    found = reactions(
        "Five skiers were killed on Saturday when an avalanche swept down a slope. "
        "Rescuers searched the area for hours with dogs and helicopters.\n\n"
        "Governor Ana Ruiz urged visitors to stay on the pistes. Ms Ruiz spoke."
    )
    assert "Ana Ruiz" in found


def test_person_named_in_the_lead_is_the_protagonist_however_often_others_are():
    found = reactions(
        "President Ana Ruiz won the run-off on Sunday.\n\n"
        "Senator Luis Mora conceded. Mr Mora spoke. Mr Mora left. Mr Mora "
        "congratulated Ms Ruiz.\n\nMs Ruiz welcomed the result."
    )
    assert "Ana Ruiz" not in found
    assert found["Luis Mora"].stance == "supportive"
