"""Invented fixtures for the web tests (no seed sentences) and a small upload helper."""

from __future__ import annotations

# Invented text (not from any seed) that the extractors recognise: a figure and a ratification.
PUBLIC_TEXT = (
    "Immigration Detention Monitor: Freedonia\n\n"
    "In 2023, authorities placed 4,210 people in immigration detention, according to the "
    "interior ministry. Freedonia ratified the Convention against Torture in 1998.\n\n"
    "The Northgate holding centre was used to confine asylum seekers awaiting removal.\n"
)
SECRET_WORD = "zanzibarquill"
SECRET_TEXT = (
    "Confidential briefing\n\n"
    f"A {SECRET_WORD} source reports that in 2022, 9,999 people were placed in immigration "
    "detention. The country ratified the Convention against Torture in 2001.\n"
)


def upload(client, name: str, text: str, **form: str):  # type: ignore[no-untyped-def]
    return client.post("/api/v1/documents", files=[("files", (name, text.encode(), "text/plain"))],
                       data=form)
