"""CH021 duplicate-id: at the second use of an id, naming the line of the first."""

from __future__ import annotations

from tests.helpers import findings

JSON_CHARTER = """\
{
  "charter_format": 1,
  "title": "Example Water customer charter",
  "organization": {"name": "Example Water"},
  "overview": {"mission": "Safe, reliable water for every home."},
  "calendars": [
    {"id": "office", "timezone": "Europe/London", "open": {"mon-fri": "09:00-17:00"}},
    {"id": "office", "timezone": "Europe/London", "open": {"sat": "09:00-12:00"}}
  ],
  "channels": [
    {"id": "phone", "type": "phone", "hours": "office",
     "commitments": {"answer": {"within": "60 seconds"}}},
    {"id": "email", "type": "email", "hours": "always", "commitments": {"respond": {"within": "2 days"}}},
    {"id": "phone", "type": "phone", "hours": "always", "commitments": {"answer": {"within": "60 seconds"}}}
  ],
  "review": {"last_reviewed": "2025-06-01"}
}
"""


def test_a_duplicate_id_names_the_line_of_the_first_and_asks_to_rename_one() -> None:
    assert findings(JSON_CHARTER, ["CH021"], filename="test.charter.json") == [
        ("CH021", 8, 12, 'calendar id "office" is already used on line 7: rename one (ids must be unique)'),
        ("CH021", 14, 12, 'channel id "phone" is already used on line 11: rename one (ids must be unique)'),
    ]
