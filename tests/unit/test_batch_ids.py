"""Identifiers made for a whole import at once are those made one by one."""

import uuid

import pytest

from desktop.domain.regno import is_valid_registration_no, make_registration_no, registration_nos


@pytest.mark.parametrize("prefix", ["7K3QMX", "000000", "ZZZZZZ", "ABCDEF"])
@pytest.mark.parametrize("first, count", [(1, 2500), (998_900, 1_100), (424_242, 1)])
def test_registration_numbers_of_a_batch_are_those_made_one_by_one(prefix, first, count):
    batch = registration_nos(prefix, first, count)
    assert batch == [make_registration_no(prefix, first + i) for i in range(count)]
    assert all(is_valid_registration_no(number) for number in batch[:50])


def test_a_batch_refuses_what_one_by_one_refuses():
    assert registration_nos("7K3QMX", 5, 0) == []
    with pytest.raises(ValueError):
        registration_nos("7K3QMI", 1, 10)            # I is not Crockford base-32
    with pytest.raises(ValueError):
        registration_nos("7K3QMX", 999_990, 20)      # past the device's last sequence


def test_new_uuids_are_random_version_4_uuids_as_text():
    from desktop.services.bulk_enroll import new_uuids as _new_uuids

    made = _new_uuids(5000)
    assert len(set(made)) == 5000
    for text in made:
        value = uuid.UUID(text)
        assert str(value) == text and value.version == 4 and value.variant == uuid.RFC_4122
