"""CH501 channel-mentioned-not-listed: channels the Markdown prose names, at their first mention."""

from __future__ import annotations

from charterlint.checks.prose import channel_words, provides
from tests.helpers import ANSWERED_PHONE, CHARTER_HEAD, REVIEW, findings, lint_text

PHONE = ANSWERED_PHONE.rstrip("\n")


def markdown(body: str, channels: str = PHONE) -> str:
    """With PHONE, the body starts on line 17 (after the closing fence on line 16)."""
    return "---\n" + CHARTER_HEAD + "channels:\n" + channels + "\n" + REVIEW + "---\n" + body


def ch501(text: str) -> list[tuple[str, int, int, str]]:
    return findings(text, ["CH501"], filename="test.charter.md")


def unlisted(named: str, fix: str) -> str:
    return f'the text names "{named}" but no channel provides it ({fix}, or remove the mention)'


def test_each_channel_is_reported_once_at_its_first_mention() -> None:
    body = "Chat on our web\nchat, or use live chat or Twitter (now X).\nText messages: we read every SMS.\n"
    assert ch501(markdown(body)) == [
        ("CH501", 17, 13, unlisted("web chat", "add a channel with type: live_chat")),
        ("CH501", 18, 27, unlisted("Twitter", "add a channel with type: social_media and platform: x")),
        ("CH501", 19, 1, unlisted("Text messages", "add a channel with type: sms")),
    ]


def test_span_of_a_mention_split_over_lines_ends_after_it() -> None:
    result = lint_text(markdown("Use web\nchat.\n"), ["CH501"], filename="test.charter.md")
    spans = [(f.span.start.line, f.span.start.column, f.span.end.line, f.span.end.column) for f in result.findings]
    assert spans == [(17, 5, 18, 5)]


def test_code_blocks_and_html_comments_are_not_prose() -> None:
    body = (
        "<!-- TODO: add WhatsApp\n"
        "and Instagram -->\n"
        "```yaml\n"
        "platform: whatsapp  # WhatsApp\n"
        "```\n"
        "Call us <!-- or use Facebook --> any time.\n"
        "~~~~\nLinkedIn\n~~~\nstill code: Messenger\n~~~~\n"
        "Find us on WeChat.\n"
    )
    fix = "add a channel with type: messaging and platform: wechat"
    assert ch501(markdown(body)) == [("CH501", 28, 12, unlisted("WeChat", fix))]


def test_generic_words_and_lower_case_x_are_not_channels() -> None:
    body = "Write by post, message us online, see our website or mobile phone. An x-ray, an X-ray, 3 x 2, X's.\n"
    assert ch501(markdown(body)) == []


def test_type_platform_or_name_of_an_entry_provides_a_word() -> None:
    channels = PHONE + """
  - id: social
    type: social_media
    platform: facebook
    name: Facebook Messenger
    hours: always
    commitments:
      respond: {within: 1 hour}
  - id: assistant
    type: chatbot
    hours: always
    human_follow_up: {within: 4 hours, via: social}"""
    body = "Message us on Facebook Messenger or Instagram, or ask our virtual assistant or our chatbots.\n"
    assert ch501(markdown(body, channels)) == []


def test_platform_of_another_type_provides_the_word() -> None:
    word = next(w for w in channel_words() if w.label == "WhatsApp")
    assert provides({"type": "social_media", "platform": "whatsapp"}, word)
    assert provides({"type": "messaging", "platform": "wechat"}, word)  # the catalogue: type or platform
    assert not provides({"type": "social_media", "platform": "facebook", "name": "Facebook"}, word)


def test_yaml_charter_has_no_prose_to_read() -> None:
    text = markdown("").split("---\n")[1] + "x-note: WhatsApp\n"
    assert findings(text, ["CH501"]) == []


MESSENGER = PHONE + """
  - id: messenger
    type: messaging
    platform: messenger
    name: Messenger
    hours: always
    commitments:
      respond: {within: 1 hour}"""  # with MESSENGER, the body starts on line 24


def test_a_letter_x_is_not_the_platform_and_does_not_hide_a_later_mention() -> None:
    body = (
        "Under Part X of the Housing Act 1996 we must respond to homelessness applications.\n"
        "Follow us on Twitter or Facebook.\n"
        "Message us on Facebook Messenger any time.\n"
    )
    assert ch501(markdown(body, MESSENGER)) == [
        ("CH501", 25, 14, unlisted("Twitter", "add a channel with type: social_media and platform: x")),
        ("CH501", 25, 25, unlisted("Facebook", "add a channel with type: social_media and platform: facebook")),
    ]


def test_x_alone_names_the_platform_only_in_a_channel_context() -> None:
    letters = "See Part X, Form X and Schedule X; X marks the spot. Plan X: on x.\n"
    assert ch501(markdown(letters)) == []
    fix = "add a channel with type: social_media and platform: x"
    for body, line, column, named in (
        ("Follow us on X.\n", 17, 14, "X"),
        ("We are @ExampleWater on\nX.\n", 18, 1, "X"),
        ("Our X (formerly Twitter) account.\n", 17, 5, "X"),
        ("Post to X (Twitter).\n", 17, 9, "X"),
        ("Visit X.com/examplewater.\n", 17, 7, "X.com"),
        ("Visit https://www.x.com/examplewater.\n", 17, 15, "www.x.com"),
    ):
        assert ch501(markdown(body)) == [("CH501", line, column, unlisted(named, fix))], body


def test_other_domains_and_email_addresses_ending_in_x_com_are_not_the_platform() -> None:
    body = "Fax us via fax.com, write to help@x.com, or see box.x.com and x.com.au.\n"
    assert ch501(markdown(body)) == []


def test_facebook_messenger_is_messenger_not_facebook() -> None:
    assert ch501(markdown("Message us on Facebook Messenger any time.\n", MESSENGER)) == []
    fix = "add a channel with type: messaging and platform: messenger"
    assert ch501(markdown("Message us on Facebook\nMessenger.\n")) == [
        ("CH501", 17, 15, unlisted("Facebook Messenger", fix)),
    ]


def test_a_channel_named_facebook_messenger_provides_messenger_not_facebook() -> None:
    words = {w.label: w for w in channel_words()}
    entry = {"type": "messaging", "name": "Facebook Messenger"}
    assert provides(entry, words["Messenger"])
    assert not provides(entry, words["Facebook"])
    assert provides({"type": "other", "name": "X"}, words["X"])  # in a channel's name, X is the platform
