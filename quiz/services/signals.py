"""Events that cross aggregates, as blinker signals (blinker ships with Flask).

Attempts announce that an attempt has ended (submitted, run out or voided) without importing
the board code; the boards aggregate subscribes. Two moments, because they need different
guarantees:

* :data:`attempt_ending` is sent inside the finishing transaction, before its commit: the
  standings rows are written there, so a board can never disagree with the attempt it shows.
* :data:`attempt_ended` is sent after the commit: side effects outside the database (the Redis
  sorted sets) follow only what is durable.

Receivers take the attempt as the sender and no other arguments. The accounts aggregate
announces an erasure of personal data the same way, in two moments, with the user id.
"""

from __future__ import annotations

from blinker import Namespace

_signals = Namespace()

#: Sender: the Attempt, already marked finished or voided, before the commit.
attempt_ending = _signals.signal("attempt-ending")

#: Sender: the Attempt, after its end was committed.
attempt_ended = _signals.signal("attempt-ended")

#: Sender: the id of a user whose personal data is being erased, before the commit (the boards
#: forget the user's units in their derived rows, in the same transaction).
personal_data_erasing = _signals.signal("personal-data-erasing")

#: Sender: a tuple of ids of users whose erasure was committed (the Redis boards follow, once
#: per board however many students a purge erased).
personal_data_erased = _signals.signal("personal-data-erased")
