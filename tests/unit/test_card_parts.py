"""Parts of a card batch: at most PART_CARDS cards, whole A4 sheets, even between the processes."""

from reports.cards import PART_CARDS, PER_SHEET, part_size


def parts(total, workers):
    size = part_size(total, workers)
    return [min(size, total - start) for start in range(0, total, size)]


def test_the_seed_batch_is_shared_evenly_between_two_processes():
    """1,000 + 1,000 + 1,000 + 533 left one process rendering its second 1,000 while the other had
    finished: 890 + 890 + 890 + 863 give each about half."""
    split = parts(3533, 2)
    assert split == [890, 890, 890, 863]
    assert abs(sum(split[0::2]) - sum(split[1::2])) <= PER_SHEET * 3


def test_parts_stay_bounded_and_whole_sheets():
    for total, workers in ((57543, 2), (57543, 4), (12, 2), (2001, 2), (999, 3)):
        size = part_size(total, workers)
        assert size <= PART_CARDS and size % PER_SHEET == 0 and sum(parts(total, workers)) == total
    assert part_size(None, 2) == PART_CARDS and part_size(3533, 1) == PART_CARDS
